"""What an operator sees of a run: progress lines, Prefect's UI, and the `serve` terminal.

- `say(line)`: a progress line on stderr (the command line's `--quiet` turns
  it off) and, when Prefect sends logs to the API (`serve` turns that on for
  its flow runs), the same line in the run's log in the UI; failures at
  WARNING, so they stand out there.
- `publish_artifacts(flow_name, manifest, documents, records, out)`: on the
  flow run (all at once, each a request of its own), a markdown artifact
  (documents per status, records per type, the crawl's new, changed,
  unchanged, gone, failed and skipped URLs, every failed
  document with its error), and tables of the records found, of the record
  changes since the folder's last run, and of the URLs skipped or not read with
  why, and a link to the output folder's review page. A failed document is not
  hidden behind a green run.
- `final_state(summary, documents, failure, stopped)`: the flow's final state
  with a one-line message (the counts, and the failures with their reasons):
  Cancelled when Ctrl-C stopped the run; Failed when no document could be read
  or `failure` gives a reason (a crawl's start page that failed), so that
  Prefect automations on Failed fire; else Completed, documents that failed
  among good ones counted in the message.
- `announce_start`, `announce_end`: flow hooks; for a run of a deployment
  (scheduled or triggered, not a command-line run) they print one line to the
  `serve` terminal when it starts and when it ends.
"""
from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.exceptions import MissingContextError
from prefect.logging import get_run_logger
from prefect.settings import PREFECT_LOGGING_TO_API_ENABLED
from prefect.states import Cancelled, Completed, Failed, State

from output import RunSummary
from schemas.document import DocStatus, Document
from schemas.records import party_names

MAX_LISTED = 200  # failures listed in an artifact; the counts are always complete


def _api_logging() -> bool:
    return bool(PREFECT_LOGGING_TO_API_ENABLED.value())


def say(line: str, progress: bool, warning: bool = False) -> None:
    """A progress line: on stderr when `progress`, and in the flow run's log in the UI."""
    if progress:  # one write, line and its end: print() writes them apart, and a task thread's line could
        sys.stderr.write(line + "\n")  # come between them (two lines run into one)
        sys.stderr.flush()
    if _api_logging():
        try:
            get_run_logger().log(logging.WARNING if warning else logging.INFO, line)
        except MissingContextError:
            pass


def failures(documents: list[Document]) -> list[Document]:
    return [d for d in documents if d.status not in (DocStatus.ok, DocStatus.skipped)]


def one_line(summary: RunSummary, documents: list[Document], most: int = 3) -> str:
    """'3 documents (2 ok, 1 failed); records: 11 summit; crawl: 1 new, ...; failed: URL (reason)'."""
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts.items())) or "none read"
    line = f"{summary.documents} documents ({counts})"
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items())) or "none"
    line += f"; records: {records}"
    if summary.crawl:
        c = summary.crawl["counts"]
        line += "; crawl: " + ", ".join(f"{c[k]} {k}" for k in ("new", "changed", "unchanged", "gone", "failed")
                                        if k in c)
    bad = failures(documents)
    if bad:
        listed = "; ".join(f"{d.uri} ({d.error})" for d in bad[:most])
        line += f"; not read: {listed}" + (f"; and {len(bad) - most} more" if len(bad) > most else "")
    return line


class RunFailed(Exception):
    """What a Failed run raises when its flow is called: its message, with the run's summary on it (the
    output folder is written all the same)."""

    def __init__(self, message: str, summary: RunSummary):
        super().__init__(message)
        self.summary = summary

    def __reduce__(self):  # pickled with the state's result
        return (RunFailed, (str(self), self.summary))


def summary_of_state(state: State) -> RunSummary | BaseException:
    """The RunSummary a final state of the flows carries; the exception itself when the flow crashed."""
    value = state.result(raise_on_failure=False)
    return value.summary if isinstance(value, RunFailed) else value


def final_state(summary: RunSummary, documents: list[Document], failure: str | None = None,
                stopped: bool = False) -> State:
    """The flow's final state, its message the run's counts and failures, its data the summary (a Failed
    state's: a RunFailed that carries it, which a caller of the flow gets raised)."""
    message = one_line(summary, documents)
    if stopped:
        return Cancelled(message=f"stopped by Ctrl-C: {message}", data=summary)
    if failure is None and not summary.counts.get("ok"):
        failure = "no document could be read"
    if failure is not None:
        message = f"{failure}; {message}"
        return Failed(message=message, data=RunFailed(message, summary))
    return Completed(message=message, data=summary)


