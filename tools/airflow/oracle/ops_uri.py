"""URI questions: how this Airflow parses a conn_uri and builds one."""

from __future__ import annotations

from typing import Any

from .registry import Request, airflow_major, op


def connection_class(path: str) -> Any:
    """The Connection class of a code path: the core model, or the Task SDK's."""
    if path == "sdk":
        if airflow_major() < 3:
            raise ValueError("Airflow 2 has no Task SDK")
        from airflow.sdk.definitions.connection import Connection

        return Connection
    from airflow.models.connection import Connection

    return Connection


def fields(conn: Any) -> dict[str, Any]:
    """The fields a connection ended up with, extras decoded the way a hook sees them."""
    return {
        "conn_type": conn.conn_type,
        "host": conn.host,
        "login": conn.login,
        "password": conn.password,
        "schema": conn.schema,
        "port": conn.port,
        "extra": conn.extra,
        "extra_dejson": conn.extra_dejson,
    }


@op("parse_uri")
def parse_uri(request: Request) -> dict[str, Any]:
    """``Connection(uri=...)`` (core) or ``Connection.from_uri`` (Task SDK)."""
    path = request.get("path", "core")
    cls = connection_class(path)
    if path == "sdk":
        conn = cls.from_uri(request["uri"], conn_id=request.get("conn_id", "oracle"))
    else:
        conn = cls(conn_id=request.get("conn_id", "oracle"), uri=request["uri"])
    return {"path": path, "fields": fields(conn)}
