"""The operations explore issues, each said once: how it runs on a side, and how a feature
file says it.

An operation names modules and instances by the names of the scenario ("m1", "i1") and module
options in the feature files' words ("hidden | yes"); both sides and the written feature read
them through the same wording, so what ran is exactly what the feature says.
"""

from __future__ import annotations

from dataclasses import dataclass

from trovesim.steps.targets.base import Caller
from trovesim.steps.wording import file_bytes, module_fields

# Operations that change the world (a succeeded one becomes a Given step) and reads.
CHANGES = frozenset(
    {
        "create_module",
        "update_module",
        "delete_module",
        "create_instance",
        "delete_instance",
        "apply",
        "remove",
        "reapply",
    }
)
READS = frozenset({"show_module", "list_modules", "query", "count", "module_instances"})


@dataclass(frozen=True)
class Operation:
    """One request: who sends it, what kind, the module and instance it names, options."""

    kind: str
    who: Caller
    module: str = ""
    instance: str = ""
    modules: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    clustered: bool = False

    @property
    def changes_world(self) -> bool:
        return self.kind in CHANGES

    def fields(self) -> dict:
        """The module options as python-troveclient's keywords (as the steps read them)."""
        pairs = [(option, value.replace("\\n", "\n")) for option, value in self.options]
        fields = module_fields(pairs)
        if self.kind == "create_module":  # as the steps' create: a ping module saying its name
            return {
                "module_type": "ping",
                "contents": file_bytes(f"message={self.module}\n"),
            } | fields
        return fields

    def __str__(self) -> str:
        return " ".join(self.phrase(given=False))

    def phrase(self, given: bool) -> list[str]:
        """The step, as a Given ("has created") or a When ("creates"), with its table rows."""
        who = self.who.value
        module, instance = f'"{self.module}"', f'"{self.instance}"'
        names = quoted(self.modules)
        with_modules = f" with the modules {names}" if self.modules else ""
        clustered = " with cluster members" if self.clustered else ""
        lines = {
            "create_module": f"{who} {'has created' if given else 'creates'} a "
            + (f"module {module} with:" if self.options else f"ping module {module}"),
            "update_module": f"{who} {'has updated' if given else 'updates'} {module} with:",
            "delete_module": f"{who} {'has deleted' if given else 'deletes'} the module {module}",
            "create_instance": f"{who} {'has created' if given else 'creates'} an instance "
            f"{instance}{with_modules}",
            "delete_instance": f"{who} {'has deleted' if given else 'deletes'} the instance "
            f"{instance}",
            "apply": f"{who} {'has applied' if given else 'applies'} {names} to {instance}",
            "remove": f"{who} {'has removed' if given else 'removes'} {module} from {instance}",
            "reapply": f"{who} {'has reapplied' if given else 'reapplies'} {module}",
            "show_module": f"{who} shows the module {module}",
            "list_modules": f"{who} lists the modules",
            "query": f"{who} queries the modules of {instance}",
            "count": f"{who} counts the instances of {module}{clustered}",
            "module_instances": f"{who} lists the instances of {module}{clustered}",
        }
        step = lines[self.kind]
        return [step] + [f"| {option} | {value} |" for option, value in self.options]


def quoted(names: tuple[str, ...] | list[str]) -> str:
    """``"a", "b" and "c"``, as the steps write lists of names."""
    each = [f'"{name}"' for name in names]
    return " and ".join([", ".join(each[:-1]), each[-1]]) if len(each) > 1 else "".join(each)
