"""Every input ``trovesim serve`` cannot use is refused before serving: exactly one line on
stderr, naming the option or the place in the file, and exit code 2.

The command runs in this process (the refusals come before the server would start, and a
subprocess costs seconds of imports per case); ``_run`` is replaced so that a case that wrongly
starts serving fails instead of hanging. ``test_http_serve_command.py`` runs the real command for
a port already in use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from trovesim.simulator.http import serve

from trovesim.cli import main


@pytest.fixture(autouse=True)
def never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    async def served(*args: object) -> None:
        raise AssertionError("trovesim serve started serving instead of refusing")

    monkeypatch.setattr(serve, "_run", served)


def refusal(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line ``trovesim serve <argv>`` prints on stderr before exiting 2."""
    try:
        code = main(["serve", "--port", "0", *argv])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err.rstrip("\n")


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["--port", "99999"], "argument --port: '99999' is not a port number (0 to 65535)"),
        (["--port", "-1"], "argument --port: '-1' is not a port number (0 to 65535)"),
        (["--port", "http"], "argument --port: 'http' is not a port number (0 to 65535)"),
        (
            ["--max-body-bytes", "0"],
            "argument --max-body-bytes: '0' is not a positive whole number",
        ),
        (["--populate", "-3"], "argument --populate: '-3' is not a whole number of 0 or more"),
        (
            ["--clock", "fast"],
            "argument --clock: invalid choice: 'fast' (choose from 'real', 'virtual')",
        ),
        (["--no-such-option"], "unrecognized arguments: --no-such-option"),
    ],
)
def test_bad_options(capsys, argv, line):
    assert refusal(capsys, *argv) == f"trovesim serve: error: {line}"


def test_a_host_that_does_not_resolve(capsys):
    line = refusal(capsys, "--host", "no-such-host.invalid")
    assert line.startswith("trovesim serve: cannot resolve --host 'no-such-host.invalid': ")


def test_a_host_that_is_not_this_machines(capsys):
    # 192.0.2.0/24 is reserved for documentation: never an address of this machine.
    assert refusal(capsys, "--host", "192.0.2.1") == (
        "trovesim serve: cannot listen on 192.0.2.1 port 0: Cannot assign requested address"
    )


def file_refusal(capsys, tmp_path: Path, option: str, content: str | None) -> str:
    path = tmp_path / "file.json"
    if content is not None:
        path.write_text(content)
    return refusal(capsys, option, str(path)).replace(str(path), "FILE")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot read FILE: [Errno 2] No such file or directory: 'FILE'"),
        ("{not json", "cannot read FILE: Expecting property name enclosed in double quotes: "
         "line 1 column 2 (char 1)"),
        ("[]", 'an identity file is an object {"users": [...]}'),
        ('{"users": [{"name": "x"}]}', "user {'name': 'x'} lacks 'token'"),
        ('{"users": [{"name": "x", "token": "", "project": "p"}]}',
         "token must be a non-empty string, not ''"),
        ('{"users": [{"name": "x", "token": "t", "project": "p", "roles": "admin"}]}',
         "user 'x': roles must be a list of strings"),
        ('{"users": [{"name": "a", "token": "t", "project": "p"}, '
         '{"name": "b", "token": "t", "project": "q"}]}', "token 't' is given to two users"),
    ],
)  # fmt: skip
def test_identity_file_problems(capsys, tmp_path, content, reason):
    assert file_refusal(capsys, tmp_path, "--identity", content) == f"trovesim serve: {reason}"


def catalogue(**changes: object) -> str:
    """A usable catalogue with some keys replaced (``None`` removes the key)."""
    spec: dict = {
        "default_datastore": "mysql",
        "datastores": [{"name": "mysql", "default_version": "5.7", "versions": ["5.7", "8.0"]}],
        "flavors": [{"id": "1", "name": "tiny", "ram": 512, "vcpus": 1}],
    }
    spec.update(changes)
    return json.dumps({key: value for key, value in spec.items() if value is not None})


