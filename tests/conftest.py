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


def assert_linear(name: str, unit: str, timer) -> None:
    """``timer(text)`` seconds grow about linearly: ``unit`` repeated to 100 kB
    and to 1 MB; a quadratic step would make the larger ~100x slower, the
    bound (30x) is generous so a busy machine does not fail it."""
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    timer(small)  # warm caches
    t_small = min(timer(small) for _ in range(2))
    t_large = timer(large)
    assert t_large < 30 * max(t_small, 0.005), f"{name}: {t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"


# -- hypothesis profiles for tests/fuzz ---------------------------------------------------
# ``default``: what ``pytest`` runs (a few seconds); ``ci``: ``.ci/run`` runs
# ``pytest tests/fuzz --hypothesis-profile ci`` (a few minutes on 2 cores); ``long``:
# set MEDIABIAS_FUZZ_PROFILE=long (and MEDIABIAS_FUZZ_EXAMPLES) -- tests/fuzz/run_long.py
# is the better tool for a long campaign.  No deadline: time has its own property.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the fuzzing suite skips without it
    pass
else:
    _FUZZ = dict(deadline=None, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.register_profile("default", max_examples=40, **_FUZZ)
    settings.register_profile("ci", max_examples=3000, **_FUZZ)
    settings.register_profile("long", max_examples=int(os.environ.get("MEDIABIAS_FUZZ_EXAMPLES", "100000")),
                              database=None, **_FUZZ)
    settings.load_profile(os.environ.get("MEDIABIAS_FUZZ_PROFILE", "default"))
