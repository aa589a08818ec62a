"""The step catalogue: every registered step as an author writes it, and the steps of features.

``registered()`` reads pytest-bdd's own registry, for the step modules the suite's plugin loads,
so a step added anywhere in them is listed whether or not it was written with ``steps.phrases``;
those that were show their phrase, the others their pattern. ``feature_steps()`` walks feature
files (outline rows rendered) for examples and for ``verify --dry-run``.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.feature import get_features
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from trovesim.suite import shipped_features_dir

from .phrases import PARAMETERS, parameters_of

ANY = "Given/When/Then"


@dataclass(frozen=True)
class WrittenStep:
    """A step as a feature file has it."""

    file: Path
    line: int
    type: str  # given, when, then (And/But resolved)
    text: str
    has_table: bool = False
    has_docstring: bool = False

    def written(self) -> str:
        return f"{self.type.capitalize()} {self.text}"

    def where(self) -> str:
        return f"{shown_path(self.file)}:{self.line}"


def shown_path(path: Path | str) -> str:
    """A feature file as its author named it: relative to the working folder when inside it."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class StepDefinition:
    """One registered phrase and what an author needs to know about it."""

    keyword: str  # Given, When, Then or Given/When/Then
    phrase: str
    meaning: str
    needs: str
    takes: str  # "a table", "a doc string" or ""
    module: str
    context: StepFunctionContext

    def binds(self, step: WrittenStep) -> bool:
        kind = self.context.type
        return (kind is None or kind == step.type) and self.context.parser.is_matching(step.text)

    def parameters(self) -> list[str]:
        return parameters_of(self.phrase) if hasattr(self.context.parser, "phrase") else []


def step_module_names() -> list[str]:
    """The step modules the suite's pytest plugin loads."""
    from .plugin import pytest_plugins

    return list(pytest_plugins)


def registered() -> list[StepDefinition]:
    """Every step the suite's step modules register, in the order they are defined."""
    modules = step_module_names()
    for name in modules:
        importlib.import_module(name)
    found = [
        c for c in step_function_context_registry.values() if c.step_func.__module__ in modules
    ]
    found.sort(key=lambda c: (modules.index(c.step_func.__module__), _line(c)))
    return [_definition(context) for context in found]


def _line(context: StepFunctionContext) -> int:
    return inspect.getsourcelines(context.step_func)[1]


def _definition(context: StepFunctionContext) -> StepDefinition:
    parser = context.parser
    parameters = inspect.signature(context.step_func).parameters
    takes = "a table" if "datatable" in parameters else ""
    takes = "a doc string" if "docstring" in parameters else takes
    doc = inspect.getdoc(context.step_func) or ""
    return StepDefinition(
        keyword=context.type.capitalize() if context.type else ANY,
        phrase=getattr(parser, "phrase", parser.name),
        meaning=" ".join(doc.split("\n\n")[0].split()),
        needs=getattr(parser, "needs", None) or "",
        takes=takes,
        module=context.step_func.__module__.rsplit(".", 1)[-1],
        context=context,
    )


def feature_steps(paths: list[Path]) -> Iterator[WrittenStep]:
    """Every step of the features under ``paths``, Backgrounds included, outline rows filled
    in; each (file, line, text) once. Raises pytest-bdd's GherkinParseError on bad Gherkin."""
    seen: set[tuple[Path, int, str]] = set()
    for feature in get_features([str(path) for path in paths]):
        for template in feature.scenarios.values():
            contexts = [c for examples in template.examples for c in examples.as_contexts()]
            for context in contexts or [{}]:
                for step in template.render(context).steps:
                    written = WrittenStep(
                        Path(feature.filename),
                        step.line_number,
                        step.type,
                        step.name,
                        step.datatable is not None,
                        step.docstring is not None,
                    )
                    key = (written.file, written.line, written.text)
                    if key not in seen:
                        seen.add(key)
                        yield written


def examples(definitions: list[StepDefinition]) -> dict[int, WrittenStep]:
    """For each definition (by position), the first step of the shipped features it binds."""
    found: dict[int, WrittenStep] = {}
    for written in feature_steps([shipped_features_dir()]):
        for index, definition in enumerate(definitions):
            if index not in found and definition.binds(written):
                found[index] = written
    return found


def render_text(definitions: list[StepDefinition]) -> str:
    shown = examples(definitions)
    lines = []
    for index, definition in enumerate(definitions):
        lines.append(f"{definition.keyword} {definition.phrase}")
        if definition.meaning:
            lines.append(f"    {definition.meaning}")
        if definition.takes:
            lines.append(f"    takes {definition.takes}")
        if definition.needs:
            lines.append(f"    needs {definition.needs}")
        if index in shown:
            lines.append(f"    e.g. {shown[index].written()}")
        lines.append("")
    return "\n".join(lines) + _legend_text(definitions)


def _used_parameters(definitions: list[StepDefinition]) -> list[str]:
    used = {name for definition in definitions for name in definition.parameters()}
    return [name for name in PARAMETERS if name in used]


def _legend_text(definitions: list[StepDefinition]) -> str:
    lines = ["Parameters ({x} in the phrases; [...] is optional):"]
    lines += [f"  {{{name}}}: {PARAMETERS[name].means}" for name in _used_parameters(definitions)]
    lines.append('  "{x}" otherwise: any text without a double quote')
    return "\n".join(lines) + "\n"


MARKDOWN_HEAD = """\
# Step reference

Every step the conformance suite defines, as a feature file writes it. Generated by
`trovesim steps --format md > docs/steps.md`; a test keeps this page current. How to write a
scenario with them: [Write your first scenario](first-scenario.md).

In a phrase, `{x}` is a parameter, `"{x}"` one written in double quotes, and `[...]` an optional
part. A phrase ending in `:` takes a table (or a doc string) on the lines below it. "Needs" names
what the step asks of the target beyond any Trove: the simulator's controls (in-process, or
`trovesim serve --clock virtual`), or a capability; scenarios using it should carry the tag.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(definitions: list[StepDefinition]) -> str:
    shown = examples(definitions)
    lines = [MARKDOWN_HEAD]
    modules = dict.fromkeys(definition.module for definition in definitions)
    for module in modules:
        lines += [f"## {module}", "", "| step | meaning | needs | example |", "|---|---|---|---|"]
        for index, definition in enumerate(definitions):
            if definition.module != module:
                continue
            meaning = definition.meaning + (
                f" Takes {definition.takes}." if definition.takes else ""
            )
            example = f"`{shown[index].written()}`" if index in shown else ""
            row = (
                f"`{definition.keyword} {definition.phrase}`",
                meaning,
                definition.needs,
                example,
            )
            lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
        lines.append("")
    lines += ["## Parameters", "", "| parameter | holds |", "|---|---|"]
    for name in _used_parameters(definitions):
        lines.append(f"| `{{{name}}}` | {_cell(PARAMETERS[name].means)} |")
    lines.append('| `"{x}"` (any other) | any text without a double quote |')
    return "\n".join(lines) + "\n"