MYSQL = {"name": "mysql", "versions": ["5.7"]}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot read catalogue FILE: No such file or directory"),
        ("{datastores", "catalogue FILE is not JSON: Expecting property name enclosed in "
         "double quotes: line 1 column 2 (char 1)"),
        ("{}", "catalogue FILE: (top level): 'datastores' is a required property; "
         "(top level): 'flavors' is a required property"),
        ('{"datastores": "x"}', "catalogue FILE: (top level): 'flavors' is a required property; "
         "datastores: 'x' is not of type 'array'"),
        (catalogue(datastores=[{"name": "mysql", "versions": "5.6"}]),
         "catalogue FILE: datastores/0/versions: '5.6' is not of type 'array'"),
        (catalogue(datastores=[]), "catalogue FILE: datastores: [] should be non-empty"),
        (catalogue(datastores=[{"name": "mysql", "versions": [{"name": "5.7", "active": "yes"}]}]),
         "catalogue FILE: datastores/0/versions/0/active: 'yes' is not of type 'boolean'"),
        (catalogue(datastores=[MYSQL, MYSQL]),
         "catalogue FILE: datastores: the name 'mysql' is given twice"),
        (catalogue(datastores=[{"name": "mysql", "versions": ["5.7", "5.7"]}]),
         "catalogue FILE: datastores/0/versions: the version '5.7' is given twice"),
        (catalogue(datastores=[{"name": "mysql", "default_version": "9", "versions": ["5.7"]}]),
         "catalogue FILE: datastores/0/default_version: '9' is not one of its versions"),
        (catalogue(default_datastore="redis"),
         "catalogue FILE: default_datastore: 'redis' is not one of the datastores"),
        (catalogue(flavors=[{"id": 1, "name": "a"}, {"id": "1", "name": "b"}]),
         "catalogue FILE: flavors: the id '1' is given twice"),
        (catalogue(flavors=[{"id": "1", "name": "a", "ram": "lots"}]),
         "catalogue FILE: flavors/0/ram: 'lots' is not of type 'integer'"),
        (catalogue(flavour=[]),
         "catalogue FILE: (top level): Additional properties are not allowed "
         "('flavour' was unexpected)"),
    ],
)  # fmt: skip
def test_catalogue_file_problems(capsys, tmp_path, content, reason):
    assert file_refusal(capsys, tmp_path, "--catalog", content) == f"trovesim serve: {reason}"


def test_a_catalogue_that_is_a_folder(capsys, tmp_path):
    assert refusal(capsys, "--catalog", str(tmp_path)) == (
        f"trovesim serve: cannot read catalogue {tmp_path}: Is a directory"
    )


@pytest.mark.parametrize("argv", [[], ["serve-all"]])
def test_no_or_an_unknown_command_is_a_usage_error(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: trovesim ")
    assert err.splitlines()[-1].startswith("trovesim: error: ")


def test_populate_needs_an_active_version(capsys, tmp_path):
    inactive = [{"name": "mysql", "versions": [{"name": "5.7", "active": False}]}]
    (tmp_path / "catalog.json").write_text(catalogue(datastores=inactive, default_datastore=None))
    line = refusal(capsys, "--catalog", str(tmp_path / "catalog.json"), "--populate", "5")
    assert line == (
        "trovesim serve: cannot populate: no datastore of the catalogue has an active version"
    )


def test_a_generated_user_whose_token_is_taken(capsys, tmp_path):
    """The first user --populate --seed 1 makes is ashleypham (faker is seeded)."""
    taken = {"users": [{"name": "x", "token": "ashleypham-token", "project": "p"}]}
    (tmp_path / "users.json").write_text(json.dumps(taken))
    line = refusal(
        capsys, "--identity", str(tmp_path / "users.json"), "--populate", "5", "--seed", "1"
    )
    assert line == "trovesim serve: token 'ashleypham-token' is given to two users"
