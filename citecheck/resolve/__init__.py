"""The resolution stage: every citation target of a report to the source units it names
(:mod:`.resolver`)."""
