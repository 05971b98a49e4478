"""Faults that used to lose data or stop a run (issue 25), each injected for real: a full or read-only
file system (a small tmpfs, mounted when the tests run as root), a write killed with SIGKILL, a
damaged cache entry, file names that are not UTF-8, links whose target is gone.

The command runs in a subprocess, as a user runs it, with its own temporary Prefect server.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from flows.runtime.runners import FORK_SERVER_NAME
from flows.runtime.server import SERVER_NAME
from tests.conftest import ROOT, SAMPLES, read_jsonl

CLI = [sys.executable, "-m", "cli.main"]
PAGE = SAMPLES / "003_igren.html"  # one small page: 5 ordinances


def _cli(*args, cache: Path | None = None, **env) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    if cache is not None:
        base["CHUSHO_CACHE_DIR"] = str(cache)
    return subprocess.run([*CLI, *map(str, args)], cwd=ROOT, env={**base, **env}, capture_output=True, text=True,
                          timeout=600)


@contextmanager
def tmpfs(path: Path, options: str):
    """A real small file system at `path` (tmpfs with `options`: size=, nr_inodes=, ro), unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (a real full or read-only file system) needs root")
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"a tmpfs could not be mounted here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` until `leave` bytes are free."""
    fs = os.statvfs(folder)
    free = fs.f_bavail * fs.f_frsize
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


# ---------------------------------------------------------------- 1. a full disk

@pytest.mark.slow
def test_a_full_disk_leaves_the_previous_output_whole_and_says_how_much_space_is_needed(tmp_path):
    cache = tmp_path / "cache"
    with tmpfs(tmp_path / "disk", "size=1m") as disk:
        out = disk / "out"
        first = _cli("run", PAGE, "--out", out, cache=cache)
        assert first.returncode == 0, first.stderr
        before = _files(out)
        assert "manifest.json" in before and "review.html" in before
        _fill(disk, leave=20_000)  # less than the output takes (its review page alone is larger)
        for how in ([], ["--no-cache"]):  # from the whole-run cache (no Prefect), and through the flow
            res = _cli("run", PAGE, "--out", out, *how, cache=cache)
            assert res.returncode == 1, res.stderr
            line = next(x for x in res.stderr.splitlines() if x.startswith("chusho-extract: error:"))
            assert str(out) in line and "it needs" in line and "is free" in line, line
            assert "previous output there is unchanged" in line
            assert _files(out) == before  # every file of the previous run, manifest and review page included
            assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_disk_out_of_inodes_mid_write_leaves_the_previous_output_whole(tmp_path):
    """The space check passes (bytes are free) but creating the new files fails (no inodes left): the
    temporary folder is removed and the previous output stays."""
    from output.atomic import OutputError, replace_output

    with tmpfs(tmp_path / "disk", "size=4m,nr_inodes=12") as disk:
        out = disk / "out"
        old = {"records.jsonl": b"old\n", "schema/a.json": b"{}\n", "manifest.json": b'{"id": "old"}\n'}
        replace_output(out, old)
        assert _files(out) == old
        new = {name: b"new " + data for name, data in old.items()} | {f"more-{i}.csv": b"x\n" for i in range(8)}
        with pytest.raises(OutputError, match=r"no space left for the new output in .*: it needs .* was free"):
            replace_output(out, new)
        assert _files(out) == old
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- 8. a write killed half-way

_KILLED_WRITER = """
import sys
from pathlib import Path
from output.atomic import atomic_write_text
atomic_write_text(Path(sys.argv[1]) / "records.jsonl", "x" * 400_000_000)
"""


