"""The seed article, as a scraper saved it, cleans to the gold's title, body and repairs."""

from __future__ import annotations


def test_title_is_recognised_and_not_in_body(seed_article, seed_gold):
    assert seed_article.title == seed_gold["metadata"]["title"]
    assert seed_gold["metadata"]["title"] not in seed_article.text


def test_publisher_is_read_from_the_page_footer(seed_article, seed_gold):
    assert seed_article.publisher == seed_gold["metadata"]["publisher"]


def test_page_chrome_is_removed(seed_article, seed_gold):
    body = seed_article.text
    for chrome in seed_gold["boilerplate"]["must_exclude_from_body"]:
        assert chrome not in body and chrome.replace("'", "\u2019") not in body, chrome


def test_article_text_is_kept(seed_article, seed_gold):
    for kept in seed_gold["boilerplate"]["must_include_in_body"]:
        assert kept in seed_article.text


def test_paragraph_count_matches_gold(seed_article, seed_gold):
    assert len(seed_article.paragraphs) == seed_gold["boilerplate"]["body_paragraph_count"]


def test_removed_lines_are_kept_with_offsets_into_the_input(seed_article, seed_text):
    assert len(seed_article.removed) >= 5
    for removed in seed_article.removed:
        assert seed_text[removed.start : removed.end] == removed.text
        assert removed.reason


def test_glued_words_are_repaired_and_recorded(seed_article, seed_gold):
    body = seed_article.text
    for gold in seed_gold["repairs"]:
        assert gold["damaged"] not in body
        assert any(fixed in body for fixed in gold["repaired_any_of"]), gold["damaged"]
    recorded = {r.before for r in seed_article.repairs}
    assert {g["damaged"].split()[-1] for g in seed_gold["repairs"]} <= recorded


def test_repair_offsets_point_at_the_repaired_text(seed_article):
    for repair in seed_article.repairs:
        assert seed_article.text_of(repair.span) == repair.after


def test_paragraph_spans_cover_the_text_between_separators(seed_article):
    rebuilt = "\n\n".join(seed_article.text_of(p) for p in seed_article.paragraphs)
    assert rebuilt == seed_article.text
