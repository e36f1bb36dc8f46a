"""URI questions: how this Airflow parses a conn_uri and builds one.

Two code paths answer, and every answer names the one that did:

* ``core``: the ORM model, ``airflow.models.connection.Connection`` (what the
  scheduler, the API server, the CLI and every Airflow 2 task use).
* ``sdk``: what an Airflow 3 *task* really gets for a conn_uri a secrets
  backend returns: the worker's secrets backends (``ensure_secrets_backend_loaded``)
  and their ``deserialize_connection``. In 3.0 and 3.1 that is still the core
  class; from 3.2 the backends are handed the Task SDK class. The answer's
  ``answered_by`` says which class it was. ``get_uri`` on the sdk path is the
  Task SDK class's own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .registry import Request, airflow_major, op

MAJOR = airflow_major()  # asked once: reading package metadata is slow


def require_sdk() -> None:
    """Refuse the sdk path where there is no Task SDK."""
    if MAJOR < 3:
        raise LookupError("Airflow 2 has no Task SDK: only the core path exists")


def qualified(obj: Any) -> str:
    """``module.Class`` of an object, so an answer says who answered."""
    return f"{type(obj).__module__}.{type(obj).__name__}"


def worker_backend() -> Any:
    """The first secrets backend a worker consults (the environment-variable one)."""
    from airflow.sdk.execution_time.supervisor import ensure_secrets_backend_loaded

    return ensure_secrets_backend_loaded()[0]


@contextmanager
def forgetting_secrets() -> Iterator[None]:
    """Empty the log masker after a request.

    Each password a Connection sees is added to a process-wide masker whose
    regex is recompiled over all of them, so thousands of requests would
    slow to a crawl. Masking changes no field; forgetting keeps each request fast.
    """
    try:
        yield
    finally:
        for masker in maskers():
            masker.patterns = set()
            masker.replacer = None


def maskers() -> list[Any]:
    """Every secrets masker loaded so far (core and Task SDK each have one)."""
    if len(sys.modules) != _MASKERS[0]:
        _MASKERS[0] = len(sys.modules)
        _MASKERS[1] = [
            module._secrets_masker()
            for name, module in list(sys.modules.items())
            if name.endswith("secrets_masker") and hasattr(module, "_secrets_masker")
        ]
    return _MASKERS[1]


_MASKERS: list[Any] = [0, []]


def fields(conn: Any) -> dict[str, Any]:
    """The fields a connection ended up with, and the extras a hook sees, as JSON text.

    ``extra_dejson`` goes as text because it may hold NaN, which JSON lines cannot carry.
    """
    try:
        dejson = json.dumps(conn.extra_dejson)
    except Exception as e:  # noqa: BLE001 - a hook would see this error too
        dejson = f"{type(e).__name__}: {e}"
    return {
        "conn_type": conn.conn_type,
        "host": conn.host,
        "login": conn.login,
        "password": conn.password,
        "schema": conn.schema,
        "port": conn.port,
        "extra": conn.extra,
        "extra_dejson": dejson,
    }


def parse_on(path: str, uri: str, conn_id: str) -> Any:
    """A Connection parsed from ``uri`` by one code path."""
    if path == "sdk":
        require_sdk()
        return worker_backend().deserialize_connection(conn_id=conn_id, value=uri)
    from airflow.models.connection import Connection

    return Connection(conn_id=conn_id, uri=uri)


@op("parse_uri")
def parse_uri(request: Request) -> dict[str, Any]:
    """What a Connection holds after parsing ``uri`` on ``path``."""
    path = request.get("path", "core")
    with forgetting_secrets():
        conn = parse_on(path, request["uri"], request.get("conn_id", "oracle"))
    return {"path": path, "answered_by": qualified(conn), "fields": fields(conn)}


def built_on(path: str, values: dict[str, Any], conn_id: str) -> Any:
    """A Connection made from declared fields by one code path's class."""
    if path == "sdk":
        require_sdk()
        from airflow.sdk.definitions.connection import Connection

        extra = values.get("extra")
        if extra is not None and not isinstance(extra, str):
            # The Task SDK class stores text only: dump a dict as the core
            # constructor does, which leaves an empty one out.
            values = {**values, "extra": json.dumps(extra) if extra else None}
        return Connection(conn_id=conn_id, **values)
    from airflow.models.connection import Connection

    return Connection(conn_id=conn_id, **values)


@op("build_uri")
def build_uri(request: Request) -> dict[str, Any]:
    """``get_uri()`` of a connection made from ``fields``, and that URI parsed back."""
    path = request.get("path", "core")
    conn_id = request.get("conn_id", "oracle")
    with forgetting_secrets():
        conn = built_on(path, dict(request["fields"]), conn_id)
        uri = conn.get_uri()
        try:
            back: dict[str, Any] = {"ok": True, "fields": fields(parse_on(path, uri, conn_id))}
        except Exception as e:  # noqa: BLE001 - a URI that does not parse back is an answer
            back = {"ok": False, "error": {"type": type(e).__name__, "message": str(e)}}
    return {
        "path": path,
        "answered_by": qualified(conn),
        "stored": fields(conn),
        "uri": uri,
        "reparsed": back,
    }
