"""The benchmark corpus: the samples, the dev texts rendered, and long PDFs made from real text, built once and cached.

    .venv/bin/python benchmarks/corpus.py [--quick] [--rebuild]     build (or check) and list it

`ensure_corpus(quick)` gives the folder of a corpus, building it under
`benchmarks/.corpus/{full,quick}/` when it is missing or when what made it
changed (this file, scripts/samplegen/*.py, the source texts, the samples,
the reportlab version: their sha256 is kept in `corpus.json`). Layout:

    samples/   copies of samples/*.pdf and samples/*.html and of the dev texts of ../shared rendered
               as pages and PDFs (scripts/samplegen/dev.py; names kept: dev_* marks the dev corpus)
    long/      long_060p.pdf, long_120p.pdf (two columns), long_200p.pdf; --quick: long_050p.pdf
    corpus.json  per file: kind, pages, content characters, sha256; the generator fingerprint

The long PDFs are rendered with scripts/samplegen/render.py
(reportlab, IPAex fonts, running header, page numbers, justified wrapped
lines, sentences that run across pages) from real text only: the paragraphs
of ../shared/seeds and ../shared/dev. Filler paragraphs are made of sentences
without trigger words (条例, 協定, 提携, 協約, 覚書, サミット, 宣言, 締結, 第N回),
shuffled with a fixed seed and regrouped 2-5 sentences a paragraph (the pool is
small, so sentences recur, but not whole paragraphs in the same order), with a
heading every 6-12 paragraphs. Relevant paragraphs (ones about an ordinance,
agreement or summit) are inserted sparsely: one every 20-40 pages. About
900-1,100 characters per A4 page. Same bytes on every build.

"Content characters" are the characters of the text that was drawn (what a
perfect reader would give, without headers and page numbers); the benchmark
uses them as the common denominator of every chars/s figure.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import types
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS_ROOT = Path(__file__).resolve().parent / ".corpus"
GENERATOR_VERSION = "1"  # bump to force a rebuild when the recipe changes outside this file

# Words that make a paragraph relevant to the extractor: filler never contains them.
TRIGGER = re.compile(r"条例|協定|提携|協約|覚書|サミット|宣言|締結|第\s*[0-9０-９一二三四五六七八九十百]+\s*回")
# A paragraph relevant enough to be inserted: it names an ordinance, an agreement or a summit.
RELEVANT = re.compile(r"条例|協定|提携|サミット")
# Short lines that are not headings: addresses, dates, captions, event details.
NOT_HEADING = re.compile(r"[0-9０-９]{2,}|[0-9]-[0-9]|〒|電話|@|写真|日時|場所|出席者|お問い合わせ|開催年月|年.*月.*日|[:：〔〕\[\]〜~−※・(（]")
SENTENCE = re.compile(r"[^。！？]*[。！？]")


@dataclass(frozen=True)
class LongSpec:
    name: str
    pages: int
    columns: int
    header: str
    footer: str
    seed: int
    own: bool = False  # filler of our own sentences (OWN_FILLER) and relevant paragraphs of our written samples


FULL = (
    LongSpec("long_060p.pdf", 60, 1, "令和5年度 産業振興施策 実施状況報告書", "- {n} -", 60),
    LongSpec("long_120p.pdf", 120, 2, "地域経済動向調査 報告書（本編）", "{n}", 120),
    LongSpec("long_200p.pdf", 200, 1, "中小企業振興に関する基礎調査 最終報告", "{n}/{total}", 200),
)
QUICK = (LongSpec("long_050p.pdf", 50, 1, "令和5年度 産業振興施策 実施状況報告書", "- {n} -", 50),)
OWN = (LongSpec("long_150p.pdf", 150, 1, "地域産業の動向に関する調査報告書", "- {n} -", 150, own=True),)
CORPORA = ("own", "full", "quick")

# The own corpus's filler: sentences this project wrote for it, about the kind of report that holds
# few relevant passages (a survey of local industry), with slots filled at random. None holds a
# trigger word.
OWN_FILLER = (
    "{y}の{sector}の事業所数は{n}件で、前の年度と比べて{p}パーセント増えました。",
    "{area}では、{sector}の売上が回復しつつあるとの声が多く聞かれました。",
    "相談窓口には{y}の一年間で{n}件の相談が寄せられ、そのうち資金繰りに関するものが最も多くなりました。",
    "人手不足を課題に挙げた事業者は全体の{p}パーセントにのぼり、特に{sector}で目立ちました。",
    "{area}の空き店舗は{n}軒あり、新しく出店する人への家賃の補助を続けています。",
    "調査票は{m}月に発送し、{n}の事業所から回答を得ました。",
    "回答のあった事業者のうち、後継者が決まっていると答えたのは{p}パーセントでした。",
    "設備の更新を予定している事業者は、規模の大きいところほど多い傾向が見られます。",
    "{sector}では、原材料の値上がりが利益を圧迫しているとの回答が目立ちました。",
    "創業を支える講座には{n}人が参加し、修了した人のうち何人かが{area}で店を開きました。",
    "販路を広げるため、展示会への出展費用の一部を市が負担しています。",
    "{area}の商店会からは、夜の人通りを増やす工夫を求める意見が出されました。",
    "若い世代の地元での就職を後押しするため、企業の見学会を{m}月に開きました。",
    "補助金の申請は{n}件で、そのうち採択されたものは{p}パーセントでした。",
    "デジタル化に取り組む事業者の割合は、{y}に初めて半数を超えました。",
    "{sector}の雇用者数は、ここ数年おおむね横ばいで推移しています。",
    "エネルギーの費用が上がったことを受けて、省エネ診断の希望が増えています。",
    "{area}では、古い工場の跡地を新しい事業用地として使う検討が進んでいます。",
    "事業者向けの説明会は市内の会場で{n}回開き、延べ{n2}人が出席しました。",
    "融資の利子の補給を受けた事業者は{n}件で、前の年度より少し減りました。",
    "観光客の数が戻りつつあり、{area}の飲食店や宿泊施設では明るい見通しが聞かれます。",
    "一方で、価格への転嫁が進んでいないと答えた事業者も少なくありません。",
    "今後の課題として、人材の確保と育成を挙げる声が最も多く寄せられました。",
    "市の支援制度を知らなかったと答えた事業者が{p}パーセントあり、知らせ方を見直します。",
    "{sector}の出荷額は{y}に{n}億円となり、三年続けて増えました。",
    "地元の商工団体と情報を分け合い、事業者への訪問を重ねています。",
    "専門家の派遣は{n}件あり、経営計画づくりや売り方の見直しに役立てられました。",
    "{area}の住民への聞き取りでは、身近な商店を残してほしいという声が多くありました。",
    "働き方の見直しに取り組んだ事業者では、辞める人が減ったとの回答が目立ちます。",
    "海外との取引がある事業者は全体の{p}パーセントで、為替の動きへの関心が高まっています。",
    "表に示したとおり、従業員の少ない事業者ほど資金繰りが厳しいと答えています。",
    "この章では、アンケートの結果をもとに地域の産業の動きを整理します。",
    "詳しい数字は巻末の資料にまとめてあります。",
    "{area}の工業団地では、{n}社が操業を続けています。",
    "事業を引き継ぐ準備について、まだ何もしていないと答えた人が多く見られました。",
    "{y}は、物価の上昇と人手不足が同時に進んだ一年でした。",
)
OWN_HEADINGS = ("地域産業の現状", "事業所アンケートの結果", "創業の支援", "商店街の動き", "雇用と人材", "資金繰りと融資",
                "設備投資の動向", "観光と飲食業", "デジタル化の状況", "事業承継の課題", "今後の方向性", "調査の方法")
OWN_SLOTS = {
    "area": ("北部地区", "南部地区", "中央地区", "東部地区", "西部地区", "駅前地区", "沿岸部", "山間部", "旧市街", "新市街"),
    "sector": ("製造業", "小売業", "飲食業", "建設業", "情報通信業", "運輸業", "宿泊業", "卸売業", "サービス業"),
}


# ---------------------------------------------------------------- the sample generator's renderers

@functools.lru_cache(maxsize=1)
def make_samples():
    """scripts/samplegen (the renderers and the sample catalogue) as one namespace, fonts registered."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from scripts.samplegen import dev, render, seeds, shared

    render.register_fonts()
    render.wrap = functools.lru_cache(maxsize=None)(render.wrap)  # layouts are repeated while fitting pages
    # A looser page than the samples' (about 1,000 characters on A4 rather than 1,500).
    render.STYLES.setdefault("bench_p", render.Style(size=11, leading=2.0))
    return types.SimpleNamespace(**{**vars(shared), **vars(seeds), **vars(dev), **vars(render)})


