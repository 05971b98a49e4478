"""Writing a run's output folder as a whole, per CONTRACT.md.

The new run's files are all written (and synced) into a hidden sibling folder
inside the output folder first (`.chusho-new.PID.HEX.tmp`, on the same file
system); only when every one of them is complete are they renamed into place,
`manifest.json` last. A write that fails (a full disk, a read-only remount)
leaves the previous run's files as they were, and its error names the folder,
the space the new output needs and the space that is free; the space is also
checked before anything is written.

Temporary files and folders of a write that was killed (`.NAME.PID.HEX.tmp`,
whose process is gone) are removed by the next write into the folder.

Files are created with the process umask (0644 under the usual 022), like any
other program's output: another user, a web server or the workers sharing
`/data` must be able to read them. (`tempfile.mkstemp` would make them 0600.)
"""
from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

from extractors.versions import versions, work_fingerprint
from flows.changes import CHANGES_NAME, carry_ids, change_counts, history, previous_run, record_changes
from flows.review import REVIEW_NAME, record_label, render_review
from flows.sqlite_out import SQLITE_NAME, build_database
from flows.tables import csv_name, records_csv
from schemas.records import RECORD_TYPES, json_schema


def temporary_name(path: Path) -> Path:
    """`.NAME.PID.HEX.tmp` beside `path`: what `clear_leftovers` recognises as this process's."""
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


_LEFTOVER = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: another user's process
        return True
    return True


def clear_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files and folders (`.NAME.PID.HEX.tmp`) that a killed write left in
    `folder`, those of processes that are gone; gives what was removed. A live process's (another
    run writing into the same folder right now) are left alone."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if not m or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass  # not ours to remove after all (permissions): left as it is
    return removed


