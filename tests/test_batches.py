"""Small documents a few to a `documents` task (a run on the process pool).

Without Prefect or the model: `documents_stage` gives back (None) a document that raised and
those after a memory failure, each then given a task of its own by the flow, and with the cache
reads and writes each document's own entry (not one that passed a limit); `Batches` makes
batches that shrink as the local files run out, the last ones of one document being plain
`document` tasks, and leaves a download, a failed fetch and a long source to their own tasks.
"""
from __future__ import annotations

from extractors.settings import Settings
from flows import scheduling, tasks
from flows.runtime import stages
from schemas.document import DocStatus, Document, Fetched

PAGE = "<html><body><p>町の商工会が、地元の商店と新しい取り組みを話し合った。</p></body></html>".encode("utf-8")


def _page(n: int) -> Fetched:
    return Fetched(uri=f"file:///in/page{n}.html", content=PAGE, media_type="text/html", sha256=f"{n:064x}")


class _Task:
    """A task's `submit`, recorded: (task name, what it was given)."""

    def __init__(self, name: str, log: list):
        self.name, self.log = name, log

    def submit(self, first, *rest):
        self.log.append((self.name, first))
        return object()  # a future: never waited for here


class _Tasks:
    def __init__(self, log: list):
        self.document = _Task("document", log)


def test_a_document_that_raises_and_those_after_a_memory_failure_are_given_back(monkeypatch):
    done = []

    def stage(name, fetched, settings):
        done.append(fetched.uri)
        if fetched.uri.endswith("page1.html"):
            raise ValueError("a reader's bug")
        if fetched.uri.endswith("page2.html"):
            stages._REPLACE.set()  # as a memory failure does: the worker is replaced after this task
            return ("failed", [])
        return ("doc", ["draft"])

    monkeypatch.setattr(tasks, "compute", stage)
    try:
        out = tasks.documents_stage([_page(n) for n in range(5)], Settings())
    finally:
        stages._REPLACE.clear()
    assert out == [(("doc", ["draft"]), False), None, (("failed", []), False), None, None]
    assert done == [_page(n).uri for n in range(3)]  # nothing read after the memory failure


class _Store:
    def __init__(self, entries: dict):
        self.entries = entries

    def exists(self, key):
        return key in self.entries

    def read(self, key):
        return type("Record", (), {"result": self.entries[key]})()

    def write(self, obj, key):
        self.entries[key] = obj


def test_with_the_cache_each_document_has_the_entry_its_own_task_would_have(monkeypatch):
    settings = Settings()
    key = {n: tasks._document_key(None, {"fetched": _page(n), "settings": settings}) for n in range(3)}
    store = _Store({key[0]: ("cached doc", ["cached draft"])})
    monkeypatch.setattr(tasks, "_document_store", lambda: store)
    monkeypatch.setattr(tasks, "compute", lambda name, fetched, settings: (
        (Document(uri=fetched.uri, status=DocStatus.failed, error_code="timeout"), []) if fetched.uri.endswith("2.html")
        else ("doc", ["draft"])))
    out = tasks.documents_stage([_page(n) for n in range(3)], settings, cache=True)
    assert out[0] == (("cached doc", ["cached draft"]), True) and out[1] == (("doc", ["draft"]), False)
    assert out[2][0][0].error_code == "timeout" and out[2][1] is False
    assert set(store.entries) == {key[0], key[1]}  # a value that passed a limit is not cached
    assert tasks.documents_stage([_page(1)], settings, cache=False) == [(("doc", ["draft"]), False)]


def test_batches_shrink_as_the_local_files_run_out_and_a_lone_one_is_a_document_task(monkeypatch):
    monkeypatch.setattr(scheduling, "_marked", lambda future, what: future)
    log: list = []
    batches = scheduling.Batches(_Task("documents", log), Settings(), _Tasks(log), workers=2, local=30)
    staged = [batches.fetched(f"/in/page{n}.html", _page(n)) for n in range(30)]
    sizes = [len(given) if name == "documents" else 1 for name, given in log]
    assert sizes == [4, 4, 4, 4, 4, 3, 2, 2, 1, 1, 1], sizes
    assert [name for name, _ in log][-3:] == ["document"] * 3
    assert all(st is not None and st.whole is not None for st in staged)
    assert [st.item for st in staged[:5]] == [*range(4), 0] and all(st.item is None for st in staged[-3:])


