"""The team's shared texts: ../shared beside the repository (or $CHUSHO_SHARED), present only on
development machines; a clone of the project has no copy of them.

`read_seed(prefix)` gives a seed text, `read_dev(name)` a dev text's header fields (source, kind,
title) and body; `SHARED` is the folder, `shared_reason()` says why it cannot be used (None when it can).
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHUSHO_SHARED", ROOT.parent / "shared"))


def shared_reason() -> str | None:
    """Why the shared texts cannot be read here, or None."""
    if not (SHARED / "dev").is_dir():
        return f"{SHARED}/dev is not here: the dev texts are development material, not part of the repository"
    return None


def read_seed(prefix: str) -> str:
    (path,) = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def read_dev(name: str) -> tuple[dict[str, str], str]:
    """A dev text's header fields (source, kind, title) and its body."""
    head, _, body = (SHARED / "dev" / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return meta, body
