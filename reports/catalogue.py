"""The requirements catalogue: what a run is judged against.

Scenarios name requirements by tag (``@ORD-1``), so an id must be usable as a Gherkin tag. A bad
catalogue would silently drop requirements from every report, so loading checks the whole file and
reports every problem at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from trovesim.suite import catalogue_paths

FIELDS = ("id", "area", "statement", "source")
DEFAULT_TITLE = "Trove module management: compliance report"


class CatalogueError(ValueError):
    """The catalogue file is missing or malformed; the message names the file and each problem."""


@dataclass(frozen=True)
class Requirement:
    id: str
    area: str
    statement: str
    source: str


@dataclass(frozen=True)
class Catalogue:
    title: str
    requirements: tuple[Requirement, ...]

    def ids(self) -> set[str]:
        return {requirement.id for requirement in self.requirements}


def suite_catalogue(path: Path | None = None) -> Catalogue:
    """``path``, or the catalogues beside the features being run, as one (the shipped suite's,
    a user's, or both with ``verify --features ... --with-builtin``); a user's features may come
    without one, and then the run is judged scenario by scenario (an empty catalogue)."""
    if path is not None:
        return load_catalogue(path)
    try:
        found = catalogue_paths()
    except FileNotFoundError:  # TROVESIM_FEATURES names no folder: nothing to judge against
        return Catalogue(DEFAULT_TITLE, ())
    catalogues = [load_catalogue(each) for each in found]
    if not catalogues:
        return Catalogue(DEFAULT_TITLE, ())
    merged = {r.id: r for catalogue in reversed(catalogues) for r in catalogue.requirements}
    ordered = dict.fromkeys(r.id for catalogue in catalogues for r in catalogue.requirements)
    return Catalogue(catalogues[0].title, tuple(merged[rid] for rid in ordered))


def load_catalogue(path: Path) -> Catalogue:
    """Read and validate ``path``; raise CatalogueError listing every problem found."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueError(f"{path}: requirements catalogue not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read requirements catalogue: {exc}") from None
    return parse_catalogue(data, str(path))


def parse_catalogue(data: dict[str, object], origin: str) -> Catalogue:
    """Validate an already-parsed catalogue; ``origin`` prefixes error messages."""
    problems: list[str] = []
    title = data.get("title", DEFAULT_TITLE)
    if not isinstance(title, str) or not title.strip():
        problems.append("'title' must be a non-empty string")
        title = DEFAULT_TITLE
    entries = data.get("requirement")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{origin}: no [[requirement]] entries")
    requirements: list[Requirement] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"requirement #{number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a table")
            continue
        if isinstance(entry.get("id"), str):
            where = f"requirement #{number} ({entry['id']})"
        missing = [name for name in FIELDS if not _text(entry.get(name))]
        if missing:
            problems.append(f"{where}: missing or empty {', '.join(missing)}")
            continue
        requirement = Requirement(*(str(entry[name]).strip() for name in FIELDS))
        if any(ch.isspace() for ch in requirement.id) or requirement.id.startswith("@"):
            problems.append(f"{where}: id must be a tag name (no '@', no spaces)")
        if requirement.id in seen:
            first = seen[requirement.id]
            problems.append(f"{where}: duplicate id, first used by requirement #{first}")
            continue
        seen[requirement.id] = number
        requirements.append(requirement)
    if problems:
        listing = "\n  ".join(problems)
        raise CatalogueError(f"{origin}: invalid requirements catalogue:\n  {listing}")
    return Catalogue(title=title.strip(), requirements=tuple(requirements))


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
