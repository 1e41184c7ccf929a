"""Human judgements about the record, kept apart from machine output and re-applied after every run.

model.py      a Correction and its text-quote Anchor
anchor.py     finding an anchor's text again after a re-run moved it
kinds.py      the annotation kinds a correction can target (one explicit list) and their fields
overlay.py    applying corrections to an article as the machine made it, and undoing them
making.py     a correction from what a reviewer saw (an annotation, or a span for an addition)
exchange.py   W3C Web Annotations and Label Studio tasks, in and out
training.py   reviewed annotations as training examples for the learned components
"""

from __future__ import annotations

from wirescope.corrections.model import ACTIONS, Anchor, Correction

__all__ = ["ACTIONS", "Anchor", "Correction"]
