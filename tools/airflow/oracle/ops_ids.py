"""Id and key questions: which connection ids and variable keys this Airflow accepts.

Each rule is asked of the function that applies it in this version, and an
answer that has no such function says so (``"rule": None``) instead of
guessing. Rules:

* ``model``: ``sanitize_conn_id``, run by the core Connection constructor
  (an id it refuses becomes ``None``, silently).
* ``cli``: ``airflow.utils.helpers.validate_key(id, max_length=200)``, run by
  ``airflow connections add/import`` (and the Airflow 2 REST API's POST).
* ``rest``: the Airflow 3 REST API's ``ConnectionBody`` / ``VariableBody``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .registry import Request, airflow_major, op

MAJOR = airflow_major()  # asked once: reading package metadata is slow


def verdict(check: Any) -> dict[str, Any]:
    """Run a check; accepted, or refused with Airflow's own message."""
    try:
        check()
    except Exception as e:  # noqa: BLE001 - a refusal is the answer
        return {"accepted": False, "error": f"{type(e).__name__}: {e}"}
    return {"accepted": True}


def model_rule(conn_id: str) -> dict[str, Any]:
    """What the core model keeps of an id: ``sanitize_conn_id``'s result."""
    from airflow.models import connection

    if not hasattr(connection, "sanitize_conn_id"):
        return {"rule": None}
    kept = connection.sanitize_conn_id(conn_id)
    return {"rule": "sanitize_conn_id", "accepted": kept is not None, "kept": kept}


def cli_rule(key: str, max_length: int) -> dict[str, Any]:
    """``validate_key`` with the length the CLI passes."""
    from airflow.utils.helpers import validate_key

    return {"rule": "validate_key", **verdict(lambda: validate_key(key, max_length=max_length))}


def rest_rule(model: str, values: dict[str, Any]) -> dict[str, Any]:
    """Validate a request body with the Airflow 3 REST API's pydantic model."""
    if MAJOR < 3:
        return {"rule": None}
    from airflow.api_fastapi.core_api.datamodels import connections, variables

    cls = getattr(connections if model == "ConnectionBody" else variables, model)
    return {"rule": model, **verdict(lambda: cls.model_validate(values))}


@op("conn_id")
def conn_id(request: Request) -> dict[str, Any]:
    """Every rule this version applies to a connection id."""
    cid = request["conn_id"]
    return {
        "path": "core",
        "model": model_rule(cid),
        "cli": cli_rule(cid, 200),
        "rest": rest_rule("ConnectionBody", {"connection_id": cid, "conn_type": "http"}),
    }


@cache
def key_column_length() -> int:
    """The length of the variable table's key column (the model checks nothing)."""
    from airflow.models.variable import Variable

    return Variable.__table__.c.key.type.length


@op("variable_key")
def variable_key(request: Request) -> dict[str, Any]:
    """Every rule this version applies to a variable key (the model has none)."""
    key = request["key"]
    return {
        "path": "core",
        "model": {"rule": None, "column_length": key_column_length()},
        "rest": rest_rule("VariableBody", {"key": key, "value": "v"}),
    }
