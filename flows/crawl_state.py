"""The crawl's memory between runs: one embedded SQLite file.

Per URL it keeps the HTTP validators (ETag, Last-Modified), the sha256 of the
bytes, the links the page had, and the last good `Document` with its drafts,
so that a re-crawl can send conditional requests and, on a 304 or unchanged
bytes, reuse the earlier work instead of extracting again. Per host it keeps
robots.txt the same way. Every write is one SQLite transaction (WAL journal): a
crawl killed half-way, even by SIGKILL, leaves the state as it was after the
last finished URL, and `resume_since()` tells the next crawl where the killed
one began, so the URLs it finished are not fetched again.

One crawl at a time per state file: opening it takes an exclusive lock on
`<state>.lock` (flock, released by the kernel when the process dies, however
it dies); a second crawl gets `StateInUse` at once instead of waiting.

A damaged state file (cut short, overwritten: SQLite's "database disk image is
malformed" or "file is not a database") is found when it is opened (SQLite's
`quick_check`) and moved aside, with its journal files, to
`<state>.damaged-<time>`; the crawl starts afresh on a new one, and `reset`
says what happened (the crawl's manifest reports it). Damage found later, in
the middle of a crawl, stops it with `StateDamaged`, which names the file.
"""
from __future__ import annotations

