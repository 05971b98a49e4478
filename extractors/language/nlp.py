"""GiNZA and the rule patterns: document text to `Candidate` spans.

Takes a document's text and gives candidates (labelled spans with the rule or
model label that found them), with offsets into that text:

- `load_nlp()` loads `ja_ginza` once per process (cached), with a clear error
  when the model package is missing. No code downloads a model.
- `chunks()` splits text longer than Sudachi's input limit (49,149 bytes) at
  paragraph, then sentence boundaries (on one endless line: commas, brackets,
  particles), keeping offsets.
- `rule_candidates()` is the cheap pass: the Sudachi tokenizer plus the spaCy
  SpanRuler patterns of `extractors/language/patterns/*.jsonl` (each pattern's id
  becomes the candidate's `rule`). About 50x faster than the full pipeline. It runs
  over the whole text or only over given regions (the trigger lines that
  `triggers.selected_regions` picks: the rest of a long document is never tokenized).
- `model_candidates()` runs GiNZA's NER only on the given spans (the
  paragraphs where the rules found something), maps GiNZA's labels through
  `data/ginza_labels.json` and fixes its known errors.
"""
from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path

from schemas.records import Candidate

PATTERN_DIR = Path(__file__).parent / "patterns"
DEP_PATTERN_SUFFIX = "_deps.jsonl"  # dependency patterns, not SpanRuler patterns
LABEL_TABLE = Path(__file__).parent / "data" / "ginza_labels.json"
SUDACHI_MAX_BYTES = 49149
CHUNK_BYTES = 30000  # well under Sudachi's limit; also bounds the model's memory per call
_SENTENCE_END = re.compile(r"[。！？!?]\s*|\n")
# Weaker places to cut a piece that has no sentence end, best first (see soft_cut).
_SOFT_CUTS = (
    re.compile(r"[、，,;；:：)）」』】〕\]\s]+"),
    re.compile(r"(?=[「『（(【〔\[])"),
    re.compile(r"(?<=[をはがにでとのもへや])(?=[^\u3041-\u309f])"),  # after a particle
    re.compile(r"(?<=[\u3041-\u3096])(?=[^\u3041-\u309f])"),  # after any hiragana
)
# Components the NER does not need: the parser and what depends on it.
_NER_DISABLE = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")


# Sudachi's tokenizer is not safe to share between threads (Prefect's default task
# runner is a thread pool): calls into the one cached pipeline take this lock, here and in the
# other modules of this package that run it (arguments.py: the parser on signing sentences).
NLP_LOCK = threading.Lock()
# Loading takes its own lock: two tasks that start together must not both load the
# model (twice the memory, and numpy's header parsing in two threads at once trips
# a CPython 3.11 bug: "AST constructor recursion depth mismatch").
LOAD_LOCK = threading.RLock()


class ModelMissingError(RuntimeError):
    pass


def load_nlp():
    """The ja_ginza pipeline, loaded once per process (thread-safe)."""
    with LOAD_LOCK:
        return _load_nlp_once()


_MODEL_LOADS = 0  # how many times this process loaded the model (at most once: see the tests)


def model_loads() -> int:
    return _MODEL_LOADS


@lru_cache(maxsize=1)
def _load_nlp_once():
    global _MODEL_LOADS
    import spacy

    _MODEL_LOADS += 1

    # thinc multiplies matrices with the blis wheel by default; on the machines measured it runs at a
    # third of the speed of numpy's own OpenBLAS on one thread (docs/measurements.md, round 14), and
    # GiNZA's tok2vec is most of the model's time. The layers keep the ops they were built with.
    # One BLAS thread: the pipeline's parallelism is its worker processes, one per core, and a
    # second thread in each only spins against the other process.
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            # Without the vocabulary's 600,000 stored strings (strings.json, 17 MB): reading and hashing them
            # is 0.5 s of the 0.9 s load, and nothing here looks a string up by its hash before a text has
            # added it. The static vectors are found by hash (key2row), the components' labels come with
            # the components. The records of seeds, dev and two unseen sets were identical with and without
            # (round 14); tests/language/test_model_ops.py reads every attribute of a parsed sentence.
            return spacy.load("ja_ginza", exclude=["strings"])
    except OSError as exc:
        raise ModelMissingError(
            "the GiNZA model 'ja_ginza' is not installed: install the project with "
            "`pip install -e .` (it depends on the ja-ginza package); nothing is downloaded at run time"
        ) from exc


