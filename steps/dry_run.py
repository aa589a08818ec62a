"""``trovesim verify --dry-run``: parse every feature and bind every step, touching no target.

Each step without a definition is listed with its file and line and the closest phrases of the
catalogue ("did you mean"); so is a step whose definition needs a table below it and has none.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.exceptions import GherkinParseError

from .reference import StepDefinition, WrittenStep, examples, feature_steps, registered

SUGGESTIONS = 3
CLOSE_ENOUGH = 0.6
_QUOTED = re.compile(r'"[^"]*"')
_PARAMETER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Problem:
    step: WrittenStep
    says: str
    suggestions: tuple[str, ...] = ()


def _skeleton(text: str) -> str:
    """A step or phrase with what varies taken out: quoted values, parameter names, brackets."""
    text = _QUOTED.sub('""', text)
    return _PARAMETER.sub("", text).replace("[", "").replace("]", "").lower()


def suggestions(
    step: WrittenStep, definitions: list[StepDefinition], shown: dict[int, WrittenStep]
) -> tuple[str, ...]:
    """The phrases most like the step (its keyword's first), each with an example."""
    written = _skeleton(step.text)
    scored = []
    for index, definition in enumerate(definitions):
        candidates = [definition.phrase] + ([shown[index].text] if index in shown else [])
        score = max(
            difflib.SequenceMatcher(None, written, _skeleton(candidate)).ratio()
            for candidate in candidates
        )
        if definition.context.type in (None, step.type):
            score += 0.05
        scored.append((score, index))
    scored.sort(key=lambda pair: -pair[0])
    found = []
    for score, index in scored[:SUGGESTIONS]:
        if score < CLOSE_ENOUGH:
            break
        definition = definitions[index]
        line = f"{definition.keyword} {definition.phrase}"
        if index in shown and shown[index].text != definition.phrase:
            line += f"\n        e.g. {shown[index].written()}"
        found.append(line)
    return tuple(found)


def problems(steps: list[WrittenStep]) -> list[Problem]:
    """Each step that cannot be bound, with what is wrong."""
    definitions = registered()
    shown = examples(definitions)
    found: list[Problem] = []
    for step in steps:
        bound = [d for d in definitions if d.binds(step)]
        if not bound:
            says = f"undefined step: {step.written()}"
            found.append(Problem(step, says, suggestions(step, definitions, shown)))
        elif bound[-1].takes and not (step.has_table or step.has_docstring):
            found.append(Problem(step, f"{step.written()} takes {bound[-1].takes} below it"))
    return found


def run(paths: list[Path]) -> int:
    """Print what cannot be bound; 1 when anything, else 0."""
    try:
        steps = list(feature_steps(paths))
    except GherkinParseError as broken:
        where = f"{broken.filename}:{broken.line}"
        print(f"trovesim verify --dry-run: {where}: {broken.message}", file=sys.stderr)
        return 1
    found = problems(steps)
    for problem in found:
        print(f"{problem.step.where()}: {problem.says}")
        if problem.suggestions:
            print("    did you mean:")
            for suggestion in problem.suggestions:
                print(f"      {suggestion}")
    files = len({step.file for step in steps})
    verdict = f"{len(found)} cannot be bound" if found else "every one is bound"
    print(f"trovesim verify --dry-run: {len(steps)} steps in {files} feature file(s); {verdict}")
    return 1 if found else 0
