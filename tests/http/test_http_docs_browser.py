"""``/docs`` as a browser renders it, offline: headless Chromium loads the page from the server
alone, and Swagger UI lists Trove's routes first and every route once.

Skipped where Chromium is not installed (``apt-get install chromium``); the page's assets are
checked without a browser in ``test_http_openapi.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import httpx
import pytest
from http_harness import TROVE_TAGS

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")
def test_swagger_ui_renders_trove_first_and_each_route_once(server, tmp_path):
    rendered = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}",
         "--virtual-time-budget=10000", "--dump-dom", f"{server.url}/docs"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    dom = rendered.stdout
    assert "Unable to render" not in dom
    tags = re.findall(r'data-tag="([^"]+)"', dom)
    assert tags[: len(TROVE_TAGS)] == TROVE_TAGS
    assert tags[-1] == "simulator control"
    operations = re.findall(r'id="operations-(?!tag-)([^"]+)"', dom)
    document = httpx.get(f"{server.url}/openapi.json").json()
    expected = sum(len(methods) for methods in document["paths"].values())
    assert len(operations) == len(set(operations)) == expected
