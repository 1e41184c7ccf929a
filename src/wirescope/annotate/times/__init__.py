"""Times: temporal expressions found in the text and normalised as TIMEX3 values.

Adds `times`, anchored on the publication date when it is known. Expressions are found in
tagging.py and normalised in timex.py; month, weekday and number words are in vocabulary.py.
"""

from wirescope.annotate.times.tagging import annotate_times

__all__ = ["annotate_times"]
