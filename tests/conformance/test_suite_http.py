"""Every scenario of the suite again, through python-troveclient against ``trovesim serve``.

The server runs with a virtual clock, so the suite recognises our simulator and runs the
simulator-only scenarios through its control API too; both targets must give the same verdicts.
"""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios
from trovesim.steps.options import CREDENTIALS
from trovesim.steps.targets.base import Credential, TargetSpec

from trovesim.suite import features_dir


@pytest.fixture(scope="module")
def target_spec(trovesim_server: str) -> TargetSpec:
    """Our server's default identities: admin-token, alice-token, bob-token."""
    return TargetSpec(
        target=trovesim_server,
        credentials={
            caller: Credential(token=token.default, project=project.default)
            for caller, (token, project, _) in CREDENTIALS.items()
        },
    )


scenarios(str(features_dir()))
