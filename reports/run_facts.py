"""The summary every format shows: the run (target, world, cost, leftovers), its outcome and
figures, as label/value pairs so that each writer lays them out its own way."""

from __future__ import annotations

from trovesim.reports.model import Report, Verdict
from trovesim.reports.results import RunInfo
from trovesim.reports.text import format_rate

NOTHING_JUDGED = "Nothing judged"
RATE_RULE = {
    "requirements": "compliant / requirements other than not applicable or not selected",
    "scenarios": "compliant / scenarios other than not applicable or not selected",
}


def outcome_label(report: Report) -> str:
    outcome = report.outcome()
    return NOTHING_JUDGED if outcome is None else outcome.label


def breakdown(counts: dict[Verdict, int]) -> str:
    """``3 (1 compliant, 2 not compliant)``: the total and each verdict that occurs."""
    parts = [f"{n} {verdict.label.lower()}" for verdict, n in counts.items() if n]
    total = sum(counts.values())
    return f"{total} ({', '.join(parts)})" if parts else "0"


def catalogue_note(report: Report) -> str:
    """Why a report lists no requirements (when no scenario names one)."""
    if not report.catalogue_size:
        return "This run has no requirements catalogue; its scenarios are judged one by one."
    return (
        f"No scenario of this run names a requirement of the catalogue ({report.title}, "
        f"{report.catalogue_size} requirements); its scenarios are judged one by one."
    )


def run_rows(run: RunInfo) -> list[tuple[str, str]]:
    """Where and when the run ran, the world it chose and what it cost (keys run.json has)."""
    rows = [
        ("Target", run.target or "unknown"),
        ("Date", run.started or run.finished or "unknown"),
        ("Suite exit code", "unknown" if run.exit_code is None else str(run.exit_code)),
    ]
    if run.profile:
        rows.append(("World", world_text(run.profile)))
    if run.builds is not None:
        instances, clusters = run.builds["instances"], run.builds["clusters"]
        rows.append(("Builds", f"{_plural(instances, 'instance')}, {_plural(clusters, 'cluster')}"))
    if run.waited_seconds is not None:
        rows.append(("Waited", f"{run.waited_seconds:g} s"))
    return rows


# The roles a run's profile names, as (datastore key, version key, how the pair is introduced).
DATASTORE_ROLES = [
    ("datastore", "version", ""),
    ("other_datastore", "other_datastore_version", "other datastore "),
    ("cluster_datastore", "cluster_version", "clusters on "),
]


def world_text(profile: dict) -> str:
    """The chosen world in one short line: ``flavor 15; mysql 5.6 (other version 5.7); other
    datastore redis 3.2.6; clusters on redis 3.2.6``. The target has its own row; keys this
    does not know are kept as ``key: value``."""
    rest = {k: v for k, v in profile.items() if k != "target" and v not in (None, "")}
    parts = [f"flavor {rest.pop('flavor')}"] if "flavor" in rest else []
    for datastore, version, intro in DATASTORE_ROLES:
        if datastore in rest:
            pair = f"{intro}{rest.pop(datastore)} {rest.pop(version, '')}".rstrip()
            if datastore == "datastore" and "other_version" in rest:
                pair += f" (other version {rest.pop('other_version')})"
            parts.append(pair)
    parts += [f"{key}: {value}" for key, value in rest.items()]
    return "; ".join(parts)


def run_facts(report: Report) -> list[tuple[str, str]]:
    """The summary's rows, in reading order."""
    rows = [("Outcome", outcome_label(report)), *run_rows(report.run)]
    if report.catalogue_applies:
        rows.append(("Requirements", breakdown(report.verdict_counts())))
    elif report.catalogue_size:
        size = report.catalogue_size
        rows.append(("Requirements", f"none named by this run's scenarios (catalogue of {size})"))
    else:
        rows.append(("Requirements", "no requirements catalogue"))
    basis = report.pass_basis()
    rows.append(
        ("Pass rate", f"{format_rate(report.pass_percentage())} of {basis} ({RATE_RULE[basis]})")
    )
    rows.append(("Scenarios", breakdown(report.scenario_counts())))
    untagged = report.untagged()
    if untagged and report.catalogue_applies:
        rows.append(
            ("Scenarios without a requirement", breakdown(report.scenario_counts(untagged)))
        )
    if report.unattributed:
        rows.append(("Test results without scenario metadata", str(len(report.unattributed))))
    if report.run.leftovers:
        count = _plural(len(report.run.leftovers), "resource")
        rows.append(("Leftovers", f"{count} to delete by hand"))
    return rows


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
