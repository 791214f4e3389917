"""Who said what: the attribution stage.

``stage`` computes, once per report, the outcomes the CC3xx/CC4xx/CC902 rules
filter (models in ``outcomes``): ``talk`` checks presenters, moderators,
audience members and remarks against the video's meta and transcript turns,
``paper`` checks authors, first/corresponding authors and credited findings
against the PDF, ``video`` checks claims about a video against its evidence.
``names`` finds the people a claim names (Chinese names via ``chinese``, jieba
and pinyin), ``matching`` and ``verdicts`` compare them with the sources'.
"""
