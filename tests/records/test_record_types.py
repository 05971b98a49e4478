"""The table of record types: what it declares agrees with the schemas and the pattern files, and the
modules that read it import in any order (no circle through the registry)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.language.nlp import DEP_PATTERN_SUFFIX, PATTERN_DIR
from extractors.records.record_types import TYPES, record_type
from schemas.records import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_declares_the_schemas_types_in_their_order():
    assert list(TYPES) == list(RECORD_TYPES)
    for name, t in TYPES.items():
        assert t.name == name and t.schema is RECORD_TYPES[name]
        assert t.schema.model_fields["type"].default == name


@pytest.mark.parametrize("name", list(TYPES))
def test_the_fields_a_type_names_are_fields_of_its_schema(name):
    t = TYPES[name]
    fields = set(t.schema.model_fields)
    named = [*t.evidenced, *(f for f in t.scored if f != "dates"), t.date_field, *t.united, *t.united_maps]
    if t.place_field is not None:
        named += [t.place_field, f"{t.place_field}_code"]
    assert set(named) <= fields, set(named) - fields


@pytest.mark.parametrize("name", list(TYPES))
def test_a_types_pattern_files_exist_and_give_its_trigger_label(name):
    t = TYPES[name]
    labels = set()
    for file in t.patterns:
        path = PATTERN_DIR / file
        assert path.is_file(), path
        if not file.endswith(DEP_PATTERN_SUFFIX):
            labels |= {json.loads(line)["label"] for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip()}
    assert t.trigger in labels


def test_every_pattern_file_but_the_shared_names_belongs_to_one_type():
    owned = [f for t in TYPES.values() for f in t.patterns]
    assert len(owned) == len(set(owned))
    assert {p.name for p in PATTERN_DIR.glob("*.jsonl")} - set(owned) == {"orgs.jsonl"}


def test_an_unknown_type_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown record type 'meeting'.*summit, agreement, ordinance"):
        record_type("meeting")


@pytest.mark.parametrize("module", ["extractors.records.record_types", "extractors.records.evaluate",
                                    "extractors.records.confidence", "extractors.records.linking",
                                    "extractors.records.agreement_fields", "extractors.records.drafts",
                                    "output.tables"])
def test_a_module_that_reads_the_table_imports_first_in_a_fresh_process(module):
    # whichever module a process imports first, the registry's imports (schemas, the assemblers) load
    # without meeting a half-initialised module
    run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]


def test_schemas_import_nothing_of_the_extractors():
    code = "import sys, schemas.records; print(sorted(m for m in sys.modules if m.startswith('extractors')))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