def _table(rows: list[tuple], head: tuple) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines


def artifact_markdown(flow_name: str, manifest: dict, documents: list[Document], out: str) -> str:
    counts = manifest["counts"]
    md = [f"# {flow_name} run {manifest['id']}", "",
          f"{manifest['documents']} documents; output folder `{out}`.", "",
          "## Documents per status", ""]
    md += _table(sorted(counts["documents"].items()), ("status", "documents"))
    md += ["", "## Records per type", ""]
    md += _table(list(counts["records"].items()) + [("rejected candidates", counts["rejected"])], ("type", "records"))
    crawl = manifest.get("crawl")
    if crawl:
        md += ["", "## Crawl", ""]
        md += _table([(k, crawl["counts"][k]) for k in crawl["counts"]] +
                     [("requests", crawl["requests"]), ("extracted", crawl["extracted"])], ("URLs", "count"))
        if crawl.get("gone"):
            md += ["", "Gone (their records left the record set):", ""]
            md += [f"- {u}" for u in crawl["gone"][:MAX_LISTED]]
    bad = failures(documents)
    md += ["", f"## Failed documents: {len(bad)}", ""]
    if bad:
        md += _table([(d.uri, d.status.value, d.error_code or "", d.error or "") for d in bad[:MAX_LISTED]],
                     ("document", "status", "code", "error"))
        if len(bad) > MAX_LISTED:
            md.append(f"\n... and {len(bad) - MAX_LISTED} more (see documents.jsonl)")
    else:
        md.append("None.")
    skipped = manifest.get("skipped_files")
    if skipped and skipped.get("counts"):
        md += ["", "## Files in input folders that are not documents", ""]
        md += _table(sorted(skipped["counts"].items()), ("type", "files"))
    return "\n".join(md) + "\n"


def artifact_key(flow_name: str, manifest: dict) -> str:
    """Artifact keys are lowercase letters, digits and dashes; one key per flow (and crawl source)."""
    names = [s["name"] for s in (manifest.get("crawl") or {}).get("sources", [])]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join([flow_name, *names]).lower()).strip("-")[:100]


MAX_ROWS = 1000  # rows of a table artifact; the output folder's files hold every one


def record_rows(records: list[dict]) -> list[dict]:
    """The records as rows for people: type, title, parties or municipality, date, confidence."""
    rows = []
    for r in records:
        if r["type"] == "summit":
            edition = f"第{r['edition']}回" if r.get("edition") else ""
            title, who, date = f"{edition}{r.get('series') or ''}", r.get("host"), r.get("start_date")
        elif r["type"] == "agreement":
            title, who, date = r.get("title") or r.get("kind"), "、".join(party_names(r)), r.get("signed_date")
        else:
            title, who = r.get("name"), r.get("municipality")
            date = r.get("enacted_date") or r.get("effective_date")
        rows.append({"type": r["type"], "title": title or "", "parties or municipality": who or "",
                     "date": date or "", "confidence": round(float(r.get("confidence", 0)), 2)})
    return rows


def change_rows(changes: list[dict]) -> list[dict]:
    """changes.jsonl as rows: change, type, title, fields changed, documents."""
    rows = []
    for change in changes:
        [row] = record_rows([change["record"]])
        rows.append({"change": change["change"], "type": row["type"], "title": row["title"],
                     "parties or municipality": row["parties or municipality"],
                     "fields": ", ".join(change.get("fields") or {}),
                     "documents": " ".join(change.get("documents") or [])})
    return rows


def not_read_rows(manifest: dict, documents: list[Document]) -> list[dict]:
    """Every URL or file skipped or not read, with why: documents that failed or were skipped, and the
    URLs a crawl did not fetch (robots.txt, off-site, depth, caps)."""
    rows = [{"url": d.uri, "status": d.status.value, "code": d.error_code or "", "reason": d.error or ""}
            for d in documents if d.status != DocStatus.ok]
    listed = {row["url"] for row in rows}
    for skip in (manifest.get("crawl") or {}).get("skipped", []):
        if skip["url"] not in listed:
            rows.append({"url": skip["url"], "status": "not fetched", "code": "", "reason": skip["reason"]})
    return rows