def test_the_leftovers_of_a_killed_write_are_removed_by_the_next_write_into_the_folder(tmp_path):
    from output.folder import write_outputs

    out = tmp_path / "out"
    out.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(out)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not any(out.glob(".records.jsonl.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(writer.pid, signal.SIGKILL)  # half-way through its temporary file
    finally:
        writer.wait()
    left = [p.name for p in out.iterdir()]
    assert [n for n in left if n.startswith(f".records.jsonl.{writer.pid}.") and n.endswith(".tmp")], left
    assert "records.jsonl" not in left  # nothing was swapped in
    alive = subprocess.Popen(["sleep", "60"])  # a write of a process still running is not touched
    try:
        theirs = out / f".records.jsonl.{alive.pid}.0123abcd.tmp"
        theirs.write_text("being written")
        write_outputs(out, [], [], [], {"id": "next"})
        names = sorted(p.name for p in out.iterdir())
        assert [n for n in names if n.endswith(".tmp")] == [theirs.name], names
        assert json.loads((out / "manifest.json").read_text())["id"] == "next"
    finally:
        alive.kill()
        alive.wait()


# ---------------------------------------------------------------- 5. a damaged cache entry

@pytest.mark.slow
def test_a_damaged_whole_run_cache_entry_is_a_miss_said_once_and_written_again(tmp_path):
    cache = tmp_path / "cache"
    assert _cli("run", PAGE, "--out", tmp_path / "a", cache=cache).returncode == 0
    (entry,) = (cache / "runs").glob("*.json.gz")
    blob = bytearray(entry.read_bytes())
    blob[40:80] = b"\x00" * 40  # the deflate stream damaged: zlib.error "invalid ... while decompressing"
    entry.write_bytes(bytes(blob))
    res = _cli("run", PAGE, "--out", tmp_path / "b", cache=cache)
    assert res.returncode == 0, res.stderr
    warnings = [x for x in res.stderr.splitlines() if "whole-run cache entry" in x]
    assert len(warnings) == 1 and str(entry) in warnings[0] and "damaged" in warnings[0], res.stderr
    assert "Traceback" not in res.stderr
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text(encoding="utf-8"))
    assert not manifest["cache"]["whole_run"]  # the flow ran ...
    again = _cli("run", PAGE, "--out", tmp_path / "c", cache=cache)
    assert again.returncode == 0 and "whole-run cache entry" not in again.stderr
    manifest = json.loads((tmp_path / "c" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cache"]["whole_run"]  # ... and saved the entry again
    assert read_jsonl(tmp_path / "c" / "records.jsonl") == read_jsonl(tmp_path / "a" / "records.jsonl")


# ---------------------------------------------------------------- 7. a read-only cache folder

@pytest.mark.slow
def test_a_read_only_cache_folder_is_found_up_front_and_the_run_goes_on_without_it(tmp_path):
    with tmpfs(tmp_path / "ro", "size=1m,ro") as cache:
        res = _cli("run", PAGE, "--out", tmp_path / "out", "--cache-dir", cache)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    lines = [x for x in res.stderr.splitlines() if "warning" in x.lower() or "error" in x.lower()]
    assert len(lines) == 1 and str(cache) in lines[0] and "without the cache" in lines[0], res.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cache"]["enabled"] is False and manifest["counts"]["records"]["ordinance"] == 5


# ---------------------------------------------------------------- 10. odd names and broken links

@pytest.mark.slow
def test_names_that_are_not_utf8_are_read_and_broken_links_are_listed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9.html")  # Latin-1 bytes: not UTF-8
    shutil.copy(PAGE, odd)
    (folder / "gone.pdf").symlink_to(tmp_path / "moved-away.pdf")
    os.mkfifo(folder / "pipe.html")  # never opened: reading it would wait for ever
    alone = tmp_path / os.fsdecode(b"\x93\xfa\x96\x7b.html")  # Shift_JIS bytes, given on the command line
    shutil.copy(SAMPLES / "agreement_04_university.html", alone)
    res = _cli("run", folder, alone, "--out", tmp_path / "out", "--no-cache")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr and "ERROR" not in res.stderr, res.stderr
    docs = read_jsonl(tmp_path / "out" / "documents.jsonl")
    assert sorted(d["uri"].rsplit("/", 1)[1] for d in docs) == ["%93%FA%96%7B.html", "caf%E9.html"]
    assert {d["status"] for d in docs} == {"ok"}
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    skipped = {Path(f["path"]).name: f for f in manifest["skipped_files"]["files"]}
    assert skipped["gone.pdf"]["type"] == "(broken link)"
    assert skipped["gone.pdf"]["target"] == str(tmp_path / "moved-away.pdf")
    assert skipped["pipe.html"]["type"] == "(not a regular file)"
    assert manifest["skipped_files"]["counts"] == {"(broken link)": 1, "(not a regular file)": 1}
    assert manifest["inputs"][1].startswith("file:///") and manifest["inputs"][1].endswith("/%93%FA%96%7B.html")


# ---------------------------------------------------------------- 6. a damaged crawl state

def _one_page_site():
    from tests.site import Resource, Site

    site = Site()
    site.resources = {
        "/robots.txt": Resource(b"User-agent: *\nDisallow:\n", "text/plain"),
        "/index.html": Resource(PAGE.read_bytes(), "text/html; charset=utf-8"),
    }
    return site


@pytest.mark.slow
def test_a_damaged_crawl_state_is_moved_aside_and_the_crawl_starts_afresh(tmp_path):
    from tests.site import Server

    site = _one_page_site()
    out, state = tmp_path / "out", tmp_path / "out" / "crawl-state.sqlite"
    with Server(site) as url:
        crawl = ("crawl", f"{url}/index.html", "--out", out, "--depth", "0", "--delay", "0", "--no-cache")
        assert _cli(*crawl).returncode == 0
        size = state.stat().st_size
        with open(state, "r+b") as fh:  # cut short, as a full disk or a killed copy leaves it
            fh.truncate(size // 2)
        res = _cli(*crawl)
        assert res.returncode == 0, res.stderr
        assert "Traceback" not in res.stderr
        line = next(x for x in res.stderr.splitlines() if "damaged" in x)
        assert str(state) in line and "moved aside" in line
        report = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["crawl"]
        reset = report["state_reset"]
        assert reset["file"] == str(state) and Path(reset["moved_to"]).stat().st_size == size // 2
        assert report["new"] == [f"{url}/index.html"]  # afresh: what the state knew is new again
        again = _cli(*crawl)
        assert again.returncode == 0 and "damaged" not in again.stderr
        report = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["crawl"]
        assert report["state_reset"] is None and report["unchanged"] == [f"{url}/index.html"]


@pytest.mark.slow
def test_a_damaged_prefect_database_is_moved_aside_and_a_new_one_used(tmp_path):
    import sqlite3

    home = tmp_path / "prefect-home"
    home.mkdir()
    db = sqlite3.connect(home / "prefect.db")  # a database of some size, then cut short as a full disk leaves it
    db.execute("CREATE TABLE flow_run (id TEXT, state TEXT)")
    db.executemany("INSERT INTO flow_run VALUES (?, ?)", [(f"run {i}", "x" * 200) for i in range(5000)])
    db.commit()
    db.close()
    size = (home / "prefect.db").stat().st_size
    with open(home / "prefect.db", "r+b") as fh:
        fh.truncate(size // 2)
    res = _cli("run", PAGE, "--out", tmp_path / "out", "--no-cache", PREFECT_HOME=str(home),
               CHUSHO_LOCAL_API="http://127.0.0.1:9/api")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    line = next(x for x in res.stderr.splitlines() if "damaged" in x)
    assert str(home / "prefect.db") in line and "moved aside" in line
    reset = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["prefect_database_reset"]
    assert reset["file"] == str(home / "prefect.db") and Path(reset["moved_to"]).stat().st_size == size // 2
    assert "malformed" in reset["error"]


# ---------------------------------------------------------------- 9. a trickling server

class _SlowSite:
    """A site on 127.0.0.1: an index linking a page sent a byte every 0.1 s (for 30 s) and a page that
    answers nothing for 5 s; every request is logged by path."""

    def __init__(self):
        import http.server
        import threading

        self.log: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                site.log.append(self.path)
                try:
                    self._answer()
                except OSError:
                    pass  # the crawler hung up: expected

            def _answer(self):
                if self.path == "/robots.txt":
                    return self._send(b"User-agent: *\nDisallow:\n", "text/plain")
                if self.path == "/index.html":
                    return self._send(b'<html><body><a href="/trickle.html">a</a> <a href="/silent.html">b</a>'
                                      + PAGE.read_bytes() + b"</body></html>", "text/html; charset=utf-8")
                if self.path == "/silent.html":
                    time.sleep(5)
                    return self._send(b"<html><body>late</body></html>", "text/html")
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                ends = time.monotonic() + 30
                while time.monotonic() < ends:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.1)

            def _send(self, body: bytes, kind: str):
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Quiet(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_trickling_response_is_not_tried_again_at_the_same_deadline_but_a_silent_one_is(prefect_server, tmp_path):
    from extractors.settings import Settings
    from flows.crawl import crawl_flow
    from schemas.crawl import CrawlSource

    site = _SlowSite()
    try:
        settings = Settings(crawl_delay=0, response_timeout=2.0, http_timeout=1.0, retries=2, retry_backoff=0.1)
        source = CrawlSource(name="slow", start_urls=[f"{site.url}/index.html"], max_depth=1)
        crawl_flow(sources=[source], out=str(tmp_path), settings=settings)
    finally:
        site.close()
    failed = {f["url"].removeprefix(site.url): f for f in
              json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["crawl"]["failed"]}
    assert failed["/trickle.html"]["error_code"] == "too_slow" and "still arriving" in failed["/trickle.html"]["error"]
    assert site.log.count("/trickle.html") == 1  # not asked again: it would be cut off at the same deadline
    assert failed["/silent.html"]["error_code"] == "timeout"
    assert site.log.count("/silent.html") == 3  # nothing came: worth the two retries


# ---------------------------------------------------------------- 4. orphans

def _processes() -> dict[int, tuple[int, int, str]]:
    """Every live process: pid -> (parent pid, session id, command line; for the pool's fork server and the
    temporary Prefect server forked from the command, which have the command's command line, their names
    too: runners.FORK_SERVER_NAME, server.SERVER_NAME)."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            if fields[0] == b"Z":
                continue
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{name}/comm", "rb") as fh:
                comm = fh.read().strip().decode(errors="replace")
            if comm in (FORK_SERVER_NAME, SERVER_NAME):
                cmd = f"{comm}: {cmd}"
            found[int(name)] = (int(fields[1]), int(fields[3]), cmd)
        except (OSError, IndexError, ValueError):
            continue
    return found


def _session(sid: int) -> dict[int, str]:
    """The live processes of session `sid` (a command started with start_new_session), and its direct
    children that made sessions of their own (the temporary server): pid -> command line. Found by
    session, not only by parent: a child whose parent died is the init process's."""
    return {pid: cmd for pid, (ppid, session, cmd) in _processes().items() if session == sid or ppid == sid}


def _pool_processes(sid: int) -> dict[int, str]:
    """The process pool's processes of session `sid`: spawned workers, or the fork server and its forks."""
    return {pid: cmd for pid, cmd in _session(sid).items()
            if "--multiprocessing-fork" in cmd or "multiprocessing.forkserver" in cmd or FORK_SERVER_NAME in cmd}


def _kill(pids) -> None:
    """SIGKILL to these processes (a test that failed leaves nothing behind)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _alive(pids) -> dict[int, str]:
    now = _processes()
    return {pid: now[pid][2] for pid in pids if pid in now}


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.0, 1.5])
def test_a_command_killed_while_its_pool_workers_start_takes_them_with_it(tmp_path, after):
    """SIGKILL of the command as its first pool process starts (the workers' fork server, which loads the
    model and forks them; or a spawned worker) and 1.5 s into its start: the workers, the fork server, the
    temporary server and multiprocessing's resource tracker all go too."""
    inputs = [str(SAMPLES / n) for n in ("000_okaya.html", "003_igren.html", "agreement_01_city_release.html",
                                         "ordinance_01_reiki.html", "agreement_04_university.html")]
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    proc = subprocess.Popen([*CLI, "run", *inputs, "--out", str(tmp_path / "out"), "--runner", "process",
                             "--workers", "2", "--no-cache"], cwd=ROOT, start_new_session=True,
                            env={**base, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    there: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 300
        while not _pool_processes(proc.pid):
            assert proc.poll() is None and time.monotonic() < deadline, "no pool process was started"
            time.sleep(0.005)
        time.sleep(after)
        there = _session(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert any("--multiprocessing-fork" in c or "multiprocessing.forkserver" in c or FORK_SERVER_NAME in c
                   for c in there.values())  # (they were there to be killed)
        assert any("uvicorn" in c or SERVER_NAME in c for c in there.values())
        deadline = time.monotonic() + 20
        while (left := {**_alive(there), **_session(proc.pid)}) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not left, left
    finally:
        _kill({**_alive(there), **_session(proc.pid)})


# ---------------------------------------------------------------- 3. a lost Prefect server

@pytest.mark.slow
def test_a_run_whose_server_is_killed_ends_within_a_minute_with_its_output_and_one_line(tmp_path):
    """The temporary server killed (SIGKILL) once every document is read: the run writes its output,
    then Prefect's client would wait for the server for ever; the command ends with one line."""
    inputs = [str(SAMPLES / n) for n in ("000_okaya.html", "003_igren.html", "agreement_01_city_release.html",
                                         "ordinance_01_reiki.html", "agreement_04_university.html")]
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    proc = subprocess.Popen([*CLI, "run", *inputs, "--out", str(tmp_path / "out"), "--runner", "process",
                             "--no-cache"], cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE, text=True,
                            env={**base, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api", "CHUSHO_TIMELINE": "1"})
    try:
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("[5/5]"):
                break
        (server,) = [pid for pid, cmd in _session(proc.pid).items() if "uvicorn" in cmd or SERVER_NAME in cmd]
        os.kill(server, signal.SIGKILL)
        killed = time.monotonic()
        after = proc.stderr.readlines()
        code = proc.wait(timeout=120)
        took = time.monotonic() - killed
    finally:
        _kill(_session(proc.pid))
    assert code == 1, "".join(lines + after)
    print(f"the command ended {took:.1f} s after its server was killed")
    assert took < 60, took
    noise = [x for x in after if not x.startswith("[timeline]")]
    assert noise[-1].startswith("chusho-extract: error: the temporary Prefect server (killed by SIGKILL) stopped "
                                "answering"), noise
    assert f"the output in {tmp_path / 'out'} was written" in noise[-1]
    assert len(noise) <= 2, noise  # ours, and at most a line Prefect printed before the loss was seen
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 5 and read_jsonl(tmp_path / "out" / "records.jsonl")


# ---------------------------------------------------------------- 2. limits on building records

def _pdf(contents: list[bytes], raw: dict[int, bytes] | None = None) -> bytes:
    """A PDF of one page per content stream (FlateDecode, Helvetica as /F1); `raw` gives a page's stream
    already compressed (its bytes as they are)."""
    import zlib

    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for i, content in enumerate(contents):
        data = (raw or {}).get(i) or zlib.compress(content, 9)
        page, stream = 4 + 2 * i, 5 + 2 * i
        objs[stream] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        objs[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                      b"/Resources << /Font << /F1 3 0 R >> >> >>" % stream)
        kids.append(page)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, len(objs) + 1))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _text(words: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET\n" % words.encode("ascii")


def _flate_bomb(inflated: int) -> bytes:
    """A zlib stream of `inflated` spaces, ~1000 times smaller: one deflated block of 64 MiB, flushed so
    that it stands alone, repeated (a real bomb's shape, made in a second instead of compressing 2 GiB)."""
    import struct
    import zlib

    piece = b" " * (64 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(piece) + deflate.flush(zlib.Z_FULL_FLUSH)
    times = inflated // len(piece)
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(piece, adler)
    return b"\x78\xda" + block * times + deflate.flush() + struct.pack(">I", adler)


_READ_IN_A_BOX = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a bomb read whole would not fit: it fails, not the box
from extractors.reading import fetch_file, read_document
from extractors.settings import Settings
doc = read_document(fetch_file(sys.argv[1], Settings()), Settings())
# the peak of this process's own memory (VmHWM: ru_maxrss would count the parent's, kept across fork and exec)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"status": doc.status.value, "text": doc.text, "warnings": doc.warnings, "error": doc.error,
                  "peak_mb": peak // 1024}))
"""


@pytest.mark.slow
def test_a_flate_bomb_page_is_left_out_with_a_warning_at_flat_memory(tmp_path):
    bomb = _flate_bomb(2 << 30)  # 2 GiB inflated
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf([b"", _text("The second page is read")], raw={0: bomb}))
    assert path.stat().st_size < 3_000_000
    done = subprocess.run([sys.executable, "-c", _READ_IN_A_BOX, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    doc = json.loads(done.stdout)
    print(f"Flate bomb (2 GiB in {path.stat().st_size / 1e6:.1f} MB): peak RSS {doc['peak_mb']} MB")
    assert doc["status"] == "ok" and "The second page is read" in doc["text"]
    assert any(w.startswith("page 1 could not be read") and "over the limit" in w and "max_page_content" in w
               for w in doc["warnings"]), doc["warnings"]
    assert doc["peak_mb"] < 600


def _long_page(size: int) -> bytes:
    """An HTML page of `size` bytes, a table whose every third row names an ordinance (a line for the model)."""
    rows, i, total = [], 0, 0
    while total < size:
        i += 1
        row = (f"<tr><td>令和{i % 6 + 1}年{i % 12 + 1}月{i % 28 + 1}日</td><td>青葉市中小企業振興条例第{i}号</td></tr>\n"
               if i % 3 == 0 else f"<tr><td>{i}</td><td>道路の補修について担当の課が確認した件の記録です。</td></tr>\n")
        rows.append(row)
        total += len(row.encode())
    return ("<html><head><meta charset='utf-8'><title>例規の一覧</title></head><body><table>" + "".join(rows)
            + "</table></body></html>").encode()


@pytest.mark.slow
def test_building_the_records_of_a_long_page_stops_at_the_time_limit_with_progress_per_part(
        prefect_server, nlp, tmp_path, capsys):
    from extractors.settings import Settings
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner

    page = tmp_path / "in" / "long.html"
    page.parent.mkdir()
    page.write_bytes(_long_page(1_200_000))
    settings = Settings(split_chars=20_000, doc_timeout=6)
    state = extract_flow.with_options(task_runner=make_runner("thread"))(
        inputs=[str(page)], out=str(tmp_path / "out"), settings=settings, progress=True, return_state=True)
    assert state.is_failed()  # its one document could not be read
    [doc] = read_jsonl(tmp_path / "out" / "documents.jsonl")
    assert doc["status"] == "failed" and doc["error_code"] == "timeout", doc["error"]
    assert "building the records of" in doc["error"] and "limit of 6 s" in doc["error"]
    err = capsys.readouterr().err
    parts = [x for x in err.splitlines() if x.startswith("  part ") and " drafted: " in x]
    total = int(parts[0].split("/")[1].split()[0])
    assert 1 <= len(parts) < total, parts  # progress per part, and not all of them: the time was up
    assert f"({len(parts)} of its {total} parts done)" in doc["error"] or "(its parts added up)" in doc["error"]


def test_a_reading_in_page_ranges_says_each_range_done(prefect_server, tmp_path, capsys):
    from extractors.settings import Settings
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner

    pdf = tmp_path / "in" / "four.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(_pdf([_text(f"Page {n} of four") for n in range(1, 5)]))
    extract_flow.with_options(task_runner=make_runner("thread"))(
        inputs=[str(pdf)], out=str(tmp_path / "out"), settings=Settings(split_pages=1), progress=True, cache=False)
    lines = [x for x in capsys.readouterr().err.splitlines() if x.startswith("  part ")]
    assert lines == [f"  part {k}/4 read: {pdf.resolve().as_uri()}" for k in range(1, 5)], lines


@pytest.mark.slow
def test_a_worker_over_its_memory_limit_fails_the_document_and_is_replaced(tmp_path):
    """A PDF page of 300,000 drawn rectangles takes a reader past 1 GB: with --max-worker-memory 900 the
    document fails, its worker is replaced, and the next document is read by the new one."""
    rects = b"".join(b"%d %d 1 1 re f\n" % (i % 500, (i // 500) % 800) for i in range(300_000))
    hog = tmp_path / "drawn.pdf"
    hog.write_bytes(_pdf([_text("A page drawn with rectangles") + rects]))
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    res = subprocess.run([*CLI, "run", str(hog), str(PAGE), "--out", str(tmp_path / "out"), "--runner", "process",
                          "--workers", "1", "--max-worker-memory", "900", "--no-cache"], cwd=ROOT,
                         env={**base, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api", "CHUSHO_TIMELINE": "1"},
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    docs = {Path(d["uri"]).name: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert docs["drawn.pdf"]["status"] == "failed" and docs["drawn.pdf"]["error_code"] == "memory"
    assert "over the memory limit of 900 MB" in docs["drawn.pdf"]["error"]
    assert docs[PAGE.name]["status"] == "ok"
    assert "replaced: a document took it over its memory limit" in res.stderr
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["counts"]["records"]["ordinance"] == 5
