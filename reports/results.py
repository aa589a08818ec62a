"""Reading a run's results: pytest-bdd cucumber JSON, JUnit XML and the optional ``run.json``.

Neither file tells the whole story on its own, as observed with pytest-bdd 9.0.1:

- cucumber JSON carries features, tags and steps, but only for scenarios whose test body ran:
  scenarios skipped before their first step (a skip mark, a skip in a hook or fixture) and setup
  errors are missing, a skip inside a step is recorded with every step "passed", and under
  pytest-xdist the file is empty;
- JUnit XML has every test's outcome (skips with their reason, setup errors), also under xdist,
  but no tags, unless ``trovesim.reports.pytest_plugin`` was loaded, which adds the scenario's
  feature, name, tags and failing step as test-case properties.

So the outcome of a test case in JUnit XML wins, cucumber JSON supplies steps and tags, and a test
case found only in JUnit XML becomes a scenario when it carries the plugin's properties.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Status = Literal["passed", "failed", "skipped"]

RUN_INFO_NAME = "run.json"
# Files this package writes; a results directory may hold them next to the run's own files.
OUTPUT_NAMES = {
    "md": "compliance.md",
    "html": "compliance.html",
    "json": "compliance.json",
    "junit": "compliance-junit.xml",
}
# Test-case properties written by reports.pytest_plugin.
PROP_FEATURE = "bdd_feature"
PROP_URI = "bdd_uri"
PROP_SCENARIO = "bdd_scenario"
PROP_TAGS = "bdd_tags"
PROP_FAILED_STEP = "bdd_failed_step"
MESSAGE_LIMIT = 2000


class ResultsError(ValueError):
    """A results file cannot be read or is not in a format this package understands."""


@dataclass(frozen=True)
class ScenarioResult:
    """One executed (or skipped) scenario; outlines give one result per Examples row."""

    feature: str
    uri: str
    name: str
    test_id: str
    tags: tuple[str, ...]
    status: Status
    step: str | None = None
    message: str | None = None

    @property
    def key(self) -> str:
        return f"{self.uri}::{self.test_id}"


@dataclass(frozen=True)
class RunInfo:
    target: str | None = None
    started: str | None = None
    finished: str | None = None
    exit_code: int | None = None


@dataclass(frozen=True)
class RunResults:
    scenarios: tuple[ScenarioResult, ...]
    info: RunInfo
    # JUnit test cases that match no cucumber scenario and carry no plugin properties.
    unattributed: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Case:
    classname: str
    name: str
    status: Status
    message: str | None
    properties: dict[str, str]


def result_files(paths: list[Path]) -> list[Path]:
    """Expand directories into the result files they hold, leaving this package's outputs out."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                child
                for child in sorted(path.iterdir())
                if child.suffix in {".json", ".xml"}
                and child.name not in OUTPUT_NAMES.values()
                and child.name != RUN_INFO_NAME
            )
        elif path.is_file():
            files.append(path)
        else:
            raise ResultsError(f"{path}: no such results file or directory")
    if not files:
        raise ResultsError(f"no result files in {', '.join(map(str, paths))}")
    return files


def read_results(paths: list[Path]) -> RunResults:
    """Read cucumber JSON and JUnit XML files (or directories of them) as one run."""
    cucumber: list[ScenarioResult] = []
    cases: list[_Case] = []
    suite_started: str | None = None
    info_files: list[Path] = []
    for path in result_files(paths):
        if path.suffix == ".xml":
            file_cases, timestamp = _read_junit(path)
            cases.extend(file_cases)
            suite_started = suite_started or timestamp
        elif path.name == RUN_INFO_NAME:
            info_files.append(path)
            continue
        else:
            cucumber.extend(_read_cucumber(path))
        beside = path.parent / RUN_INFO_NAME
        if beside.is_file() and beside not in info_files:
            info_files.append(beside)
    info = _read_run_info(info_files[0]) if info_files else RunInfo()
    if info.started is None and suite_started:
        info = replace(info, started=suite_started)
    scenarios, unattributed = _merge(cucumber, cases)
    return RunResults(tuple(scenarios), info, tuple(unattributed))


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"{path}: cannot read JSON: {exc}") from None


