"""Apply ordering, as the blueprint's table has it.

Priority modules first, then the rest; within each group ascending ``apply_order`` (0..9); ties
keep the order the modules were given in (Python's sort is stable).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class Orderable(Protocol):
    priority_apply: bool
    apply_order: int


T = TypeVar("T", bound=Orderable)


def apply_sequence(modules: Sequence[T]) -> Sequence[T]:
    if len(modules) < 2:
        return modules
    return sorted(modules, key=lambda m: (not m.priority_apply, m.apply_order))
