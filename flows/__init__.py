"""Prefect flows and the command line. Orchestration, I/O, caching and retries live here.

Importing this package sets quiet, offline defaults for Prefect before Prefect
is imported (each can still be overridden from the environment): no telemetry,
no logs shipped to the API, warnings only.
"""
import os

for _key, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    # The first flow call starts a temporary local server: ~10 s here, more on a busy 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}.items():
    os.environ.setdefault(_key, _value)
