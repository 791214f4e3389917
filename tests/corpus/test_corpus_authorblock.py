"""The first page's author block: markers stripped, roles from the marks."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from citecheck.corpus.authorblock import read_author_block
from citecheck.corpus.pdf import PdfDocument

Run = tuple[str, float, float]  # text, font size, rise above the baseline


def _paper(path: Path, lines: list[list[Run]], foot: list[Run] | None = None) -> PdfDocument:
    doc = pymupdf.open()
    page = doc.new_page()
    font = pymupdf.Font("cjk")
    page.insert_font(fontname="f", fontbuffer=font.buffer)
    y = 80.0
    for runs in [
        [("A Title Set In The Largest Font", 16.0, 0.0)],
        *lines,
        [("Abstract", 11.0, 0.0)],
        [("We study things.", 10.0, 0.0)],
        *([foot] if foot else []),
    ]:
        x = 60.0
        for text, size, rise in runs:
            page.insert_text((x, y - rise), text, fontsize=size, fontname="f")
            x += font.text_length(text, fontsize=size)
        y += 20
    doc.save(path)
    return PdfDocument(path)


def _read(tmp_path: Path, lines: list[list[Run]]) -> list[tuple[str, list[str]]]:
    block = read_author_block(_paper(tmp_path / "p.pdf", lines).page_lines(1))
    return [(a.name, a.roles) for a in block.authors]


def test_unicode_superscripts_and_footnote_symbols(tmp_path: Path) -> None:
    lines = [
        [("Haoran Chen¹†   Sofia Marquez²†   Lukas Weber³*", 11.0, 0.0)],
        [("¹Zhejiang University   ²Universidad de Buenos Aires   ³ETH Zürich", 9.0, 0.0)],
        [("†Equal contribution.   *Corresponding author: lw@ethz.ch", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("Haoran Chen", ["first", "equal"]),
        ("Sofia Marquez", ["equal"]),
        ("Lukas Weber", ["corresponding"]),
    ]


def test_raised_small_spans_are_markers(tmp_path: Path) -> None:
    lines = [
        [
            ("Qiaoyu Lin", 11.0, 0.0),
            ("1", 6.5, 4.0),
            ("    Wen-Jie Zhao", 11.0, 0.0),
            ("2,*", 6.5, 4.0),
        ],
        [
            ("1", 6.5, 4.0),
            ("Fudan University    ", 9.0, 0.0),
            ("2", 6.5, 4.0),
            ("University of Toronto", 9.0, 0.0),
        ],
        [("*", 6.5, 4.0), ("Corresponding author.", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("Qiaoyu Lin", ["first"]),
        ("Wen-Jie Zhao", ["corresponding"]),
    ]


@pytest.mark.parametrize(
    "email_line", ["*zhangwei@kyoto-u.ac.jp", "mei@kyoto-u.ac.jp   * zhangwei@kyoto-u.ac.jp"]
)
def test_digits_glued_to_names_and_a_marked_email(tmp_path: Path, email_line: str) -> None:
    lines = [
        [("Mei Tanaka1,2   Oskar Lindgren2   Wei Zhang1,*", 11.0, 0.0)],
        [("1Kyoto University   2Chalmers University of Technology", 9.0, 0.0)],
        [(email_line, 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("Mei Tanaka", ["first"]),
        ("Oskar Lindgren", []),
        ("Wei Zhang", ["corresponding"]),
    ]
    block = read_author_block(PdfDocument(tmp_path / "p.pdf").page_lines(1))
    assert block.affiliations == ["Kyoto University", "Chalmers University of Technology"]


def test_footnotes_at_the_foot_of_the_page_give_the_roles(tmp_path: Path) -> None:
    lines: list[list[Run]] = [
        [("Wenjie Tang*", 11.0, 0.0)],
        [("Fudan University", 10.0, 0.0)],
        [("Lei Guo\u2020", 11.0, 0.0)],
        [("Fudan University", 10.0, 0.0)],
    ]
    foot: list[Run] = [("* Equal contribution. \u2020 Corresponding author: Lei Guo.", 8.0, 0.0)]
    block = read_author_block(_paper(tmp_path / "p.pdf", lines, foot).page_lines(1))
    assert [(a.name, a.roles) for a in block.authors] == [
        ("Wenjie Tang", ["first", "equal"]),
        ("Lei Guo", ["corresponding"]),
    ]


def test_no_marks_means_no_corresponding_author(tmp_path: Path) -> None:
    lines = [[("Mara Okafor    Tomas Lindqvist", 11.0, 0.0)]]
    assert _read(tmp_path, lines) == [("Mara Okafor", ["first"]), ("Tomas Lindqvist", [])]


def test_chinese_names_with_superscripts_and_a_chinese_footnote(tmp_path: Path) -> None:
    lines = [
        [("林巧雨¹，陈浩然²*，Marcus Feldt³", 11.0, 0.0)],
        [("¹浙江大学计算机学院   ²上海人工智能实验室   ³苏黎世联邦理工学院", 9.0, 0.0)],
        [("*通讯作者：chen@example.org", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("林巧雨", ["first"]),
        ("陈浩然", ["corresponding"]),
        ("Marcus Feldt", []),
    ]
    block = read_author_block(PdfDocument(tmp_path / "p.pdf").page_lines(1))
    assert block.affiliations == ["浙江大学计算机学院", "上海人工智能实验室", "苏黎世联邦理工学院"]


def test_affiliations_separated_by_dots_and_wrapped_over_lines(tmp_path: Path) -> None:
    lines = [
        [("Ana Souza¹, Kenji Mori², Lea Brandt¹,²*", 11.0, 0.0)],
        [("¹Faculty of Informatics, Masaryk University · ²Department", 9.0, 0.0)],
        [("of Computer Science, University of Oslo · ³Independent", 9.0, 0.0)],
        [("*Corresponding author: lea@example.org", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("Ana Souza", ["first"]),
        ("Kenji Mori", []),
        ("Lea Brandt", ["corresponding"]),
    ]
    block = read_author_block(PdfDocument(tmp_path / "p.pdf").page_lines(1))
    assert block.affiliations == [
        "Faculty of Informatics, Masaryk University",
        "Department of Computer Science, University of Oslo",
        "Independent",
    ]


def test_equal_contribution_mark_and_a_named_corresponding_author(tmp_path: Path) -> None:
    lines = [
        [("Mei Ling Ong¹*, Jiahao Huang²*, Tomás Rivera³, Ziqian Fang⁴, Xue", 11.0, 0.0)],
        [("Luo²·⁴", 11.0, 0.0)],
        [("¹ National University of Singapore   ² Sun Yat-sen University", 9.0, 0.0)],
        [("* Equal contribution.   Corresponding author: Xue Luo (luoxue@sysu.edu.cn)", 8.0, 0.0)],
        [("Proceedings of NAACL 2025 (Long Papers), camera-ready version.", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [
        ("Mei Ling Ong", ["first", "equal"]),
        ("Jiahao Huang", ["equal"]),
        ("Tomás Rivera", []),
        ("Ziqian Fang", []),
        ("Xue Luo", ["corresponding"]),
    ]


def _grid_paper(path: Path, cells: list[tuple[float, float, list[str]]]) -> PdfDocument:
    """A title, then author cells (x, y, [bold name, lines under it]), then an abstract."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 60), "A Title Set In The Largest Font", fontsize=16, fontname="hebo")
    for x, y, (name, *under) in cells:
        page.insert_text((x, y), name, fontsize=9.5, fontname="hebo")
        for row, text in enumerate(under, start=1):
            page.insert_text((x, y + 12 * row), text, fontsize=9.5, fontname="helv")
    page.insert_text((60, 260), "ABSTRACT", fontsize=9.5, fontname="hebo")
    page.insert_text((60, 275), "We study things.", fontsize=9.5, fontname="helv")
    doc.save(path)
    return PdfDocument(path)


