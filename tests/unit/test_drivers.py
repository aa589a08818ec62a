"""Guest drivers as a user sees them through module-apply: the ping driver's parsing (behaviour
§9.4, differences #28) and the new_relic_license driver (behaviour §9.5)."""

from __future__ import annotations

import pytest
from sim_world import b64


def outcome(world, contents: str | bytes, module_type: str = "ping") -> tuple[str, object]:
    """(status, message) the guest reports for a module with this file, applied to an instance."""
    body = {"name": "probe", "module_type": module_type, "contents": b64(contents)}
    mod = world.sim.create_module(world.alice, {"module": body})
    inst = world.instance(world.alice)
    (result,) = world.apply(world.alice, inst, mod)
    return result["status"], result["message"]


@pytest.mark.parametrize(
    ("contents", "message"),
    [
        ("message=Module.V1\n", "Module.V1"),
        ("Message=Hello World from: x\n", "Hello World from: x"),
        ("MESSAGE=upper key\n", "upper key"),
        ("message=a=b\n", "a=b"),
        ("message=\n", ""),
        ("message=hi # a comment\n", "hi "),
        ("message=hi#no space\n", "hi"),
        ("# a comment line\n\n   \nmessage=after blanks\n", "after blanks"),
        ("   message=line is stripped   \n", "line is stripped"),
        ("message=one\nmessage=two\n", "two"),
        ("Message=first\nmessage=second\n", "first"),
        ("other=1\nmessage=late\n", "late"),
        ("message=no newline at end", "no newline at end"),
    ],
)
def test_ping_reports_the_message_value(world, contents, message):
    assert outcome(world, contents) == ("OK", message)


def test_ping_message_value_is_not_stripped(world):
    assert outcome(world, "message = Hello\n") == ("OK", " Hello")


def test_ping_key_is_stripped(world):
    assert outcome(world, "message   =x\n") == ("OK", "x")


@pytest.mark.parametrize(
    ("contents", "message"),
    [("message=true\n", True), ("message=FALSE\n", False), ("message=True\n", True)],
)
def test_ping_true_and_false_words_become_json_booleans(world, contents, message):
    status, reported = outcome(world, contents)
    assert status == "OK"
    assert reported is message


def test_ping_without_a_message_key_is_an_error(world):
    assert outcome(world, "greeting=hello\n") == ("ERROR", "Message not found in contents file")


def test_ping_with_only_comments_is_an_error(world):
    assert outcome(world, "# message=hidden\n") == ("ERROR", "Message not found in contents file")


def test_ping_line_without_equals_cannot_be_parsed(world):
    assert outcome(world, "message=ok\njunk\n") == (
        "ERROR",
        "Could not extract ping message: not enough values to unpack (expected 2, got 1)",
    )


def test_ping_binary_contents_cannot_be_decoded(world):
    assert outcome(world, b"\x99\x00binary") == (
        "ERROR",
        "Could not extract ping message: 'utf-8' codec can't decode byte 0x99 in position 0: "
        "invalid start byte",
    )


def test_ping_of_raw_text_sent_without_base64_fails_to_decode(world):
    body = {"name": "raw", "module_type": "ping", "contents": "message=Module.V1"}
    mod = world.sim.create_module(world.alice, {"module": body})
    inst = world.instance(world.alice)
    (result,) = world.apply(world.alice, inst, mod)
    assert (result["status"], result["message"]) == (
        "ERROR",
        "Could not extract ping message: 'utf-8' codec can't decode byte 0x99 in position 0: "
        "invalid start byte",
    )


def test_new_relic_license_with_a_key_is_installed(world):
    assert outcome(world, "license_key=0123456789\n", "new_relic_license") == (
        "OK",
        "New Relic license key installed",
    )


def test_new_relic_license_key_name_is_case_insensitive(world):
    assert outcome(world, "# key\nLICENSE_KEY=abc\n", "new_relic_license") == (
        "OK",
        "New Relic license key installed",
    )


def test_new_relic_license_without_a_key_is_an_error(world):
    assert outcome(world, "message=hello\n", "new_relic_license") == (
        "ERROR",
        "'license_key' not found in contents file",
    )
