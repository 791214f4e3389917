"""Quantities in context: a number is compared only with the same quantity."""

from __future__ import annotations

from citecheck.judge.quantities import align_quantities, mentions_in

TABLE = [
    "Table 4 (Efficiency at a 32K-token context.) · Method: Full cache · KV memory (GiB): 32.00 "
    "· Latency (ms/ step): 83.3 · Throughput (tokens/ s): 96",
    "Table 4 (Efficiency at a 32K-token context.) · Method: OrcaKV · KV memory (GiB): 5.98 "
    "· Latency (ms/ step): 30.8 · Throughput (tokens/ s): 260",
]
MODELS = [
    "Table 3 (Accuracy (%) on a QA set.) · Method: OrcaKV · Llama-3.1-8B: 59.8 · Qwen2.5-7B: 73.5",
    "Table 3 (Accuracy (%) on a QA set.) · Method: Full cache · Llama-3.1-8B: 61.2 "
    "· Qwen2.5-7B: 74.1",
    "With Qwen2.5-7B, OrcaKV reaches 73.5% accuracy, only 0.6 points below the full cache.",
]
PROSE = [
    "The first 4 tokens (anchor tokens) and the most recent 64 tokens (local window) are kept. "
    "Budgets are re-allocated every 128 decoding steps.",
]


def statuses(claim: str, evidence: list[str]) -> dict[str, str]:
    return {c.claim.quantity.raw: c.status for c in align_quantities(claim, evidence)}


def test_table_cells_carry_their_unit_row_and_header() -> None:
    (memory, latency, throughput) = mentions_in(TABLE[1])
    assert (memory.unit, memory.scale, memory.row_key) == ("memory", 1024.0**2, "OrcaKV")
    assert latency.unit == "ms" and throughput.unit == "throughput"
    assert "Throughput" in throughput.context


def test_numbers_of_other_columns_are_not_compared() -> None:
    # 96 and 260 are both stated, each in its own row; 30.8 GiB is never a rival of 96
    assert statuses("OrcaKV raises throughput from 96 to 260 tokens/s", TABLE) == {
        "96": "stated",
        "260": "stated",
    }


def test_a_changed_value_in_its_own_cell_is_contradicted() -> None:
    (check,) = align_quantities("OrcaKV 的吞吐量达到 310 tokens/s", TABLE)
    assert check.status == "contradicted"
    assert check.rival is not None and check.rival.quantity.raw == "260"


def test_chinese_numerals_and_multipliers() -> None:
    evidence = ["It raises decoding throughput by 2.7× on a single GPU."]
    assert statuses("吞吐量提升至二点七倍", evidence) == {"二点七倍": "stated"}
    assert statuses("吞吐量提升至三点二倍", evidence) == {"三点二倍": "contradicted"}


def test_about_allows_a_rounded_value() -> None:
    evidence = ["It reduces KV-cache memory by 81.3% at a 32K context."]
    assert statuses("KV 显存减少约八成", evidence) == {"八成": "stated"}
    assert statuses("KV 显存减少了 60%", evidence)["60%"] == "contradicted"


def test_physical_units_convert_and_temperature_scales_state_but_never_contradict() -> None:
    evidence = ["Its maker claims a range of more than 1,000 km on the CLTC test cycle."]
    assert statuses("a claimed CLTC range of over 620 miles", evidence) == {"620": "stated"}
    assert statuses("a claimed CLTC range of 400 miles", evidence) == {"400": "contradicted"}
    hot = ["Surface temperatures on the roofs reached 43 °C during the heatwave."]
    # 110 °F is 43.3 °C: a reading in the other scale states it
    assert statuses("roof surfaces reached 110 °F during the heatwave", hot) == {"110": "stated"}
    # a wrong reading in the other scale is not stated, and is never contradicted
    assert statuses("roof surfaces reached 130 °F during the heatwave", hot) == {"130": "silent"}
    rise = ["Redlined areas are 4.3 °F hotter in summer."]  # a difference: 2.4 °C
    assert align_quantities("红线区夏季高出约 2.4 °C", rise)[0].present


