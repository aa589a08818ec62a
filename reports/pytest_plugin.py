"""pytest plugin: record each pytest-bdd scenario's feature, name and tags in JUnit XML.

pytest-bdd's cucumber JSON leaves out scenarios skipped before their first step (how
``@simulator-only`` scenarios are skipped on other targets) and is empty under pytest-xdist, so a
report built from it alone cannot say which requirements were not applicable. With this plugin
loaded (``-p trovesim.reports.pytest_plugin``), every test case in ``--junitxml`` carries the
scenario's metadata as properties, which survive xdist and skips. See reports/README.md.
"""

from __future__ import annotations

import pytest
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.utils import registry_get_safe
from trovesim.reports.results import (
    PROP_FAILED_STEP,
    PROP_FEATURE,
    PROP_SCENARIO,
    PROP_TAGS,
    PROP_URI,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        template = registry_get_safe(scenario_wrapper_template_registry, getattr(item, "obj", None))
        if template is None:
            continue
        feature = template.feature
        tags = set(template.tags) | set(feature.tags)
        if template.rule is not None:
            tags |= template.rule.tags
        tags |= _example_tags(template, item)
        item.user_properties.extend(
            [
                (PROP_FEATURE, feature.name or feature.rel_filename),
                (PROP_URI, feature.rel_filename),
                (PROP_SCENARIO, template.name),
                (PROP_TAGS, " ".join(sorted(tags))),
            ]
        )


def pytest_bdd_step_error(request: pytest.FixtureRequest, step: object) -> None:
    """Name the step that failed, for failures that cucumber JSON does not record."""
    keyword, name = getattr(step, "keyword", ""), getattr(step, "name", "")
    request.node.user_properties.append((PROP_FAILED_STEP, f"{keyword} {name}".strip()))


def _example_tags(template: ScenarioTemplate, item: pytest.Item) -> set[str]:
    """Tags on an outline's Examples block apply only to that block's rows."""
    callspec = getattr(item, "callspec", None)
    row = callspec.params.get("_pytest_bdd_example") if callspec is not None else None
    if row is None:
        return set()
    return {
        tag
        for examples in template.examples
        if row in examples.as_contexts()
        for tag in examples.tags
    }
