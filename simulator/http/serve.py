"""``trovesim serve``: run the Trove API over one simulator until SIGINT or SIGTERM.

Prints one line once the socket is listening (tests and scripts wait for it; with ``--port 0``
it carries the port the system chose), and exits 0 after a signal-initiated shutdown.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

import uvicorn
from trovesim.simulator import Catalog, Simulator
from trovesim.simulator.clock import make_clock

from .app import create_app
from .bodies import MAX_BODY_BYTES
from .identity import Identities, IdentityFileError


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    parser.add_argument("--port", type=int, default=8779, help="port (0: any free port)")
    parser.add_argument(
        "--clock",
        choices=("real", "virtual"),
        default="real",
        help="virtual: time moves only through POST /_sim/clock",
    )
    parser.add_argument("--identity", metavar="FILE", help="JSON users/tokens/projects/roles")
    parser.add_argument("--catalog", metavar="FILE", help="JSON datastores, versions, flavors")
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=MAX_BODY_BYTES,
        help=f"larger request bodies get 413 overLimit (default {MAX_BODY_BYTES})",
    )
    parser.add_argument("--log-requests", action="store_true", help="print an access log line")


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self):
        # _run installs loop handlers instead: a signal then means "stop, exit 0", and uvicorn's
        # re-raise of the captured signal after shutdown (death by signal) never happens.
        yield

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets)
        if self.started:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            root = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
            print(f"trovesim serving Trove v1.0 at {root}/v1.0/ (keystone {root}/v3)", flush=True)


async def _run(server: _Server) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, server.handle_exit, signum, None)
    await server.serve()


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        identities = Identities.from_file(args.identity) if args.identity else Identities.default()
        catalog = Catalog.from_file(args.catalog) if args.catalog else None
    except (IdentityFileError, OSError, ValueError, KeyError, TypeError) as problem:
        print(f"trovesim serve: {problem}", file=sys.stderr)
        return 2
    simulator = Simulator(clock=make_clock(args.clock), catalog=catalog)
    app = create_app(simulator, identities, max_body_bytes=args.max_body_bytes)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="info" if args.log_requests else "warning",
        access_log=args.log_requests,
        lifespan="off",
        server_header=False,
    )
    server = _Server(config)
    try:
        with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
            runner.run(_run(server))
    except SystemExit:  # uvicorn's way out when it cannot bind; it has logged why
        return 1
    print("trovesim stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trovesim serve", description=__doc__)
    configure_parser(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
