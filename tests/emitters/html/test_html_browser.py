"""The demo audit in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

``make test`` installs the browser; without it (or without Playwright) these
tests skip and say why. The screenshot lands in ``out/html-audit.png``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citecheck.cli import main

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "corpora" / "demo"
OUT = ROOT / "out"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no chromium on PATH (make test installs Debian's chromium package)")
    return path


@pytest.fixture(scope="module")
def audit_page() -> Path:
    """The demo audit, written by ``citecheck lint --format html`` as ``make demo`` does."""
    OUT.mkdir(exist_ok=True)
    page = OUT / "demo-audit.html"
    reports = DEMO / "reports"
    args = ["lint", str(reports), "--corpus", str(DEMO), "--trace", str(DEMO / "trace.log")]
    code = main([*args, "--format", "html", "--output", str(page)], standalone_mode=False)
    assert code in (0, 1) and page.stat().st_size > 0
    return page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium (Playwright gives it a fresh profile); never a downloaded one."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, audit_page: Path) -> Iterator[Any]:
    """The audit page loaded; console errors and page errors are collected in ``errors``."""
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.goto(audit_page.as_uri())
    yield tab
    tab.close()


def _visible_codes(tab: Any) -> list[str]:
    return tab.eval_on_selector_all(
        "details.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.code)"
    )


def _embedded(tab: Any) -> dict[str, Any]:
    text = tab.eval_on_selector("#citecheck-result", "el => el.textContent")
    return json.loads(text)


def test_one_finding_element_per_json_finding(page: Any) -> None:
    result = _embedded(page)
    assert result["findings"]
    assert page.locator("details.finding").count() == len(result["findings"])
    attrs = page.eval_on_selector_all(
        "details.finding",
        "els => els.map(e => [e.dataset.code, e.dataset.severity, e.dataset.category, "
        "Number(e.dataset.line)])",
    )
    expected = [[f["code"], f["severity"], f["category"], f["line"]] for f in result["findings"]]
    assert sorted(attrs) == sorted(expected)
    assert page.errors == []


def test_a_filter_click_hides_the_other_findings(page: Any) -> None:
    codes = [f["code"] for f in _embedded(page)["findings"]]
    rare = min(set(codes), key=lambda code: (codes.count(code), code))
    page.click(f'.chip[data-group="code"][data-value="{rare}"]')
    assert _visible_codes(page) == [rare] * codes.count(rare)
    assert page.text_content("#shown") == f"{codes.count(rare)} of {len(codes)} shown"
    lit = page.eval_on_selector_all(
        "mark.hl[data-findings]:not(.dim)",
        "els => els.map(e => e.dataset.findings.split(' ').map(i => "
        "document.getElementById(i).dataset.code))",
    )
    assert lit and all(rare in ids for ids in lit)
    page.click("#reset")
    assert len(_visible_codes(page)) == len(codes)
    assert page.errors == []


def test_severity_filter_updates_the_counts(page: Any) -> None:
    findings = [f for f in _embedded(page)["findings"] if f["severity"] == "warning"]
    page.click('.chip[data-group="severity"][data-value="warning"]')
    assert page.text_content('.card [data-count="warning"]') == str(len(findings))
    assert page.text_content('.card [data-count="error"]') == "0"
    for category in {f["category"] for f in findings}:
        chip = f'.chip[data-group="category"][data-value="{category}"] .n'
        assert page.text_content(chip) == str(sum(f["category"] == category for f in findings))
    per_report = page.eval_on_selector_all(
        "#overview td.num[data-count]:not([data-count*=':'])", "els => els.map(e => e.textContent)"
    )
    assert sum(map(int, per_report)) == len(findings)


def test_a_highlight_click_opens_its_finding(page: Any) -> None:
    assert page.eval_on_selector_all("details.finding", "els => els.every(e => !e.open)")
    mark = page.locator("mark.hl.sev-error:not(.cite)[data-findings]").first
    finding_id = mark.get_attribute("data-findings").split(" ")[0]
    mark.click()
    panel = page.locator(f"#{finding_id}")
    assert panel.evaluate("e => e.open") and "current" in panel.get_attribute("class")
    assert panel.locator("dl.body").is_visible()
    opened = page.eval_on_selector_all("details.finding", "els => els.filter(e => e.open).length")
    assert opened == 1
    assert page.errors == []


def test_a_finding_click_scrolls_to_its_span(page: Any) -> None:
    last = page.locator("details.finding").last
    finding_id = last.get_attribute("id")
    last.locator("summary .code").click()
    span = page.locator(f'mark.hl[data-findings~="{finding_id}"]').first
    box = span.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]


def test_keyboard_steps_through_visible_findings(page: Any) -> None:
    ids = page.eval_on_selector_all("details.finding", "els => els.map(e => e.id)")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.eval_on_selector("details.finding.current", "e => e.id") == ids[1]
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert page.eval_on_selector("details.finding.current", "e => e.id") == ids[-1]


def test_search_keeps_matching_findings(page: Any) -> None:
    page.fill("#search", "87%")
    texts = page.eval_on_selector_all(
        "details.finding", "els => els.filter(e => !e.hidden).map(e => e.textContent)"
    )
    assert texts and all("87%" in text for text in texts)


def test_everything_is_visible_without_javascript(browser: Any, audit_page: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(audit_page.as_uri())
    count = len(_embedded(tab)["findings"])
    assert tab.eval_on_selector_all("details.finding", "els => els.every(e => e.open)")
    assert tab.locator("details.finding dl.body:visible").count() == count
    assert not tab.is_visible("#toolbar")
    context.close()


def test_screenshot_of_an_opened_finding(page: Any) -> None:
    contradicted = page.locator('details.finding[data-category="contradicted-claim"]').first
    if contradicted.count() == 0:
        contradicted = page.locator("details.finding").first
    finding_id = contradicted.get_attribute("id")
    page.locator(f'mark.hl[data-findings~="{finding_id}"]').first.click()
    page.locator(f"#{finding_id} a.loc").click()
    shot = OUT / "html-audit.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.errors == []
