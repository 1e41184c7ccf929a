"""Events: who did what to whom, where and when, with modality (PLOVER types and modes).

Adds `events`. Trigger lexicon and dependency patterns in lexicon.py, actor and target in
participants.py, modality (negated, hedged, claimed...) in modality.py, records in extract.py.
"""

from wirescope.annotate.events.extract import extract_events

__all__ = ["extract_events"]