def _read_cucumber(path: Path) -> list[ScenarioResult]:
    data = _load_json(path)
    if isinstance(data, dict) and "requirements" in data:
        raise ResultsError(f"{path}: is a compliance report, not a run's results")
    if not isinstance(data, list):
        raise ResultsError(f"{path}: not cucumber JSON (expected a list of features)")
    try:
        return [_cucumber_scenario(f, item) for f in data for item in f["elements"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ResultsError(f"{path}: not pytest-bdd cucumber JSON (bad or missing {exc})") from None


def _cucumber_scenario(feature: dict, element: dict) -> ScenarioResult:
    tags = {tag["name"] for tag in feature.get("tags", [])} | {t["name"] for t in element["tags"]}
    status: Status = "passed"
    step = message = None
    for item in element["steps"]:
        result = item["result"]["status"]
        if result == "failed":
            status, step = "failed", f"{item['keyword']} {item['name']}"
            message = _concise(item["result"].get("error_message"))
            break
        if result == "skipped":
            status, step = "skipped", f"{item['keyword']} {item['name']}"
    test_id = element["id"]
    return ScenarioResult(
        feature=feature["name"],
        uri=feature["uri"],
        name=_display_name(element["name"], test_id),
        test_id=test_id,
        tags=tuple(sorted(tags)),
        status=status,
        step=step,
        message=message,
    )


def _read_junit(path: Path) -> tuple[list[_Case], str | None]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ResultsError(f"{path}: cannot read JUnit XML: {exc}") from None
    if root.tag not in {"testsuites", "testsuite"}:
        raise ResultsError(f"{path}: not JUnit XML (root element <{root.tag}>)")
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    timestamp = next((s.get("timestamp") for s in suites if s.get("timestamp")), None)
    return [_junit_case(case) for case in root.iter("testcase")], timestamp


def _junit_case(case: ET.Element) -> _Case:
    status: Status = "passed"
    message = None
    for child in case:
        if child.tag in {"failure", "error"}:
            status = "failed"
            message = _truncate(child.get("message")) or _concise(child.text)
            break
        if child.tag == "skipped":
            status, message = "skipped", (child.get("message") or "").strip() or None
    properties = {prop.get("name", ""): prop.get("value", "") for prop in case.iter("property")}
    return _Case(case.get("classname", ""), case.get("name", ""), status, message, properties)


def _merge(
    cucumber: list[ScenarioResult], cases: list[_Case]
) -> tuple[list[ScenarioResult], list[str]]:
    scenarios = list(cucumber)
    unmatched = list(range(len(scenarios)))
    unattributed: list[str] = []
    for case in cases:
        uri = case.properties.get(PROP_URI)
        index = next(
            (
                i
                for i in unmatched
                if scenarios[i].test_id == case.name and uri in (None, scenarios[i].uri)
            ),
            None,
        )
        if index is not None:
            unmatched.remove(index)
            scenarios[index] = _with_outcome(scenarios[index], case)
        elif PROP_SCENARIO in case.properties:
            scenarios.append(_from_case(case))
        else:
            unattributed.append(f"{case.classname}::{case.name}")
    return scenarios, unattributed


def _with_outcome(scenario: ScenarioResult, case: _Case) -> ScenarioResult:
    """Apply JUnit's outcome, which sees skips and setup errors that cucumber JSON misses."""
    if case.status == "passed":
        return replace(scenario, status="passed", step=None, message=None)
    if case.status == "skipped":
        return replace(scenario, status="skipped", step=None, message=case.message)
    step = scenario.step if scenario.status == "failed" else case.properties.get(PROP_FAILED_STEP)
    return replace(scenario, status="failed", step=step, message=case.message or scenario.message)


def _from_case(case: _Case) -> ScenarioResult:
    props = case.properties
    return ScenarioResult(
        feature=props.get(PROP_FEATURE, case.classname),
        uri=props.get(PROP_URI, case.classname),
        name=_display_name(props[PROP_SCENARIO], case.name),
        test_id=case.name,
        tags=tuple(sorted(props.get(PROP_TAGS, "").split())),
        status=case.status,
        step=props.get(PROP_FAILED_STEP) if case.status == "failed" else None,
        message=case.message,
    )


def _read_run_info(path: Path) -> RunInfo:
    data = _load_json(path)
    if not isinstance(data, dict):
        raise ResultsError(f"{path}: run information must be a JSON object")
    fields: dict[str, object] = {}
    for name, kind in (("target", str), ("started", str), ("finished", str), ("exit_code", int)):
        value = data.get(name)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise ResultsError(f"{path}: '{name}' must be a {kind.__name__}")
        fields[name] = value
    return RunInfo(**fields)  # type: ignore[arg-type]


def _display_name(name: str, test_id: str) -> str:
    """Outline rows share a name; pytest's parameter id (``[1-1-2]``) tells them apart."""
    if test_id.endswith("]") and "[" in test_id:
        return f"{name} [{test_id[test_id.index('[') + 1 : -1]}]"
    return name


def _concise(text: str | None) -> str | None:
    """Keep pytest's ``E`` lines (the assertion and its explanation), not the whole traceback."""
    if not text or not text.strip():
        return None
    lines = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    if not lines:
        lines = [line.strip() for line in text.strip().splitlines()]
        lines = lines if len(lines) <= 3 else lines[-1:]
    return _truncate("\n".join(line for line in lines if line))


def _truncate(text: str | None) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"
