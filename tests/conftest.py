"""Shared test fixtures: where the shared corpus is, and skipping when it is absent."""
from __future__ import annotations

import os
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


def corpus_params(pattern: str = "**/*.fountain") -> list:
    """Corpus files as pytest params, or one skipped param saying why there are none."""
    files = corpus_files(pattern)
    if files:
        return [pytest.param(p, id=p.name) for p in files]
    return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(
        reason="../shared/corpus/fountain is not beside the project"))]


# Property tests search a fresh random space on a developer's machine, but CI runs a fixed
# one, so that a submission's result does not depend on luck.  (Failures found locally are
# kept as explicit tests or fixtures.)
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hyp_settings.load_profile("ci")
