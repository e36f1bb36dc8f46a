"""The oracle's process: one JSON object per line on stdin, one answer per line on stdout.

The first line it writes is a hello::

    {"ready": true, "airflow": "3.1.8", "provider": "4.8.4", "paths": ["core", "sdk"], ...}

Each request is ``{"id": N, "op": NAME, ...arguments}``. Each answer is
``{"id": N, "ok": true, "result": ...}``, or ``{"id": N, "ok": false,
"error": {"type", "message", "where"}}`` when Airflow raised. Requests that
can be answered by two code paths take ``"path": "core" | "sdk"`` and their
result says which path answered. Airflow's own prints and logs go to
stderr, so stdout carries nothing but the protocol.
"""

from __future__ import annotations

import json
import logging
import os
import sys


def main() -> None:
    """Serve requests until stdin closes."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # whatever Airflow prints must not corrupt the protocol
    logging.disable(logging.CRITICAL)
    from . import ops_backend, ops_ids, ops_uri, registry  # noqa: F401 - registers the ops

    protocol.write(json.dumps({"ready": True, **registry.describe()}) + "\n")
    for line in sys.stdin:
        if line.strip():
            protocol.write(json.dumps(registry.answer(json.loads(line)), default=repr) + "\n")


if __name__ == "__main__":
    main()
