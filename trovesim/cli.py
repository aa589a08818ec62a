"""``trovesim``: serve the simulator, verify an implementation, build compliance reports."""

from __future__ import annotations

import argparse
import sys

from trovesim.reports import cli as report_cli
from trovesim.simulator.http import serve
from trovesim.steps import verify


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trovesim",
        description="Reference simulator and conformance kit for OpenStack Trove modules.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, module, summary in (
        ("serve", serve, "serve Trove's v1.0 REST API over an in-memory simulator"),
        ("verify", verify, "run the conformance suite against a target and write its reports"),
        ("report", report_cli, "build compliance reports from a run's results"),
    ):
        sub = commands.add_parser(name, help=summary, description=summary)
        module.configure_parser(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    args = build_parser().parse_args(argv)
    args.pytest_args = extra
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
