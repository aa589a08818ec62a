"""The JUnit XML report: one test case per requirement, and one per scenario that names none, so
CI dashboards chart compliance.

Not compliant and known upstream differences are failures (each is a behaviour that differs);
could not be judged is an error; skipped, not applicable, not selected and no scenarios are
skipped, with the reason as message, since none of them is evidence of a broken behaviour. The
run's facts (outcome, world, builds, waits, leftovers) are test-suite properties; leftovers are
also written to ``system-err``, which CI pages show.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from trovesim.reports.model import Report, Verdict, evidence, headline, scenario_verdict
from trovesim.reports.run_facts import run_facts

SUITE_NAME = "trovesim compliance"
UNTAGGED_CLASS = "scenarios without a requirement"
ELEMENT = {
    Verdict.FAILED: "failure",
    Verdict.KNOWN_DIFFERENCE: "failure",
    Verdict.ERROR: "error",
    Verdict.PASSED: None,
}


@dataclass(frozen=True)
class _Case:
    classname: str
    name: str
    verdict: Verdict
    headline: str
    evidence: list[str]


def render_junit(report: Report) -> str:
    cases = [
        _Case(
            r.requirement.area,
            f"{r.requirement.id}: {r.requirement.statement}",
            r.verdict,
            r.headlines()[0],
            r.evidence(),
        )
        for r in report.requirements
    ] + [
        _Case(
            f"{UNTAGGED_CLASS}.{s.feature}", s.name, scenario_verdict(s), headline(s), [evidence(s)]
        )
        for s in report.untagged()
    ]
    kinds = [ELEMENT.get(case.verdict, "skipped") for case in cases]
    suite_attrs = {
        "name": SUITE_NAME,
        "tests": str(len(cases)),
        "failures": str(kinds.count("failure")),
        "errors": str(kinds.count("error")),
        "skipped": str(kinds.count("skipped")),
    }
    if report.run.started:
        suite_attrs["timestamp"] = report.run.started
    root = ET.Element("testsuites", name=report.title)
    suite = ET.SubElement(root, "testsuite", suite_attrs)
    properties = ET.SubElement(suite, "properties")
    for label, value in run_facts(report):
        ET.SubElement(properties, "property", name=label, value=value)
    for leftover in report.run.leftovers:
        value = f"{leftover.kind} {leftover.id} ({leftover.name}): {leftover.reason}"
        ET.SubElement(properties, "property", name="Leftover", value=value)
    for case, kind in zip(cases, kinds, strict=True):
        element = ET.SubElement(suite, "testcase", classname=case.classname, name=case.name)
        if kind is not None:
            result = ET.SubElement(element, kind, message=f"{case.verdict.label}: {case.headline}")
            if kind != "skipped":
                result.text = "\n\n".join(case.evidence)
    if report.run.leftovers:
        ET.SubElement(suite, "system-err").text = "Leftovers: delete these by hand\n" + "\n".join(
            p.get("value", "") for p in properties if p.get("name") == "Leftover"
        )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write_junit(report: Report, path: Path) -> None:
    path.write_text(render_junit(report), encoding="utf-8")
