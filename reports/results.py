"""Reading a run's results: pytest's JUnit XML (with the plugin's properties) and ``run.json``.

JUnit XML is the one input: it holds every test's outcome (skips with their reason, set-up
errors), also under pytest-xdist. ``trovesim.reports.pytest_plugin`` adds each scenario's feature,
name and tags, the failing step with its keyword and exception class, and the deselected
scenarios. A test case without those properties cannot be tied to a requirement; it is listed as
unattributed. (pytest-bdd's cucumber JSON is not read: it misses skipped and set-up-failed
scenarios, records a skip inside a step as passed, and is empty under xdist.)
"""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

# What pytest did with a test; the reports' verdicts are judged from it in model.py.
Outcome = Literal["passed", "failed", "error", "skipped", "deselected"]

RUN_INFO_NAME = "run.json"
# Files this package writes; a results directory may hold them next to the run's own files.
OUTPUT_NAMES = {
    "md": "compliance.md",
    "html": "compliance.html",
    "json": "compliance.json",
    "junit": "compliance-junit.xml",
}
# Properties written by reports.pytest_plugin: per test case...
PROP_FEATURE = "bdd_feature"
PROP_URI = "bdd_uri"
PROP_SCENARIO = "bdd_scenario"
PROP_LINE = "bdd_line"
PROP_TAGS = "bdd_tags"
PROP_FAILED_STEP = "bdd_failed_step"
PROP_FAILED_KEYWORD = "bdd_failed_keyword"
PROP_EXCEPTION = "bdd_exception"
PROP_COULD_NOT_JUDGE = "bdd_could_not_judge"
# ... and per run, one per deselected scenario (a JSON object of the properties above + test_id).
PROP_DESELECTED = "bdd_deselected"
# Evidence keeps whole expected/got tables; this only stops a runaway message (a dumped page).
MESSAGE_LIMIT = 20_000
KEYWORDS = ("Given", "When", "Then")
# How pytest's JUnit XML ends a message attribute it shortened.
SHORTENED = "full report in element text]"


class ResultsError(ValueError):
    """A results file cannot be read or is not in a format this package understands."""


@dataclass(frozen=True)
class ScenarioResult:
    """One scenario as run (or deselected); outlines give one result per Examples row."""

    feature: str
    uri: str
    name: str
    test_id: str
    tags: tuple[str, ...]
    outcome: Outcome
    line: int = 0  # the scenario's line in its feature file (0: not recorded)
    step: str | None = None
    message: str | None = None
    # The failing step's keyword (Given/When/Then), exception class and whether it says the
    # target could not be asked; None/False when the plugin did not see a step fail.
    keyword: str | None = None
    exception: str | None = None
    could_not_judge: bool = False

    @property
    def key(self) -> str:
        return f"{self.uri}::{self.test_id}"


@dataclass(frozen=True)
class Leftover:
    """A resource the run created and could not delete."""

    kind: str
    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class RunInfo:
    """run.json: who ran what, when, and (newer runs) what it cost and left behind."""

    target: str | None = None
    started: str | None = None
    finished: str | None = None
    exit_code: int | None = None
    builds: dict[str, int] | None = None
    waited_seconds: float | None = None
    profile: dict[str, str] | None = None
    leftovers: tuple[Leftover, ...] = ()
    preflight: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunResults:
    scenarios: tuple[ScenarioResult, ...]
    info: RunInfo
    # JUnit test cases that carry no scenario properties (the plugin was not loaded).
    unattributed: tuple[str, ...] = ()


@dataclass
class _Reading:
    scenarios: list[ScenarioResult] = field(default_factory=list)
    unattributed: list[str] = field(default_factory=list)
    started: str | None = None


