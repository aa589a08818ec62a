"""The mutation score: what counts as killed, what the equivalent list takes out, what is stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("mutation_run", Path(__file__).with_name("run.py"))
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)

FOUND = {
    "trovesim.simulator.access.x_a__mutmut_1": "killed",
    "trovesim.simulator.access.x_a__mutmut_2": "killed",
    "trovesim.simulator.access.x_a__mutmut_3": "killed",
    "trovesim.simulator.store.x_b__mutmut_1": "survived",
    "trovesim.simulator.store.x_b__mutmut_2": "survived",
    "trovesim.simulator.views.x_c__mutmut_1": "no tests",
    "trovesim.simulator.views.x_c__mutmut_2": "timeout",
}


def test_the_score_leaves_out_equivalent_survivors_and_counts_unreached_ones_as_survivors() -> None:
    text, survivors = run.score(FOUND, {"trovesim.simulator.store.x_b__mutmut_2": "no effect"})
    lines = dict(line.split(":", 1) for line in text.splitlines())
    assert lines["killed"].strip() == "3"
    assert lines["survived"].strip() == "1"
    assert lines["equivalent"].strip() == "1"
    assert lines["timed out"].strip() == "1"
    assert lines["score"].strip() == "50.0% of 6 non-equivalent mutants killed"
    assert survivors == [
        "trovesim.simulator.store.x_b__mutmut_1",
        "trovesim.simulator.views.x_c__mutmut_1",
    ]


def test_an_equivalent_entry_that_was_killed_or_is_gone_is_named_stale() -> None:
    text, _ = run.score(
        FOUND,
        {"trovesim.simulator.access.x_a__mutmut_1": "wrong", "trovesim.simulator.gone": "old"},
    )
    assert "stale entries in equivalent.md (gone or killed): " in text
    assert "trovesim.simulator.access.x_a__mutmut_1, trovesim.simulator.gone" in text
    assert "score:       42.9% of 7 non-equivalent mutants killed" in text


def test_equivalent_entries_need_a_reason(tmp_path: Path) -> None:
    listed = tmp_path / "equivalent.md"
    listed.write_text("# list\n\n- `m__mutmut_1`: the flag is never read\n", encoding="utf-8")
    assert run.equivalent_mutants(listed) == {"m__mutmut_1": "the flag is never read"}
    listed.write_text("- `m__mutmut_2`\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="needs `name`: reason"):
        run.equivalent_mutants(listed)


def test_the_committed_list_parses_and_every_entry_has_a_reason() -> None:
    listed = run.equivalent_mutants()
    assert listed and all(reason.strip() for reason in listed.values())


@pytest.mark.parametrize(
    "line", [line for line in run.__doc__.splitlines() if "python tests/mutation/run.py" in line]
)
def test_every_command_the_docstring_shows_is_accepted(line: str) -> None:
    """Each usage line parses into options that main reads (a documented --resume once had no
    option behind it and stopped the run with an AttributeError)."""
    words = line.split("#")[0].split()[2:]
    args = run.options().parse_args(words)
    assert {"workers", "score", "resume", "rerun", "list_survivors"} <= set(vars(args))


@pytest.mark.parametrize("flags", [["--list-survivors"], ["--score", "--list-survivors"]])
def test_listing_survivors_reads_the_last_run_and_runs_nothing(
    flags: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    def must_not_run(*args: object) -> int:
        raise AssertionError("a listing started a mutation run")

    # Were the listing to start a run after all, it would clear this folder, not the real one.
    monkeypatch.setattr(run, "STAGING", tmp_path / "staging")

    for name in ("run_mutmut", "lay_out", "refresh"):
        monkeypatch.setattr(run, name, must_not_run)
    monkeypatch.setattr(run, "verdicts", lambda staging: FOUND)
    monkeypatch.setattr(run, "equivalent_mutants", dict)
    assert run.main(flags) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-3:] == [
        "trovesim.simulator.store.x_b__mutmut_1",
        "trovesim.simulator.store.x_b__mutmut_2",
        "trovesim.simulator.views.x_c__mutmut_1",
    ]
