"""Shared fixtures: paths to the example articles and to ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = Path(os.environ.get("MEDIABIAS_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set MEDIABIAS_SHARED)")
    return SEEDS


@pytest.fixture
def data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"shared data not found at {DATA} (set MEDIABIAS_SHARED)")
    return DATA


def seed_text(name_prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{name_prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed {name_prefix} not found in {SEEDS}")
    return matches[0].read_text(encoding="utf-8")
