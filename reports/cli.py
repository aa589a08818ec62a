"""``trovesim report``: build compliance reports from a run, or compare two runs.

Exit codes: 0 done; 1 the pass rate is below ``--fail-under``, or with ``--compare`` a verdict got
worse from A to B; 2 bad input (unreadable results or catalogue, a run that never started, an
output path that is not a directory, unknown format, wrong arguments), one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trovesim.reports import FORMATS, OUTPUT_NAMES, CatalogueError, ResultsError, write_reports
from trovesim.reports.compare import load_run, render_comparison
from trovesim.reports.markdown_report import summary_markdown
from trovesim.reports.text import format_rate


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "results",
        nargs="*",
        type=Path,
        metavar="RESULTS",
        help="JUnit XML files of one run (written with -p trovesim.reports.pytest_plugin), or "
        "directories holding them (a run.json beside them gives target, times, world, builds, "
        "leftovers)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="directory to write the reports to (default: the first RESULTS' directory)",
    )
    parser.add_argument(
        "--format",
        type=_formats,
        default=FORMATS,
        metavar="md,html,json,junit",
        help="comma-separated report formats (default: all)",
    )
    parser.add_argument(
        "--fail-under",
        type=_percentage,
        metavar="PCT",
        help="exit 1 when the pass rate (compliant requirements / requirements other than not "
        "applicable or not selected, in percent; scenarios when no requirement is named) is "
        "below PCT",
    )
    parser.add_argument(
        "--catalogue",
        type=Path,
        help="requirements catalogue (default: features/requirements.toml of this checkout)",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("A", "B"),
        help="print the requirements (and scenarios without one) whose verdict differs between "
        "two runs, and exit 1 when one got worse from A to B; each is a results file or "
        "directory, a compliance.json, or a report directory",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.compare:
            if args.results:
                return _usage("give either RESULTS or --compare A B, not both")
            return _compare(args.compare, args.catalogue)
        if not args.results:
            return _usage("give the run's RESULTS files or directories, or --compare A B")
        return _report(args)
    except (CatalogueError, ResultsError, ValueError) as exc:
        return _usage(str(exc))
    except OSError as exc:
        return _usage(str(exc) if exc.filename is None else f"{exc.filename}: {exc.strerror}")


def _report(args: argparse.Namespace) -> int:
    first = args.results[0]
    out_dir = args.out or (first if first.is_dir() else first.parent)
    report = write_reports(args.results, out_dir, args.format, args.catalogue)
    print(summary_markdown(report))
    print()
    for name in sorted(args.format):
        print(f"wrote {out_dir / OUTPUT_NAMES[name]}")
    percentage = report.pass_percentage()
    # Nothing applicable means nothing verified: a rate of 0 for the threshold.
    if args.fail_under is not None and (percentage or 0.0) < args.fail_under:
        shown = format_rate(percentage)
        print(f"pass rate {shown} is below --fail-under {args.fail_under:g}%", file=sys.stderr)
        return 1
    return 0


def _compare(paths: list[Path], catalogue: Path | None) -> int:
    a, b = (load_run(path, catalogue) for path in paths)
    text, worse = render_comparison(a, b, str(paths[0]), str(paths[1]))
    print(text, end="")
    return 1 if worse else 0


def _usage(message: str) -> int:
    print(f"trovesim report: error: {message}", file=sys.stderr)
    return 2


def _formats(text: str) -> frozenset[str]:
    chosen = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = chosen - FORMATS
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(sorted(unknown)) or text!r}; "
            f"choose from {','.join(sorted(FORMATS))}"
        )
    return chosen


def _percentage(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be between 0 and 100: {text!r}")
    return value
