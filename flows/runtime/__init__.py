"""What runs the flows: where tasks run, the Prefect server, the model worker, and stopping.

    environment.py  Prefect's environment, set before Prefect is imported (home, cache folder, quiet defaults)
    runners.py      the task runners (auto, process, thread, dask); cancelling and abandoning their tasks
    server.py       the Prefect server a run reports to (configured, running, or a temporary one) and its watch
    modelworker.py  one process without Prefect that holds the model for a small run on threads
    stages.py       the tasks' work as plain functions, under each document's time and memory limits
    interrupt.py    Ctrl-C during a run: stop after the documents in progress, or at once
    orphans.py      child processes that die with the run
    timeline.py     CHUSHO_TIMELINE=1: where a run's seconds go
    internals.py    the few places that reach into Prefect's or Python's internals, each checked by a test

Nothing here imports `flows` modules outside this package; Prefect is imported
only where it is used (the command line imports some of these modules before
Prefect's server is found and before the model worker is forked).
"""