def test_durations_are_measures_that_only_a_duration_states() -> None:
    found = mentions_in("标注员历时约四个月、两年后，每 8 周")
    assert [(m.quantity.raw, m.unit) for m in found] == [
        ("四个", "duration"),
        ("两年", "duration"),
        ("8", "duration"),
    ]
    dates = mentions_in("2023 年 8 月发布，2024年初")  # a date is one fact, never a duration
    assert sorted((m.quantity.raw, m.unit) for m in dates) == [("2023 年 8 月", ""), ("2024年", "")]
    # "四个月" is not the 4 of "Table 4", however small the number
    page = ["Table 4 lists 1,240 questions written by 12 annotators."]
    (check,) = [c for c in align_quantities("标注历时约四个月", page)]
    assert not check.present
    annotation = ["The annotators worked on the questions for about three months."]
    assert statuses("The annotators worked on the questions for about 4 months", annotation) == {
        "4": "contradicted"
    }
    assert statuses("The annotators worked on the questions for about 13 weeks", annotation) == {
        "13": "stated"
    }


def test_chinese_words_are_not_aligned_through_colliding_glosses() -> None:
    # 差 glosses "differ", "point" and "not": 只差 0.6 个点 is not about ranking stability
    talk = ["在 Qwen2.5-7B 上，全量缓存是 74.1%，TideKV 是 73.5%，只差 0.6 个点。"]
    claim = "排序在不同提示间是稳定的（即 0.91 的相关系数）"
    assert statuses(claim, talk) == {"0.91": "silent"}
    # the same words in the evidence still align
    same = ["不同提示间排序稳定的相关系数为 0.85。"]
    assert statuses(claim, same) == {"0.91": "contradicted"}


def test_words_the_glossary_gives_for_one_term_align_english_quantities() -> None:
    evidence = [
        "The county confirmed 610 heat deaths in 2023, a record and a 45% increase over 2022."
    ]
    checks = statuses("The county confirmed 610 heat deaths in 2023, a 65% rise on 2022", evidence)
    assert checks["65%"] == "contradicted", "rise and increase speak of one quantity"
    assert (
        statuses("The county confirmed 610 heat deaths in 2023, a 45% rise on 2022", evidence)[
            "45%"
        ]
        == "stated"
    )


def test_a_changed_month_is_contradicted_and_a_bare_year_never_is() -> None:
    evidence = ["NOAA confirmed the fourth global coral bleaching event in April 2024."]
    claim = "The fourth global bleaching event was confirmed in {}"
    assert statuses(claim.format("June 2024"), evidence)["June 2024"] == "contradicted"
    assert statuses(claim.format("April 2024"), evidence)["April 2024"] == "stated"
    assert statuses(claim.format("2025"), evidence)["2025"] != "contradicted"
    (date,) = [m for m in mentions_in("法规于2023年8月17日生效") if m.quantity.kind == "month"]
    assert date.quantity.value == 2023 * 12 + 7


def test_a_chinese_month_is_stated_by_an_english_date_with_a_day_range() -> None:
    evidence = ["KDD '25, August 3-7, 2025, Toronto, ON, Canada."]
    claim = "会议于 2025 年 {} 月在多伦多举行"
    (august,) = align_quantities(claim.format(8), evidence)  # the date, not its digits
    assert august.present and august.status != "contradicted"
    (september,) = align_quantities(claim.format(9), evidence)
    assert not september.present


def test_a_lower_bound_is_not_stated_by_a_smaller_value() -> None:
    evidence = ["China commissioned 63% of the world's new renewable capacity in 2023."]
    claim = "2023年中国新增可再生能源装机占全球新增装机的{}"
    assert statuses(claim.format("七成以上"), evidence)["七成"] == "contradicted"
    assert statuses(claim.format("六成以上"), evidence)["六成"] == "stated"
    assert statuses(claim.format("约六成"), evidence)["六成"] == "stated"


def test_a_range_shares_its_unit_and_rivals_only_another_range() -> None:
    lower, upper = mentions_in("could lower peak air temperatures by 2–3 °C")
    assert (lower.unit, upper.unit) == ("celsius", "celsius")
    assert lower.range_bound and upper.range_bound
    lower, upper = mentions_in("reefs decline by a further 70-90%")
    assert (lower.quantity.kind, upper.quantity.raw, upper.range_bound) == ("percent", "90%", True)
    assert not mentions_in("Llama-3.1-8B and GPT-4 were compared"), "a hyphen after a letter"
    costs = ["Capital costs were 30-40% higher than in 2020."]
    assert statuses("资本成本比2020年高出30%—40%", costs) == {
        "2020年": "stated",
        "30%": "stated",
        "40%": "stated",
    }
    spread = ["At 1.5 °C reefs decline by a further 70-90%; at 2 °C more than 99% are lost."]
    assert statuses("at 2 °C nearly all reefs, 97%, are lost", spread)["97%"] != "contradicted"
    # a change is no range: its values stay comparable with single values
    assert not any(m.range_bound for m in mentions_in("the share rises from 31% to 78%"))
    assert not any(m.range_bound for m in mentions_in("份额从31%升至87%"))