# ---------------------------------------------------------------- real text

def source_blocks() -> list:
    """Every block of the seed and dev texts, split as the sample catalogue splits them."""
    ms = make_samples()
    if ms.shared_reason():
        raise SystemExit(f"the full and quick corpora are made from the texts of ../shared: {ms.shared_reason()}; "
                         "the own corpus (--corpus own) needs none")
    blocks = []
    blocks += ms.unwrap_declaration(ms.read_seed("001"))
    blocks += ms.parse_newsletter(ms.read_seed("002"))
    blocks += ms.unwrap_interview(ms.read_seed("004"))
    for prefix in ("000", "003"):  # web pages: a paragraph a line
        for line in ms.read_seed(prefix).splitlines():
            line = line.strip(" \u3000\u00a0")
            if line:
                style = "p" if len(line) > 24 or line.endswith("。") else "head"
                blocks.append(ms.Block(style, line))
    for path in sorted((ms.SHARED / "dev").glob("*.txt")):
        _meta, body = ms.read_dev(path.stem)
        blocks += ms.dev_pdf_blocks(body)
    return blocks


def _balanced(s: str) -> bool:
    return all(s.count(a) == s.count(b) for a, b in ("「」", "（）", "()", "『』", "【】"))


@functools.lru_cache(maxsize=1)
def text_pools() -> tuple[list[str], list[str], list[str]]:
    """(filler sentences, headings, relevant paragraphs) from the real texts, in source order."""
    sentences: list[str] = []
    headings: list[str] = []
    relevant: list[str] = []
    for b in source_blocks():
        text = b.text.strip()
        if b.style in ("p", "p0"):
            if RELEVANT.search(text) and len(text) >= 40 and text.endswith("。") and _balanced(text) \
                    and "写真" not in text:
                relevant.append(text)
            for s in SENTENCE.findall(text):
                s = s.strip(" \u3000")
                if len(s) >= 15 and not TRIGGER.search(s) and _balanced(s) and not s.startswith(("第", "(", "（")):
                    sentences.append(s)
        elif 6 <= len(text) <= 30 and not TRIGGER.search(text) and not NOT_HEADING.search(text) and _balanced(text) \
                and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{4}", text):
            headings.append(text.lstrip("○●■#").strip())
    dedupe = lambda xs: list(dict.fromkeys(xs))  # noqa: E731
    return dedupe(sentences), dedupe(h for h in headings if h), dedupe(relevant)


