"""Compliance reports: a conformance run judged requirement by requirement.

``write_reports`` is the entry point other code calls (``trovesim verify`` after a run);
``trovesim.reports.cli`` is ``trovesim report``. See reports/README.md for inputs, rules and the
JSON shape.
"""

from __future__ import annotations

from pathlib import Path

from trovesim.reports.catalogue import (
    Catalogue,
    CatalogueError,
    load_catalogue,
    suite_catalogue,
)
from trovesim.reports.html_report import write_html
from trovesim.reports.json_report import write_json
from trovesim.reports.junit_report import write_junit
from trovesim.reports.markdown_report import write_markdown
from trovesim.reports.model import Report, RequirementVerdict, Verdict, build_report
from trovesim.reports.results import OUTPUT_NAMES, ResultsError, read_results

WRITERS = {"md": write_markdown, "html": write_html, "json": write_json, "junit": write_junit}
FORMATS = frozenset(WRITERS)

__all__ = [
    "FORMATS",
    "OUTPUT_NAMES",
    "Catalogue",
    "CatalogueError",
    "Report",
    "RequirementVerdict",
    "ResultsError",
    "Verdict",
    "build_report",
    "load_catalogue",
    "read_results",
    "write_reports",
]


def write_reports(
    results: list[Path],
    out_dir: Path,
    formats: set[str] | frozenset[str] = FORMATS,
    catalogue: Path | None = None,
) -> Report:
    """Judge the run in ``results`` against the catalogue and write the chosen formats.

    ``catalogue`` defaults to the suite's ``requirements.toml`` (none there: scenarios are judged
    one by one). Files are named by
    OUTPUT_NAMES (``compliance.md`` ...) so they can sit beside the run's own results. Raises
    CatalogueError, ResultsError (also for a run that never started: run.json's "preflight"),
    NotADirectoryError when ``out_dir`` or a parent is a file, or ValueError for an unknown
    format.
    """
    unknown = set(formats) - FORMATS
    if unknown:
        raise ValueError(
            f"unknown report format(s): {', '.join(sorted(unknown))} "
            f"(choose from {', '.join(sorted(FORMATS))})"
        )
    report = build_report(suite_catalogue(catalogue), read_results(results))
    blocking = next((p for p in (out_dir, *out_dir.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise NotADirectoryError(f"{blocking}: is a file, not a directory for the reports")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in sorted(formats):
        WRITERS[name](report, out_dir / OUTPUT_NAMES[name])
    return report