def test_a_row_of_another_model_does_not_state_the_claims_value() -> None:
    # 73.5 is Qwen's; the Llama column of the same row says 59.8
    (check,) = align_quantities("在 Llama-3.1-8B 上，OrcaKV 的准确率为 73.5%", MODELS)
    assert check.status == "contradicted"
    assert check.rival is not None and check.rival.quantity.raw == "59.8"
    (qwen,) = align_quantities("在 Qwen2.5-7B 上，OrcaKV 的准确率为 73.5%", MODELS)
    assert qwen.status == "stated"


def test_the_same_number_of_another_quantity_is_no_statement() -> None:
    # 128 is stated, but as the re-allocation interval, not the window
    (window,) = align_quantities("The local window keeps the most recent 128 tokens", PROSE)
    assert (window.status, window.present) == ("contradicted", True)
    assert window.rival is not None and window.rival.quantity.raw == "64"


def test_labels_small_counts_and_far_values_are_never_rivals() -> None:
    evidence = ["Table 5 lists the ablations. 6.4 Efficiency We measure 1,240 questions."]
    assert statuses("The benchmark has 128K tokens", evidence) == {"128K": "silent"}
    assert all(m.quantity.raw not in {"5", "6.4"} for m in mentions_in(evidence[0]))
    assert statuses("It keeps 4 anchor tokens", PROSE) == {"4": "stated"}


def test_a_faithful_restatement_in_order_is_never_contradicted() -> None:
    evidence = ["Gaps of 2.4, 1.7 and 1.9 points for A-1, B-2 and C-3 respectively."]
    checks = align_quantities("A-1、B-2、C-3 分别落后 2.4、1.7 和 1.9 分", evidence)
    assert [c.claim.quantity.raw for c in checks] == ["2.4", "1.7", "1.9 分"]
    assert all(c.status != "contradicted" and c.present for c in checks)


def test_a_value_stated_of_a_loose_clause_loses_to_a_rival_of_the_claims_clause() -> None:
    evidence = [
        "While the first 64 training steps run, the schedule is warming up. "
        "Checkpoints are written every 500 training steps."
    ]
    (check,) = align_quantities("Checkpoints are written every 64 training steps", evidence)
    assert check.status == "contradicted"
    assert check.rival is not None and check.rival.quantity.raw == "500"
    # a rival whose sentence is about another model does not override the stated value
    other = [evidence[0].replace("Checkpoints are", "For Qwen2.5-7B, checkpoints are")]
    assert statuses("Checkpoints are written every 64 training steps", other) == {"64": "stated"}


def test_a_value_counting_the_same_thing_is_not_contradicted_by_a_size() -> None:
    evidence = [
        "It has a frozen SigLIP encoder with 448 x 448 input. "
        "An image is resized up to 4032 x 4032, which gives at most 81 tiles."
    ]
    claim = "and encodes each of the up to 81 tiles with a frozen SigLIP encoder"
    assert statuses(claim, evidence) == {"81": "silent"}
    # the value changed: 64 tiles appear nowhere, and the rival 448 is then a rival
    assert statuses(claim.replace("81", "64"), evidence) != {"64": "silent"}


def test_a_clause_that_lost_its_subject_keeps_the_value_its_sentence_states() -> None:
    evidence = [
        "Replacing rotated boxes by horizontal boxes costs 2.5 points, mostly on detection.",
        "Without the cross-attention layers, the average drops by 2.3 points.",
    ]
    claim = "把旋转框换成水平框，平均分下降 2.5 分，几乎全部损失在检测上"
    assert statuses(claim, evidence) == {"2.5 分": "silent"}
    changed = claim.replace("2.5", "2.9")
    assert statuses(changed, evidence) == {"2.9 分": "contradicted"}


def test_chinese_and_joins_clauses_of_their_own_quantities() -> None:
    claim = "始终保留开头 4 个锚点 token 和最近 128 个 token 组成的局部窗口"
    checks = {c.claim.quantity.raw: c for c in align_quantities(claim, PROSE)}
    assert checks["4"].status == "stated"
    assert checks["128"].status == "contradicted"
    assert checks["128"].rival is not None and checks["128"].rival.quantity.raw == "64"