def own_sentences(rng: random.Random, count: int) -> list[str]:
    """`count` filler sentences of OWN_FILLER with their slots filled (years, numbers, areas, sectors)."""
    out = []
    for _ in range(count):
        template = rng.choice(OWN_FILLER)
        out.append(template.format(
            y=f"令和{rng.randint(2, 6)}年度", n=rng.randint(3, 480), n2=rng.randint(40, 900), p=rng.randint(3, 72),
            m=rng.randint(1, 12), area=rng.choice(OWN_SLOTS["area"]), sector=rng.choice(OWN_SLOTS["sector"])))
    return out


def written_paragraphs() -> list[str]:
    """The plain paragraphs of the project's written samples (scripts/samplegen/texts), in file order."""
    make_samples()  # (puts the repository on sys.path)
    from scripts.samplegen.written import TEXTS, read_text

    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        _meta, lines = read_text(path)
        out += [line for line in lines if line[:1] not in "#-|=" and not line.startswith("== ")]
    return out


@functools.lru_cache(maxsize=1)
def own_pools() -> tuple[list[str], list[str], list[str]]:
    """(filler sentences, headings, relevant paragraphs) of the own corpus: our filler, and the paragraphs of
    our written samples that name an ordinance, agreement or summit."""
    relevant = [t for t in written_paragraphs() if RELEVANT.search(t) and len(t) >= 40 and t.endswith("。")
                and _balanced(t)]
    sentences = list(dict.fromkeys(own_sentences(random.Random(0), 3000)))
    assert not any(TRIGGER.search(x) for x in sentences + list(OWN_HEADINGS)), "a filler sentence holds a trigger word"
    return sentences, list(OWN_HEADINGS), list(dict.fromkeys(relevant))


# ---------------------------------------------------------------- long PDFs

def _layout(spec: LongSpec):
    ms = make_samples()
    if spec.columns == 2:
        return ms.Layout(margins=(84, 70, 80, 70), columns=2, gutter=24, header=spec.header, footer=spec.footer)
    return ms.Layout(margins=(90, 82, 86, 82), header=spec.header, footer=spec.footer)


def count_pages(blocks: list, layout) -> int:
    """The pages render_pdf would draw (its layout part only)."""
    ms = make_samples()
    flow = ms.Flow(layout)
    pending: list = []
    after = 0.0
    for b in blocks:
        if layout.columns > 1 and b.style in ms.SPANNING:
            flow.columns(pending)
            pending = []
            flow.span(ms.block_items(b, flow.width, after))
        else:
            pending += ms.block_items(b, flow.col_w, after)
        after = ms.STYLES[b.style].after
    flow.columns(pending)
    return len([p for p in flow.pages if p])


