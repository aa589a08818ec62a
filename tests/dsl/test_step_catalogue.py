"""The step catalogue: ``trovesim steps`` lists every registered step, and docs/steps.md is
what ``trovesim steps --format md`` prints today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_bdd.steps import step_function_context_registry
from trovesim.steps.phrases import phrase_regex
from trovesim.steps.reference import registered, render_markdown, step_module_names

from trovesim.cli import main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "steps.md"


def _registered_contexts() -> list:
    modules = step_module_names()
    registered()  # imports the step modules
    return [c for c in step_function_context_registry.values() if c.step_func.__module__ in modules]


def test_the_reference_page_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_markdown(registered()), (
        "docs/steps.md is stale: run trovesim steps --format md > docs/steps.md"
    )


def test_trovesim_steps_lists_every_registered_step(capsys: pytest.CaptureFixture) -> None:
    assert main(["steps"]) == 0
    listed = capsys.readouterr().out
    contexts = _registered_contexts()
    assert len(contexts) >= 60
    for context in contexts:
        keyword = context.type.capitalize() if context.type else "Given/When/Then"
        phrase = getattr(context.parser, "phrase", context.parser.name)
        assert f"\n{keyword} {phrase}\n" in f"\n{listed}", f"{phrase} is not listed"
    headings = re.findall(r"^(?:Given|When|Then|Given/When/Then) ", listed, re.MULTILINE)
    assert len(headings) == len(contexts)


def test_every_step_has_a_meaning_and_an_example_from_the_shipped_features(
    capsys: pytest.CaptureFixture,
) -> None:
    main(["steps"])
    entries = capsys.readouterr().out.split("\n\n")
    steps = [entry for entry in entries if re.match(r"(Given|When|Then)", entry)]
    without_example = [entry.splitlines()[0] for entry in steps if "\n    e.g. " not in entry]
    assert without_example == []
    assert all(len(entry.splitlines()) >= 3 for entry in steps)


def test_steps_that_need_the_simulator_say_so(capsys: pytest.CaptureFixture) -> None:
    main(["steps"])
    listed = capsys.readouterr().out
    entry = listed[listed.index("Given the next instance build fails") :].split("\n\n")[0]
    assert "needs the simulator's controls (@simulator-only)" in entry
    entry = listed[listed.index("When {who} deletes the cluster") :].split("\n\n")[0]
    assert "needs a cluster datastore (@needs-clusters)" in entry


def test_the_markdown_page_has_one_row_per_step() -> None:
    rows = [line for line in PAGE.read_text().splitlines() if line.startswith("| `Given")]
    rows += [line for line in PAGE.read_text().splitlines() if re.match(r"\| `(When|Then)", line)]
    assert len(rows) == len(_registered_contexts())


@pytest.mark.parametrize(
    ("phrase", "text", "groups"),
    [
        (
            '{who} has created a ping module "{name}"[ with contents "{text}"]',
            'tenant A has created a ping module "m" with contents "message=x"',
            {"who": "tenant A", "name": "m", "text": "message=x"},
        ),
        (
            '{who} has created a ping module "{name}"[ with contents "{text}"]',
            'the admin has created a ping module "m"',
            {"who": "the admin", "name": "m", "text": None},
        ),
        (
            '{who} creates an instance "{name}"[ of the {kind}][ with the module[s] {modules}]',
            'the admin creates an instance "i" with the modules "a", "b" and "c"',
            {"who": "the admin", "name": "i", "kind": None, "modules": '"a", "b" and "c"'},
        ),
        (
            'the request is refused with {code} "{message}"',
            'the request is refused with 400 "Module with name "m" exists."',
            {"code": "400", "message": 'Module with name "m" exists.'},
        ),
    ],
)
def test_a_phrase_reads_its_parameters(phrase: str, text: str, groups: dict) -> None:
    assert re.fullmatch(phrase_regex(phrase), text).groupdict() == groups


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ('{who} has created a ping module "{name}"', 'tenant C has created a ping module "m"'),
        ("the request is refused with {code}", "the request is refused with 4000"),
        ('{who} tries to {operation} the module "{name}"', 'tenant A tries to eat the module "m"'),
    ],
)
def test_a_phrase_refuses_what_its_parameters_cannot_hold(phrase: str, text: str) -> None:
    assert re.fullmatch(phrase_regex(phrase), text) is None


def test_a_phrase_with_an_unknown_parameter_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match=r"\{colour\} is no known parameter"):
        phrase_regex("the module is {colour}")
