"""Language: the GiNZA model, rule patterns and dates.

Takes text and gives `Candidate` spans (labelled, with the rule id or model label that found
them) and date mentions: `triggers.selected_regions` is the cheap pass before the cheap pass (a
string scan for the trigger words of `data/triggers.json`: the lines worth tokenizing);
`load_nlp` loads `ja_ginza` once per process; `rule_candidates` is the cheap pass (Sudachi
tokenizer + SpanRuler patterns from `patterns/*.jsonl`, over the whole text or given regions); `model_candidates`
runs GiNZA's NER on chosen spans, mapping its labels through `data/ginza_labels.json`;
`find_dates` / `parse_date` read era and western dates, spans and kanji numerals, and
`document_date` the date a document gives itself (one reader for every form; `DocDate`).
`meetings` reads meeting names, counted editions, theme and declaration cues (`data/meetings.json`);
`readings` places written in kana.
`arguments.signing_arguments` reads the subjects and partners of signing predicates from the
dependency parse (patterns in `patterns/*_deps.jsonl`); `institutions` gives official names of
banks, 信用金庫, 信用組合 (zengin-code) and national bodies (`data/national_bodies.json`).
"""
from extractors.language.dates import DateMention, DocDate, document_date, find_dates, parse_date
from extractors.language.nlp import load_nlp, model_candidates, rule_candidates

__all__ = ["DateMention", "DocDate", "document_date", "find_dates", "load_nlp", "model_candidates", "parse_date",
           "rule_candidates"]
