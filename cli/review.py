"""`chusho-extract review OUT_DIR`: the review page written again from an output folder's own files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from output import rewrite_review


def command(args: argparse.Namespace) -> int:
    try:
        page = rewrite_review(Path(args.out))
    except FileNotFoundError as exc:
        print(f"chusho-extract: error: {exc}", file=sys.stderr)
        return 2
    print(page)
    return 0
