"""Quotes: who said what, where and when (annotate/quotes.py and its helpers).

The seed article's gold quotes are checked one by one; the rest are sentences written for these
tests, each a case the rules must handle (or must leave alone).
"""

from __future__ import annotations

import re

import pytest

from wirescope.annotate import build_pipeline
from wirescope.annotate.quotes.marks import quoted_segments, trim_content
from wirescope.record import Article, Source, Span
from wirescope.settings import Settings

# The steps quotes depend on; the rest of the pipeline is other annotators' business.
QUOTE_STEPS = Settings(pipeline="parse,actors,times,quotes")


def annotate(text: str, published=None) -> Article:
    """Annotate a text whose paragraphs are separated by blank lines, as it is (no cleaning)."""
    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    article = Article(
        id="art_test", text=text, source=Source("<test>", "text/plain", "0"), paragraphs=paragraphs, published=published
    )
    return build_pipeline(QUOTE_STEPS)(article)


def quote_with(article: Article, words: str):
    found = [q for q in article.quotes if article.text_of(q.span) == words]
    assert found, f"no quote {words!r}; found {[article.text_of(q.span) for q in article.quotes]}"
    return found[0]


def norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().strip('"').strip().rstrip(",").strip().lower()


# -- the seed article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(seed_text, seed_gold):
    import wirescope

    settings = Settings(pipeline="parse,actors,times,quotes")
    return wirescope.process(seed_text, published=seed_gold["metadata"]["published_for_tests"], settings=settings)


def _matches(article: Article, quote, gold: dict) -> bool:
    text = norm(article.text_of(quote.span))
    end = norm(gold.get("ends_with", gold["starts_with"])).rstrip(".")
    if not (text.startswith(norm(gold["starts_with"])) and text.rstrip(".").endswith(end)):
        return False
    if quote.speaker is None or norm(quote.speaker.name) != norm(gold["speaker"]):
        return False
    if gold.get("venue_any_of") and norm(quote.venue) not in [norm(v) for v in gold["venue_any_of"]]:
        return False
    return not (gold.get("medium_any_of") and not any(norm(m) in norm(quote.medium) for m in gold["medium_any_of"]))


def test_every_required_seed_quote_is_found_with_its_speaker_venue_and_medium(seed_quotes, seed_gold):
    required = [g for g in seed_gold["quotes"] if g.get("required")]
    assert len(required) >= 9
    missing = [g["starts_with"] for g in required if not any(_matches(seed_quotes, q, g) for q in seed_quotes.quotes)]
    assert not missing, f"seed quotes not matched: {missing}"


def test_seed_speakers_are_actors_of_the_article(seed_quotes, seed_gold):
    actor_ids = {a.id for a in seed_quotes.actors}
    for g in (g for g in seed_gold["quotes"] if g.get("required")):
        quote = next(q for q in seed_quotes.quotes if _matches(seed_quotes, q, g))
        assert quote.speaker.actor_id in actor_ids
        assert quote.cue is not None and quote.speaker.span is not None


def test_seed_non_quotes_have_no_speaker(seed_quotes, seed_gold):
    for g in seed_gold["non_quotes"]:
        bad = [q for q in seed_quotes.quotes if norm(seed_quotes.text_of(q.span)) == norm(g["text"]) and q.speaker]
        assert not bad, f"{g['text']!r} came out as a quote: {g['why']}"


def test_seed_op_ed_quote_has_the_date_the_text_gives(seed_quotes):
    quote = next(q for q in seed_quotes.quotes if seed_quotes.text_of(q.span).startswith("I write from"))
    assert quote.date == "2021-08-18" and quote.medium == "op-ed"


# -- direct quotes ---------------------------------------------------------------------------

