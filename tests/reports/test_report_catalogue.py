"""The catalogue loader: a bad catalogue must fail loudly, naming the file and every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_suite import CATALOGUE
from trovesim.reports.catalogue import DEFAULT_TITLE, CatalogueError, load_catalogue

ENTRY = """
[[requirement]]
id = "{id}"
area = "Apply ordering"
statement = "Modules apply in order"
source = "Demo guide: apply ordering"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "requirements.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_requirements_in_file_order_with_title() -> None:
    catalogue = load_catalogue(CATALOGUE)
    assert catalogue.title == "Demo compliance report"
    assert [r.id for r in catalogue.requirements] == [f"DEMO-{n}" for n in range(1, 14)]
    first = catalogue.requirements[0]
    assert (first.area, first.statement, first.source) == (
        "Apply ordering",
        "Modules apply in ascending order",
        "Demo guide: apply ordering",
    )


def test_title_is_optional(tmp_path: Path) -> None:
    assert load_catalogue(write(tmp_path, ENTRY.format(id="ORD-1"))).title == DEFAULT_TITLE


def test_duplicate_ids_are_refused_with_both_positions(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="ORD-1") + ENTRY.format(id="ORD-1"))
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(error.value) == (
        f"{path}: invalid requirements catalogue:\n"
        "  requirement #2 (ORD-1): duplicate id, first used by requirement #1"
    )


def test_missing_and_empty_fields_are_listed_per_requirement(tmp_path: Path) -> None:
    text = (
        ENTRY.format(id="ORD-1")
        + '\n[[requirement]]\nid = "ORD-2"\narea = ""\nstatement = "x"\n'
        + '\n[[requirement]]\narea = "a"\nstatement = "s"\nsource = "src"\n'
    )
    with pytest.raises(CatalogueError) as error:
        load_catalogue(write(tmp_path, text))
    assert str(error.value).splitlines()[1:] == [
        "  requirement #2 (ORD-2): missing or empty area, source",
        "  requirement #3: missing or empty id",
    ]


def test_ids_must_be_usable_as_tags(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"requirement #1 \(@ORD 1\): id must be a tag name"):
        load_catalogue(write(tmp_path, ENTRY.format(id="@ORD 1")))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no [[requirement]] entries"),
        ('title = "t"\nrequirement = "ORD-1"\n', "no [[requirement]] entries"),
        ("[[requirement]\n", "cannot read requirements catalogue"),
    ],
)
def test_empty_or_unparsable_catalogue(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(error.value).startswith(f"{path}: {problem}")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="requirements catalogue not found"):
        load_catalogue(tmp_path / "absent.toml")
