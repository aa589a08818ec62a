"""``trovesim explore``: random module operations against a target and the simulator; the first
divergence, shrunk, becomes a feature file.

Options for the target, credentials and profile are verify's, with the same preflight. Exit
codes: 0 no divergence, 1 a divergence (its feature is in --out), 2 bad input or a target that
cannot be judged.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Verbosity, settings
from hypothesis.internal.conjecture import engine
from hypothesis.stateful import run_state_machine_as_test
from trovesim.steps.ledger import Ledger
from trovesim.steps.plugin import close_targets, new_run_suffix, open_targets
from trovesim.steps.profile import ProfileError, choose
from trovesim.steps.verify import USAGE_ERROR, add_target_options, preflight, target_spec

from trovesim.suite import CouldNotJudge

from .machine import Divergence, Setup, Tally, machine_for
from .scenario import feature_text
from .sides import Side, catalogue_of, embedded_target

FEATURE = "divergence.feature"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_target_options(parser)
    parser.add_argument("--examples", type=_positive, default=100, help="sequences to try")
    parser.add_argument("--steps", type=_positive, default=20, help="operations per sequence")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis's seed (default: 0)")
    parser.add_argument(
        "--out", type=Path, default=Path("explore"), help="where explore.json and features go"
    )
    parser.add_argument(
        "--shrink-seconds",
        type=_positive,
        default=60,
        help="at most this long shrinking a divergence (each try replays on the target)",
    )
    parser.add_argument(
        "--max-builds", type=_positive, help="at most this many instance builds on the target"
    )
    parser.add_argument(
        "--expect",
        choices=("simulator", "upstream"),
        default="simulator",
        help="simulator: every disagreement is a divergence; upstream: a disagreement on an "
        "operation that docs/differences.md says upstream Trove answers otherwise is reported "
        "as a known difference (default: simulator)",
    )


def run(args: argparse.Namespace) -> int:
    out = args.out.resolve()
    if out.exists() and not out.is_dir():
        return _usage(f"--out {args.out} is a file")
    try:
        found = preflight(args)
    except ValueError as problem:
        found = [str(problem)]
    if found:
        for line in found:
            print(f"trovesim explore: {line}", file=sys.stderr)
        return USAGE_ERROR
    spec = target_spec(args)
    targets = open_targets(spec)
    try:
        offer = targets.offer()
        profile = choose(offer, targets.label, spec.wanted, targets.has_controls)
    except (ProfileError, CouldNotJudge) as problem:
        targets.close()
        return _usage(str(problem))
    catalogue, ledger, run_suffix = catalogue_of(offer), Ledger(), new_run_suffix()

    def open_target(number: int) -> Side:
        suffix = f"{run_suffix}x{number}"
        ledger.suffixes.add(suffix)
        return Side(targets.open(), suffix, profile, ledger)

    def close_target(side: Side) -> None:
        try:
            side.cleanup()
        finally:
            side.target.close()

    tally = Tally()
    setup = Setup(
        open_target=open_target,
        open_simulator=lambda: Side(embedded_target(catalogue), "", profile, Ledger()),
        close_target=close_target,
        max_builds=args.max_builds,
        expect_upstream=args.expect == "upstream",
        tally=tally,
    )
    started, clock = _dt.datetime.now(_dt.UTC), time.monotonic()
    machine = machine_for(setup)
    machine._hypothesis_internal_use_seed = args.seed  # what hypothesis.seed() sets
    # Hypothesis shrinks for up to 5 minutes; each try replays a sequence on the target.
    shrink_limit, engine.MAX_SHRINKING_SECONDS = engine.MAX_SHRINKING_SECONDS, args.shrink_seconds
    try:
        run_state_machine_as_test(machine, settings=_settings(args))
    except Divergence:
        pass  # tally.last_divergence is the shrunk one: Hypothesis replays it last
    except CouldNotJudge as problem:
        return _usage(f"the target could not be asked: {problem}")
    finally:
        engine.MAX_SHRINKING_SECONDS = shrink_limit
        close_targets(targets, ledger)
    seconds = time.monotonic() - clock
    return _report(args, out, targets.label, tally, ledger, started, seconds)


def _settings(args: argparse.Namespace) -> settings:
    return settings(
        max_examples=args.examples,
        stateful_step_count=args.steps,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
        verbosity=Verbosity.quiet,
    )


def _report(
    args: argparse.Namespace,
    out: Path,
    label: str,
    tally: Tally,
    ledger: Ledger,
    started: _dt.datetime,
    seconds: float,
) -> int:
    out.mkdir(parents=True, exist_ok=True)
    divergences = []
    found = tally.last_divergence
    if found is not None:
        about = [
            f"trovesim explore found that {label} answers otherwise than the simulator.",
            f"Seed {args.seed}, {args.examples} examples of up to {args.steps} steps.",
            f"The target {found.target.describe()}.",
        ]
        text = feature_text(found, "A divergence found by trovesim explore", about)
        (out / FEATURE).write_text(text, encoding="utf-8")
        divergences.append(
            {
                "operation": str(found.operation),
                "simulator": found.simulator.describe(),
                "target": found.target.describe(),
                "steps": len(found.done) + 1,
                "feature": str(out / FEATURE),
            }
        )
    summary = {
        "target": label,
        "seed": args.seed,
        "expect": args.expect,
        "examples": args.examples,
        "steps": args.steps,
        "sequences": tally.sequences,
        "operations": tally.operations,
        "divergences": divergences,
        "known_differences": tally.known_differences,
        "builds": ledger.instances,
        "leftovers": [vars(item) for item in ledger.leftovers],
        "started": started.replace(microsecond=0).isoformat(),
        "seconds": round(seconds, 1),
    }
    (out / "explore.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(
        f"trovesim explore: {tally.sequences} sequences, {tally.operations} operations, "
        f"{ledger.instances} instance builds on {label} in {seconds:.1f} s (seed {args.seed})"
    )
    if tally.known_differences:
        print(f"{len(tally.known_differences)} known upstream difference(s), not divergences")
    for item in ledger.leftovers:
        print(f"cleanup could NOT delete {item.kind} {item.name} ({item.id}): {item.reason}")
    if found is None:
        print("no divergence")
        return 0
    print(f"DIVERGENCE after {len(found.done)} step(s): {found}")
    print(f"written to {out / FEATURE}")
    return 1


def _usage(message: str) -> int:
    print(f"trovesim explore: {message}", file=sys.stderr)
    return USAGE_ERROR
