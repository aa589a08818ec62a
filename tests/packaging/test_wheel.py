"""The distribution as a user gets it: the built wheel, installed (not editable) into a fresh
venv, serves, verifies and reports, and puts only ``trovesim`` into site-packages.

The wheel is built from a copy of the files the build reads (so the checkout gains no
``build/``), without build isolation, and installed with ``--no-deps``. Its dependencies come from
this test run's own environment through a ``.pth`` line: a path line adds that folder to
``sys.path`` without running the ``.pth`` files inside it, so the editable install's finder
never loads and ``trovesim`` can only come from the wheel. A real install of the dependencies
takes minutes; this takes seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The folders pyproject maps under trovesim, read from it so that a new one cannot be missed.
PACKAGE_FOLDERS = sorted(
    set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
            "package-dir"
        ].values()
    )
)
BUILD_INPUTS = ["pyproject.toml", "README.md", *PACKAGE_FOLDERS]
REPO_FOLDERS = {*PACKAGE_FOLDERS, "tests"} - {"trovesim"}
READY = re.compile(r"^trovesim serving Trove v1\.0 at (http://\S+)/v1\.0/ ")


def run(*argv: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


class Installed:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.venv = root / "venv"
        self.bin = self.venv / "bin"
        self.site_packages = Path(
            sysconfig.get_paths(vars={"base": str(self.venv), "platbase": str(self.venv)})[
                "purelib"
            ]
        )
        self.before: set[str] = set()
        self.wheel: Path | None = None


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    here = Installed(tmp_path_factory.mktemp("wheel"))
    source = here.root / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        ignore = (
            {"ignore": shutil.ignore_patterns("__pycache__")} if copy is shutil.copytree else {}
        )
        copy(ROOT / name, source / name, **ignore)
    dist = here.root / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    built = run(
        *pip, "wheel", "--no-deps", "--no-build-isolation", "-w", dist, source, cwd=here.root
    )
    assert built.returncode == 0, built.stderr
    (here.wheel,) = dist.glob("trove_module_sim-*.whl")

    made = run(sys.executable, "-m", "venv", "--without-pip", here.venv, cwd=here.root)
    assert made.returncode == 0, made.stderr
    here.before = {p.name for p in here.site_packages.iterdir()}
    python = here.bin / "python"
    done = run(*pip, "--python", python, "install", "--no-deps", here.wheel, cwd=here.root)
    assert done.returncode == 0, done.stderr
    # Written after the install, so that pip saw none of this environment's distributions.
    (here.site_packages / "dependencies-of-the-test-run.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    return here


def test_the_wheel_holds_only_the_trovesim_package(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        tops = {name.split("/")[0] for name in wheel.namelist()}
        names = wheel.namelist()
    assert tops == {"trovesim", installed.wheel.name.split("-py3")[0] + ".dist-info"}
    assert "trovesim/features/requirements.toml" in names
    assert "trovesim/features/module_create.feature" in names
    assert "trovesim/reports/report.schema.json" in names
    # The pages the requirements cite travel with the reports that cite them.
    cited = set(re.findall(r"docs/[\w-]+\.md", (ROOT / "features/requirements.toml").read_text()))
    assert cited and {f"trovesim/{page}" for page in cited} <= set(names)


def test_site_packages_gained_trovesim_and_no_generic_names(installed):
    gained = {p.name for p in installed.site_packages.iterdir()} - installed.before
    gained.discard("dependencies-of-the-test-run.pth")
    assert {name for name in gained if not name.endswith(".dist-info")} == {"trovesim"}
    assert not gained & REPO_FOLDERS
    located = run(
        installed.bin / "python",
        "-c",
        "import importlib.util, json, trovesim; "
        "print(json.dumps([trovesim.__file__, "
        "[importlib.util.find_spec(n) is not None for n in ('simulator', 'steps', 'reports')]]))",
        cwd=installed.root,
    )
    path, generic = json.loads(located.stdout)
    assert Path(path).is_relative_to(installed.site_packages)
    assert generic == [False, False, False]


def test_version(installed):
    done = run(installed.bin / "trovesim", "--version", cwd=installed.root)
    from trovesim import __version__

    assert (done.returncode, done.stdout) == (0, f"trovesim {__version__}\n")
    assert __version__ != "0+unknown"


def test_verify_passes_in_process_then_report_builds(installed, tmp_path):
    verified = run(installed.bin / "trovesim", "verify", "--report-dir", "run", cwd=tmp_path)
    assert verified.returncode == 0, verified.stdout[-3000:] + verified.stderr[-3000:]
    assert re.search(r"=+ \d+ passed in ", verified.stdout), verified.stdout[-2000:]
    assert " failed" not in verified.stdout.splitlines()[-1]
    # The suite ran from the installed package, not from a checkout.
    assert "site-packages/trovesim/steps/" in verified.stdout

    reported = run(
        installed.bin / "trovesim", "report", "run", "--out", "out",
        "--format", "md,json", "--fail-under", "100", cwd=tmp_path,
    )  # fmt: skip
    assert reported.returncode == 0, reported.stderr
    summary = json.loads((tmp_path / "out" / "compliance.json").read_text())["summary"]
    requirements = summary["requirements"]
    assert requirements["failed"] == 0
    assert requirements["passed"] == requirements["total"] > 0
    assert "| Pass rate       | 100.0%" in (tmp_path / "out" / "compliance.md").read_text()


def test_serve_answers_and_its_docs_assets_are_packaged(installed):
    server = subprocess.Popen(
        [installed.bin / "trovesim", "serve", "--port", "0"],
        cwd=installed.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        ready = READY.match(server.stdout.readline())
        assert ready, "no ready line"
        url = ready.group(1)
        with urllib.request.urlopen(f"{url}/docs/assets/swagger-ui-bundle.js") as answer:
            assert answer.status == 200
        with urllib.request.urlopen(f"{url}/") as answer:
            assert json.load(answer)["versions"][0]["id"] == "v1.0"
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=15) == 0
