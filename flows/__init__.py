"""Prefect flows: the extractors wrapped in tasks, with orchestration, caching, retries and reporting.

    extract.py     the extract flow: files, folders and URLs -> the output folder
    crawl.py       the crawl flow: start pages -> the pages and PDFs they link to -> the output folder
    tasks.py       every task and its cache key (fetch, read, draft, records, write)
    scheduling.py  each document's tasks submitted as their inputs are ready, and stopped at Ctrl-C
    crawler.py     the crawl's loop: robots.txt, politeness, the frontier, conditional requests
    crawl_state.py the crawl's memory between runs (SQLite)
    runcache.py    the whole-run cache: unchanged local inputs give the output without a flow run
    preload.py     what the process pool's fork server loads before it forks the workers (Prefect, the tasks, the model)
    reporting.py   progress lines, final states, artifacts, `serve`'s start and end lines
    serve.py       `serve`: the flows as deployments on a local Prefect server
    deploy.py      flows for deployments with the runner as a parameter (prefect.yaml)
    runtime/       what runs them: task runners, the Prefect server, the model worker, the stages'
                   work as plain functions, Ctrl-C, child processes, Prefect's environment

Importing this package sets Prefect's environment before Prefect is imported
(`runtime/environment.py`: quiet, offline defaults, the project's own Prefect
home and cache folder). In a process pool's worker, importing it is among the
first things done (the run's main module imports it): the worker is then set to
die with the run (`runtime/orphans.py`).
"""
from flows.runtime.environment import set_prefect_defaults
from flows.runtime.orphans import guard_spawned_child

guard_spawned_child()
set_prefect_defaults()