def _filler(rng: random.Random, sentences: list[str], headings: list[str], n_chars: int) -> list:
    """Filler blocks of about n_chars: sentences dealt from a reshuffled deck, 2-5 a paragraph."""
    ms = make_samples()
    deck: list[str] = []
    blocks = []
    size = 0
    chapter = 0
    until_heading = 0
    while size < n_chars:
        if until_heading == 0:
            chapter += 1
            blocks.append(ms.Block("head", f"{chapter}. {rng.choice(headings)}"))
            until_heading = rng.randint(6, 12)
        para = []
        for _ in range(rng.randint(2, 5)):
            if not deck:
                deck = sentences[:]
                rng.shuffle(deck)
            para.append(deck.pop())
        text = "".join(para)
        blocks.append(ms.Block("bench_p", text))
        size += len(text)
        until_heading -= 1
    return blocks


def long_pdf_blocks(spec: LongSpec) -> list:
    """Blocks filling exactly spec.pages pages: a title, filler, a relevant paragraph every 20-40 pages."""
    ms = make_samples()
    sentences, headings, relevant = own_pools() if spec.own else text_pools()
    rng = random.Random(spec.seed)
    layout = _layout(spec)
    title = ms.Block("title", spec.header)
    body = _filler(rng, sentences, headings, spec.pages * 1400)
    # The longest prefix that fits the page count.
    lo, hi = 1, len(body)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count_pages([title] + body[:mid], layout) <= spec.pages:
            lo = mid
        else:
            hi = mid - 1
    body = body[:lo]
    # Relevant paragraphs at positions one every 20-40 pages (by characters).
    per_page = sum(len(b.text) for b in body) / spec.pages
    picks = relevant[:]
    rng.shuffle(picks)
    at, pos, inserts = 0.0, 0, []
    while True:
        at += rng.uniform(20, 40) * per_page
        if at >= sum(len(b.text) for b in body) or not picks:
            break
        inserts.append((at, ms.Block("bench_p", picks.pop())))
    out, size = [], 0
    queue = list(inserts)
    for b in body:
        while queue and size >= queue[0][0] and b.style != "head":
            out.append(queue.pop(0)[1])
        out.append(b)
        size += len(b.text)
    # Inserting pushed text on: drop filler from the end until the count is right again.
    while count_pages([title] + out, layout) > spec.pages:
        out.pop()
    while out and out[-1].style == "head":
        out.pop()
    return [title] + out


def render_long(spec: LongSpec) -> tuple[bytes, str, int]:
    """(PDF bytes, content text drawn, pages) of one long PDF."""
    ms = make_samples()
    blocks = long_pdf_blocks(spec)
    data, text = ms.render_pdf(blocks, _layout(spec), spec.header)
    return data, text, count_pages(blocks, _layout(spec))


# ---------------------------------------------------------------- the corpus folder

def _sample_files() -> list[Path]:
    """The samples and the dev texts rendered (the dev folder holds its expected texts too)."""
    ms = make_samples()
    folders = [SAMPLES, ms.rendered_dev()]
    return sorted((p for folder in folders for p in folder.iterdir() if p.suffix in (".pdf", ".html") and p.is_file()),
                  key=lambda p: p.name)