def read_pattern_files(paths, needed: tuple[str, ...]) -> list[dict]:
    """The patterns of JSONL rule files, one a line, each with the keys `needed` (a clear error if not)."""
    patterns = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                p = json.loads(line)
                if not set(needed) <= p.keys():
                    raise ValueError(f"{path.name}:{n}: a pattern needs {', '.join(needed)}")
                patterns.append(p)
    return patterns


def load_patterns() -> list[dict]:
    """The SpanRuler patterns (DependencyMatcher patterns, `*_deps.jsonl`, are extractors.language.arguments')."""
    paths = [p for p in sorted(PATTERN_DIR.glob("*.jsonl")) if not p.name.endswith(DEP_PATTERN_SUFFIX)]
    return read_pattern_files(paths, ("id", "label", "pattern"))


def load_ruler():
    """A SpanRuler over the patterns, bound to the ja_ginza vocabulary (applied to tokenizer output)."""
    with LOAD_LOCK:
        return _load_ruler_once()


@lru_cache(maxsize=1)
def _load_ruler_once():
    from spacy.pipeline import SpanRuler

    nlp = load_nlp()
    ruler = SpanRuler(nlp, name="chusho_rules", spans_key="rules", overwrite=True)
    ruler.add_patterns(load_patterns())
    return ruler