def test_chinese_or_parts_clauses_of_their_own_quantities() -> None:
    stops = [
        "Growth stops when the tree holds N = 64 nodes, or when the depth limit D = 8 is reached."
    ]
    claim = "树中节点达到 128 个或深度达到 8 时停止生长"
    assert statuses(claim, stops) == {"128": "contradicted", "8": "stated"}
    assert statuses(claim.replace("128", "64"), stops) == {"64": "stated", "8": "stated"}


def test_a_count_of_questions_aligns_across_languages() -> None:
    evidence = ["The set has 2,310 four-option questions over 95 documents."]
    checks = statuses("该数据集包含 95 篇文档和 3,210 道四选一题目", evidence)
    assert checks["3,210"] == "contradicted"


def test_about_allows_only_as_much_as_the_numbers_precision() -> None:
    page = ["Accuracy is 90.3% on the first split and 38.2% on the second."]
    # "约 92%" is rounded to units: 90.3 is not it; "about 40%" is rounded to tens
    assert align_quantities("准确率约为 92%", page)[0].present is False
    assert align_quantities("about 40% on the second split", page)[0].present is True
    # a self-reported "约2250字" is rounded to tens, so a 2,000-character text is not it
    count = ["The text has 2,000 characters."]
    assert align_quantities("全文约2250字", count)[0].present is False
    assert align_quantities("全文约2000字", count)[0].present is True


def test_a_weakly_aligned_value_of_another_subject_stands_in_for_nothing() -> None:
    page = ["With Qwen2.5-7B, OrcaKV reaches 73.5% accuracy."]
    [human] = align_quantities("人类准确率约为 92%", page)
    assert human.near is not None and human.stand_in is None
    [named] = align_quantities("With Qwen2.5-7B, OrcaKV reaches 75.5% accuracy", page)
    assert named.status == "contradicted" or named.stand_in is not None


def test_a_term_rendered_in_chinese_is_no_other_subject() -> None:
    page = ["The gains are largest on multi-document QA (+3.8 over SnapSelect on Llama-3.1-8B)."]
    claim = "其中 Llama-3.1-8B 的多文档问答是提升最明显的类别之一，TideKV 比 SnapSelect 高出 2.8 分"
    [gain] = align_quantities(claim, page)
    assert gain.claim.quantity.kind == "points" and gain.status == "silent"
    assert gain.stand_in is not None and gain.stand_in.quantity.raw == "3.8"


def test_a_lower_case_compound_is_a_word_not_a_name() -> None:
    page = [
        "Across 112 US cities, redlined areas are on average 2.4 °C hotter than non-redlined areas."
    ]
    claim = "在美国112个城市中，20世纪30年代被划为红线区的社区夏季平均比非红线区高4.2 °C"
    [cities, heat] = align_quantities(claim, page)
    assert cities.status == "stated" and heat.status == "silent"
    assert heat.stand_in is not None and heat.stand_in.quantity.raw == "2.4"


def test_a_scaled_number_at_a_lines_start_is_no_section_number() -> None:
    text = "It is trained for two epochs on\n68K ShareGPT conversations.\n3 Method"
    assert [m.quantity.raw for m in mentions_in(text)] == ["two", "68K"]


def test_a_range_with_thousands_separators_keeps_its_upper_bound() -> None:
    page = ["A tonne of black mass holds only about $1,000-1,500 of recoverable metal."]
    assert [m.quantity.raw for m in mentions_in(page[0])] == ["1,000", "1,500"]
    assert all(c.present for c in align_quantities("每吨黑粉仅含约1000—1500美元的金属", page))


def test_a_number_worked_out_from_the_claims_own_stated_values_is_stated() -> None:
    page = ["PolyTone reaches an average CER of 14.2 against 16.9 for MonoBridge."]
    derived = "PolyTone lowers the average CER by 2.7 points, from 16.9 for MonoBridge to 14.2"
    assert statuses(derived, page) == {"2.7 points": "stated", "16.9": "stated", "14.2": "stated"}
    wrong = "PolyTone lowers the average CER by 3.7 points, from 16.9 for MonoBridge to 14.2"
    assert statuses(wrong, page)["3.7 points"] != "stated"
    relative = ["Tone errors fall from 5.3% to 4.0% of reference characters."]
    assert statuses("声调错误从 5.3% 降到 4.0%，相对减少约 25%", relative)["25%"] == "stated"


