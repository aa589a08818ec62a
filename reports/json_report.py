"""The JSON report: the same data as the other formats, for tools (shape: report.schema.json).

It also serves as the saved form of a run, so ``trovesim report --compare`` can load it back.
"""

from __future__ import annotations

import json
from pathlib import Path

from trovesim.reports.catalogue import FIELDS, Requirement
from trovesim.reports.model import Report, RequirementVerdict, Verdict
from trovesim.reports.results import ResultsError, RunInfo, ScenarioResult

FORMAT = "trovesim-compliance-report"
VERSION = 1


def report_to_dict(report: Report) -> dict[str, object]:
    counts = report.verdict_counts()
    scenario_counts = report.scenario_counts()
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": report.title,
        "run": {
            "target": report.run.target,
            "started": report.run.started,
            "finished": report.run.finished,
            "exit_code": report.run.exit_code,
        },
        "summary": {
            "requirements": {
                "total": len(report.requirements),
                **{verdict.value: count for verdict, count in counts.items()},
                "known_differences": report.known_differences(),
            },
            "pass_percentage": report.pass_percentage(),
            "scenarios": {"total": len(report.scenarios), **scenario_counts},
        },
        "requirements": [_requirement(r) for r in report.requirements],
        "scenarios": [_scenario(s) for s in report.scenarios],
        "unknown_tags": list(report.unknown_tags),
        "unattributed_tests": list(report.unattributed),
    }


def write_json(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report_to_dict(report), indent=2) + "\n", encoding="utf-8")


def load_report(path: Path) -> Report:
    """Read a JSON report written by write_json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"{path}: cannot read JSON report: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsError(f"{path}: not a {FORMAT} file")
    try:
        return report_from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ResultsError(f"{path}: malformed report ({exc!r})") from None


def report_from_dict(data: dict) -> Report:
    scenarios = {item["key"]: _scenario_from(item) for item in data["scenarios"]}
    return Report(
        title=data["title"],
        run=RunInfo(**data["run"]),
        requirements=tuple(
            RequirementVerdict(
                requirement=Requirement(*(item[name] for name in FIELDS)),
                verdict=Verdict(item["verdict"]),
                scenarios=tuple(scenarios[key] for key in item["scenarios"]),
                upstream_differs=item["upstream_differs"],
                known_difference=item["known_difference"],
            )
            for item in data["requirements"]
        ),
        scenarios=tuple(scenarios.values()),
        unknown_tags=tuple(data["unknown_tags"]),
        unattributed=tuple(data["unattributed_tests"]),
    )


def _requirement(result: RequirementVerdict) -> dict[str, object]:
    requirement = result.requirement
    return {
        "id": requirement.id,
        "area": requirement.area,
        "statement": requirement.statement,
        "source": requirement.source,
        "verdict": result.verdict.value,
        "label": result.label,
        "upstream_differs": result.upstream_differs,
        "known_difference": result.known_difference,
        "scenarios": [s.key for s in result.scenarios],
        "evidence": result.evidence(),
    }


def _scenario(scenario: ScenarioResult) -> dict[str, object]:
    return {
        "key": scenario.key,
        "feature": scenario.feature,
        "uri": scenario.uri,
        "name": scenario.name,
        "test_id": scenario.test_id,
        "tags": list(scenario.tags),
        "status": scenario.status,
        "step": scenario.step,
        "message": scenario.message,
    }


def _scenario_from(item: dict) -> ScenarioResult:
    return ScenarioResult(
        feature=item["feature"],
        uri=item["uri"],
        name=item["name"],
        test_id=item["test_id"],
        tags=tuple(item["tags"]),
        status=item["status"],
        step=item["step"],
        message=item["message"],
    )
