"""Quotes: direct, partial and indirect quotes with their speaker, cue, venue, medium and date.

Adds `quotes`. Quotation marks in marks.py, speech cues and their vocabulary in vocabulary.py,
speaker resolution in speakers.py, attribution of a quote to its cue and speaker in attribution.py.
"""

from wirescope.annotate.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
