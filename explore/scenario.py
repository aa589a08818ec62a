"""A divergence as a feature file in the suite's step language.

The Given steps replay what succeeded before the diverging operation (a refused request
changes nothing, so it is left out, as are reads); the When step is the diverging operation;
the Then steps state the simulator's answer. On the simulator the scenario passes; on the
target, which answered otherwise, it fails.
"""

from __future__ import annotations

from .machine import Divergence
from .operations import Operation, quoted
from .sides import Answer

INDENT = "    "


def _cell(text: str) -> str:
    """A table cell that reads back as ``text``: Gherkin's escapes, quotes keep spaces."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")
    if escaped != escaped.strip() or escaped == "":
        escaped = f'"{escaped}"'
    return escaped


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    return ["  | " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def then_steps(op: Operation, answer: Answer) -> list[str]:
    """What the simulator answered, as Then steps that check it."""
    if answer.refused:
        if '"' in answer.message:
            return [
                f"Then the request is refused with {answer.status}:",
                '  """',
                "  " + answer.message,
                '  """',
            ]
        return [f'Then the request is refused with {answer.status} "{answer.message}"']
    steps = ["Then the request succeeds"]
    who, rows = op.who.value, list(answer.rows)
    clustered = " with cluster members" if op.clustered else ""
    if op.kind in ("create_module", "update_module"):
        return [*steps, "And the answer shows:", *_table(rows)]
    if op.kind == "show_module":
        return [*steps, f'And "{op.module}" as seen by {who} has these properties:', *_table(rows)]
    if op.kind == "list_modules":
        names = [row[0] for row in rows]
        held = quoted(names) if names else "no modules"
        return [*steps, f"And the module list of {who} holds {held}"]
    tables = {
        "apply": ("And the apply answers:", "And the apply answers:"),
        "query": (
            f'And module-query of "{op.instance}" as {who} shows:',
            f'And module-query of "{op.instance}" as {who} shows no modules',
        ),
        "count": (
            f'And module-instance-count of "{op.module}"{clustered} as {who} shows:',
            f'And module-instance-count of "{op.module}"{clustered} as {who} shows no rows',
        ),
        "module_instances": (
            f'And module-instances of "{op.module}"{clustered} as {who} lists:',
            f'And module-instances of "{op.module}"{clustered} as {who} lists no instances',
        ),
    }
    if op.kind not in tables:
        return steps
    some, none = tables[op.kind]
    if not rows and op.kind != "apply":
        return [*steps, none]
    return [*steps, some, *_table([answer.header, *rows])]


def _step(keyword: str, op: Operation, given: bool) -> list[str]:
    first, *table = op.phrase(given)
    return [f"{keyword} {first}", *("  " + row for row in table)]


def feature_text(found: Divergence, title: str, about: list[str]) -> str:
    """The feature file: ``about`` lines describe the run; the scenario is the divergence."""
    steps: list[str] = []
    keyword = "Given"
    for op, answer in found.done:
        if op.changes_world and not answer.refused:
            steps += _step(keyword, op, given=True)
            keyword = "And"
    steps += _step("When", found.operation, given=False)
    steps += then_steps(found.operation, found.simulator)
    lines = [f"Feature: {title}", *("  " + line for line in about), ""]
    when = found.operation.phrase(given=False)[0].rstrip(":")
    lines.append(f"  Scenario: {when} answers as the simulator does")
    lines += [INDENT + line for line in steps]
    return "\n".join(lines) + "\n"
