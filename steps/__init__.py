"""The conformance suite's step definitions, targets and runner (``trovesim verify``).

Steps speak only to a ``Target`` (see ``steps.targets``): the same Gherkin judges the embedded
simulator, our HTTP server and any Trove endpoint.
"""
