"""module-reapply: bring instances to the module's current md5 in timed batches.

Candidates are chosen when the request arrives; batch k runs ``k * delay`` seconds later on the
simulator's clock, so under a virtual clock a long reapply costs no wall time. A guest failure
keeps that instance's old record and the run goes on; each run's outcome is kept.
"""

from __future__ import annotations

import datetime as _dt

from . import errors
from .access import datastore_misfit, within_tenancy
from .errors import TroveError
from .models import Context, Module, ReapplyRun
from .schema import validate
from .state import SimState, operation
from .views import module_payload, run_view

MAX_BATCH_SIZE = 50
MIN_BATCH_DELAY = 2


class ReapplyOps(SimState):
    @operation
    def reapply_module(self, ctx: Context, module_id: str, body: dict) -> dict:
        spec = validate("module_reapply", body)["reapply"]
        module = self.load_module(ctx, module_id)
        batch_size = spec.get("batch_size") or MAX_BATCH_SIZE
        batch_delay = spec.get("batch_delay") or MIN_BATCH_DELAY
        if not ctx.is_admin:
            batch_size = min(batch_size, MAX_BATCH_SIZE)
            batch_delay = max(batch_delay, MIN_BATCH_DELAY)
        now = self.now()
        run = ReapplyRun(
            id=self.new_id(),
            module_id=module.id,
            requested_by=ctx.project_id,
            md5=spec.get("md5") or None,
            include_clustered=bool(spec.get("include_clustered")),
            force=bool(spec.get("force")),
            batch_size=batch_size,
            batch_delay=batch_delay,
            started=now,
            target_md5=module.md5,
        )
        run.selected = self._select(ctx, module, run)
        batches = [
            run.selected[i : i + batch_size] for i in range(0, len(run.selected), batch_size)
        ]
        refuse_unreachable_end(now, len(batches), batch_delay)
        self.runs[run.id] = run
        if not batches:
            run.finished = now
        payload = module_payload(module, self.catalog)
        for number, batch in enumerate(batches):
            due = now + _dt.timedelta(seconds=number * batch_delay)
            last = number == len(batches) - 1
            self.events.schedule(
                due, lambda when, b=batch, end=last: self._run_batch(run, payload, b, end, when)
            )
        return run_view(run)

    def _select(self, ctx: Context, module: Module, run: ReapplyRun) -> list[str]:
        """Instances to reapply, in the order they got their records; the rest count skipped."""
        chosen = []
        for record in self.store.by_module.get(module.id, {}).values():
            if not within_tenancy(ctx, record.tenant_id):
                continue
            instance = self.store.instances[record.instance_id]
            wanted = (record.md5 != run.target_md5 or run.force) and (
                run.md5 is None or run.md5 == record.md5
            )
            if (
                not wanted
                or (record.clustered and not run.include_clustered)
                or datastore_misfit(module, instance.datastore_id, instance.datastore_version_id)
            ):
                run.skipped += 1
                continue
            chosen.append(instance.id)
        return chosen

    def _run_batch(
        self, run: ReapplyRun, payload, batch: list[str], last: bool, when: _dt.datetime
    ) -> None:
        for instance_id in batch:
            run.processed += 1
            instance = self.store.instances[instance_id]
            if instance.deleted:
                run.skipped += 1
                continue
            try:
                self.guest_of(instance).apply([payload], when)
            except TroveError as failure:
                run.failed += 1
                run.failures.append({"instance_id": instance_id, "message": failure.message})
                continue
            self.store.record_apply(instance, run.module_id, run.target_md5, when)
            run.applied += 1
        if last:
            run.finished = when

    @operation
    def reapply_runs(self, ctx: Context, module_id: str) -> list[dict]:
        """Kept results of the module's reapply runs; a tenant sees only the runs it asked for."""
        module = self.load_module(ctx, module_id)
        return [
            run_view(r)
            for r in self.runs.values()
            if r.module_id == module.id and within_tenancy(ctx, r.requested_by)
        ]


def refuse_unreachable_end(start: _dt.datetime, batches: int, delay: int) -> None:
    """Trove takes any delay; one whose last batch falls past the calendar's end is refused."""
    try:
        start + _dt.timedelta(seconds=max(batches - 1, 0) * delay)
    except OverflowError:
        raise errors.validation_error(
            [f"reapply['batch_delay'] {delay} puts the last batch past the year 9999"]
        ) from None
