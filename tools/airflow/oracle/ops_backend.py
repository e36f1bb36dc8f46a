"""VaultBackend questions: how this provider reads secrets and which kwargs it accepts."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .registry import Request, airflow_major, op

BACKEND = "airflow.providers.hashicorp.secrets.vault.VaultBackend"


@contextmanager
def environment(overrides: dict[str, str | None]) -> Iterator[None]:
    """Set (or, for None, unset) environment variables for one request only."""
    saved = {name: os.environ.get(name) for name in overrides}
    try:
        for name, value in overrides.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def refusal(e: BaseException) -> dict[str, str]:
    """What the provider said, without a traceback (its messages name keys, not values)."""
    import traceback

    frames = traceback.extract_tb(e.__traceback__)
    return {"type": type(e).__name__, "message": str(e), "where": frames[-1].name if frames else ""}


@op("backend_kwargs")
def backend_kwargs(request: Request) -> dict[str, Any]:
    """``VaultBackend(**kwargs)``, then (with ``client``) its client's auth setup.

    The client logs in on first use, so ``client`` sends the login request to
    ``kwargs["url"]``; a closed port there keeps it off the network and shows
    how far the provider got before it needed one.
    """
    from airflow.providers.hashicorp.secrets.vault import VaultBackend

    with environment(request.get("env", {})):
        try:
            backend = VaultBackend(**request["kwargs"])
        except Exception as e:  # noqa: BLE001 - a refusal is the answer
            return {"constructed": False, "refused": refusal(e)}
        if not request.get("client"):
            return {"constructed": True}
        try:
            client = backend.vault_client.client
        except Exception as e:  # noqa: BLE001
            return {"constructed": True, "client": False, "refused": refusal(e)}
        return {"constructed": True, "client": True, "token": bool(client.token)}


def configure(kwargs: dict[str, Any]) -> None:
    """Point this process's Airflow at the backend as a Deployment's env does.

    AIRFLOW__SECRETS__BACKEND[_KWARGS] is what Astro holds; Airflow reads it
    when it builds its backend list, at import (core) or per lookup (workers),
    so the lists built for an earlier request are dropped here.
    """
    os.environ["AIRFLOW__SECRETS__BACKEND"] = BACKEND
    os.environ["AIRFLOW__SECRETS__BACKEND_KWARGS"] = json.dumps(kwargs)
    import airflow.configuration as core_conf

    core_conf.secrets_backend_list[:] = core_conf.initialize_secrets_backends()
    try:  # 3.3 keeps the workers' list once built
        sdk_conf = importlib.import_module("airflow.sdk.configuration")
    except ImportError:
        return
    getattr(sdk_conf, "_secrets_backend_cache", {}).clear()


def from_uri(cls: type, uri: str) -> Any:
    """A conn_uri parsed by ``cls``, as that class's own code does it."""
    if hasattr(cls, "from_uri"):  # Task SDK 1.2+, and the 3.3 SecretCache
        return cls.from_uri(uri, conn_id="oracle")
    return cls(conn_id="oracle", uri=uri)


def fields(conn: Any) -> dict[str, Any]:
    """What a hook reads from a connection."""
    return {
        "conn_type": conn.conn_type,
        "host": conn.host,
        "login": conn.login,
        "password": conn.password,
        "schema": conn.schema,
        "port": conn.port,
        "description": getattr(conn, "description", None),
        "extra_dejson": conn.extra_dejson,
    }


def read_connection(conn: Any, meant_uri: str | None) -> dict[str, Any]:
    """The connection as read, and its ``get_uri()`` parsed back by the same class.

    For an entry written as a whole conn_uri, that URI parsed by the class too.
    """
    cls = type(conn)
    uri = conn.get_uri()
    return {
        "class": f"{cls.__module__}.{cls.__qualname__}",
        **fields(conn),
        "uri": uri,
        "reparsed": fields(from_uri(cls, uri)),
        "meant": fields(from_uri(cls, meant_uri)) if meant_uri else None,
    }