DIRECT = [
    # text, quoted words, speaker, cue starts with, venue, medium
    (
        "Karim Haidari, a district governor, said: “The road to the north is closed.”",
        "The road to the north is closed.",
        "Karim Haidari",
        "said",
        None,
        None,
    ),
    (
        "“We have enough food for a month,” Laila Ahmadi told Reuters on Monday.",
        "We have enough food for a month",
        "Laila Ahmadi",
        "told",
        "Reuters",
        None,
    ),
    (
        "“Nobody came to help us,” said Farid Samadi, a shopkeeper in Herat.",
        "Nobody came to help us",
        "Farid Samadi",
        "said",
        None,
        None,
    ),
    (
        "In an op-ed for The Guardian, Samira Noori wrote, “Our schools must stay open for every girl.”",
        "Our schools must stay open for every girl.",
        "Samira Noori",
        "wrote",
        "The Guardian",
        "op-ed",
    ),
    (
        "Omar Farouk tweeted that “The airport will open again on Friday.”",
        "The airport will open again on Friday.",
        "Omar Farouk",
        "tweeted",
        None,
        "tweet",
    ),
    (
        "Rahim Jalali arrived in Doha on Sunday.\n“The talks have failed,” he said, according to CNN.",
        "The talks have failed",
        "Rahim Jalali",
        "said",
        "CNN",
        None,
    ),
    (
        "“Nobody told us anything about the evacuation.” ― Parwana Hakimi",
        "Nobody told us anything about the evacuation.",
        "Parwana Hakimi",
        "―",
        None,
        None,
    ),
]


@pytest.mark.parametrize("text, words, speaker, cue, venue, medium", DIRECT)
def test_direct_quote_is_attributed(text, words, speaker, cue, venue, medium):
    article = annotate(text)
    quote = quote_with(article, words)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert article.text_of(quote.cue).startswith(cue)
    # The venue is the outlet's actor name; the actors annotator decides whether "The" is in it.
    assert (quote.venue or "").removeprefix("The ") == (venue or "").removeprefix("The ")
    assert quote.medium == medium


def test_a_quote_split_by_its_cue_is_one_speech_act():
    article = annotate("“We are ready,” said Nadia Karimi. “Our fighters are in position.”")
    first, second = quote_with(article, "We are ready"), quote_with(article, "Our fighters are in position.")
    assert first.speaker.name == second.speaker.name == "Nadia Karimi"
    assert first.cue == second.cue


def test_a_quoted_paragraph_with_no_cue_continues_the_previous_speaker():
    article = annotate("“The valley is surrounded,” said Nadia Karimi.\n\n“We will hold it through the winter.”")
    quote = quote_with(article, "We will hold it through the winter.")
    assert quote.speaker.name == "Nadia Karimi"


def test_a_paragraph_ending_in_a_cue_and_colon_introduces_the_next_one():
    article = annotate("Nadia Karimi continued:\n\n“Nobody will leave the valley before the snow melts.”")
    assert quote_with(article, "Nobody will leave the valley before the snow melts.").speaker.name == "Nadia Karimi"


def test_a_definite_description_speaks_for_the_article_main_person():
    text = (
        "Ahmad Zia Rahimi founded the movement in 2019. Rahimi has led it since, and Rahimi now "
        "commands six thousand fighters.\nIn a speech, the 41-year-old commander said, “We will return.”"
    )
    assert quote_with(annotate(text), "We will return.").speaker.name == "Ahmad Zia Rahimi"


def test_partial_quote_inside_reported_speech_takes_the_speaker_of_the_verb():
    article = annotate("Omar Farouk said his men wanted a “lasting ceasefire” with the army.")
    quote = quote_with(article, "lasting ceasefire")
    assert quote.kind == "partial" and quote.speaker.name == "Omar Farouk"


# -- what is not a quote ---------------------------------------------------------------------

