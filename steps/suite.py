"""The conformance suite as a pytest module: every scenario of every feature file.

``trovesim verify`` runs this file with ``-p steps.plugin``; the features are found next to the
``steps`` package (see steps.paths).
"""

from pytest_bdd import scenarios

from steps.paths import features_dir

scenarios(str(features_dir()))