def test_a_duration_with_decimals_is_stated_by_the_same_plain_number() -> None:
    page = ["PolyTone transcribes with a real-time factor (RTF) of 0.21 at beam size 4."]
    checks = align_quantities("实时率为 0.21，即处理 1 秒音频约需 0.21 秒", page)
    assert [(c.claim.unit, c.present) for c in checks] == [("", True), ("duration", True)]
    # a whole number of months is not stated by a plain 4
    assert align_quantities("历时四个月", ["See Table 4 for the budget."])[0].present is False


ABLATION = [
    f"Table 4 (Ablation, average MSE.) · Variant: {variant} · ETTh1: {a} · LanyunGrid: {b}"
    for variant, a, b in [
        ("Full PRISM", "0.401", "0.187"),
        ("Content-only router (no period features)", "0.415", "0.199"),
        ("One detected period (k = 1)", "0.408", "0.193"),
    ]
]


def test_rows_holding_the_claims_values_are_the_ones_it_restates() -> None:
    ablated = "去掉路由器中的周期特征后，ETTh1 的 MSE 从 0.401 升至 0.415，"
    claim = ablated + "LanyunGrid 从 0.187 升至 0.199。"
    assert "contradicted" not in statuses(claim, ABLATION).values()
    changed = ablated + "Full PRISM 在 LanyunGrid 上为 0.193。"
    assert statuses(changed, ABLATION)["0.193"] == "contradicted"  # a row the claim names by key


MAIN = [
    f"Table 2 (Main results, MSE / MAE.) · Model: {model} · ETTh1: {a} · LanyunGrid: {b}"
    for model, a, b in [
        ("PRISM", "0.401 / 0.412", "0.187 / 0.262"),
        ("MoTSE", "0.409 / 0.420", "0.201 / 0.275"),
    ]
] + [
    "The standard deviation over seeds is below 0.003 for every PRISM entry.",
]


def test_a_difference_of_two_named_rows_in_one_column_is_stated() -> None:
    assert (
        statuses("在 LanyunGrid 上，PRISM 与 MoTSE 的 MSE 相差 0.014。", MAIN)["0.014"] == "stated"
    )
    assert (
        statuses("在 LanyunGrid 上，PRISM 与 MoTSE 的 MSE 相差 0.024。", MAIN)["0.024"] != "stated"
    )


def test_a_number_worked_out_from_the_clause_that_stands_in_for_it_is_stated() -> None:
    evidence = [
        "The largest absolute gains over MonoBridge are on Hokkien (27.9 to 23.6, -4.3) and "
        "Hakka (23.1 to 19.2, -3.9), two of the three dialects with the least training data."
    ]
    claim = "其中闽南语上的提升最大，比 MonoBridge 低 {} 个点"
    (right,) = align_quantities(claim.format("4.3"), evidence)
    assert right.status == "stated"
    (wrong,) = align_quantities(claim.format("5.3"), evidence)
    assert wrong.status != "stated" and wrong.stand_in is not None


def test_a_change_stated_without_its_minus_is_the_same_value() -> None:
    evidence = [
        "Removing the graph walk costs the most (-7.3 points), then the co-join edges (-4.9)."
    ]
    claim = (
        "removing the graph walk costs the most (7.3 points), followed by the co-join edges (4.9)"
    )
    assert statuses(claim, evidence) == {"7.3 points": "stated", "4.9": "stated"}
    # a hyphen inside a name or a range is still no minus sign
    assert statuses("GPT-4 reaches 71.2 points", ["GPT-4 reaches 71.2 points."]) == {
        "71.2 points": "stated"
    }


def test_seconds_written_as_s_and_a_bare_number_read_in_the_sources_unit() -> None:
    evidence = ["一张 4032×4032 的图推理大约 9.8 秒，显存占用 14.6 GB。"]
    [seconds] = align_quantities("about 9.8 s per image", evidence)
    assert (seconds.claim.unit, seconds.present) == ("duration", True)
    [bare] = align_quantities("it takes about 9.8 per image", evidence)
    assert bare.present
    [minutes] = align_quantities("about 9.8 min per image", evidence)
    assert not minutes.present  # minutes are not seconds


def test_about_before_a_change_verb_makes_the_value_approximate() -> None:
    [share] = [
        m
        for m in mentions_in("显存从 61.3 GB 降到 22.8 GB，约减少六成")
        if m.quantity.raw == "六成"
    ]
    assert share.approx
    assert not [m for m in mentions_in("显存减少六成") if m.approx]


