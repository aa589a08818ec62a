"""The JUnit XML report: one test case per requirement, so CI dashboards chart compliance.

Failed requirements are failures; skipped, not applicable and unverified (no scenarios) ones are
skipped, with the reason as message, since none of them is evidence of a broken behaviour.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from trovesim.reports.model import Report, Verdict

SUITE_NAME = "trovesim compliance"


def render_junit(report: Report) -> str:
    counts = report.verdict_counts()
    skipped = len(report.requirements) - counts[Verdict.PASSED] - counts[Verdict.FAILED]
    suite_attrs = {
        "name": SUITE_NAME,
        "tests": str(len(report.requirements)),
        "failures": str(counts[Verdict.FAILED]),
        "errors": "0",
        "skipped": str(skipped),
    }
    if report.run.started:
        suite_attrs["timestamp"] = report.run.started
    root = ET.Element("testsuites", name=report.title)
    suite = ET.SubElement(root, "testsuite", suite_attrs)
    if report.run.target:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="target", value=report.run.target)
    for result in report.requirements:
        requirement = result.requirement
        case = ET.SubElement(
            suite,
            "testcase",
            classname=requirement.area,
            name=f"{requirement.id}: {requirement.statement}",
        )
        evidence = result.evidence()
        if result.verdict is Verdict.FAILED:
            failure = ET.SubElement(case, "failure", message=f"{result.label}: {evidence[0]}")
            failure.text = "\n".join(evidence)
        elif result.verdict is not Verdict.PASSED:
            ET.SubElement(case, "skipped", message=f"{result.label}: {evidence[0]}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write_junit(report: Report, path: Path) -> None:
    path.write_text(render_junit(report), encoding="utf-8")
