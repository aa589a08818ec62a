"""pytest plugin: record what the reports need about each pytest-bdd scenario in JUnit XML.

Load it in the suite's run (``-p trovesim.reports.pytest_plugin``) beside ``--junitxml``. JUnit XML
is the reports' only input because it holds every outcome (skips before the first step, set-up
errors) and survives pytest-xdist; this plugin adds what JUnit XML lacks:

- per test case: the scenario's feature, name and tags, and when a step failed, the step, its
  keyword (``And``/``But`` resolved to Given/When/Then), the exception's qualified class name and
  whether it is a ``trovesim.suite.CouldNotJudge``;
- per run: the scenarios deselected by ``-k``, ``-m`` or another plugin, as test-suite properties,
  so that the reports can call them "not selected" rather than missing. Under xdist each worker
  deselects, and the controller, which writes the XML, gathers their lists.

See reports/README.md for how the reports judge these.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from _pytest.junitxml import xml_key  # the LogXML instance; pytest offers no public handle
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.utils import registry_get_safe
from trovesim.reports.results import (
    PROP_COULD_NOT_JUDGE,
    PROP_DESELECTED,
    PROP_EXCEPTION,
    PROP_FAILED_KEYWORD,
    PROP_FAILED_STEP,
    PROP_FEATURE,
    PROP_LINE,
    PROP_SCENARIO,
    PROP_TAGS,
    PROP_URI,
)

from trovesim.suite import CouldNotJudge

WORKER_KEY = "trovesim_deselected"
_SEEN = pytest.StashKey[set[str]]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.user_properties.extend(scenario_properties(item).items())


def pytest_deselected(items: list[pytest.Item]) -> None:
    records = [
        json.dumps({"test_id": item.name, **props}, sort_keys=True)
        for item in items
        if (props := scenario_properties(item))
    ]
    if not records:
        return
    config = items[0].config
    worker_output = getattr(config, "workeroutput", None)
    if worker_output is not None:
        worker_output.setdefault(WORKER_KEY, []).extend(records)
    else:
        _record_deselected(config, records)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """xdist controller: a worker finished; keep the scenarios it deselected."""
    records = getattr(node, "workeroutput", {}).get(WORKER_KEY, [])
    if records:
        _record_deselected(node.config, records)


def pytest_bdd_step_error(
    request: pytest.FixtureRequest, step: Any, exception: BaseException
) -> None:
    """Name the failing step, its keyword and its exception, for the verdict's rules."""
    _record_failure(request, step, exception, isinstance(exception, CouldNotJudge))


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest, step: Any, exception: BaseException
) -> None:
    """A step with no definition: the suite could not put its question, so it judged nothing."""
    _record_failure(request, step, exception, True)


def scenario_properties(item: pytest.Item) -> dict[str, str]:
    """The scenario's feature, name and tags (feature, rule and Examples tags included)."""
    template = registry_get_safe(scenario_wrapper_template_registry, getattr(item, "obj", None))
    if template is None:
        return {}
    feature = template.feature
    tags = set(template.tags) | set(feature.tags)
    if template.rule is not None:
        tags |= template.rule.tags
    tags |= _example_tags(template, item)
    return {
        PROP_FEATURE: feature.name or feature.rel_filename,
        PROP_URI: feature.rel_filename,
        PROP_SCENARIO: template.name,
        PROP_LINE: str(template.line_number),
        PROP_TAGS: " ".join(sorted(tags)),
    }


def _record_failure(
    request: pytest.FixtureRequest, step: Any, exception: BaseException, could_not_judge: bool
) -> None:
    keyword, name = getattr(step, "keyword", ""), getattr(step, "name", "")
    kind = type(exception)
    request.node.user_properties.extend(
        [
            (PROP_FAILED_STEP, f"{keyword} {name}".strip()),
            (PROP_FAILED_KEYWORD, str(getattr(step, "type", "")).capitalize()),
            (PROP_EXCEPTION, f"{kind.__module__}.{kind.__qualname__}"),
            (PROP_COULD_NOT_JUDGE, "true" if could_not_judge else "false"),
        ]
    )


def _record_deselected(config: pytest.Config, records: list[str]) -> None:
    xml = config.stash.get(xml_key, None)
    if xml is None:
        return
    seen = config.stash.setdefault(_SEEN, set())
    for record in records:
        if record not in seen:
            seen.add(record)
            xml.add_global_property(PROP_DESELECTED, record)


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
