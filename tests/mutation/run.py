"""Mutation testing of the simulator's rules with mutmut 3, judged by the Gherkin suite in-process.

    python tests/mutation/run.py                 # fresh run, every mutant, then the score
    python tests/mutation/run.py --workers 1     # one CPU only
    python tests/mutation/run.py --score         # the score of the last run, nothing re-run
    python tests/mutation/run.py --resume        # go on where an interrupted run stopped
    python tests/mutation/run.py --rerun 'trovesim.simulator.access.*'
                                                 # re-judge some mutants after a suite change
    python tests/mutation/run.py --survivors 'trovesim.simulator.views.*'
                                                 # re-judge only what survived, of some modules

mutmut names a mutant after its module, which it derives from the file's path; our modules are
imported as ``trovesim.simulator.x`` from ``simulator/x.py``. So the run happens in a staging
tree, ``build/mutation/``, that lays the repository's folders out as their import names
(``trovesim/simulator``, ``trovesim/steps``, ...). mutmut copies it into ``mutants/`` and puts
that folder first on ``sys.path``, ahead of the editable install's finder, so the suite imports
the mutated simulator. ``[tool.mutmut]`` in pyproject.toml speaks of the staging paths.

``--list-survivors`` names what survived in the last run, running nothing (as ``--score``);
``cd build/mutation && mutmut show NAME`` shows its change. The score counts mutmut's verdicts
per mutant and subtracts the mutants that ``tests/mutation/equivalent.md`` lists, each with the
reason it cannot change behaviour.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STAGING = REPO / "build" / "mutation"
EQUIVALENT = Path(__file__).resolve().parent / "equivalent.md"
PLUGIN = Path(__file__).resolve().parent / "mutmut_plugin.py"
# The repository folder behind each package of the staging tree.
LAYOUT = {
    "trovesim": "trovesim",
    "trovesim/simulator": "simulator",
    "trovesim/steps": "steps",
    "trovesim/features": "features",
    "trovesim/reports": "reports",
}
# mutmut's exit codes per mutant, grouped as the score reports them.
VERDICTS = {1: "killed", 3: "killed", 0: "survived", 36: "timeout", 24: "timeout", -24: "timeout"}
VERDICTS |= {152: "timeout", 255: "timeout", 33: "no tests", 5: "no tests", None: "not checked"}
EQUIVALENT_ENTRY = re.compile(r"^- `(?P<name>[^`]+)`: (?P<reason>\S.*)$")


def _copy_package(source: Path, target: Path) -> None:
    """One package folder, without its bytecode caches (copy2 keeps mtimes, as mutmut wants)."""
    shutil.copytree(
        source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )


def lay_out(root: Path) -> None:
    """The repository's folders under their import names, and the project's pyproject.toml."""
    for package, folder in LAYOUT.items():
        _copy_package(REPO / folder, root / package)
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copy2(PLUGIN, root / PLUGIN.name)


def refresh(root: Path) -> None:
    """Edits reach an existing run. The suite's files go to both trees. The simulator's go to the
    staging tree only: mutmut regenerates the mutants of a source newer than its mutated copy,
    and judges again the mutants of every function whose text changed."""
    lay_out(root)
    for package in ("trovesim", "trovesim/steps", "trovesim/features", "trovesim/reports"):
        _copy_package(REPO / LAYOUT[package], root / "mutants" / package)
    shutil.copy2(PLUGIN, root / "mutants" / PLUGIN.name)
    # Which scenarios reach which function: mutmut maps only scenarios it has not seen before,
    # so a step that now reaches another function would go unnoticed. Map them all again.
    (root / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)


def run_mutmut(root: Path, workers: int | None, names: list[str]) -> int:
    command = [sys.executable, "-m", "mutmut", "run"]
    if workers:
        command += ["--max-children", str(workers)]
    return subprocess.run(command + names, cwd=root, check=False).returncode


def _excluded(names: list[str]) -> set[str]:
    """Mutants of files pyproject's do_not_mutate now leaves out (results of older runs)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["mutmut"].get("do_not_mutate", [])
    paths = {name: name.split(".x", 1)[0].replace(".", "/") + ".py" for name in names}
    return {n for n, p in paths.items() if any(fnmatch.fnmatch(p, pat) for pat in patterns)}