def _write_file(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) with `data`, synced to the disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # 0o666 & ~umask, as open() would
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(path)
    try:
        _write_file(tmp, text.encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def to_jsonable(item: BaseModel | dict) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def jsonl(items: Iterable[BaseModel | dict]) -> str:
    return "".join(json.dumps(to_jsonable(i), ensure_ascii=False, sort_keys=False) + "\n" for i in items)


def manifest_for(run: dict, documents: list, records: list[dict], rejected: list, settings) -> dict:
    """manifest.json: the run's own fields, then counts, versions, fingerprint and settings."""
    counts = Counter(d.status.value for d in documents)
    per_type = Counter(r["type"] for r in records)
    return {
        **run,
        "finished": datetime.now(timezone.utc).isoformat(),
        "documents": len(documents),
        "counts": {"documents": dict(sorted(counts.items())), "records": {t: per_type.get(t, 0) for t in RECORD_TYPES},
                   "rejected": len(rejected)},
        "versions": versions(),
        "fingerprint": work_fingerprint(settings),
        "settings": settings.model_dump(mode="json"),
    }


class OutputError(OSError):
    """The new output could not be written; the previous run's files are as they were. Its message
    is the one line the user sees."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def _space_needed(files: dict, block: int) -> int:
    """Bytes the files take on a file system of `block`-byte blocks (each rounded up to whole blocks),
    with a block for the temporary folder and one for `schema/`; a file built by a function (the
    SQLite database) counts as large as the JSON lines it holds the same facts as."""
    sizes = [len(data) for data in files.values() if not callable(data)]
    built = sum(1 for data in files.values() if callable(data))
    lines = sum(len(data) for name, data in files.items() if not callable(data) and name.endswith(".jsonl"))
    return sum(-(-n // block) * block for n in sizes) + built * lines + 2 * block


def _size(n: int) -> str:
    """A size as people read it: 92 KB, 1.5 MB, 2.1 GB."""
    for unit, size in (("GB", 1e9), ("MB", 1e6)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{-(-n // 1000)} KB"


def _check_space(out: Path, files: dict[str, bytes]) -> None:
    try:
        fs = os.statvfs(out)
    except OSError:
        return  # not told: the writes themselves will say
    needed, free = _space_needed(files, fs.f_frsize or 4096), fs.f_bavail * fs.f_frsize
    if needed > free:
        raise OutputError(errno.ENOSPC, f"not enough space for the new output in {out}: it needs "
                          f"{_size(needed)}, {_size(free)} is free; the previous output there is "
                          f"unchanged")


def _failed_write(exc: OSError | sqlite3.Error, out: Path, files: dict, path: Path) -> OutputError:
    full = getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"  # SQLite's own word for ENOSPC
    if full or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        try:
            fs = os.statvfs(out)
            block, free = fs.f_frsize or 4096, fs.f_bavail * fs.f_frsize
        except OSError:
            block, free = 4096, 0
        return OutputError(errno.ENOSPC, f"no space left for the new output in {out} (writing {path.name}): it needs "
                           f"{_size(_space_needed(files, block))}, {_size(free)} was free before it "
                           f"was removed again; the previous output there is unchanged")
    return OutputError(getattr(exc, "errno", None) or errno.EIO, f"could not write the new output into {out} "
                       f"({path}: {getattr(exc, 'strerror', None) or exc}); the previous output there is unchanged")


def replace_output(out: Path, files: dict[str, bytes | Callable[[Path], None]], stale: tuple[str, ...] = ()) -> None:
    """Put `files` (name relative to `out` -> its bytes, or a function that writes the file at the path
    it is given: the SQLite database) in place of the output `out` holds, as a whole.

    Every file is written and synced into a temporary folder inside `out` first; only then are they
    renamed into place, `manifest.json` last (after the old one was removed, so that the few renames
    never leave a folder that looks finished but mixes two runs). `stale` names files to remove with
    the swap. Raises `OutputError` (the previous output untouched) when they cannot all be written.
    """
    out.mkdir(parents=True, exist_ok=True)
    clear_leftovers(out)
    _check_space(out, files)
    staging = temporary_name(out / "chusho-new")
    path = staging
    try:
        staging.mkdir()
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if callable(data):
                data(path)
            else:
                _write_file(path, data)
        for folder in {Path(name).parent for name in files} - {Path(".")}:
            path = out / folder
            path.mkdir(parents=True, exist_ok=True)
    except (OSError, sqlite3.Error) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _failed_write(exc, out, files, path) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    last = "manifest.json"
    (out / last).unlink(missing_ok=True)
    for name in files:
        if name != last:
            os.replace(staging / name, out / name)
    for name in stale:
        (out / name).unlink(missing_ok=True)
    if last in files:
        os.replace(staging / last, out / last)
    shutil.rmtree(staging, ignore_errors=True)


def write_outputs(out: Path, documents: list, records: list[dict], rejected: list, manifest: dict) -> dict:
    """The output folder of CONTRACT.md, replaced as a whole (`replace_output`), manifest.json last;
    gives the manifest written.

    The finished run the folder held (if any) is read first, for `changes.jsonl`
    and the manifest's `changes` counts. Should the new files not all be written
    (a full disk), that run's files are left as they were.
    """
    previous = previous_run(out)
    if previous:
        records = carry_ids(previous, records)  # a corrected record keeps its id (flows/changes.py)
    changes = record_changes(previous, records, documents, manifest) if previous else None
    if changes is not None:
        manifest = {**manifest, "changes": change_counts(previous, changes)}
    earlier = history(out)
    texts = {f"schema/{name or 'record'}.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
             for name in (*RECORD_TYPES, None)}  # each type's, and record.json: any line of records.jsonl
    texts["documents.jsonl"] = jsonl(documents)
    texts["rejected.jsonl"] = jsonl(rejected)
    texts["records.jsonl"] = jsonl(records)
    for name in RECORD_TYPES:
        texts[csv_name(name)] = records_csv(records, name, documents)
    if changes is not None or earlier:  # the history, with this run's lines appended
        texts[CHANGES_NAME] = jsonl(earlier + (changes or []))
    texts[REVIEW_NAME] = render_review(documents, records, rejected, manifest, changes)
    texts["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"  # last: marks a finished run
    files: dict[str, bytes | Callable[[Path], None]] = {name: text.encode("utf-8") for name, text in texts.items()}
    files[SQLITE_NAME] = lambda path: build_database(path, documents, records, earlier + (changes or []),
                                                     record_label)
    files["manifest.json"] = files.pop("manifest.json")  # (renamed in last in any case)
    replace_output(out, files)
    return manifest