def test_an_acm_grid_is_read_cell_by_cell(tmp_path: Path) -> None:
    person = ["Tongji University", "Shanghai, China", "tao@tongji.edu.cn"]
    cells = [
        (250, 110.5, ["Rahul Venkataraman", "University of Toronto", "Toronto, Canada"]),
        (120, 110, ["Wenjing Tao", *person]),  # a hair lower than its neighbour
        (400, 110, ["Kai Zheng", "Lanyun Energy Technology", "Hangzhou, China"]),
        (120, 170, ["Lihua Qin*", "Tongji University", "qin@tongji.edu.cn"]),
    ]
    block = read_author_block(_grid_paper(tmp_path / "p.pdf", cells).page_lines(1))
    assert [(a.name, a.roles) for a in block.authors] == [
        ("Wenjing Tao", ["first"]),
        ("Rahul Venkataraman", []),
        ("Kai Zheng", []),
        ("Lihua Qin", []),
    ]
    assert block.authors[3].marks == ["*"]
    assert "Lanyun Energy Technology" in block.affiliations
    assert "Shanghai, China" not in block.affiliations


def test_bold_names_side_by_side_on_one_line_are_no_grid(tmp_path: Path) -> None:
    cells = [
        (60, 110, ["Ana Li,"]),
        (110, 110, ["Bo Wu"]),
        (60, 130, ["Tongji University"]),
    ]
    block = read_author_block(_grid_paper(tmp_path / "p.pdf", cells).page_lines(1))
    assert [a.name for a in block.authors] == ["Ana Li", "Bo Wu"]


