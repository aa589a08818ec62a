"""A response's head and body leave the server in one write, in order, and a close sends what
was gathered before the connection ends."""

from __future__ import annotations

import asyncio

import uvloop
from trovesim.simulator.http.one_send import GatheringTransport


class RecordingTransport:
    """Stands in for uvloop's socket transport: records writes and closes."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.events: list[str] = []
        self.closing = False

    def write(self, data: bytes) -> None:
        self.sent.append(data)
        self.events.append("write")

    def close(self) -> None:
        self.closing = True
        self.events.append("close")

    def abort(self) -> None:
        self.closing = True
        self.events.append("abort")

    def is_closing(self) -> bool:
        return self.closing

    def get_extra_info(self, name: str) -> str:
        return f"extra {name}"


async def one_turn() -> None:
    await asyncio.sleep(0)


def run(scenario) -> RecordingTransport:
    real = RecordingTransport()

    async def main() -> None:
        await scenario(GatheringTransport(real, asyncio.get_running_loop()))

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main())
    return real


def test_writes_of_one_turn_leave_as_one_send_in_order():
    async def scenario(gathering: GatheringTransport) -> None:
        gathering.write(b"HTTP/1.1 200 OK\r\n\r\n")
        gathering.write(b"")
        gathering.write(b'{"module": {}}')
        await one_turn()
        gathering.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await one_turn()

    real = run(scenario)
    head_and_body = b'HTTP/1.1 200 OK\r\n\r\n{"module": {}}'
    assert real.sent == [head_and_body, b"HTTP/1.1 204 No Content\r\n\r\n"]


def test_close_sends_what_was_gathered_first():
    async def scenario(gathering: GatheringTransport) -> None:
        gathering.write(b"HTTP/1.1 400 Bad Request\r\n\r\n")
        gathering.close()
        await one_turn()

    real = run(scenario)
    assert real.events == ["write", "close"]
    assert real.sent == [b"HTTP/1.1 400 Bad Request\r\n\r\n"]


def test_abort_drops_what_was_gathered_and_a_closed_transport_gets_nothing():
    async def scenario(gathering: GatheringTransport) -> None:
        gathering.write(b"lost")
        gathering.abort()
        gathering.write(b"after the end")
        await one_turn()

    real = run(scenario)
    assert real.events == ["abort"]


def test_everything_else_is_the_real_transports():
    async def scenario(gathering: GatheringTransport) -> None:
        assert gathering.get_extra_info("peername") == "extra peername"
        assert gathering.is_closing() is False

    run(scenario)
