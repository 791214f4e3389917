"""The Ray engine on a real local Ray instance stores exactly what the local engine does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck.batch.audit import AuditOptions, run_audit
from citecheck.config import Config
from tests.batch.batch_factories import SharedSources, make_task

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'citecheck-lint[ray]'")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def local_ray():
    """A Ray instance of two CPUs started by the test, seeing this checkout of citecheck."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": path, "HF_HUB_OFFLINE": "1"}},
    )
    yield ray
    ray.shutdown()


def test_ray_and_local_engines_store_identical_results(
    local_ray, tmp_path: Path, shared_sources: SharedSources
) -> None:
    root = tmp_path / "tasks"
    for index, shape in enumerate(("task", "log", "plain", "task", "log", "plain")):
        make_task(root, f"t{index}", shared_sources, shape, index, bad_pages=index % 2 == 0)
    make_task(root, "broken", shared_sources, "task", broken_pdf=True)
    config = Config(select=["CC1", "CC5"])

    def stored(engine: str, jobs: int) -> list[tuple[str, str, str, str | None, str | None]]:
        options = AuditOptions(
            store=tmp_path / f"{engine}.sqlite",
            config=config,
            jobs=jobs,
            engine=engine,
            progress=False,
        )
        run = run_audit([root], options)
        return [(t.folder, t.key, t.status, t.error, t.result_json) for t in run.tasks]

    on_ray = stored("ray", 2)
    locally = stored("local", 1)

    assert on_ray == locally
    assert len(on_ray) == 7
    assert [row[2] for row in on_ray].count("failed") == 1
    assert sum('"CC111"' in (row[4] or "") for row in on_ray) == 3
    assert ray.is_initialized()  # the engine leaves a Ray it did not start running