def test_a_letter_spaced_abstract_heading_ends_the_author_lines(tmp_path: Path) -> None:
    lines = [
        [("Xinran Ye", 11.0, 0.0), ("a", 6.5, 4.0), (", Jun Du", 11.0, 0.0), ("a,*", 6.5, 4.0)],
        [("A B S T R A C T", 9.0, 0.0)],
        [("Large language models translate questions into SQL.", 10.0, 0.0)],
        [("A R T I C L E   I N F O", 9.0, 0.0)],
        [("* Corresponding author: Jun Du (ORCID 0000-0002-4817-3360).", 8.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [("Xinran Ye", ["first"]), ("Jun Du", ["corresponding"])]


def test_ieee_grades_are_no_names_and_a_footnote_across_two_lines_names_the_corresponding(
    tmp_path: Path,
) -> None:
    lines = [
        [("Yutong Guo, Student Member, IEEE, and Zhengrong Mao, Senior Member, IEEE", 10.0, 0.0)]
    ]
    doc = _paper(tmp_path / "p.pdf", lines)
    page_lines = doc.page_lines(1)
    note = [dict(page_lines[-1][0], text="supported by NSFC. (Corresponding author:")]
    name = [dict(page_lines[-1][0], text="Zhengrong Mao.)")]
    block = read_author_block([*page_lines, note, name])
    assert [(a.name, a.roles) for a in block.authors] == [
        ("Yutong Guo", ["first"]),
        ("Zhengrong Mao", ["corresponding"]),
    ]


def test_a_chinese_journal_block_ends_at_a_spaced_abstract_label(tmp_path: Path) -> None:
    lines = [
        [("沈嘉禾", 10.0, 0.0), ("1", 6.0, 3.0), ("，田\u3000野", 10.0, 0.0), ("1", 6.0, 3.0)],
        [("（1. 四川大学 华西医院，四川 成都 610041）", 8.0, 0.0)],
        [("摘\u3000要：大语言模型在临床问答中容易给出看似合理却缺乏依据的回答", 9.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == [("沈嘉禾", ["first"]), ("田野", [])]


def test_an_arxiv_block_with_a_margin_stamp_foot_affiliations_and_an_address(
    tmp_path: Path,
) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 80), "TactiFold: Tactile Policies", fontsize=16)
    for row, (name, mark) in enumerate([("Yiming Xu", "1"), ("Ruoxi Han", "1,2")]):
        page.insert_text((60, 110 + 16 * row), name, fontsize=11)
        page.insert_text((60 + 11 * 0.5 * len(name) + 4, 106 + 16 * row), mark, fontsize=6)
    page.insert_text((60, 160), "Abstract", fontsize=12)
    page.insert_text((60, 180), "We fold garments with touch.", fontsize=10)
    page.insert_text((34, 560), "arXiv:2507.14382v2 [cs.RO] 18 Jul 2025", fontsize=18, rotate=90)
    foot = [
        ("1", "School of Mechanical Engineering, Shanghai Jiao Tong University,", 700),
        (None, "Shanghai, China.", 710),
        ("2", "Qianji Robotics, Suzhou, China.", 720),
    ]
    for mark, text, y in foot:
        if mark:
            page.insert_text((60, y - 3), mark, fontsize=5)
        page.insert_text((66, y), text, fontsize=8)
    page.insert_text((60, 735), "Correspondence to: hanruoxi@sjtu.edu.cn", fontsize=8)
    doc.save(tmp_path / "p.pdf")
    block = read_author_block(PdfDocument(tmp_path / "p.pdf").page_lines(1))
    assert [(a.name, a.roles) for a in block.authors] == [
        ("Yiming Xu", ["first"]),
        ("Ruoxi Han", ["corresponding"]),  # the address spells the name
    ]
    assert block.affiliations == [
        "School of Mechanical Engineering, Shanghai Jiao Tong University, Shanghai, China.",
        "Qianji Robotics, Suzhou, China.",
    ]


def test_a_bilingual_author_table_with_a_header_row_and_role_notes(tmp_path: Path) -> None:
    lines = [
        [("作者 / Author      单位 / Affiliation · 角色 / Role", 9.0, 0.0)],
        [
            ("田嘉禾  Jiahe Tian ", 9.0, 0.0),
            ("†", 7.0, 3.0),
            ("      [a]  co-first author", 9.0, 0.0),
        ],
        [("Oksana Melnyk ", 9.0, 0.0), ("†", 7.0, 3.0), ("      [b]  co-first author", 9.0, 0.0)],
        [
            ("聂曼  Man Nie ", 9.0, 0.0),
            ("✉", 7.0, 3.0),
            ("      [a]  通讯作者 / contact author", 9.0, 0.0),
        ],
    ]
    foot = [("† Equal contribution.   * Contact author: nieman@cau.edu.cn", 8.0, 0.0)]
    block = read_author_block(_paper(tmp_path / "p.pdf", lines, foot).page_lines(1))
    # header words and role notes are no names; one person written in both scripts is one author
    assert [(a.names, a.roles) for a in block.authors] == [
        (["田嘉禾", "Jiahe Tian"], ["first", "equal"]),
        (["Oksana Melnyk"], ["equal"]),
        (["聂曼", "Man Nie"], ["corresponding"]),
    ]


def test_a_team_byline_and_a_sentence_under_the_title_name_no_one(tmp_path: Path) -> None:
    lines = [
        [("Tongwen AI Lab", 10.0, 0.0)],
        [("Hangzhou, China", 10.0, 0.0)],
        [
            (
                "The full list of contributors and the contact for correspondence is given in the",
                10.0,
                0.0,
            )
        ],
        [("Contributors section on page 9.", 10.0, 0.0)],
    ]
    assert _read(tmp_path, lines) == []
