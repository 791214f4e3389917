"""Who said what: person names in claims, and what the corpus says about them.

``names`` finds presenters, authors and finding attributions in report text,
``matching`` compares two names (Latin, Chinese, and across scripts only via an
alias the corpus gives), ``assess`` turns both into outcomes the wrong-speaker
rules (CC301–CC305) report, and ``video`` does the same for claims about a video
(CC401–CC403).
"""
