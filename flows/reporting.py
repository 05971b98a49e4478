"""What an operator sees of a run: progress lines, Prefect's UI, and the `serve` terminal.

- `say(line)`: a progress line on stderr (the command line's `--quiet` turns
  it off) and, when Prefect sends logs to the API (`serve` turns that on for
  its flow runs), the same line in the run's log in the UI; failures at
  WARNING, so they stand out there.
- `publish_artifact(flow_name, manifest, documents, out)`: a markdown artifact on the flow
  run: documents per status, records per type, the crawl's new, changed,
  unchanged, gone, failed and skipped URLs, and every failed document with its
  error. A failed document is not hidden behind a green run.
- `finished(summary, documents)`: the flow's final state, Completed
  with a one-line message (the counts, and the failures with their reasons).
- `announce_start`, `announce_end`: flow hooks; for a run of a deployment
  (scheduled or triggered, not a command-line run) they print one line to the
  `serve` terminal when it starts and when it ends.
"""
from __future__ import annotations

import logging
import re
import sys
from datetime import datetime

from prefect.states import Completed

from flows.runcache import RunSummary
from schemas.document import DocStatus, Document

MAX_LISTED = 200  # failures listed in an artifact; the counts are always complete


def _api_logging() -> bool:
    from prefect.settings import PREFECT_LOGGING_TO_API_ENABLED

    return bool(PREFECT_LOGGING_TO_API_ENABLED.value())


def say(line: str, progress: bool, warning: bool = False) -> None:
    """A progress line: on stderr when `progress`, and in the flow run's log in the UI."""
    if progress:
        print(line, file=sys.stderr, flush=True)
    if _api_logging():
        from prefect.exceptions import MissingContextError
        from prefect.logging import get_run_logger

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


def finished(summary: RunSummary, documents: list[Document]) -> Completed:
    """The flow's final state: Completed, its message the run's counts and failures; its result the summary."""
    return Completed(message=one_line(summary, documents), data=summary)


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


def publish_artifact(flow_name: str, manifest: dict, documents: list[Document], out: str) -> None:
    from prefect.artifacts import create_markdown_artifact

    counts = ", ".join(f"{n} {s}" for s, n in sorted(manifest["counts"]["documents"].items())) or "no documents"
    create_markdown_artifact(markdown=artifact_markdown(flow_name, manifest, documents, out),
                             key=artifact_key(flow_name, manifest),
                             description=f"{manifest['documents']} documents ({counts})")


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
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    print(f"{when} {flow.name} run {flow_run.name!r} ({_what(flow_run)}, {how}) {text}", file=sys.stderr,
          flush=True)


def announce_start(flow, flow_run, state) -> None:
    _line(flow, flow_run, "started")


def announce_end(flow, flow_run, state) -> None:
    _line(flow, flow_run, f"ended {state.name}: {state.message or ''}".rstrip(": "))