def result_files(paths: list[Path]) -> list[Path]:
    """Expand directories into the JUnit XML files they hold, leaving this package's outputs out."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                child
                for child in sorted(path.iterdir())
                if child.suffix == ".xml" and child.name not in OUTPUT_NAMES.values()
            )
        elif path.is_file():
            if path.suffix == ".json" and path.name != RUN_INFO_NAME:
                raise ResultsError(
                    f"{path}: JSON results are not read; give the run's JUnit XML "
                    "(written with -p trovesim.reports.pytest_plugin) or its directory"
                )
            files.append(path)
        else:
            raise ResultsError(f"{path}: no such results file or directory")
    return files


def read_results(paths: list[Path]) -> RunResults:
    """Read JUnit XML files (or directories of them), and the run.json beside them, as one run."""
    files = result_files(paths)
    info_files = [p for p in files if p.name == RUN_INFO_NAME]
    info_files += [
        beside
        for p in [*paths, *files]
        if (beside := (p if p.is_dir() else p.parent) / RUN_INFO_NAME).is_file()
    ]
    info = _read_run_info(info_files[0]) if info_files else RunInfo()
    xml_files = [p for p in files if p.name != RUN_INFO_NAME]
    if info.preflight:
        where = info_files[0]
        raise ResultsError(
            f"{where}: the run never started; preflight found: {'; '.join(info.preflight)}"
        )
    if not xml_files:
        raise ResultsError(f"no JUnit XML results in {', '.join(map(str, paths))}")
    reading = _Reading()
    for path in xml_files:
        _read_junit(path, reading)
    if info.started is None and reading.started:
        info = replace(info, started=reading.started)
    # Feature file order, whatever order xdist's workers finished in.
    scenarios = sorted(reading.scenarios, key=lambda s: (s.uri, s.line, s.test_id))
    return RunResults(tuple(scenarios), info, tuple(reading.unattributed))


def _read_junit(path: Path, reading: _Reading) -> None:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ResultsError(f"{path}: cannot read JUnit XML: {exc}") from None
    if root.tag not in {"testsuites", "testsuite"}:
        raise ResultsError(f"{path}: not JUnit XML (root element <{root.tag}>)")
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        reading.started = reading.started or suite.get("timestamp")
        for prop in suite.findall("properties/property"):
            if prop.get("name") == PROP_DESELECTED:
                reading.scenarios.append(_deselected(path, prop.get("value", "")))
        for case in suite.iter("testcase"):
            properties = {p.get("name", ""): p.get("value", "") for p in case.iter("property")}
            if PROP_SCENARIO in properties:
                reading.scenarios.append(_scenario(case, properties))
            else:
                reading.unattributed.append(f"{case.get('classname', '')}::{case.get('name', '')}")


def _scenario(case: ET.Element, props: dict[str, str]) -> ScenarioResult:
    outcome: Outcome = "passed"
    message = None
    for child in case:
        if child.tag in {"failure", "error"}:
            outcome = "failed" if child.tag == "failure" else "error"
            message = _failure_message(child)
            break
        if child.tag == "skipped":
            outcome, message = "skipped", (child.get("message") or "").strip() or None
    failing = outcome == "failed"
    step = props.get(PROP_FAILED_STEP) if failing else None
    return ScenarioResult(
        feature=props.get(PROP_FEATURE, case.get("classname", "")),
        uri=props.get(PROP_URI, case.get("classname", "")),
        name=_display_name(props[PROP_SCENARIO], case.get("name", "")),
        test_id=case.get("name", ""),
        tags=tuple(sorted(props.get(PROP_TAGS, "").split())),
        outcome=outcome,
        line=_line(props.get(PROP_LINE)),
        step=step,
        message=message,
        keyword=_keyword(props.get(PROP_FAILED_KEYWORD), step) if failing else None,
        exception=props.get(PROP_EXCEPTION) if failing else None,
        could_not_judge=failing and props.get(PROP_COULD_NOT_JUDGE) == "true",
    )


def _deselected(path: Path, value: str) -> ScenarioResult:
    try:
        props = json.loads(value)
        return ScenarioResult(
            feature=props[PROP_FEATURE],
            uri=props[PROP_URI],
            name=_display_name(props[PROP_SCENARIO], props["test_id"]),
            test_id=props["test_id"],
            tags=tuple(sorted(props[PROP_TAGS].split())),
            outcome="deselected",
            line=_line(props.get(PROP_LINE)),
        )
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ResultsError(f"{path}: malformed {PROP_DESELECTED} property: {value[:80]}") from None


def _line(value: object) -> int:
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def _keyword(recorded: str | None, step: str | None) -> str | None:
    """The plugin's resolved keyword; older runs only named the step, so take its first word."""
    if recorded in KEYWORDS:
        return recorded
    first = (step or "").split(" ", 1)[0]
    return first if first in KEYWORDS else None


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"{path}: cannot read JSON: {exc}") from None