def _own_sample_files() -> list[Path]:
    """The samples the project wrote (samples/manifest.json: not the seed documents)."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return sorted(SAMPLES / name for name, info in manifest.items() if not info["source"].startswith("seeds/"))


def own_alternates() -> list[tuple[str, bytes, str]]:
    """Each written sample published the other way: a page's text as a one-column PDF (those without a
    table), a one- or two-column PDF's text as a city's page; (file name, bytes, content text)."""
    make_samples()  # (puts the repository on sys.path)
    from scripts.samplegen.written import TEXTS, content_text, make_page, make_pdf, read_text

    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        meta, lines = read_text(path)
        if meta["form"] == "page" and not any(line.startswith("|") for line in lines):
            data, text, _extra = make_pdf({**meta, "form": "pdf", "header": meta["title"][:30]}, lines)
            out.append((f"{path.stem}.alt.pdf", data, text))
        elif meta["form"] in ("pdf", "pdf-2col"):
            page = {"site": "city", "publisher": meta.get("publisher", "市役所"), "host": "example.jp",
                    "charset": "UTF-8", **meta}
            data, _extra = make_page(page, lines)
            out.append((f"{path.stem}.alt.html", data, content_text(lines)))
    return out


def _specs(corpus: str) -> tuple[LongSpec, ...]:
    return {"own": OWN, "full": FULL, "quick": QUICK}[corpus]


def fingerprint(corpus: str) -> str:
    """sha256 over everything that decides the corpus bytes."""
    generator = sorted((ROOT / "scripts" / "samplegen").glob("*.py"))
    h = hashlib.sha256()
    h.update(f"{GENERATOR_VERSION}|{corpus}|reportlab {metadata.version('reportlab')}".encode())
    paths = [Path(__file__).resolve(), *generator]
    if corpus == "own":
        paths += [*_own_sample_files(), *sorted((ROOT / "scripts" / "samplegen" / "texts").glob("*.txt"))]
    else:
        shared = ROOT.parent / "shared"
        paths += [*_sample_files(), *sorted((shared / "seeds").glob("*.txt")), *sorted((shared / "dev").glob("*.txt"))]
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def build_corpus(dest: Path, corpus: str, log=print) -> dict:
    """Write the corpus into dest (replaced atomically); gives its manifest."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        (tmp / "samples").mkdir()
        (tmp / "long").mkdir()
        files = {}
        for p in _own_sample_files() if corpus == "own" else _sample_files():
            shutil.copyfile(p, tmp / "samples" / p.name)
            expected = p.parent / "expected" / f"{p.name}.txt"
            chars = len(expected.read_text(encoding="utf-8").rstrip("\n")) if expected.exists() else None
            kind = "pdf" if p.suffix == ".pdf" else "html"
            files[f"samples/{p.name}"] = {"kind": kind, "part": "samples", "chars": chars,
                                          "pages": _pdf_pages(p) if kind == "pdf" else 1}
        if corpus == "own":
            for name, data, text in own_alternates():
                (tmp / "samples" / name).write_bytes(data)
                kind = "pdf" if name.endswith(".pdf") else "html"
                files[f"samples/{name}"] = {"kind": kind, "part": "samples", "chars": len(text),
                                            "pages": _pdf_pages(tmp / "samples" / name) if kind == "pdf" else 1}
        for spec in _specs(corpus):
            log(f"corpus: rendering {spec.name} ({spec.pages} pages, {spec.columns} column(s)) ...")
            data, text, pages = render_long(spec)
            (tmp / "long" / spec.name).write_bytes(data)
            files[f"long/{spec.name}"] = {"kind": "pdf", "part": "long", "chars": len(text), "pages": pages,
                                          "relevant_paragraphs": sum(1 for line in text.split("\n")
                                                                     if RELEVANT.search(line)),
                                          "columns": spec.columns}
        for rel, info in files.items():
            info["bytes"] = (tmp / rel).stat().st_size
            info["sha256"] = hashlib.sha256((tmp / rel).read_bytes()).hexdigest()
        manifest = {"fingerprint": fingerprint(corpus), "corpus": corpus, "quick": corpus == "quick", "files": files}
        (tmp / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.chmod(0o755)  # mkdtemp makes it private
        if dest.exists():
            shutil.rmtree(dest)
        tmp.rename(dest)
        return manifest
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def ensure_corpus(corpus: str, root: Path = CORPUS_ROOT, rebuild: bool = False, log=print) -> tuple[Path, dict]:
    """The corpus folder ("own", "full" or "quick") and its manifest, built only if missing or stale."""
    dest = root / corpus
    manifest_path = dest / "corpus.json"
    if not rebuild and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") == fingerprint(corpus) and all((dest / f).exists() for f in manifest["files"]):
            return dest, manifest
        log("corpus: generator or inputs changed, rebuilding")
    return dest, build_corpus(dest, corpus, log)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=CORPORA, default="own",
                    help="own: our written samples + one 150-page PDF of our filler (the default); full, quick: "
                    "made from the texts of ../shared")
    ap.add_argument("--quick", action="store_true", help="the same as --corpus quick")
    ap.add_argument("--rebuild", action="store_true", help="rebuild even if the cached corpus is current")
    ap.add_argument("--corpus-root", type=Path, default=CORPUS_ROOT)
    args = ap.parse_args(argv)
    dest, manifest = ensure_corpus("quick" if args.quick else args.corpus, args.corpus_root, args.rebuild)
    for rel, info in manifest["files"].items():
        print(f"{rel:38s} {info['kind']:4s} {info['pages']:4d} pages {info['chars'] or 0:8d} chars "
              f"{info['bytes']:9d} bytes")
    print(f"corpus: {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
