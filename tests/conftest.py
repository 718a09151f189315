"""Shared test fixtures: where the shared corpus is, and skipping when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "fountain"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared is not beside the project ({p} missing)")
    return p


def corpus_files(pattern: str = "**/*.fountain") -> list[Path]:
    return sorted(CORPUS.glob(pattern)) if CORPUS.is_dir() else []