def _read_changes(out: str) -> list[dict] | None:
    path = Path(out) / "changes.jsonl"
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError):
        return None


def _capped(rows: list[dict], what: str) -> tuple[list[dict], str]:
    more = f"; the first {MAX_ROWS} shown, the output folder holds all" if len(rows) > MAX_ROWS else ""
    return rows[:MAX_ROWS], f"{len(rows)} {what}{more}"


def publish_artifacts(flow_name: str, manifest: dict, documents: list[Document], records: list[dict],
                      out: str) -> None:
    """The run's artifacts (see the module's docstring), keyed per flow and crawl source."""
    key = artifact_key(flow_name, manifest)
    counts = ", ".join(f"{n} {s}" for s, n in sorted(manifest["counts"]["documents"].items())) or "no documents"
    calls = [(create_markdown_artifact, dict(markdown=artifact_markdown(flow_name, manifest, documents, out), key=key,
                                             description=f"{manifest['documents']} documents ({counts})"))]
    rows, about = _capped(record_rows(records), "records found (records.jsonl)")
    calls.append((create_table_artifact, dict(table=rows or [{"type": "", "title": "no records",
                                                              "parties or municipality": "", "date": "",
                                                              "confidence": ""}],
                                              key=f"{key}-records", description=about)))
    changes = _read_changes(out)
    if changes is not None:
        rows, about = _capped(change_rows(changes), "record changes since the folder's last run (changes.jsonl)")
        calls.append((create_table_artifact, dict(table=rows or [{"change": "none", "type": "", "title": "",
                                                                  "fields": "", "documents": ""}],
                                                  key=f"{key}-changes", description=about)))
    rows, about = _capped(not_read_rows(manifest, documents), "URLs and files skipped or not read, with why")
    calls.append((create_table_artifact, dict(table=rows or [{"url": "none", "status": "", "code": "", "reason": ""}],
                                              key=f"{key}-not-read", description=about)))
    review = (Path(out) / "review.html").resolve()
    calls.append((create_link_artifact, dict(link=review.as_uri(), link_text=f"review page of {review.parent}",
                                             key=f"{key}-review", description="the output folder's review page: "
                                             "records with their evidence, documents, rejected candidates")))
    all_at_once(calls)


def all_at_once(calls: list[tuple[Callable[..., object], dict]]) -> list:
    """Each `fn(**kwargs)` of `calls` in a thread of its own, in a copy of this thread's context (the flow run, its
    API client), all at once: each artifact is a request to the server, which answers one while the next is
    made here (one after another, a small run's end waited for each in turn). Their values, in order, once
    all are done; the first error raised, as when they were made one after another."""
    with ThreadPoolExecutor(max_workers=max(1, len(calls)), thread_name_prefix="artifact") as pool:
        futures = [pool.submit(contextvars.copy_context().run, fn, **kwargs) for fn, kwargs in calls]
    return [f.result() for f in futures]


# -- hooks: one line in the `serve` terminal when a deployment run starts and ends

def _what(flow_run) -> str:
    params = flow_run.parameters or {}
    if "sources" in params:
        names = [s.get("name") if isinstance(s, dict) else getattr(s, "name", "?") for s in params["sources"] or []]
        return "source " + ", ".join(map(str, names))
    if "inputs" in params:
        return f"{len(params['inputs'] or [])} inputs"
    return "run"


def _line(flow, flow_run, text: str) -> None:
    if flow_run.deployment_id is None:
        return  # a command-line run prints its own progress and summary
    how = "scheduled" if flow_run.auto_scheduled else "triggered"
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")  # with its zone: see serve's schedules
    sys.stderr.write(f"{when} {flow.name} run {flow_run.name!r} ({_what(flow_run)}, {how}) {text}\n")  # one write
    sys.stderr.flush()


def announce_start(flow, flow_run, state) -> None:
    _line(flow, flow_run, "started")


def announce_end(flow, flow_run, state) -> None:
    name = "Cancelled" if state.is_cancelling() else state.name  # serve's Runner runs the hooks just before
    _line(flow, flow_run, f"ended {name}: {state.message or ''}".rstrip(": "))