import fcntl
import functools
import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from extractors.records.drafts import Draft
from schemas.document import Document

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    status TEXT NOT NULL,            -- ok, failed or gone
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    links TEXT NOT NULL DEFAULT '[]',
    document TEXT,                   -- the last good Document, JSON
    drafts TEXT,                     -- its draft records, JSON
    fingerprint TEXT,                -- extractors.versions.work_fingerprint the drafts were made under
    error TEXT,
    first_seen TEXT NOT NULL,
    last_fetched TEXT NOT NULL,
    last_changed TEXT
);
CREATE TABLE IF NOT EXISTS robots (
    host TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    fetched TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawls (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    summary TEXT
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


class StoredPage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    source: str
    status: str = "ok"
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    links: list[str] = Field(default_factory=list)
    document: Document | None = None
    drafts: list[Draft] = Field(default_factory=list)
    fingerprint: str | None = None
    error: str | None = None
    first_seen: str | None = None
    last_fetched: str | None = None
    last_changed: str | None = None

    def reusable(self, fingerprint: str) -> bool:
        """A good copy made by the same code, model and settings is kept."""
        return self.status == "ok" and self.document is not None and self.fingerprint == fingerprint

    def validators(self, fingerprint: str) -> dict[str, str]:
        """Conditional request headers for a re-fetch: only when the kept copy is reusable."""
        if not self.reusable(fingerprint):
            return {}
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def default_state_path(out: str) -> Path:
    """The crawl state file of an output folder, unless --state says otherwise."""
    return Path(out) / "crawl-state.sqlite"


class StateInUse(RuntimeError):
    """Another crawl holds the state file's lock."""


def lock_state(path: str | Path) -> int:
    """Take the state file's lock (a file descriptor to close to release it), or raise `StateInUse`."""
    lock_path = Path(f"{path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise StateInUse(f"another crawl (pid {holder}) is using the state file {path}; not starting a second "
                         "one") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


class StateDamaged(RuntimeError):
    """The state file is damaged; the message names it and the way out."""


_JOURNALS = ("-wal", "-shm", "-journal")


def _open_checked(path: Path) -> sqlite3.Connection:
    """The state file opened, in WAL mode, with its tables; sqlite3.DatabaseError when it is damaged."""
    db = sqlite3.connect(path, isolation_level=None)  # explicit transactions below
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        verdict = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(verdict)
        db.executescript(_SCHEMA)
    except BaseException:
        db.close()
        raise
    return db


def _names_damage(method):
    """A method of `CrawlState` whose SQLite corruption errors become `StateDamaged`, naming the file."""
    @functools.wraps(method)
    def checked(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                raise
            raise StateDamaged(f"the crawl state file {self.path} is damaged ({exc}): the next crawl moves it "
                               f"aside and starts afresh") from None
    return checked


def _move_aside(path: Path) -> Path:
    """Rename a damaged state file and its journal files to `<name>.damaged-<UTC time>[-wal...]`."""
    aside = path.with_name(f"{path.name}.damaged-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}")
    for suffix in ("", *_JOURNALS):
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    return aside


class CrawlState:
    """The state file; open it with `CrawlState(path)` and `close()` it (or use `with`)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.reset: dict | None = None  # a damaged file moved aside: {"file", "moved_to", "error"}
        self._lock = lock_state(self.path)
        try:
            try:
                self._db = _open_checked(self.path)
            except sqlite3.DatabaseError as exc:  # damaged: keep it for a look, start afresh
                aside = _move_aside(self.path)
                self.reset = {"file": str(self.path), "moved_to": str(aside), "error": str(exc)}
                self._db = _open_checked(self.path)
        except BaseException:
            os.close(self._lock)
            raise

    def __enter__(self) -> "CrawlState":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        os.close(self._lock)

    # pages
    @_names_damage
    def get(self, url: str) -> StoredPage | None:
        row = self._db.execute("SELECT url, source, status, etag, last_modified, sha256, links, document, drafts, "
                               "fingerprint, error, first_seen, last_fetched, last_changed FROM pages WHERE url = ?",
                               (url,)).fetchone()
        if row is None:
            return None
        (url, source, status, etag, last_modified, sha256, links, document, drafts, fingerprint, error, first_seen,
         last_fetched, last_changed) = row
        return StoredPage(url=url, source=source, status=status, etag=etag, last_modified=last_modified,
                          sha256=sha256, links=json.loads(links),
                          document=Document.model_validate_json(document) if document else None,
                          drafts=[Draft.from_dict(d) for d in json.loads(drafts)] if drafts else [], fingerprint=fingerprint, error=error, first_seen=first_seen,
                          last_fetched=last_fetched, last_changed=last_changed)

    @_names_damage
    def put(self, page: StoredPage) -> None:
        now = _now()
        with self._transaction():
            self._db.execute(
                "INSERT INTO pages (url, source, status, etag, last_modified, sha256, links, document, drafts, fingerprint,"
                " error, first_seen, last_fetched, last_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(url) DO UPDATE SET source=excluded.source, status=excluded.status, etag=excluded.etag,"
                " last_modified=excluded.last_modified, sha256=excluded.sha256, links=excluded.links,"
                " document=excluded.document, drafts=excluded.drafts, fingerprint=excluded.fingerprint, error=excluded.error,"
                " last_fetched=excluded.last_fetched, last_changed=excluded.last_changed",
                (page.url, page.source, page.status, page.etag, page.last_modified, page.sha256,
                 json.dumps(page.links), page.document.model_dump_json() if page.document else None,
                 json.dumps([d.as_dict() for d in page.drafts], ensure_ascii=False), page.fingerprint, page.error, page.first_seen or now,
                 page.last_fetched or now, page.last_changed))

    @_names_damage
    def known(self, source: str, status: str = "ok") -> set[str]:
        """URLs of a source with the given status."""
        return {r[0] for r in self._db.execute("SELECT url FROM pages WHERE source = ? AND status = ?",
                                               (source, status))}

    @_names_damage
    def mark_gone(self, urls: list[str]) -> None:
        with self._transaction():
            self._db.executemany("UPDATE pages SET status = 'gone', document = NULL, drafts = NULL, "
                                 "last_changed = ? WHERE url = ?", [(_now(), u) for u in urls])

    # robots.txt
    @_names_damage
    def robots(self, host: str) -> tuple[str, dict[str, str]] | None:
        row = self._db.execute("SELECT body, etag, last_modified FROM robots WHERE host = ?", (host,)).fetchone()
        if row is None:
            return None
        headers = {k: v for k, v in (("If-None-Match", row[1]), ("If-Modified-Since", row[2])) if v}
        return row[0], headers

    @_names_damage
    def put_robots(self, host: str, body: str, etag: str | None, last_modified: str | None) -> None:
        with self._transaction():
            self._db.execute("INSERT OR REPLACE INTO robots (host, body, etag, last_modified, fetched) "
                             "VALUES (?, ?, ?, ?, ?)", (host, body, etag, last_modified, _now()))

    # crawls
    @_names_damage
    def resume_since(self) -> str | None:
        """When the crawls killed since the last finished one began (None: the last crawl finished)."""
        row = self._db.execute("SELECT MIN(started) FROM crawls WHERE finished IS NULL AND started > "
                               "COALESCE((SELECT MAX(started) FROM crawls WHERE finished IS NOT NULL), '')").fetchone()
        return row[0] if row else None

    @_names_damage
    def begin_crawl(self, crawl_id: str) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO crawls (id, started) VALUES (?, ?)", (crawl_id, _now()))

    @_names_damage
    def finish_crawl(self, crawl_id: str, summary: dict) -> None:
        with self._transaction():
            self._db.execute("UPDATE crawls SET finished = ?, summary = ? WHERE id = ?",
                             (_now(), json.dumps(summary, ensure_ascii=False), crawl_id))

    @contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
