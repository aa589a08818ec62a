"""Steps that hold module-instance-count and module-instances to each other and to their inputs:
a tenant's count against the admin's, and a page limit sent as the caller wrote it.

A tenant's count is worked out from the tenant's own instances, the admin's from the module's
records; for a module only that tenant has, the two must agree row for row, dates included.
"""

from __future__ import annotations

from .phrases import then, when
from .step_counts import instance_counts
from .wording import caller
from .world import World


@then('module-instance-count of "{name}" as {who} shows the rows the admin sees')
def count_as_admin(world: World, name: str, who: str) -> None:
    """The caller's count equals the admin's: counts, md5s and min and max updated dates."""

    def check() -> None:
        own = world.must(lambda: instance_counts(world, who, name, None))
        admin = world.must(lambda: instance_counts(world, "the admin", name, None))
        assert own, "module-instance-count shows no rows"
        assert own == admin, f"{who} sees {own}, the admin sees {admin}"

    world.eventually(check)


@when('{who} lists the instances of "{name}" with the limit "{limit}"')
def list_with_limit(world: World, who: str, name: str, limit: str) -> None:
    """A module-instances request whose limit is sent as written (empty, zero, not a number)."""
    module_id = world.module_id(name)
    world.attempt(
        lambda: world.target.module_instances(caller(who), module_id, limit=limit)  # type: ignore[arg-type]
    )
