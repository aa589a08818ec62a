"""The shipped conformance suite: Gherkin feature files and the requirements catalogue.

A package only so that the files install with trovesim and can be found beside it.
"""
