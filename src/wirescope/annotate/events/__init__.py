"""Events: who did what to whom, where and when, with modality (PLOVER types and modes).

Adds `events`. Trigger lexicon and dependency patterns in lexicon.py, actor and target in
participants.py, modality (negated, hedged, claimed...) in modality.py, mentions in extract.py.
Adds `event_records` (records.py): one record per real-world event, its mentions grouped, its
arguments from the whole report (context.py) and its counts ACLED's way (counts.py).
"""

from wirescope.annotate.events.extract import extract_events
from wirescope.annotate.events.records import build_event_records

__all__ = ["build_event_records", "extract_events"]
