"""A per-document time budget: a document that takes longer is rejected and the batch goes on.

Cleaning and annotating are linear in the input, but a 10 MB document still takes many minutes,
and a bug or a pathological input could take longer: the budget bounds what one document can
cost the batch behind it. It is a SIGALRM timer, so it interrupts Python code between bytecodes
(a long C call, such as one regular expression, ends before the alarm is seen), and it only runs
in the main thread of the process; elsewhere (a web worker thread) the work runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from wirescope.errors import DocumentTooSlow


class _OutOfTime(BaseException):
    """Raised by the alarm. A BaseException, so that no `except Exception` in a cleaner or an
    annotator swallows it on the way out."""


def can_time() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def time_budget(seconds: float, uri: str, what: str = "document") -> Iterator[None]:
    """Run the body within `seconds` (0 or less: no limit), else raise DocumentTooSlow for `uri`."""
    if seconds <= 0 or not can_time():
        yield
        return

    def out_of_time(_signum, _frame):
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise DocumentTooSlow(
            uri,
            f"took over the {seconds:g} s time budget for one {what}",
            hint="raise it with the doc_timeout setting (WIRESCOPE_DOC_TIMEOUT)",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["can_time", "time_budget"]
