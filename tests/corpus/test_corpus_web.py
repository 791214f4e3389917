"""Web sources: URL keys, each store shape, HTML main text, numbered lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.corpus.folder import Corpus, holds_sources
from citecheck.corpus.htmltext import main_text
from citecheck.corpus.urls import normalise_url
from citecheck.corpus.webstores import find_web_store, load_jsonl, load_storm

PAGE = """<html><head><title>Solar</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
Accept all cookies?</div>
<article><h1>Solar capacity in 2023</h1>
<p>Global solar capacity grew by 40 percent in 2023, reaching 1.6 terawatts according to the
agency's annual review of renewable installations.</p>
<p>China installed more than half of the new panels, while Europe and the United States
followed at a distance with record years of their own.</p>
</article>
<footer>Copyright 2024 Example Media. All rights reserved. Privacy policy.</footer>
</body></html>"""


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/a/b/",
        "http://example.com/a/b",
        "https://EXAMPLE.com/a/b?utm_source=chatgpt.com",
        "https://example.com/a/b/?utm_medium=x&utm_campaign=y#section",
        "<https://example.com/a/b>.",
    ],
)
def test_url_variants_share_one_key(url: str) -> None:
    assert normalise_url(url) == "example.com/a/b"


def test_url_keeps_meaningful_query() -> None:
    assert normalise_url("https://example.com/p?id=3&utm_source=x&a=1") == "example.com/p?a=1&id=3"
    assert normalise_url("https://example.com/p?id=3") != normalise_url(
        "https://example.com/p?id=4"
    )


def test_html_main_text_drops_navigation_banner_and_footer() -> None:
    text = main_text(PAGE)
    assert "grew by 40 percent in 2023" in text
    assert "China installed more than half" in text
    for boilerplate in ("About us", "cookies", "Copyright", "Privacy policy"):
        assert boilerplate not in text


def test_jsonl_fetch_log(tmp_path: Path) -> None:
    path = tmp_path / "sources.jsonl"
    records = [
        {"url": "https://www.example.com/solar/", "title": "Solar", "content": "Solar grew 40%."},
        {"url": "https://example.org/wind", "title": "Wind", "raw_content": "Wind grew 10%."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    store = load_jsonl(path)
    page = store.page("http://example.com/solar?utm_source=chatgpt.com")
    assert page is not None and page.title == "Solar"
    assert page.units[0].kind == "passage" and "Solar grew 40%." in page.units[0].text
    assert store.page("https://example.org/wind") is not None
    assert store.complete


def test_storm_url_to_info(tmp_path: Path) -> None:
    path = tmp_path / "url_to_info.json"
    path.write_text(
        json.dumps(
            {
                "url_to_unified_index": {"https://a.com/x": 1, "https://b.com/y": 2},
                "url_to_info": {
                    "https://a.com/x": {
                        "title": "A",
                        "description": "about A",
                        "snippets": ["A was founded in 1990.", "A employs 300 people."],
                    },
                    "https://b.com/y": {"title": "B", "snippets": ["B is in Paris."]},
                },
            }
        ),
        encoding="utf-8",
    )
    store = load_storm(path)
    assert store.url_for("1") == "https://a.com/x"
    page = store.page("https://a.com/x")
    assert page is not None
    assert [u.kind for u in page.units] == ["snippet"] * 3
    assert page.units[1].text == "A was founded in 1990."


def test_saved_pages_index_and_numbered_lines(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "solar.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "5.txt").write_text(
        "\n".join(f"line {n} text" for n in range(1, 21)), encoding="utf-8"
    )
    index = [
        {"url": "https://example.com/solar", "file": "pages/solar.html", "title": "Solar"},
        {"n": 5, "url": "https://example.com/five", "file": "pages/5.txt", "title": "Five"},
        {"url": "https://example.com/missing", "file": "pages/nothing.html", "title": "Gone"},
    ]
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    assert holds_sources(tmp_path)
    store = find_web_store(tmp_path)
    assert store is not None
    solar = store.page("https://www.example.com/solar/")
    assert solar is not None
    assert "cookies" not in " ".join(u.text for u in solar.units)
    assert store.page("https://example.com/missing") is None
    assert store.url_for("5") == "https://example.com/five"
    five = store.page("https://example.com/five")
    assert five is not None
    unit, missing = five.line_range([10, 11, 12])
    assert unit is not None and unit.kind == "lines" and unit.locator == "L10-L12"
    assert unit.text == "line 10 text\nline 11 text\nline 12 text"
    assert missing == []
    _, beyond = five.line_range([19, 20, 21, 22])
    assert beyond == [21, 22]
    assert Corpus.open(tmp_path).web() is not None


def test_index_may_not_leave_the_folder(tmp_path: Path) -> None:
    from citecheck.errors import OutsideCorpusError

    (tmp_path / "index.json").write_text(
        json.dumps([{"url": "https://x.com", "file": "../secret.html"}]), encoding="utf-8"
    )
    with pytest.raises(OutsideCorpusError):
        find_web_store(tmp_path)
