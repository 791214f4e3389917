"""The HTML audit page: report text with highlights, finding panels, contract, escaping."""

from __future__ import annotations

import json
import re

from citecheck.emitters import jsonfmt
from citecheck.emitters.html import HtmlOptions, render
from citecheck.models import Evidence, Severity

PATH = "reports/a.md"

REPORT = (
    "# 阅读报告\r\n"
    "\r\n"
    "**研究目标**：作者提出了质量迁移的解释[文档: pdf.pdf, page 6]。\r\n"
    "第二行没有引用，但数字是 87%。\r\n"
    "\r\n"
    "- 第一条：Pythia-410M 下降 3.9 nats\r\n"
    "  续行也属于第一条\r\n"
    '1. 编号条目 [long_context: "某博客", chunk 2]\r\n'
    "\r\n"
    "| 模型 | 结果 |\r\n"
    "|---|---|\r\n"
    "| Qwen | 胜率 51.2% [文档: pdf.pdf, page 8] |\r\n"
    "\r\n"
    "<!-- citecheck: disable-next-line CC203 -->\r\n"
    "> a quoted line with `code` and a [link](http://example.com/x)\r\n"
    "\r\n"
    "```\r\n"
    "**not bold** in code\r\n"
    "```\r\n"
)


def _line_col(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _span_of(make_finding, needle: str, **changes):
    """A finding whose span is exactly ``needle`` in REPORT."""
    line, column = _line_col(REPORT, needle)
    return make_finding(
        line=line, column=column, end_line=line, end_column=column + len(needle), **changes
    )


def _page(result, texts=None) -> str:
    return render(result, HtmlOptions(texts={PATH: REPORT} if texts is None else texts))


def _mark_texts(root, finding_id: str) -> list[str]:
    return [
        m.text()
        for m in root.find_all("mark", class_="hl")
        if finding_id in (m.attrs.get("data-findings") or "").split()
    ]


def test_highlight_covers_exactly_the_span_and_marks_the_citation(
    make_finding, result_of, parse_html
) -> None:
    claim = "作者提出了质量迁移的解释[文档: pdf.pdf, page 6]。"
    finding = _span_of(make_finding, claim, citation="[文档: pdf.pdf, page 6]")
    root = parse_html(_page(result_of(finding)))
    (panel,) = root.find_all("details", class_="finding")
    fid = panel.attrs["id"]
    assert "".join(_mark_texts(root, fid)) == claim
    cites = [m for m in root.find_all("mark", class_="cite") if fid in m.attrs["data-findings"]]
    assert "".join(m.text() for m in cites) == "[文档: pdf.pdf, page 6]"
    assert all("sev-error" in m.attrs["class"] for m in cites)
    assert root.by_id(f"at-{fid}").tag == "span"
    assert panel.find_all("a", class_="loc")[0].attrs["href"] == f"#at-{fid}"


def test_citation_after_the_claim_is_marked_when_it_closes_the_paragraph(
    make_finding, result_of, parse_html
) -> None:
    finding = _span_of(
        make_finding, "续行也属于第一条", citation='[long_context: "某博客", chunk 2]'
    )
    root = parse_html(_page(result_of(finding)))
    fid = root.find_all("details", class_="finding")[0].attrs["id"]
    assert _mark_texts(root, fid) == ["续行也属于第一条", '[long_context: "某博客", chunk 2]']


def test_span_over_two_lines_is_one_finding_with_one_anchor(
    make_finding, result_of, parse_html
) -> None:
    start_line, start_col = _line_col(REPORT, "作者提出")
    end_line, end_col = _line_col(REPORT, "但数字")
    finding = make_finding(line=start_line, column=start_col, end_line=end_line, end_column=end_col)
    page = _page(result_of(finding))
    root = parse_html(page)
    fid = root.find_all("details", class_="finding")[0].attrs["id"]
    assert "".join(_mark_texts(root, fid)) == (
        "作者提出了质量迁移的解释[文档: pdf.pdf, page 6]。第二行没有引用，"
    )
    assert page.count(f'id="at-{fid}"') == 1


def test_overlapping_findings_share_pieces_worst_first(make_finding, result_of, parse_html) -> None:
    wide = _span_of(
        make_finding, "第二行没有引用，但数字是 87%。", severity=Severity.INFO, code="CC205"
    )
    narrow = _span_of(make_finding, "87%", severity=Severity.ERROR, code="CC202", claim="other")
    root = parse_html(_page(result_of(wide, narrow)))
    ids = {p.attrs["data-code"]: p.attrs["id"] for p in root.find_all("details", class_="finding")}
    (both,) = [m for m in root.find_all("mark", class_="hl") if m.text() == "87%"]
    assert both.attrs["data-findings"].split() == [ids["CC202"], ids["CC205"]]
    assert "sev-error" in both.attrs["class"]
    assert "".join(_mark_texts(root, ids["CC205"])) == "第二行没有引用，但数字是 87%。"


def test_empty_span_becomes_a_pin(make_finding, result_of, parse_html) -> None:
    line, _ = _line_col(REPORT, "| 模型")
    finding = make_finding(line=line, column=1, end_line=line, end_column=1, code="CC501")
    root = parse_html(_page(result_of(finding)))
    fid = root.find_all("details", class_="finding")[0].attrs["id"]
    (pin,) = root.find_all("mark", class_="pin")
    assert pin.attrs["data-findings"] == fid


def test_markdown_blocks_render_as_html_blocks(make_finding, result_of, parse_html) -> None:
    root = parse_html(_page(result_of()))
    (doc,) = root.find_all("article", class_="doc")
    assert doc.attrs["lang"] == "zh-Hans"
    assert [h.text() for h in doc.find_all("h3")] == ["阅读报告"]
    assert [s.text() for s in doc.find_all("strong")] == ["研究目标"]
    items = doc.find_all("li")
    assert [li.attrs["data-line"] for li in items] == ["6", "8"]
    assert "续行也属于第一条" in items[0].text()
    assert items[1].text().startswith("1. 编号条目") and "numbered" in items[1].attrs["class"]
    (table,) = doc.find_all("table")
    assert [th.text() for th in table.find_all("th")] == ["模型", "结果"]
    assert [td.text() for td in table.find_all("td")] == [
        "Qwen",
        "胜率 51.2% [文档: pdf.pdf, page 8]",
    ]
    (quote,) = doc.find_all("blockquote")
    assert quote.text() == "a quoted line with code and a link"
    assert doc.find_all("code")[0].text() == "code"
    assert doc.find_all("pre")[0].text() == "**not bold** in code"
    assert "citecheck: disable" not in doc.text() and "http://example.com" not in doc.text()


def test_finding_in_a_table_cell_is_highlighted_there(make_finding, result_of, parse_html) -> None:
    finding = _span_of(make_finding, "胜率 51.2%", severity=Severity.WARNING)
    root = parse_html(_page(result_of(finding)))
    (cell,) = [td for td in root.find_all("td") if "51.2%" in td.text()]
    (mark,) = cell.find_all("mark", class_="hl")
    assert mark.text() == "胜率 51.2%" and "sev-warning" in mark.attrs["class"]


def test_finding_elements_carry_the_contract_attributes(
    make_finding, result_of, parse_html
) -> None:
    findings = [
        _span_of(make_finding, "87%", code="CC202", category="contradicted-claim"),
        _span_of(
            make_finding,
            "编号条目",
            code="CC203",
            category="uncited-claim",
            severity=Severity.WARNING,
            claim="编号条目",
        ),
    ]
    root = parse_html(_page(result_of(*findings)))
    panels = root.find_all("details", class_="finding")
    assert len(panels) == len(findings)
    got = {
        (
            p.attrs["data-code"],
            p.attrs["data-severity"],
            p.attrs["data-category"],
            p.attrs["data-line"],
        )
        for p in panels
    }
    assert got == {
        ("CC202", "error", "contradicted-claim", "4"),
        ("CC203", "warning", "uncited-claim", "8"),
    }


def test_without_javascript_everything_is_visible(make_finding, result_of, parse_html) -> None:
    root = parse_html(_page(result_of(_span_of(make_finding, "87%"))))
    for panel in root.find_all("details", class_="finding"):
        assert "open" in panel.attrs and "hidden" not in panel.attrs
    assert "hidden" in root.by_id("toolbar").attrs
    assert not [n for n in root.iter() if "hidden" in n.attrs and n.tag != "nav"]


def test_ids_are_stable_when_the_finding_moves(make_finding, result_of, parse_html) -> None:
    first = _span_of(make_finding, "87%", claim="第二行没有引用，但数字是 87%。")
    moved = first.model_copy(update={"line": 12, "end_line": 12, "column": 3, "end_column": 6})

    def ids(*findings) -> list[str]:
        panels = parse_html(_page(result_of(*findings))).find_all("details", class_="finding")
        return [p.attrs["id"] for p in panels]

    assert ids(first) == ids(first) == ids(moved)
    twice = ids(first, first.model_copy())
    assert len(set(twice)) == 2 and twice[0] == ids(first)[0]
    assert ids(first.model_copy(update={"code": "CC205"})) != ids(first)


def test_everything_shown_is_escaped(make_finding, result_of, parse_html) -> None:
    text = "Sales doubled <script>alert(1)</script> & <img src=x onerror=alert(2)>\n"
    finding = make_finding(
        path="reports/<b>.md",
        end_column=14,
        message='bad "quote" <i>',
        claim="</script><script>alert(3)</script>",
        citation="[Doc: <x>.pdf]",
        evidence=[Evidence(source="<s>.pdf", locator="p<1>", text="Sales & <b>rose</b>")],
        fix="<u>fix</u>",
        backend="<judge>",
    )
    page = render(result_of(finding), HtmlOptions(texts={"reports/<b>.md": text}))
    root = parse_html(page)
    scripts = root.find_all("script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    assert not root.find_all("img") and not root.find_all("i") and not root.find_all("u")
    (cards,) = root.find_all("div", class_="cards")
    assert len(root.find_all("b")) == len(cards.find_all("b"))
    assert "alert(1)" in root.find_all("article", class_="doc")[0].text()
    panel = root.find_all("details", class_="finding")[0]
    assert "</script><script>alert(3)</script>" in panel.text()
    assert 'bad "quote" <i>' in panel.text() and "Sales & <b>rose</b>" in panel.text()


def test_embedded_json_is_the_json_format_and_survives_script_breakers(
    make_finding, result_of, parse_html
) -> None:
    finding = make_finding(claim="</script><!-- <script>alert(1)</script> 「中文」 \u2028")
    result = result_of(finding)
    page = _page(result)
    block = re.search(
        r'<script type="application/json" id="citecheck-result">(.*?)</script>', page, re.S
    )
    assert block is not None
    assert "</" not in block.group(1) and "<!--" not in block.group(1)
    assert json.loads(block.group(1)) == json.loads(jsonfmt.render(result))
    assert parse_html(page).by_id("citecheck-result").text() == block.group(1)


def test_page_is_self_contained(make_finding, result_of) -> None:
    page = _page(result_of(_span_of(make_finding, "87%")))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"https?://(?!example\.com)", page)
    assert "<link" not in page and not re.search(r"\ssrc=", page)
    assert "@media print" in page and "Noto Sans CJK SC" in page


def test_text_is_read_from_the_report_file_when_not_given(
    tmp_path, make_finding, result_of, parse_html
) -> None:
    report = tmp_path / "r.md"
    report.write_bytes("标题\n\n正文一句。".encode("gb18030"))
    finding = make_finding(path=str(report), line=3, column=1, end_line=3, end_column=5)
    root = parse_html(render(result_of(finding)))
    fid = root.find_all("details", class_="finding")[0].attrs["id"]
    assert _mark_texts(root, fid) == ["正文一句"]


def test_unreadable_report_still_lists_its_findings(
    tmp_path, make_finding, result_of, parse_html
) -> None:
    missing = str(tmp_path / "gone.md")
    root = parse_html(render(result_of(make_finding(path=missing))))
    (note,) = root.find_all("p", class_="unavailable")
    assert "gone.md" in note.text() and "not found" in note.text()
    (panel,) = root.find_all("details", class_="finding")
    section = root.find_all("section", class_="report")[0]
    assert panel.find_all("a", class_="loc")[0].attrs["href"] == "#" + section.attrs["id"]


def test_overview_lists_each_report_only_for_multi_report_runs(
    make_finding, result_of, parse_html
) -> None:
    one = result_of(make_finding())
    assert not parse_html(_page(one)).find_all("section", id="overview")
    two = result_of(
        make_finding(),
        make_finding(path="reports/b.md", severity=Severity.INFO),
        files=[PATH, "reports/b.md"],
    )
    root = parse_html(render(two, HtmlOptions(texts={PATH: REPORT, "reports/b.md": "b\n"})))
    (overview,) = root.find_all("section", id="overview")
    rows = overview.find_all("tr")[1:]
    assert [r.find_all("a")[0].text() for r in rows] == [PATH, "reports/b.md"]
    assert [[td.text() for td in r.find_all("td")[1:]] for r in rows] == [
        ["1", "1", "0", "0"],
        ["1", "0", "0", "1"],
    ]


def test_clean_report_says_so(result_of, parse_html) -> None:
    root = parse_html(_page(result_of()))
    assert root.find_all("p", class_="clean")[0].text() == "No findings."


def test_evidence_emphasises_the_matching_sentence_and_numbers(
    make_finding, result_of, parse_html
) -> None:
    passage = (
        "On Pythia-410M the decline is 3.9 nats. At the same time the argmax share rises "
        "from 31% to 78% on Qwen1.5-0.5B, which is the squeezing. Larger models squeeze more."
    )
    finding = make_finding(
        claim="概率最大续写所占的份额（argmax share）从31%升至87%。",
        evidence=[Evidence(source="pdf.pdf", locator="page 8", text=passage)],
    )
    root = parse_html(_page(result_of(finding)))
    (match,) = root.find_all("strong", class_="match")
    assert match.text().startswith("At the same time") and match.text().endswith("squeezing.")
    assert [m.text() for m in match.find_all("mark", class_="num")] == ["31%"]
    assert "78%" in [m.text() for m in match.find_all("mark", class_="num-other")]
