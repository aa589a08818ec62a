"""The conformance suite as a pytest module: every scenario of every feature file.

``trovesim verify`` runs this file with ``-p trovesim.steps.plugin``; trovesim.suite says where
the features are.
"""

from pytest_bdd import scenarios

from trovesim.suite import feature_paths

scenarios(*(str(path) for path in feature_paths()))
