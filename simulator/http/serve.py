"""``trovesim serve``: run the Trove API over one simulator until SIGINT or SIGTERM.

Prints one line once the socket is listening (tests and scripts wait for it; with ``--port 0``
it carries the port the system chose), and exits 0 after a signal-initiated shutdown. Every
input it cannot use (a port out of range, a host it cannot resolve or bind, a port in use, an
unreadable identity or catalogue file) ends it before serving: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys

import uvicorn
from trovesim.simulator import Simulator
from trovesim.simulator.catalog_file import CatalogFileError, read_catalog
from trovesim.simulator.clock import make_clock
from trovesim.simulator.populate import PopulateError, populate

from .app import create_app
from .bodies import MAX_BODY_BYTES
from .identity import Identities, IdentityFileError
from .one_send import OneSendProtocol


class UnusableInput(Exception):
    """An option the server cannot start with; the message is the whole explanation."""


def port_number(text: str) -> int:
    port = int(text) if text.lstrip("-").isdigit() else None
    if port is None or not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return port


def positive_int(text: str) -> int:
    number = int(text) if text.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return number


def non_negative_int(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return int(text)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    parser.add_argument(
        "--port",
        type=port_number,
        default=8779,
        help="port, 0 to 65535 (default 8779; 0: any free port)",
    )
    parser.add_argument(
        "--clock",
        choices=("real", "virtual"),
        default="real",
        help="virtual: time moves only through POST /_sim/clock",
    )
    parser.add_argument("--identity", metavar="FILE", help="JSON users/tokens/projects/roles")
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        help="JSON datastores, versions, flavors (checked against catalog_file.CATALOG_SCHEMA)",
    )
    parser.add_argument(
        "--max-body-bytes",
        type=positive_int,
        default=MAX_BODY_BYTES,
        metavar="N",
        help=f"larger request bodies get 413 overLimit (default {MAX_BODY_BYTES})",
    )
    parser.add_argument(
        "--populate",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="start with a generated world of N instances (tenants, modules, clusters, "
        "module versions applied over time); each tenant's token is <user>-token",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the --populate world (default 0)"
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


async def _run(server: _Server, listening: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, server.handle_exit, signum, None)
    await server.serve(sockets=[listening])


def listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here rather than by uvicorn so that a host or port that cannot
    be used is reported in our words instead of uvicorn's log line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as problem:
        reason = problem.strerror if isinstance(problem, socket.gaierror) else problem
        raise UnusableInput(f"cannot resolve --host {host!r}: {reason}") from None
    listening = socket.socket(family, kind, proto)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(2048)
    except OSError as problem:
        listening.close()
        raise UnusableInput(f"cannot listen on {host} port {port}: {problem.strerror}") from None
    return listening


def server_config(app, args: argparse.Namespace) -> uvicorn.Config:
    """uvicorn on uvloop with the httptools parser: both are dependencies, so never the
    pure-Python fallbacks that ``auto`` would silently pick if one were missing. The parser's
    protocol sends each response in one write (``one_send``)."""
    return uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        loop="uvloop",
        http=OneSendProtocol,
        log_level="info" if args.log_requests else "warning",
        access_log=args.log_requests,
        lifespan="off",
        server_header=False,
    )


def _world(args: argparse.Namespace) -> tuple[Simulator, Identities]:
    """The simulator and the user table the options describe, populated if asked."""
    try:
        identities = Identities.from_file(args.identity) if args.identity else Identities.default()
        catalog = read_catalog(args.catalog) if args.catalog else None
        simulator = Simulator(clock=make_clock(args.clock), catalog=catalog)
        if args.populate:
            world = populate(simulator, args.populate, seed=args.seed)
            identities = identities.with_projects(world.tenants)
            print(world.summary(), flush=True)
    except (IdentityFileError, CatalogFileError, PopulateError) as problem:
        raise UnusableInput(str(problem)) from None
    return simulator, identities


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        simulator, identities = _world(args)
        listening = listen(args.host, args.port)
    except UnusableInput as problem:
        print(f"trovesim serve: {problem}", file=sys.stderr)
        return 2
    app = create_app(simulator, identities, max_body_bytes=args.max_body_bytes)
    config = server_config(app, args)
    server = _Server(config)
    with listening, asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        runner.run(_run(server, listening))
    try:
        print("trovesim stopped", flush=True)
    except BrokenPipeError:  # whoever read our output has gone (``trovesim serve | head -1``)
        # Python's documented remedy: point stdout at devnull so the exit flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
