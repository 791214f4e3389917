"""Rules: one module per rule, registered with citecheck.checks.base.register."""
