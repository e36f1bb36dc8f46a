"""The oracle's operations, each registered by name with ``@op``."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

Request = dict[str, Any]
Handler = Callable[[Request], Any]

OPS: dict[str, Handler] = {}


def op(name: str) -> Callable[[Handler], Handler]:
    """Register a handler for requests whose ``op`` is ``name``."""

    def register(fn: Handler) -> Handler:
        OPS[name] = fn
        return fn

    return register


def installed(dist: str) -> str | None:
    """The installed version of a distribution, or None."""
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def airflow_major() -> int:
    """2 or 3: which Airflow this environment holds."""
    core = installed("apache-airflow-core") or installed("apache-airflow") or "0"
    return int(core.split(".")[0])


def describe() -> dict[str, Any]:
    """What the hello line says: versions, and which code paths can answer."""
    import platform

    return {
        "airflow": installed("apache-airflow-core") or installed("apache-airflow"),
        "task_sdk": installed("apache-airflow-task-sdk"),
        "provider": installed("apache-airflow-providers-hashicorp"),
        "hvac": installed("hvac"),
        "python": platform.python_version(),
        "paths": ["core", "sdk"] if airflow_major() >= 3 else ["core"],
        "ops": sorted(OPS),
    }


def answer(request: Request) -> dict[str, Any]:
    """Run one request; an exception is an answer too (Airflow refused)."""
    rid = request.get("id")
    handler = OPS.get(str(request.get("op")))
    if handler is None:
        return {"id": rid, "ok": False, "protocol_error": f"unknown op {request.get('op')!r}"}
    try:
        return {"id": rid, "ok": True, "result": handler(request)}
    except Exception as e:  # noqa: BLE001 - every refusal is data for the caller
        return {
            "id": rid,
            "ok": False,
            "error": {
                "type": type(e).__name__,
                "message": str(e),
                "where": traceback.extract_tb(e.__traceback__)[-1].name,
            },
        }
