"""Language: the GiNZA model, rule patterns and dates.

Takes text and gives `Candidate` spans (labelled, with the rule id or model label that found
them) and date mentions: `load_nlp` loads `ja_ginza` once per process; `rule_candidates` is the
cheap pass (Sudachi tokenizer + SpanRuler patterns from `patterns/*.jsonl`); `model_candidates`
runs GiNZA's NER on chosen spans, mapping its labels through `data/ginza_labels.json`;
`find_dates` / `parse_date` read era and western dates, spans and kanji numerals.
"""
from extractors.language.dates import DateMention, find_dates, parse_date
from extractors.language.nlp import load_nlp, model_candidates, rule_candidates

__all__ = ["DateMention", "find_dates", "load_nlp", "model_candidates", "parse_date", "rule_candidates"]
