"""The shipped deployment files: prefect.yaml's entrypoints and parameters, the compose file."""
from __future__ import annotations

from importlib import metadata

import yaml

from tests.conftest import ROOT


def test_prefect_yaml_deployments_load_and_take_their_parameters():
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.flows import load_flow_from_entrypoint

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    assert spec["prefect-version"] == metadata.version("prefect")
    names = set()
    for dep in spec["deployments"]:
        names.add(dep["name"])
        flow = load_flow_from_entrypoint(str(ROOT / dep["entrypoint"]))
        flow.validate_parameters(dep["parameters"])  # raises on a missing or wrong parameter
        assert dep["work_pool"]["name"] == "chusho"
        for sched in dep.get("schedules", []):
            CronSchedule(cron=sched["cron"], timezone=sched.get("timezone"))
    assert names == {"weekly-crawl", "manual"}


def test_compose_runs_prefect_on_postgres_with_dask_and_a_worker():
    spec = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    services = spec["services"]
    assert {"postgres", "prefect-server", "dask-scheduler", "dask-worker", "prefect-worker"} <= set(services)
    server = services["prefect-server"]
    assert server["environment"]["PREFECT_API_DATABASE_CONNECTION_URL"].startswith("postgresql+asyncpg://")
    # The server runs from the project's image, whose FastAPI and SQLAlchemy pins it needs (tests/test_cluster.py),
    # and what talks to its API waits for its health check (a worker started too early gives up).
    assert server["image"] == services["prefect-worker"]["image"] == services["dask-worker"]["image"]
    assert "healthcheck" in server
    for name in ("prefect-worker", "dask-worker", "deploy"):
        assert services[name]["depends_on"]["prefect-server"] == {"condition": "service_healthy"}, name
    assert "--pool chusho" in services["prefect-worker"]["command"]
    assert "tcp://dask-scheduler:8786" in services["dask-worker"]["command"]
    (built,) = [s["build"] for s in services.values() if "build" in s]  # one image, built once
    assert (ROOT / built["dockerfile"]).is_file()