@lru_cache(maxsize=1)
def label_table() -> dict[str, str]:
    return {k: v for k, v in json.loads(LABEL_TABLE.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def _utf8_len(c: str) -> int:
    o = ord(c)
    return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4


def _split_points(text: str, start: int, end: int, max_bytes: int) -> list[tuple[int, int]]:
    """Split text[start:end] into pieces of at most max_bytes UTF-8 bytes, at the best boundary.

    Iterative and linear: a text of many pieces (a long PDF) must not hit the recursion limit.
    """
    pieces: list[tuple[int, int]] = []
    while start < end:
        # the last character that fits under the byte limit
        limit, size = start, 0
        while limit < end:
            size += _utf8_len(text[limit])
            if size > max_bytes:
                break
            limit += 1
        if limit == end:
            pieces.append((start, end))
            break
        # the last boundary before the byte limit: paragraph, then line or sentence end, then softer ones
        window = text[start:limit]
        cut = window.rfind("\n\n")
        if cut <= 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = ends[-1] if ends and ends[-1] > 0 else soft_cut(window)
        else:
            cut += 2
        cut = max(cut, 1)
        pieces.append((start, start + cut))
        start += cut
    return pieces


def soft_cut(window: str) -> int:
    """Where to cut a window with no paragraph or sentence end (a page of one endless line).

    Cutting at the byte limit would split a word or a name (中小|企業振興基本条例) and lose the
    candidate: cut after a comma, bracket or space, else before an opening bracket, else
    after a hiragana particle, else after any hiragana that ends a run (a bunsetsu
    boundary), in the window's second half so that pieces stay large; only then anywhere.
    """
    half = len(window) // 2
    for pattern in _SOFT_CUTS:
        cuts = [m.end() for m in pattern.finditer(window, half) if m.end() > 0]
        if cuts:
            return cuts[-1]
    return len(window)


def chunks(text: str, max_bytes: int = CHUNK_BYTES) -> list[tuple[int, int]]:
    """Offsets [(start, end)] covering text in pieces Sudachi accepts, split at paragraph/sentence ends."""
    if not text:
        return []
    return _split_points(text, 0, len(text), min(max_bytes, SUDACHI_MAX_BYTES))


# Name-like labels: a name never spans whitespace or starts with a list marker.
_NAME_LABELS = {"ORG", "GPE", "ORDINANCE", "SERIES", "DECLARATION", "LAW"}
_LEADING_JUNK = re.compile(r"^[\u2460-\u24ff\u2776-\u2793・()（）\[\]【】〔〕*※○●◎■□◆◇▲△▼▽☆★\-]+")


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a name span to what follows its last whitespace and any leading list marker."""
    piece = text[start:end]
    cut = max(piece.rfind(" "), piece.rfind("\n"), piece.rfind("\t")) + 1
    m = _LEADING_JUNK.match(piece[cut:])
    if m:
        cut += m.end()
    return start + cut, end


def maximal(cands: list[Candidate]) -> list[Candidate]:
    """Per label, drop spans that lie inside a longer span of the same label."""
    by_label: dict[str, list[Candidate]] = {}
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        by_label.setdefault(c.label, []).append(c)
    out: list[Candidate] = []
    for group in by_label.values():
        reach = -1
        for c in group:  # sorted by start, longest first
            if c.end <= reach:
                continue
            out.append(c)
            reach = max(reach, c.end)
    return sorted(out, key=lambda c: (c.start, c.end, c.label))


def rule_candidates(text: str, regions: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """The cheap pass: tokenizer + SpanRuler patterns over the text, or only over `regions` of it
    (whole lines: `triggers.selected_regions`); maximal spans per label, offsets into `text`."""
    nlp, ruler = load_nlp(), load_ruler()
    out: list[Candidate] = []
    regions = [(0, len(text))] if regions is None else regions
    pieces = [(s + a, s + b) for s, e in regions for a, b in chunks(text[s:e])]
    for start, end in pieces:
        with NLP_LOCK:
            doc = ruler(nlp.make_doc(text[start:end]))
        for span in doc.spans.get("rules", []):
            s, e = start + span.start_char, start + span.end_char
            if span.label_ in _NAME_LABELS:
                s, e = _trim_name(text, s, e)
                if e - s < 2:
                    continue
            out.append(Candidate(label=span.label_, start=s, end=e, text=text[s:e], rule=span.id_ or span.label_))
    return maximal(out)


def _fix_model_entity(label: str, text: str) -> str | None:
    """Known GiNZA errors, corrected by rule."""
    if text.endswith(("商工会議所", "商工会", "協会", "協議会", "機構", "信用金庫", "銀行", "公庫")):
        return "ORG"  # e.g. 商工会議所 tagged School or Position_Vocation, 協議会 as Position_Vocation
    if text.endswith(("経済産業局", "局", "庁", "省")) and len(text) > 2:
        return "ORG"  # e.g. 関東経済産業局 tagged Continental_Region
    return label


def model_candidates(text: str, spans: list[tuple[int, int]], batch_size: int = 16) -> list[Candidate]:
    """GiNZA NER over the given spans of text (each under the Sudachi limit), as mapped candidates."""
    nlp = load_nlp()
    table = label_table()
    pieces = [(s + a, s + b) for s, e in spans for a, b in chunks(text[s:e])]
    out: list[Candidate] = []
    with NLP_LOCK, nlp.select_pipes(disable=[p for p in _NER_DISABLE if p in nlp.pipe_names]):
        for (start, _end), doc in zip(pieces, nlp.pipe((text[s:e] for s, e in pieces), batch_size=batch_size)):
            for ent in doc.ents:
                label = _fix_model_entity(table.get(ent.label_, ""), ent.text)
                if label:
                    s, e = start + ent.start_char, start + ent.end_char
                    out.append(Candidate(label=label, start=s, end=e, text=text[s:e], rule=f"ginza:{ent.label_}"))
    return out
