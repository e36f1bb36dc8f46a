"""Ask the Airflow installed in this environment how it parses, builds and reads.

Run as ``python -m oracle`` with ``tools/airflow`` on ``PYTHONPATH``. See
``__main__.py`` for the protocol.
"""
