"""Corpus-level steps: summaries over many records, beside ``compare``.

``summarize(records, by="outlet")`` groups records (by outlet, by date
period, or by any carried field) and gives, per group and headline measure,
the mean with a bootstrap interval and a permutation test against the rest,
corrected for multiple comparisons.  It reads the numbers the records hold and
never runs a measure again.  numpy is imported only when a summary is made.
"""

from mediabias.corpus.summary import DEFAULTS, SummaryError, summarize
from mediabias.corpus.values import ALL, PERIODS, UNKNOWN

__all__ = ["summarize", "SummaryError", "DEFAULTS", "PERIODS", "ALL", "UNKNOWN"]