NOT_QUOTES = [
    "The general was known as the “Butcher of Kabul” for decades.",
    "She was reading “The Kite Runner” on the flight to Dubai.",
    "The so-called “security zone” was never built.",
    "Residents said the “ceasefire” meant little.\n“Lion of the North” was painted on the wall.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_epithets_titles_and_scare_quotes_have_no_speaker(text):
    article = annotate(text)
    spoken = {article.text_of(q.span) for q in article.quotes if q.kind != "indirect" and q.speaker}
    assert not spoken & {"Butcher of Kabul", "The Kite Runner", "security zone", "Lion of the North"}


# -- reported speech -------------------------------------------------------------------------

INDIRECT = [
    (
        "Haji Nasir said the border crossing would reopen next week.",
        "the border crossing would reopen next week",
        "Haji Nasir",
        "said",
    ),
    (
        "The ministry told reporters that twelve schools had been closed.",
        "twelve schools had been closed",
        "The ministry",
        "told",
    ),
    (
        "Twelve civilians were killed in the strike, according to the United Nations.",
        "Twelve civilians were killed in the strike",
        "United Nations",
        "according to",
    ),
]


@pytest.mark.parametrize("text, content, speaker, cue", INDIRECT)
def test_reported_speech_is_an_indirect_quote(text, content, speaker, cue):
    article = annotate(text)
    quote = quote_with(article, content)
    assert quote.kind == "indirect"
    assert speaker in quote.speaker.name
    assert article.text_of(quote.cue) == cue


def test_a_reporting_outlet_is_the_venue_not_the_speaker():
    article = annotate("Mariam Sadat told the BBC that the clinic had run out of insulin.")
    quote = quote_with(article, "the clinic had run out of insulin")
    assert quote.speaker.name == "Mariam Sadat" and quote.venue == "BBC"


# -- quotation marks -------------------------------------------------------------------------

MARKS = [
    ("He said “we “must” go” today.", ["we “must” go"]),
    ("He said ''This is not reform,'' twice.", ["This is not reform"]),
    ('"Mixed marks,” he said.', ["Mixed marks"]),
    ('“He answered "yes" at once,” she said.', ['He answered "yes" at once']),
    ("“An open quotation runs to the paragraph's end", ["An open quotation runs to the paragraph's end"]),
]


@pytest.mark.parametrize("text, expected", MARKS)
def test_quotation_marks_are_matched(text, expected):
    segments = quoted_segments(text, (Span(0, len(text)),))
    assert [text[s.span.start : s.span.end] for s in segments] == expected


def test_reported_content_loses_that_and_edge_punctuation():
    text = "He said that the road is open, "
    span = trim_content(text, Span(8, len(text)))
    assert text[span.start : span.end] == "the road is open"


def test_a_nickname_inside_a_name_does_not_cut_the_sentence():
    text = "“The count is not over,” state Sen. Marcia “Cia” Price shouted from the stage."
    quote = quote_with(annotate(text), "The count is not over")
    assert quote.speaker is not None and "Price" in quote.speaker.name


def test_she_does_not_stand_for_a_man_the_text_calls_mr():
    text = "Fatima Rezai met Mr. Karim Daoud in Kabul. Mr. Daoud spoke first.\n“We need the road reopened,” she said."
    assert quote_with(annotate(text), "We need the road reopened").speaker.name != "Karim Daoud"


# -- the quotes command ----------------------------------------------------------------------


def test_quotes_command_filters_by_speaker_and_kind(seed_quotes, tmp_path):
    import json

    from click.testing import CliRunner

    import wirescope
    from wirescope.cli import cli

    db = str(tmp_path / "seed.db")
    with wirescope.open_store(db) as store:
        store.save(seed_quotes)
    runner = CliRunner()
    result = runner.invoke(cli, ["quotes", "--db", db, "--speaker", "mujahid", "--kind", "direct", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    expected = [q for q in seed_quotes.quotes if q.kind == "direct" and q.speaker and "Mujahid" in q.speaker.name]
    assert len(rows) == len(expected) >= 4
    assert all(r["kind"] == "direct" and "Mujahid" in r["speaker"]["name"] for r in rows)
    everything = runner.invoke(cli, ["quotes", "--db", db, "--format", "jsonl"])
    assert len(everything.output.splitlines()) == len(seed_quotes.quotes)
    # The other listings keep working without the quote filters.
    assert runner.invoke(cli, ["times", "--db", db, "--format", "jsonl"]).exit_code == 0
    assert runner.invoke(cli, ["times", "--db", db, "--speaker", "x"]).exit_code == 2
