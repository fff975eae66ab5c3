"""analyze() on generated articles: never raises, and every record holds its
properties (schema, spans, counts against hits, finite rates, determinism);
time grows linearly.  The short profile runs with the test suite; see
tests/conftest.py for the other profiles and run_long.py for a long campaign."""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis")

from fuzz_properties import check_analyze, check_linear, check_parties_and_measures, scaled
from fuzz_strategies import MEASURE_SETS, articles, linear_units, party_specs
from hypothesis import given, settings
from hypothesis import strategies as st


@given(articles())
def test_analyze_never_raises_and_the_record_holds(text):
    check_analyze(text)


@settings(max_examples=scaled(0.5))
@given(articles(max_pieces=20), party_specs(), st.sampled_from(MEASURE_SETS))
def test_user_parties_and_measure_subsets(text, parties, measures):
    check_parties_and_measures(text, parties, measures)


@settings(max_examples=scaled(0.005, floor=1))
@given(linear_units())
def test_time_grows_linearly(unit):
    """CPU time, best of three, 20 kB against 200 kB of the same generated text."""
    check_linear(unit)
