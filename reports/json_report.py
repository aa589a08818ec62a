"""The JSON report: the same data as the other formats, for tools (shape: report.schema.json).

It also serves as the saved form of a run, so ``trovesim report --compare`` can load it back.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from trovesim.reports.catalogue import FIELDS, Requirement
from trovesim.reports.model import Report, RequirementVerdict, Verdict, scenario_verdict
from trovesim.reports.results import Leftover, ResultsError, RunInfo, ScenarioResult

FORMAT = "trovesim-compliance-report"
# 2: verdicts known_difference, error, not_selected; untagged scenarios; the run's cost.
VERSION = 2
SCENARIO_FIELDS = ("feature", "uri", "name", "test_id", "line", "outcome", "step", "message")
FAILURE_FIELDS = ("keyword", "exception", "could_not_judge")


def report_to_dict(report: Report) -> dict[str, object]:
    untagged = report.untagged()
    outcome = report.outcome()
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": report.title,
        "run": {
            **asdict(report.run),
            "leftovers": [asdict(x) for x in report.run.leftovers],
            "preflight": list(report.run.preflight),
        },
        "summary": {
            "outcome": None if outcome is None else outcome.value,
            "catalogue": {
                "requirements": report.catalogue_size,
                "applied": report.catalogue_applies,
            },
            "requirements": _counts(report.verdict_counts()),
            "pass_percentage": report.pass_percentage(),
            "pass_basis": report.pass_basis(),
            "scenarios": _counts(report.scenario_counts()),
            "untagged_scenarios": _counts(report.scenario_counts(untagged)),
        },
        "requirements": [_requirement(r) for r in report.requirements],
        "scenarios": [_scenario(s) for s in report.scenarios],
        "untagged_scenarios": [s.key for s in untagged],
        "unknown_tags": list(report.unknown_tags),
        "unattributed_tests": list(report.unattributed),
    }


def write_json(report: Report, path: Path) -> None:
    text = json.dumps(report_to_dict(report), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def load_report(path: Path) -> Report:
    """Read a JSON report written by write_json (this version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"{path}: cannot read JSON report: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsError(f"{path}: not a {FORMAT} file")
    if data.get("version") != VERSION:
        raise ResultsError(
            f"{path}: report version {data.get('version')}, this trovesim reads {VERSION}; "
            "build it again from the run's junit.xml"
        )
    try:
        return report_from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ResultsError(f"{path}: malformed report ({exc!r})") from None


def report_from_dict(data: dict) -> Report:
    scenarios = {item["key"]: _scenario_from(item) for item in data["scenarios"]}
    run = dict(data["run"])
    run["leftovers"] = tuple(Leftover(**item) for item in run["leftovers"])
    run["preflight"] = tuple(run["preflight"])
    return Report(
        title=data["title"],
        run=RunInfo(**run),
        requirements=tuple(
            RequirementVerdict(
                requirement=Requirement(*(item[name] for name in FIELDS)),
                verdict=Verdict(item["verdict"]),
                scenarios=tuple(scenarios[key] for key in item["scenarios"]),
                upstream_differs=item["upstream_differs"],
            )
            for item in data["requirements"]
        ),
        scenarios=tuple(scenarios.values()),
        catalogue_size=data["summary"]["catalogue"]["requirements"],
        unknown_tags=tuple(data["unknown_tags"]),
        unattributed=tuple(data["unattributed_tests"]),
    )


def _counts(counts: dict) -> dict[str, int]:
    return {"total": sum(counts.values()), **{verdict.value: n for verdict, n in counts.items()}}


def _requirement(result: RequirementVerdict) -> dict[str, object]:
    requirement = result.requirement
    return {
        **{name: getattr(requirement, name) for name in FIELDS},
        "verdict": result.verdict.value,
        "label": result.label,
        "upstream_differs": result.upstream_differs,
        "scenarios": [s.key for s in result.scenarios],
        "evidence": result.evidence(),
    }


def _scenario(scenario: ScenarioResult) -> dict[str, object]:
    verdict = scenario_verdict(scenario)
    return {
        "key": scenario.key,
        **{name: getattr(scenario, name) for name in SCENARIO_FIELDS},
        "tags": list(scenario.tags),
        "verdict": verdict.value,
        "label": verdict.label,
        **{name: getattr(scenario, name) for name in FAILURE_FIELDS},
    }


def _scenario_from(item: dict) -> ScenarioResult:
    return ScenarioResult(
        tags=tuple(item["tags"]),
        **{name: item[name] for name in (*SCENARIO_FIELDS, *FAILURE_FIELDS)},
    )