def test_units_written_against_the_number_and_hours_as_h() -> None:
    transcript = ["我们在 Jetson AGX Orin 上试过，现在只能跑到3.5Hz左右。"]
    [rate] = align_quantities("about 3.5 Hz on a Jetson AGX Orin for now", transcript)
    assert rate.present
    paper = ["TactiCloth-2K contains 2,430 demonstrations (61 h) of 38 garments."]
    hours = {c.claim.quantity.raw: c.present for c in align_quantities("总时长约六十一小时", paper)}
    assert hours == {"六十一": True}
    assert not align_quantities("总时长六十八小时", paper)[0].present


def test_a_difference_of_a_change_the_source_states_is_stated() -> None:
    evidence = ["EviAnchor 的引用精确率由78.2%提高到89.4%，拒答F1由52.0提高到69.3。"]
    claim = "EviAnchor gains 11.2 points of citation precision and 17.3 points of abstention F1"
    assert statuses(claim, evidence) == {"11.2 points": "stated", "17.3 points": "stated"}
    assert statuses("citation precision rose by 12.2 points", evidence) == {"12.2 points": "silent"}


def test_hours_are_stated_by_a_measured_value_of_a_flattened_table() -> None:
    table = ["Category Garments Demos Hours Total 38 2,430 61.0 –"]
    assert align_quantities("总时长约六十一小时", table)[0].present
    assert not align_quantities("历时约四个月", ["See Table 4 for details."])[0].present


def test_a_difference_is_never_contradicted_by_a_level() -> None:
    evidence = [
        "Its AlluAcc of 84.2% is 13.8 points above AlluLink, its BLEU is 2.7 points higher, "
        "and its COMET is 2.3 points above the strongest baseline on that metric, ClassiGPT.",
        "On PoetPref, AlluLink has the higher BLEU (23.0 vs 22.3).",
    ]
    assert statuses("WenBridge 的 BLEU 比 AlluLink 高二点七分", evidence) != {
        "二点七": "contradicted"
    }
    assert statuses("its BLEU is 3.1 points higher than AlluLink's", evidence) == {
        "3.1 points": "contradicted"  # a difference against the stated difference
    }
    # a ratio is one quantity whether it is called a gain or given as a level
    ratio = ["raises throughput from 96 to 260 tokens per second (2.7×)"]
    assert statuses("吞吐量提升约 3.2 倍", ratio) == {"3.2": "contradicted"}
    assert [m.relative for m in mentions_in("are on average 2.4 °C hotter")] == [True]


def test_a_difference_listed_after_another_is_one_too() -> None:
    text = "removing retrieval costs 8.5 points on USPTO-190 and 10.9 points on PharmaRoute-120"
    assert [m.relative for m in mentions_in(text)] == [True, True]
    levels = mentions_in("it reaches 91.1% and 74.2% on the two sets")
    assert [m.relative for m in levels if m.quantity.kind == "percent"] == [False, False]


def test_a_difference_two_values_of_one_source_sentence_work_out_to_is_stated() -> None:
    evidence = ["On the tail: 57.1% against 38.5% for Qwen2-VL-SFT, as the atlas helps."]
    claim = "在尾部物种上，PestLens 比 Qwen2-VL-SFT 高出 18.6 个百分点"
    assert [c.status for c in align_quantities(claim, evidence)] == ["stated"]
    # a difference no two values of one sentence give stays unstated
    apart = ["On the tail PestLens reaches 57.1%.", "Qwen2-VL-SFT reaches 38.5% overall."]
    assert [c.status for c in align_quantities(claim, apart)] != ["stated"]
    # a level is no difference: "reaches 18.6%" is not worked out of them
    assert [c.status for c in align_quantities("尾部准确率为 18.6%", evidence)] != ["stated"]


def test_the_same_digits_in_another_unit_of_the_same_kind_contradict() -> None:
    evidence = ["A photo is answered in 2.3 s on a single A10 GPU."]
    [check] = align_quantities("PestLens 每张照片需要 2.3 分钟", evidence)
    assert (check.status, check.rival is not None) == ("contradicted", True)
    # stated in the claim's own unit too: no contradiction
    both = ["A photo is answered in 2.3 s, or 2.3 minutes for a batch of 26."]
    assert align_quantities("每批需要 2.3 分钟", both)[0].status != "contradicted"
