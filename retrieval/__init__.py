"""Retrieval and the multilingual assistant (issue 3).

Public API (imported lazily so ``import retrieval`` stays cheap):
``Assistant``, ``Answer``, ``Source``, ``get_assistant``, ``text_search_for_initiatives``
(from :mod:`retrieval.assistant`), ``Hit`` (:mod:`retrieval.search`) and ``get_embeddings``
(:mod:`retrieval.embeddings`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Assistant": "retrieval.assistant",
    "Answer": "retrieval.assistant",
    "Source": "retrieval.assistant",
    "get_assistant": "retrieval.assistant",
    "text_search_for_initiatives": "retrieval.assistant",
    "Hit": "retrieval.search",
    "get_embeddings": "retrieval.embeddings",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'retrieval' has no attribute {name!r}")
