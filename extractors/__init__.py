"""Plain-function extractors: bytes -> Document -> candidates -> records. No Prefect here.

One package per stage, each saying in its `__init__` what it takes and gives:

- `reading/`: sources (files, URLs) to bytes (`Fetched`) to a normalised `Document` with page offsets;
- `crawling/`: a site's rules without I/O: scope, robots.txt, politeness, the frontier, a page's links;
- `language/`: the GiNZA loader, the rule patterns (`language/patterns/*.jsonl`) and label data
  (`language/data/`), dates;
- `records/`: a `Document` and its candidates to draft, validated and merged records, and scoring.

Shared by all: `settings` (the one settings model), `versions` (code/model fingerprints), `errors`.
"""
