"""Text-quote anchors: made from a span, found again in a text that may have changed.

A correction names the exact text it is about with a little text on either side (the W3C Web
Annotation TextQuoteSelector). After a re-run the text may be the same with the same offsets
(found at once), the same with shifted offsets (a repair or a cleaning change upstream), or the
quote may be gone (the correction is then orphaned, never dropped).
"""

from __future__ import annotations

from wirescope.corrections.model import Anchor
from wirescope.record import Span

CONTEXT = 32  # characters of prefix and suffix: enough to tell repeated phrases apart


def anchor_of(text: str, span: Span) -> Anchor:
    return Anchor(
        span.of(text),
        text[max(0, span.start - CONTEXT) : span.start],
        text[span.end : span.end + CONTEXT],
        span.start,
        span.end,
    )


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_head(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _occurrences(text: str, exact: str) -> list[int]:
    found, at = [], text.find(exact)
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def find(anchor: Anchor, text: str) -> Span | None:
    """The span the anchor points to in `text`: of the places where its exact text occurs, the
    one whose surroundings agree most with the prefix and suffix, then the nearest to the old
    offsets. None when the exact text is nowhere (the correction is orphaned)."""
    if not anchor.exact:
        return None
    starts = _occurrences(text, anchor.exact)
    if not starts:
        return None

    def agreement(start: int) -> tuple[int, int]:
        end = start + len(anchor.exact)
        before = text[max(0, start - len(anchor.prefix)) : start]
        after = text[end : end + len(anchor.suffix)]
        context = _common_tail(before, anchor.prefix) + _common_head(after, anchor.suffix)
        return (-context, abs(start - anchor.start))

    best = min(starts, key=agreement)
    return Span(best, best + len(anchor.exact))
