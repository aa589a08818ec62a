"""``trovesim verify``: check the target, run the conformance suite against it, write the results.

Against an endpoint, a preflight comes first (``steps.preflight``): when the target cannot be
judged the command says why, one line per problem, and exits 2 without running a scenario or
writing a compliance report. The suite then runs in its own pytest process (``steps/suite.py``
with ``-p trovesim.steps.plugin``) and leaves in the report directory pytest-bdd's
``cucumber.json``, ``junit.xml`` and ``run.json`` (target, times, exit code, the chosen profile
and capabilities, builds, time spent waiting, and what cleanup left behind); then, when the
``reports`` package provides ``write_reports``, the compliance reports in every format. The exit
code is the suite's when it failed, so CI can rely on it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

from .options import ALL, INPROCESS, TARGET

SUITE = Path(__file__).resolve().parent / "suite.py"
# Plugins the suite does not use; loading them costs seconds at every start (and the cache
# provider would leave a .pytest_cache in the working directory).
UNUSED_PLUGINS = ("schemathesis", "hypothesispytest", "anyio", "cacheprovider")
USAGE_ERROR = 2
FACTS = "facts.json"
EPILOG = """\
Everything after "--" goes to pytest unchanged, e.g. -- -k reapply -x, or -- -n 2 (xdist).
Each option is also read from the environment variable shown. Credentials: per caller, either a
static token and the project it acts in (--tenant-token T --tenant-project P), or a Keystone
login (--tenant-cloud NAME reads clouds.yaml from ., ~/.config/openstack or /etc/openstack;
--tenant-cloud env reads the OS_* variables); with logins, Trove's endpoint comes from the
service catalogue unless --target names it. Against an endpoint the run starts with a preflight
and exits 2, one line per problem, when the target cannot be judged.
"""


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    for option in ALL:
        default = INPROCESS if option is TARGET else option.default
        shown = f" (default: {default})" if default is not None else ""
        parser.add_argument(
            option.flag,
            default=default if option is TARGET else None,
            type=float if option.number else str,
            help=f"{option.help}{shown}; ${option.variable}",
        )
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=Path("report"),
        help="where the run's results and the compliance reports go (default: ./report)",
    )


def _given(args: argparse.Namespace) -> list[str]:
    """The suite's options the user gave, as pytest flags."""
    given = []
    for option in ALL:
        value = getattr(args, option.dest, None)
        if value is not None:
            given.append(f"{option.flag}={value}")
    return given


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
        f"--facts={report_dir / FACTS}",
        *_given(args),
    ]
    return command + list(getattr(args, "pytest_args", None) or [])


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def _write_run(report_dir: Path, info: dict) -> None:
    (report_dir / "run.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def preflight(args: argparse.Namespace) -> list[str]:
    """The problems that make the target unfit to be judged."""
    from .preflight import problems
    from .spec import spec_from_config

    return problems(spec_from_config(_ArgsConfig(args)))


class _ArgsConfig:
    """The verify arguments, read as the plugin reads pytest's options (same names, defaults
    from the environment)."""

    def __init__(self, args: argparse.Namespace) -> None:
        import os

        self._values = {}
        for option in ALL:
            value = getattr(args, option.dest, None)
            if value is None:
                value = os.environ.get(option.variable, option.default)
                if option is TARGET:
                    value = os.environ.get(option.variable, INPROCESS)
            if option.number and value is not None:
                value = float(value)
            self._values[option.dest] = value

    def getoption(self, name: str, default=None):
        return self._values.get(name, default)


def run_suite(args: argparse.Namespace, report_dir: Path) -> int:
    """Run the suite; write run.json beside its results; return pytest's exit code."""
    started, clock = _now(), time.monotonic()
    exit_code = subprocess.run(pytest_command(args, report_dir), check=False).returncode
    info = {"target": args.target, "started": started, "finished": _now(), "exit_code": exit_code}
    facts_file = report_dir / FACTS
    if facts_file.exists():
        facts = json.loads(facts_file.read_text(encoding="utf-8"))
        facts_file.unlink()
        info.update(facts)
        info["target"] = facts.get("profile", {}).get("target", args.target)
        print_cost(facts, time.monotonic() - clock)
    _write_run(report_dir, info)
    return exit_code


def print_cost(facts: dict, seconds: float) -> None:
    """The run's cost and what cleanup could not delete, for the person who pays for it."""
    builds = facts.get("builds", {})
    print(
        f"\ntrovesim verify: {builds.get('instances', 0)} instance builds, "
        f"{builds.get('clusters', 0)} cluster builds, {facts.get('waited_seconds', 0):.0f} s "
        f"spent waiting, {seconds:.0f} s in all"
    )
    swept = facts.get("swept", [])
    if swept:
        print(f"cleanup found {len(swept)} resource(s) by the run's names and deleted them:")
        for item in swept:
            print(f"  {item['kind']} {item['name']} ({item['id']}): {item['reason']}")
    leftovers = facts.get("leftovers", [])
    if leftovers:
        print(f"cleanup could NOT delete {len(leftovers)} resource(s); delete them by hand:")
        for item in leftovers:
            print(f"  {item['kind']} {item['name']} ({item['id']}): {item['reason']}")


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
        return USAGE_ERROR
    print()
    print(summary_markdown(report))
    print(f"\nReports written to {report_dir}/")
    return 0


def run(args: argparse.Namespace) -> int:
    report_dir = args.report_dir.resolve()
    if report_dir.exists() and not report_dir.is_dir():
        print(f"trovesim verify: --report-dir {args.report_dir} is a file", file=sys.stderr)
        return USAGE_ERROR
    try:
        found = preflight(args)
    except ValueError as problem:  # a profile file or option that does not make sense
        found = [str(problem)]
    if found:
        for line in found:
            print(f"trovesim verify: {line}", file=sys.stderr)
        report_dir.mkdir(parents=True, exist_ok=True)
        now = _now()
        info = {"target": args.target, "started": now, "finished": now, "exit_code": 2}
        _write_run(report_dir, {**info, "preflight": found})
        return USAGE_ERROR
    report_dir.mkdir(parents=True, exist_ok=True)
    exit_code = run_suite(args, report_dir)
    reported = write_compliance_reports(report_dir)
    return exit_code or reported