def test_a_download_a_failed_fetch_and_a_long_source_are_not_gathered(monkeypatch):
    monkeypatch.setattr(scheduling, "_marked", lambda future, what: future)
    log: list = []
    batches = scheduling.Batches(_Task("documents", log), Settings(), _Tasks(log), workers=2, local=4)
    assert batches.fetched("https://example.jp/a.html", _page(0)) is None
    assert batches.fetched("/in/gone.html", Fetched(uri="file:///in/gone.html", error="no such file")) is None
    large = Fetched(uri="file:///in/large.html", content=b" " * (stages.ONE_TASK_BYTES + 1), media_type="text/html")
    assert batches.fetched("/in/large.html", large) is None
    assert log == [] and batches.fetched("/in/page1.html", _page(1)) is not None  # the last local file: sent
    assert log == [("document", _page(1))]


def test_a_document_given_back_by_its_batch_is_done_in_a_task_of_its_own(prefect_server, tmp_path, monkeypatch):
    """On threads (where the test can make a document raise once), with the pool's batches: three small
    pages, a batch of two (the first raises there) and one alone; every one is done, the records are those
    of a run without batches, and the task runs say how."""
    import shutil
    import threading

    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner
    from tests.conftest import SAMPLES, read_jsonl
    from tests.test_split_flow import _task_runs

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("agreement_01_city_release.html", "agreement_02_bank_partners.html", "negative_01_charter.html"):
        shutil.copy(SAMPLES / name, inputs / name)
    plain = extract_flow.with_options(task_runner=make_runner("thread"))(
        inputs=[str(inputs)], out=str(tmp_path / "plain"), cache=False)
    raised: list[str] = []
    compute, in_batch = tasks.compute, threading.local()

    def raise_once(stage, fetched, settings):  # in the batch only (the lone page's task runs beside it)
        if getattr(in_batch, "yes", False) and not raised:
            raised.append(fetched.uri)
            raise RuntimeError("a reader's bug, this once")
        return compute(stage, fetched, settings)

    def batch(batch, settings, cache=False):
        in_batch.yes = True
        return tasks.documents_stage(batch, settings, cache)

    monkeypatch.setattr(tasks, "compute", raise_once)
    monkeypatch.setattr(tasks.documents_task, "fn", batch)
    monkeypatch.setattr(scheduling, "_pool_workers", lambda: 1)
    state = extract_flow.with_options(task_runner=make_runner("thread"))(
        inputs=[str(inputs)], out=str(tmp_path / "out"), cache=False, return_state=True)
    assert plain.counts == state.result().counts == {"ok": 3}
    assert read_jsonl(tmp_path / "out" / "records.jsonl") == read_jsonl(tmp_path / "plain" / "records.jsonl")
    runs = sorted(r.name for r in _task_runs(state) if r.name.startswith("document"))
    assert len(raised) == 1 and [n.split()[0] for n in runs] == ["document", "document", "documents"], runs
    assert f"document {raised[0]}" in runs


def test_a_batched_document_s_cache_entry_is_its_own_task_s(prefect_server, tmp_path, monkeypatch):
    """A run with the cache whose three pages went in a batch of two and a task of one, then a run of them
    as plain `document` tasks: each answered from the entry written before (the batch's two too)."""
    import shutil

    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner
    from tests.conftest import SAMPLES
    from tests.test_split_flow import _task_runs

    inputs = tmp_path / "in"
    inputs.mkdir()
    names = ("agreement_01_city_release.html", "agreement_02_bank_partners.html", "negative_01_charter.html")
    for name in names:
        shutil.copy(SAMPLES / name, inputs / name)
    run = extract_flow.with_options(task_runner=make_runner("thread"))
    with monkeypatch.context() as patched:
        patched.setattr(scheduling, "_pool_workers", lambda: 1)
        first = run(inputs=[str(inputs)], out=str(tmp_path / "first"), return_state=True)
    assert any(r.name.startswith("documents ") for r in _task_runs(first))
    again = run(inputs=[str(inputs / n) for n in names], out=str(tmp_path / "again"), return_state=True)
    states = {r.name: r.state.name for r in _task_runs(again) if r.name.startswith("document")}
    assert len(states) == 3 and set(states.values()) == {"Cached"}, states
