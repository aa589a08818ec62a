"""``trovesim``: serve the simulator, verify an implementation, build compliance reports."""

from __future__ import annotations

import argparse
import importlib
import sys

# command -> (module that configures and runs it, summary). Modules are imported only for the
# command being run: the server's framework costs seconds that ``verify``'s preflight must not.
COMMANDS = {
    "serve": (
        "trovesim.simulator.http.serve",
        "serve Trove's v1.0 REST API over an in-memory simulator",
    ),
    "verify": (
        "trovesim.steps.verify",
        "run the conformance suite against a target and write its reports",
    ),
    "report": ("trovesim.reports.cli", "build compliance reports from a run's results"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trovesim",
        description="Reference simulator and conformance kit for OpenStack Trove modules.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        if only in (None, name):
            module = importlib.import_module(module_name)
            module.configure_parser(sub)
            sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    only = argv[0] if argv and argv[0] in COMMANDS else None
    args = build_parser(only).parse_args(argv)
    args.pytest_args = extra
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
