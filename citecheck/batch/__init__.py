"""Batch audits: many task folders per run, results kept in a store across runs.

``discovery`` finds task folders, ``fingerprint`` keys them by content,
``store`` keeps results (SQLite), ``worker`` lints one task with models loaded
once per worker, ``engines`` run workers locally or on Ray, ``audit`` drives a
run, ``summary``/``output``/``html_index`` present it.
"""
