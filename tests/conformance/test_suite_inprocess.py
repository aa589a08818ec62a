"""Every scenario of the suite against the embedded simulator (the in-process target)."""

from __future__ import annotations

import dataclasses

import pytest
from pytest_bdd import scenarios
from trovesim.steps.options import INPROCESS
from trovesim.steps.spec import spec_from_config
from trovesim.steps.targets.base import TargetSpec

from trovesim.suite import features_dir


@pytest.fixture(scope="module")
def target_spec(pytestconfig: pytest.Config) -> TargetSpec:
    return dataclasses.replace(spec_from_config(pytestconfig), target=INPROCESS)


scenarios(str(features_dir()))
