"""``trovesim verify``: run the conformance suite against a target and write its results.

The suite runs in its own pytest process (``steps/suite.py`` with ``-p trovesim.steps.plugin``).
The run leaves in the report directory pytest-bdd's ``cucumber.json``, ``junit.xml`` (with each
scenario's feature, tags and failing step when the reports package's plugin is there) and
``run.json`` (target, start and end times, exit code); then, when the ``reports`` package
provides ``write_reports``, the compliance reports in every format. The exit code is the
suite's when it failed, so CI can rely on it.

    trovesim verify                                   # the embedded simulator
    trovesim verify --target http://host:8779/v1.0 --admin-token T --tenant-token T \\
        --second-tenant-token T --report-dir report -- -n 2 -k reapply
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from .plugin import CREDENTIALS, INPROCESS

SUITE = Path(__file__).resolve().parent / "suite.py"
# Plugins the suite does not use; loading them costs seconds at every start.
UNUSED_PLUGINS = ("schemathesis", "hypothesispytest", "anyio")
REPORT_FAILED = 2


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--target",
        default=INPROCESS,
        help="Trove's endpoint URL up to /v1.0, or inprocess (default: the embedded simulator)",
    )
    for pair in CREDENTIALS.values():
        for option, variable, default in pair:
            parser.add_argument(option, help=f"default: ${variable} or {default!r}")
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=Path("report"),
        help="where the run's results and the compliance reports go (default: ./report)",
    )


def pytest_command(args: argparse.Namespace, report_dir: Path) -> list[str]:
    # Plain asserts: every step states its own failure message, and rewriting costs a second.
    command = [sys.executable, "-m", "pytest", str(SUITE), "-p", "trovesim.steps.plugin", "-rfEs"]
    command.append("--assert=plain")
    if importlib.util.find_spec("trovesim.reports.pytest_plugin") is not None:
        command += ["-p", "trovesim.reports.pytest_plugin"]
    for plugin in UNUSED_PLUGINS:
        command += ["-p", f"no:{plugin}"]
    command += [
        f"--cucumberjson={report_dir / 'cucumber.json'}",
        f"--junitxml={report_dir / 'junit.xml'}",
        f"--target={args.target}",
    ]
    for pair in CREDENTIALS.values():
        for option, _, _ in pair:
            value = getattr(args, option.lstrip("-").replace("-", "_"), None)
            if value is not None:
                command.append(f"{option}={value}")
    return command + list(getattr(args, "pytest_args", None) or [])


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def run_suite(args: argparse.Namespace, report_dir: Path) -> int:
    """Run the suite; write run.json beside its results; return pytest's exit code."""
    report_dir.mkdir(parents=True, exist_ok=True)
    started = _now()
    exit_code = subprocess.run(pytest_command(args, report_dir), check=False).returncode
    info = {"target": args.target, "started": started, "finished": _now(), "exit_code": exit_code}
    (report_dir / "run.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return exit_code


def write_compliance_reports(report_dir: Path) -> int:
    """All report formats, if the reports package is installed; 0 when written or absent."""
    try:
        from trovesim.reports.markdown_report import summary_markdown

        from trovesim import reports
    except ImportError:
        return 0
    if not hasattr(reports, "write_reports"):
        return 0
    try:
        report = reports.write_reports([report_dir], report_dir)
    except (reports.CatalogueError, reports.ResultsError, OSError) as problem:
        print(f"trovesim verify: no compliance report: {problem}", file=sys.stderr)
        return REPORT_FAILED
    print()
    print(summary_markdown(report))
    print(f"\nReports written to {report_dir}/")
    return 0


def run(args: argparse.Namespace) -> int:
    report_dir = args.report_dir.resolve()
    exit_code = run_suite(args, report_dir)
    reported = write_compliance_reports(report_dir)
    return exit_code or reported
