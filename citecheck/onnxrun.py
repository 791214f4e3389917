"""Running the shipped ONNX graphs on the CPU: session options and parallel runs.

Both graphs run on small inputs so that a result never depends on what it was
batched with. The judge scores one pair per run: on inputs that small, one ONNX
Runtime thread per run with runs side by side keeps the cores busier than two
threads inside one run (60 pairs on two cores: 50 → 78 pairs/s, probabilities
bit-identical). The embedder's runs of four windows are big enough for threads
inside the run (31 texts/s against 25 side by side), so it runs them in turn.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Runs side by side: one per core, at most four."""
    return min(4, os.cpu_count() or 1)


def session_options(threads: int = 1) -> Any:
    """``threads`` per run, no spin-waiting between runs, every graph optimisation."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def map_runs(run: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``run`` over ``items`` in order, up to ``workers`` at a time (ONNX Runtime
    releases the GIL while a graph runs)."""
    if workers <= 1 or len(items) <= 1:
        return [run(item) for item in items]
    with ThreadPoolExecutor(min(workers, len(items))) as pool:
        return list(pool.map(run, items))