def verdicts(root: Path) -> dict[str, str]:
    """Each mutant's verdict, from the meta files mutmut writes beside the mutated modules."""
    found: dict[str, str] = {}
    for meta in sorted((root / "mutants").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found |= {name: VERDICTS.get(code, "suspicious") for name, code in codes.items()}
    excluded = _excluded(list(found))
    return {name: verdict for name, verdict in found.items() if name not in excluded}


def equivalent_mutants(path: Path = EQUIVALENT) -> dict[str, str]:
    """The listed equivalent mutants and their reasons; an entry without a reason is an error."""
    listed: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("- `"):
            entry = EQUIVALENT_ENTRY.match(line)
            if entry is None:
                raise SystemExit(f"{path.name}: an entry needs `name`: reason: {line}")
            listed[entry["name"]] = entry["reason"]
    return listed


def score(found: dict[str, str], equivalent: dict[str, str]) -> tuple[str, list[str]]:
    """The score's text, and the surviving mutants that are not listed as equivalent.

    A mutant that no scenario reaches ("no tests") counts as surviving: nothing would notice it.
    """
    equivalent_here = sorted(n for n in equivalent if found.get(n) == "survived")
    counts = Counter(v for n, v in found.items() if n not in equivalent_here)
    survivors = sorted(
        n for n, v in found.items() if v in {"survived", "no tests"} and n not in equivalent_here
    )
    judged = len(found) - len(equivalent_here)
    percent = 100 * counts["killed"] / judged if judged else 0.0
    lines = [
        f"mutants:     {len(found)}",
        f"killed:      {counts['killed']}",
        f"survived:    {counts['survived']}",
        f"no tests:    {counts['no tests']}",
        f"equivalent:  {len(equivalent_here)}",
        f"timed out:   {counts['timeout']}",
    ]
    others = sorted(set(counts) - {"killed", "survived", "no tests", "timeout"})
    lines += [f"{verdict + ':':<12} {counts[verdict]}" for verdict in others]
    lines.append(f"score:       {percent:.1f}% of {judged} non-equivalent mutants killed")
    stale = sorted(set(equivalent) - set(equivalent_here))
    if stale:
        lines.append(f"stale entries in {EQUIVALENT.name} (gone or killed): {', '.join(stale)}")
    return "\n".join(lines), survivors


def survivors_matching(globs: list[str]) -> list[str]:
    """The last run's surviving mutants that are not listed as equivalent, matching any glob
    (every one without globs)."""
    _, survivors = score(verdicts(STAGING), equivalent_mutants())
    return [n for n in survivors if not globs or any(fnmatch.fnmatch(n, g) for g in globs)]


def options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, help="mutants judged at once (default: CPUs)")
    parser.add_argument("--score", action="store_true", help="only print the last run's score")
    parser.add_argument(
        "--resume", action="store_true", help="go on with the last run's staging tree"
    )
    parser.add_argument(
        "--rerun",
        nargs="+",
        metavar="GLOB",
        help="re-judge these mutants of the last run with the current suite",
    )
    parser.add_argument(
        "--survivors",
        nargs="*",
        metavar="GLOB",
        help="re-judge the last run's survivors (of these modules or functions) with the "
        "current suite and simulator",
    )
    parser.add_argument(
        "--list-survivors",
        action="store_true",
        help="name each surviving mutant of the last run that is not listed as equivalent "
        "(runs nothing, as --score)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = options().parse_args(argv)
    if not (args.score or args.list_survivors):
        names = args.rerun or []
        if args.survivors is not None:
            names = survivors_matching(args.survivors)
            if not names:
                print("no survivors match; nothing to re-judge")
                return 0
        if names or args.resume:
            refresh(STAGING)
        else:
            shutil.rmtree(STAGING, ignore_errors=True)
            lay_out(STAGING)
        code = run_mutmut(STAGING, args.workers, names)
        if code != 0:
            print(f"mutmut run failed (exit {code})", file=sys.stderr)
            return code
    found = verdicts(STAGING)
    if not found:
        print(f"no mutation results in {STAGING}/mutants", file=sys.stderr)
        return 2
    text, survivors = score(found, equivalent_mutants())
    print(text)
    if args.list_survivors:
        print("\n".join(survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
