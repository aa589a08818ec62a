"""``trovesim``: serve the simulator, verify an implementation, build compliance reports."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from trovesim import __version__

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
    "explore": (
        "trovesim.explore.command",
        "drive a target and the simulator with random operations; write divergences as features",
    ),
    "report": ("trovesim.reports.cli", "build compliance reports from a run's results"),
    "steps": (
        "trovesim.steps.list_steps",
        "list every step a feature file may use: phrase, meaning, example, needs",
    ),
}


class CommandParser(argparse.ArgumentParser):
    """A subcommand's parser: a bad option is one line on stderr (the ``--help`` has the rest)
    and exit code 2, like every other refusal of the commands."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trovesim",
        description="Reference simulator and conformance kit for OpenStack Trove modules.",
    )
    parser.add_argument("--version", action="version", version=f"trovesim {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=CommandParser)
    for name, (module_name, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        if only in (None, name):
            module = importlib.import_module(module_name)
            module.configure_parser(sub)
            sub.set_defaults(handler=module.run, command_parser=sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    # Without a command word (``--version``, ``--help``, a typo) argparse exits before any
    # handler runs: nothing to import.
    only = next((word for word in argv if word in COMMANDS), "")
    args, unknown = build_parser(only).parse_known_args(argv)
    if unknown:  # the subcommand's one-line refusal, not the top parser's usage
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.pytest_args = extra
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