def lookups(path: str) -> tuple[Any, Any]:
    """The connection and variable lookups of one code path.

    core: ``Connection.get_connection_from_secrets`` / ``Variable.get`` of
    ``airflow.models`` (every 2.x task; scheduler and API server in 3.x).
    sdk: what a 3.x task calls, ``airflow.sdk`` ``Connection.get`` /
    ``Variable.get``.
    """
    if path == "sdk":
        if airflow_major() < 3:
            raise ValueError("Airflow 2 has no Task SDK")
        from airflow.sdk.definitions.connection import Connection
        from airflow.sdk.definitions.variable import Variable

        return Connection.get, Variable.get
    from airflow.models.connection import Connection
    from airflow.models.variable import Variable

    return Connection.get_connection_from_secrets, Variable.get


def each(keys: list[str], read: Any) -> dict[str, Any]:
    """One answer per key; a lookup that raised is an answer too."""
    out: dict[str, Any] = {}
    for key in keys:
        try:
            out[key] = {"ok": True, "value": read(key)}
        except Exception as e:  # noqa: BLE001
            out[key] = {"ok": False, "error": refusal(e)}
    return out


def read_config(key: str) -> dict[str, Any]:
    """A config entry the way Airflow asks for it.

    For a sensitive option of that name (``[database] sql_alchemy_conn``),
    ``conf.get`` with ``AIRFLOW__<SECTION>__<KEY>_SECRET=<key>`` set, as a
    Deployment would configure it; otherwise the backend's ``get_config``,
    which is all ``conf`` would call.
    """
    from airflow.configuration import conf, get_custom_secret_backend

    # An option that moved ([core] -> [database] sql_alchemy_conn) is listed
    # under both names; ask by the current one, as a Deployment would.
    renamed = getattr(conf, "deprecated_options", {})
    sections = sorted(
        (s for s, o in conf.sensitive_config_values if o == key),
        key=lambda s: ((s, key) not in renamed, s),
    )
    if not sections:
        return {"via": "get_config", "value": get_custom_secret_backend().get_config(key)}
    section = sections[0]
    with environment({f"AIRFLOW__{section.upper()}__{key.upper()}_SECRET": key}):
        return {"via": f"[{section}] {key}_secret", "value": conf.get(section, key)}


@op("backend_read")
def backend_read(request: Request) -> dict[str, Any]:
    """Read connections, variables and config through Airflow's own lookups."""
    path = request.get("path", "core")
    configure(request["kwargs"])
    get_connection, get_variable = lookups(path)

    uris = request.get("uris", {})

    def connection(conn_id: str) -> dict[str, Any]:
        return read_connection(get_connection(conn_id), uris.get(conn_id))

    def config(key: str) -> dict[str, Any]:
        return read_config(key)

    return {
        "path": path,
        "connections": each(request.get("connections", []), connection),
        "variables": each(request.get("variables", []), get_variable),
        "config": each(request.get("config", []), config),
    }


@op("backend_signature")
def backend_signature(request: Request) -> dict[str, Any]:
    """Which auth types and keyword arguments this provider and hvac take.

    A key VaultBackend does not name goes through ``**kwargs`` to
    ``hvac.Client`` and on to its adapter, whose constructor has no
    ``**kwargs``: a key none of the three names is a TypeError at login.
    """
    import inspect

    import hvac
    from airflow.providers.hashicorp._internal_client import vault_client
    from airflow.providers.hashicorp.secrets.vault import VaultBackend

    def named(fn: Any) -> list[str]:
        return [
            p.name
            for p in inspect.signature(fn).parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        ]

    return {
        "auth_types": list(vault_client.VALID_AUTH_TYPES),
        "backend": named(VaultBackend.__init__),
        "hvac_client": named(hvac.Client.__init__),
        "hvac_adapter": named(hvac.adapters.JSONAdapter.__init__),
    }
