"""Every citation resolves for a reader who has only the repository.

A compliance report shows each requirement's source; comments and docstrings cite the behaviour
reference. These tests fail when a tracked file points to a document that does not ship, when a
relative Markdown link leads nowhere, when a cited section of docs/ does not exist, or when a
requirement's source is neither a docs/ section, a file of the repository, nor an upstream
document named as such.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
THIS_FILE = Path(__file__).resolve().relative_to(REPO).as_posix()

# Documents the project was written from, which do not ship with it.
OUTSIDE = re.compile(
    r"\.\./shared|/work/shared|DECISIONS|trove-module-behaviour|troveclient-wire|"
    r"(?<![\w.-])seeds/|(?<![\w.-])spec/|ARCHITECTURE\.md"
)
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
EXTERNAL_LINK = re.compile(r"^(https?:|mailto:|#)")

# "docs/behaviour.md §4.1", "behaviour M4 step 5e", "docs/client-wire.md §4a", "behaviour I1-I3".
ANCHOR = r"(?:§\d+(?:\.\d+)*[a-z]?|[MIC]\d+(?:-[MIC]\d+)?)(?:\s+step\s+\d+[a-z]?)?"
SECTIONED = re.compile(
    r"(?<![\w/-])(?:docs/)?(?P<doc>behaviour|client-wire)(?:\.md)?\s+"
    rf"(?P<anchors>{ANCHOR}(?:(?:,\s*|\s+and\s+){ANCHOR})*)"
)
SELF_REFERENCE = re.compile(rf"{ANCHOR}(?:(?:,\s*|\s+and\s+){ANCHOR})*")
ONE_ANCHOR = re.compile(
    r"(?P<id>§\d+(?:\.\d+)*[a-z]?|[MIC]\d+)(?:-(?P<last>[MIC]\d+))?(?:\s+step\s+(?P<step>\d+[a-z]?))?"
)
# "docs/differences.md #23", "differences #21, #22", "difference 18".
NUMBERED = re.compile(
    r"(?<![\w/-])(?:docs/)?differences?(?:\.md)?\s+(?P<rows>#?\d+(?:,\s*#?\d+)*)(?![\w.])"
)
HEADING = re.compile(r"^#+\s+(?P<title>.+?)\s*$", re.M)
DOC_HEADING = re.compile(r"^#+\s+(?P<id>§\d+(?:\.\d+)*[a-z]?|[MIC]\d+)\b", re.M)
DIFFERENCE_ROW = re.compile(r"^\|\s*(?P<row>\d+)\s*\|", re.M)
NUMBERED_STEP = re.compile(r"^\s*(?P<n>\d+|[a-z])\.\s", re.M)
REPO_PATH = re.compile(r"^(?P<path>[\w./-]+\.(?:md|feature|toml|py))(?::\s*(?P<heading>.+))?$")

UPSTREAM_DOCUMENTS = {
    "Trove blueprint module-management-ordering": (
        "Problem Description",
        "Proposed Change",
        "Public API",
        "Python API",
        "CLI (python-troveclient)",
        "Guest Agent",
    ),
    "Trove admin guide, Create and use modules for a database": (),
}


@cache
def tracked_files() -> tuple[str, ...]:
    """The files a clone holds (git's index), as repository-relative paths."""
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return tuple(sorted(name for name in listing.stdout.split("\0") if name))


@cache
def text_of(path: str) -> str | None:
    try:
        return (REPO / path).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


@cache
def sections(doc: str) -> dict[str, str]:
    """The anchored sections (§N, M1, I2...) of docs/<doc>.md, each with its text."""
    text = text_of(f"docs/{doc}.md") or ""
    marks = list(DOC_HEADING.finditer(text))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return {m["id"]: text[m.start() : end] for m, end in zip(marks, ends, strict=True)}


@cache
def difference_rows() -> frozenset[int]:
    return frozenset(int(m["row"]) for m in DIFFERENCE_ROW.finditer(text_of("docs/differences.md")))


def headings(path: str) -> set[str]:
    return {m["title"].lower() for m in HEADING.finditer(text_of(path) or "")}


def unresolved_anchors(doc: str, anchors: str) -> list[str]:
    """Each anchor of a citation list (and each step it names) that docs/<doc>.md lacks."""
    known = sections(doc)
    missing = []
    for m in ONE_ANCHOR.finditer(anchors):
        for anchor in filter(None, (m["id"], m["last"])):
            if anchor not in known:
                missing.append(f"{doc} {anchor}")
        step = m["step"]
        if step and m["id"] in known and not has_step(known[m["id"]], step):
            missing.append(f"{doc} {m['id']} step {step}")
    return missing


def has_step(text: str, step: str) -> bool:
    """'5e' is item e. under item 5. of the section's numbered list."""
    number, letter = re.fullmatch(r"(\d+)([a-z]?)", step).groups()
    items = [m["n"] for m in NUMBERED_STEP.finditer(text)]
    if number not in items:
        return False
    return not letter or letter in items[items.index(number) + 1 :]


def unresolved_rows(rows: str) -> list[str]:
    numbers = [int(n) for n in re.findall(r"\d+", rows)]
    return [f"differences #{n}" for n in numbers if n not in difference_rows()]


def problems_in(path: str, text: str) -> list[str]:
    """Every citation in one file that a reader of the repository could not follow."""
    found = [f"{path}: points outside the repository: {m[0]!r}" for m in OUTSIDE.finditer(text)]
    if path.endswith(".md"):
        found += [f"{path}: broken link {target}" for target in broken_links(path, text)]
    found += [
        f"{path}: {missing}"
        for m in SECTIONED.finditer(text)
        for missing in unresolved_anchors(m["doc"], m["anchors"])
    ]
    found += [
        f"{path}: {missing}"
        for m in NUMBERED.finditer(text)
        for missing in unresolved_rows(m["rows"])
    ]
    rest = SECTIONED.sub("", text)
    own = re.fullmatch(r"docs/(behaviour|client-wire)\.md", path)
    if own:
        found += [
            f"{path}: {missing}"
            for m in SELF_REFERENCE.finditer(rest)
            if m[0].startswith("§")
            for missing in unresolved_anchors(own[1], m[0])
        ]
    elif "§" in rest:
        found.append(f"{path}: a § that names no document")
    return found


def broken_links(path: str, text: str) -> list[str]:
    base = (REPO / path).parent
    broken = []
    for m in LINK.finditer(text):
        target = m[1]
        if EXTERNAL_LINK.match(target):
            continue
        resolved = (base / target.split("#", 1)[0]).resolve()
        if not resolved.is_relative_to(REPO) or not resolved.exists():
            broken.append(target)
    return broken


def source_problems(source: str) -> list[str]:
    """Each '; '-separated part: a docs/ section, a repository file or an upstream document."""
    found = []
    for part in (p.strip() for p in source.split(";")):
        cited = SECTIONED.fullmatch(part.split(" (")[0])
        numbered = NUMBERED.fullmatch(part)
        path = REPO_PATH.match(part)
        upstream = next((d for d in UPSTREAM_DOCUMENTS if part.startswith(f"{d}: ")), None)
        if cited:
            found += unresolved_anchors(cited["doc"], cited["anchors"])
        elif numbered:
            found += unresolved_rows(numbered["rows"])
        elif path:
            if text_of(path["path"]) is None:
                found.append(f"no file {path['path']}")
            elif path["heading"] and path["heading"].lower() not in headings(path["path"]):
                found.append(f"{path['path']} has no heading {path['heading']!r}")
        elif upstream:
            place = part.removeprefix(f"{upstream}: ")
            named = UPSTREAM_DOCUMENTS[upstream]
            if named and not place.startswith(named):
                found.append(f"{upstream} has no section {place!r}")
        else:
            found.append(f"{part!r} is no docs/ section, repository file or upstream document")
    return found


def catalogues() -> list[str]:
    """The shipped catalogues; the reports' test fixture cites a fictional demo guide."""
    return [
        path
        for path in tracked_files()
        if path.endswith("requirements.toml") and not path.startswith("tests/reports/data/")
    ]


def test_no_tracked_file_cites_what_the_repository_does_not_hold() -> None:
    problems = [
        problem
        for path in tracked_files()
        if path != THIS_FILE and (text := text_of(path)) is not None
        for problem in problems_in(path, text)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("catalogue", catalogues())
def test_every_requirement_source_resolves(catalogue: str) -> None:
    entries = tomllib.loads(text_of(catalogue))["requirement"]
    problems = [
        f"{entry['id']}: {problem}"
        for entry in entries
        for problem in source_problems(entry["source"])
    ]
    assert not problems, "\n".join(problems)


def test_the_behaviour_reference_keeps_its_numbering() -> None:
    anchors = set(sections("behaviour"))
    expected = {f"§{n}" for n in range(16)} | {f"M{n}" for n in range(1, 8)}
    expected |= {f"I{n}" for n in range(1, 5)}
    assert expected <= anchors, sorted(expected - anchors)
    assert difference_rows() == frozenset(range(1, len(difference_rows()) + 1))


@pytest.mark.parametrize(
    ("path", "text", "problem"),
    [
        ("a.py", "see spec/trove.md", "points outside the repository: 'spec/'"),
        ("a.py", "per DECISIONS 18", "points outside the repository: 'DECISIONS'"),
        ("a.py", "(../shared/x)", "points outside the repository: '../shared'"),
        ("a.md", "[guide](nowhere.md)", "broken link nowhere.md"),
        ("a.md", "[root](../../..)", "broken link ../../.."),
        ("a.py", "docs/behaviour.md §99", "behaviour §99"),
        ("a.py", "behaviour §4.1, M9", "behaviour M9"),
        ("a.py", "behaviour I1-I9", "behaviour I9"),
        ("a.py", "behaviour M4 step 5z", "behaviour M4 step 5z"),
        ("a.py", "docs/client-wire.md §4z", "client-wire §4z"),
        ("a.py", "differences #14, #99", "differences #99"),
        ("a.py", "as §9.3 says", "a § that names no document"),
        ("docs/behaviour.md", "see §42", "behaviour §42"),
    ],
)
def test_the_checker_catches_what_a_reader_could_not_follow(
    path: str, text: str, problem: str
) -> None:
    assert f"{path}: {problem}" in problems_in(path, text)


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("docs/behaviour.md §4.7", "behaviour §4.7"),
        ("docs/behaviour.md M2 step 3, §6; docs/differences.md #40", "differences #40"),
        ("docs/nothing.md", "no file docs/nothing.md"),
        ("README.md: Nowhere", "README.md has no heading 'Nowhere'"),
        (
            "Trove blueprint module-management-ordering: Appendix",
            "Trove blueprint module-management-ordering has no section 'Appendix'",
        ),
        (
            "the usage guide",
            "'the usage guide' is no docs/ section, repository file or upstream document",
        ),
    ],
)
def test_a_source_that_leads_nowhere_is_reported(source: str, problem: str) -> None:
    assert problem in source_problems(source)


def test_sources_that_resolve_pass() -> None:
    sources = [
        "docs/behaviour.md M4 step 5e",
        "docs/behaviour.md §12 step 4; Trove admin guide, Create and use modules for a database: x",
        "docs/differences.md: Reapply defaults and bounds",
        "docs/behaviour.md I2 (missing modules -> [])",
        "README.md: Design",
    ]
    assert [source_problems(s) for s in sources] == [[]] * len(sources)
