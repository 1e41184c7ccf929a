"""Cleaning is linear in the input: the scrapes that once took minutes clean in a fraction of a second."""

from __future__ import annotations

import time

from wirescope.clean import clean
from wirescope.clean.repairs import apply_edits, mojibake_edits
from wirescope.sources.document import RawDocument

SENTENCE = "The governor said that fighters crossed the river near Bazarak on Tuesday morning. "
MOJIBAKE_APOSTROPHE = "\u00e2\u20ac\u2122"


def one_paragraph_scrape(size: int) -> bytes:
    """One long paragraph, with a little mojibake in it (the 15 KB case took 71 s)."""
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    return text.replace("governor said", f"governor{MOJIBAKE_APOSTROPHE}s aide said", 5).encode()


def many_paragraph_scrape(size: int) -> bytes:
    paragraph = (SENTENCE * 4).replace("said", f"said{MOJIBAKE_APOSTROPHE}", 1).strip()
    return "\n\n".join([paragraph] * (size // (len(paragraph) + 2) + 1)).encode()[:size]


def seconds_to_clean(data: bytes) -> float:
    start = time.perf_counter()
    clean(RawDocument("scrape.txt", data))
    return time.perf_counter() - start


def test_one_paragraph_scrape_with_mojibake_cleans_in_well_under_a_second():
    data = one_paragraph_scrape(15_000)
    seconds_to_clean(data)  # warm ftfy and wordfreq
    assert seconds_to_clean(data) < 1.0
    article = clean(RawDocument("scrape.txt", data))
    assert MOJIBAKE_APOSTROPHE not in article.text and "governor\u2019s aide" in article.text


def test_cleaning_time_grows_linearly_with_the_input():
    seconds_to_clean(many_paragraph_scrape(20_000))
    small = min(seconds_to_clean(many_paragraph_scrape(40_000)) for _ in range(2))
    large = min(seconds_to_clean(many_paragraph_scrape(400_000)) for _ in range(2))
    # Ten times the input: linear work takes about ten times as long, quadratic a hundred.
    assert large / small < 25, (small, large)
    one_small = seconds_to_clean(one_paragraph_scrape(40_000))
    one_large = seconds_to_clean(one_paragraph_scrape(400_000))
    assert one_large / one_small < 25, (one_small, one_large)


def test_mojibake_far_apart_in_one_paragraph_is_fixed_with_exact_offsets():
    text = f"caf\u00c3\u00a9 {'quiet words ' * 2000}the end{MOJIBAKE_APOSTROPHE}s here"
    fixed, applied = apply_edits(text, mojibake_edits(text))
    assert fixed.startswith("caf\u00e9 ") and fixed.endswith("end\u2019s here")
    assert [(a.before, a.after) for a in applied] == [("\u00c3\u00a9", "\u00e9"), (MOJIBAKE_APOSTROPHE, "\u2019")]
    for a in applied:
        assert fixed[a.start : a.end] == a.after


def test_an_unbroken_megabyte_token_is_cleaned_without_quadratic_work():
    data = ("word" + "x" * 1_000_000 + " said the governor.").encode()
    assert seconds_to_clean(data) < 10
