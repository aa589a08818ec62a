"""``trovesim steps``: the step catalogue, as text for an author or Markdown for the docs."""

from __future__ import annotations

import argparse

from .reference import registered, render_markdown, render_text

RENDERERS = {"text": render_text, "md": render_markdown}


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default="text",
        help="text (default) or md, the reference page (docs/steps.md is generated so)",
    )


def run(args: argparse.Namespace) -> int:
    print(RENDERERS[args.format](registered()), end="")
    return 0
