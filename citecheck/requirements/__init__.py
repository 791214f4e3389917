"""The requirements stage: what the report must be (:mod:`.derive`) and how it measures
up (:mod:`.measure`)."""
