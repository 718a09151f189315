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


# Property tests give the same answer on every run by default (a test suite that fails once
# and passes once tells nobody anything): the "deterministic" profile derandomizes hypothesis.
# A random search for new failures is asked for by name, and what it finds is kept as an
# explicit test or a fixture under tests/fixtures/fuzz/:
#     HYPOTHESIS_PROFILE=search .venv/bin/python -m pytest -q tests/test_fdx.py
# (or pytest's own --hypothesis-profile=search).  "ci" is the old name of the default.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("deterministic", derandomize=True, print_blob=True)
_hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
_hyp_settings.register_profile("search", derandomize=False, print_blob=True)
_hyp_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))
