"""mediabias: measure how news articles tell a story.

    >>> import mediabias
    >>> report = mediabias.analyze("Officials said the strikes were alleged to have hit a market.")
    >>> report.to_dict()["hedging"]["count"]
    1

Public API: :func:`analyze`, :class:`Report`, :class:`Config`,
``SCHEMA_VERSION`` and ``__version__``.  Attributes are loaded on first use
so that ``import mediabias`` stays light.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["analyze", "Report", "Config", "SCHEMA_VERSION", "__version__"]

_LAZY = {
    "analyze": ("mediabias.pipeline", "analyze"),
    "Report": ("mediabias.report", "Report"),
    "SCHEMA_VERSION": ("mediabias.report", "SCHEMA_VERSION"),
    "Config": ("mediabias.config", "Config"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mediabias' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