def _read_run_info(path: Path) -> RunInfo:
    """run.json; every key is optional, and a present one must have its documented type."""
    data = _load_json(path)
    if not isinstance(data, dict):
        raise ResultsError(f"{path}: run information must be a JSON object")

    def bad(name: str, kind: str) -> ResultsError:
        return ResultsError(f"{path}: '{name}' must be {kind}")

    fields: dict[str, object] = {}
    for name, kind in (("target", str), ("started", str), ("finished", str), ("exit_code", int)):
        value = data.get(name)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise bad(name, f"a {kind.__name__}")
        fields[name] = value
    builds = data.get("builds")
    if builds is not None:
        if not isinstance(builds, dict) or not all(
            _count(builds.get(k)) for k in ("instances", "clusters")
        ):
            raise bad("builds", 'an object {"instances": N, "clusters": M} of counts')
        fields["builds"] = {"instances": builds["instances"], "clusters": builds["clusters"]}
    waited = data.get("waited_seconds")
    if waited is not None:
        if isinstance(waited, bool) or not isinstance(waited, int | float) or waited < 0:
            raise bad("waited_seconds", "a number of seconds")
        fields["waited_seconds"] = waited
    profile = data.get("profile")
    if profile is not None:
        if not isinstance(profile, dict) or not all(isinstance(v, str) for v in profile.values()):
            raise bad("profile", "an object of strings")
        fields["profile"] = dict(profile)
    leftovers = data.get("leftovers", [])
    keys = tuple(Leftover.__annotations__)
    if not isinstance(leftovers, list) or not all(
        isinstance(item, dict) and all(isinstance(item.get(k), str) for k in keys)
        for item in leftovers
    ):
        raise bad("leftovers", "a list of {kind, id, name, reason} strings")
    fields["leftovers"] = tuple(Leftover(**{k: item[k] for k in keys}) for item in leftovers)
    preflight = data.get("preflight", [])
    if not isinstance(preflight, list) or not all(isinstance(line, str) for line in preflight):
        raise bad("preflight", "a list of strings")
    fields["preflight"] = tuple(preflight)
    return RunInfo(**fields)  # type: ignore[arg-type]


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _display_name(name: str, test_id: str) -> str:
    """Outline rows share a name; pytest's parameter id (``[1-1-2]``) tells them apart."""
    if test_id.endswith("]") and "[" in test_id:
        return f"{name} [{test_id[test_id.index('[') + 1 : -1]}]"
    return name


def _failure_message(child: ET.Element) -> str | None:
    """The failure's whole message: the attribute, unless pytest shortened it to fit (it keeps
    about 500 characters and says so), then the ``E`` lines of the element text."""
    attribute = child.get("message") or ""
    if attribute.endswith(SHORTENED):
        return _concise(child.text) or _truncate(attribute)
    return _truncate(attribute) or _concise(child.text)


def _concise(text: str | None) -> str | None:
    """Keep pytest's ``E`` lines (the assertion and its explanation), not the whole traceback."""
    if not text or not text.strip():
        return None
    lines = [line[1:] for line in text.splitlines() if line.startswith("E ")]
    if not lines:
        lines = text.strip().splitlines()
        lines = lines if len(lines) <= 3 else lines[-1:]
    return _truncate(textwrap.dedent("\n".join(lines)))


def _truncate(text: str | None) -> str | None:
    text = (text or "").strip("\n")
    if not text.strip():
        return None
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"
