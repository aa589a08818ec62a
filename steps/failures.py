"""A failing scenario told as its author needs it: the feature file and line, the failing step,
and the step's whole message (an expected/got table, rows that differ marked); pytest's
traceback follows only with ``-v``.

``trovesim verify`` loads it (``-p trovesim.steps.failures``). JUnit XML still gets the
traceback after this text, and its message attribute stays the exception's.
"""

from __future__ import annotations

import traceback
from collections.abc import Generator
from typing import Any

import pytest

from .reference import shown_path

STEP_FAILURE = pytest.StashKey[str]()


def author_text(feature: Any, scenario: Any, step: Any, says: str) -> str:
    where = shown_path(feature.filename)
    return "\n".join(
        [
            f"{where}:{scenario.line_number}: Scenario: {scenario.name}",
            f"{where}:{step.line_number}: {step.keyword} {step.name}   <- this step failed",
            says,
        ]
    )


def pytest_bdd_step_error(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: BaseException
) -> None:
    says = "".join(traceback.format_exception_only(exception)).strip()
    request.node.stash[STEP_FAILURE] = author_text(feature, scenario, step, says)


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: BaseException
) -> None:
    says = (
        "no step definition matches this step; `trovesim verify --dry-run` suggests the "
        "closest phrases, `trovesim steps` lists them all"
    )
    request.node.stash[STEP_FAILURE] = author_text(feature, scenario, step, says)


class AuthorRepr:
    """pytest's failure report with the author's text first; the traceback only when verbose.
    ``reprcrash`` stays pytest's, for the short summary and JUnit's message."""

    def __init__(self, text: str, original: Any, verbose: bool) -> None:
        self.text = text
        self.original = original
        self.verbose = verbose
        self.reprcrash = getattr(original, "reprcrash", None)

    def toterminal(self, tw: Any) -> None:
        for line in self.text.splitlines():
            tw.line(line)
        if self.verbose and hasattr(self.original, "toterminal"):
            tw.line("")
            tw.sep("-", "pytest's traceback")
            self.original.toterminal(tw)
        else:
            tw.line("(pytest's traceback: add -- -v)")

    def __str__(self) -> str:
        return f"{self.text}\n\n{self.original}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    text = item.stash.get(STEP_FAILURE, None)
    if text is not None and report.failed and report.when == "call":
        verbose = item.config.get_verbosity() > 0
        report.longrepr = AuthorRepr(text, report.longrepr, verbose)
    return report
