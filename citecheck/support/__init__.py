"""The support stage: claims judged against the units their citations resolve to, with
retrieval and judge tiers (:mod:`.service`)."""
