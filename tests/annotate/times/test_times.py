"""Times: TIMEX3 values against the publication date, and nothing invented without one."""

from __future__ import annotations

from datetime import date

import pytest

from wirescope.annotate.times.timex import normalise
from wirescope.annotate.times.values import Anchor, precision_of
from wirescope.record import EventTime, Span

PUBLISHED = Anchor(date(2021, 8, 25))  # a Wednesday, in ISO week 34


@pytest.mark.parametrize(
    ("text", "value", "type_"),
    [
        ("September 9, 2001", "2001-09-09", "DATE"),
        ("9 September 2001", "2001-09-09", "DATE"),
        ("Sept. 9, 2001", "2001-09-09", "DATE"),
        ("August 15", "2021-08-15", "DATE"),
        ("this week", "2021-W34", "DATE"),
        ("last week", "2021-W33", "DATE"),
        ("next week", "2021-W35", "DATE"),
        ("last month", "2021-07", "DATE"),
        ("this year", "2021", "DATE"),
        ("yesterday", "2021-08-24", "DATE"),
        ("today", "2021-08-25", "DATE"),
        ("Tuesday", "2021-08-24", "DATE"),
        ("last Friday", "2021-08-20", "DATE"),
        ("Friday night", "2021-08-20TNI", "TIME"),
        ("the 1980s", "198X", "DATE"),
        ("the late 1990s", "199X", "DATE"),
        ("the '90s", "199X", "DATE"),
        ("the nineties", "199X", "DATE"),
        ("2001", "2001", "DATE"),
        ("August 2021", "2021-08", "DATE"),
        ("the past 40 years", "P40Y", "DURATION"),
        ("two days", "P2D", "DURATION"),
        ("the last twenty four hours", "PT24H", "DURATION"),
        ("nearly two months", "P2M", "DURATION"),
        ("several years", "PXY", "DURATION"),
        ("32-year-old", "P32Y", "DURATION"),
        ("three years ago", "2018", "DATE"),
        ("10:30 p.m.", "2021-08-25T22:30", "TIME"),
        ("daily", "P1D", "SET"),
        ("nineteen ninety-six", "1996", "DATE"),
    ],
)
def test_normalised_against_the_publication_date(text, value, type_):
    timex = normalise(text, PUBLISHED, "past")
    assert (timex.value, timex.type) == (value, type_)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("August 15", "XXXX-08-15"),  # the month and day are in the text; the year is not
        ("this week", None),
        ("Tuesday", None),
        ("yesterday", None),
        ("last month", None),
        ("three years ago", None),
        ("September 9, 2001", "2001-09-09"),  # absolute: needs no anchor
        ("the 1980s", "198X"),
    ],
)
def test_without_a_publication_date_nothing_is_invented(text, value):
    timex = normalise(text, None, "past")
    assert timex.value == value
    assert not timex.anchored


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Tuesday", "past", "2021-08-24"),  # the most recent Tuesday before publication
        ("Tuesday", "future", "2021-08-31"),  # "will meet on Tuesday": the next one
        ("Wednesday", "past", "2021-08-25"),  # the publication day itself
        ("December 20", "past", "2020-12-20"),  # a past December in an August story is last year's
        ("September 1", "future", "2021-09-01"),
        ("January 5", "future", "2022-01-05"),
    ],
)
def test_tense_decides_which_side_of_the_anchor(text, tense, value):
    assert normalise(text, PUBLISHED, tense).value == value


@pytest.mark.parametrize(
    ("anchor", "tense", "value"),
    [
        (date(2021, 8, 23), "past", "2021-W33-WE"),  # on a Monday: the weekend just gone
        (date(2021, 8, 29), "past", "2021-W34-WE"),  # on a Sunday: this one
        (date(2021, 8, 25), "future", "2021-W34-WE"),  # on a Wednesday, "will ... over the weekend"
    ],
)
def test_the_weekend(anchor, tense, value):
    assert normalise("the weekend", Anchor(anchor), tense).value == value


def test_an_anchor_without_a_year_gives_only_what_it_knows():
    op_ed_day = Anchor.from_value("XXXX-08-18")
    assert normalise("today", op_ed_day).value == "XXXX-08-18"
    assert normalise("Tuesday", op_ed_day).value is None  # the weekday needs the year


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2021-08-15", "day"),
        ("2021-08-24TNI", "day"),
        ("2021-W34", "week"),
        ("2021-08", "month"),
        ("2021", "year"),
        ("2021-Q3", "year"),
        ("198X", "decade"),
        ("P40Y", "unknown"),
        (None, "unknown"),
        ("XXXX-08-15", "day"),
    ],
)
def test_precision_of_a_value(value, precision):
    assert precision_of(value) == precision


# --- the annotator on whole texts -----------------------------------------------------------------


def _times(text: str, published: str | None):
    import wirescope
    from wirescope.settings import load_settings

    article = wirescope.process(text, published=published, settings=load_settings({"pipeline": "parse,times"}))
    return article, {article.text_of(t.span): t for t in article.times}


def test_a_quote_from_a_dated_op_ed_counts_today_from_the_op_ed():
    text = (
        "In an op-ed he wrote for the Herald on August 18, the commander said, "
        '"I write from the valley today, and we will not leave."\n\n'
        "The fighting resumed today near the pass.\n"
    )
    article, _ = _times(text, "2021-08-25")
    todays = [t.value for t in sorted(article.times, key=lambda t: t.span) if article.text_of(t.span) == "today"]
    assert todays == ["2021-08-18", "2021-08-25"]  # in the quote: the op-ed's day; after it: publication


def test_the_seed_article_with_and_without_a_publication_date(seed_text, seed_gold):
    for published, key in (
        (seed_gold["metadata"]["published_for_tests"], "value_with_published"),
        (None, "value_without_published"),
    ):
        _, found = _times(seed_text, published)
        for gold in seed_gold["times"]:
            got = [t.value for text, t in found.items() if text.endswith(gold["text"])]
            assert got, f"{gold['text']!r} not found"
            if gold[key] is None:
                assert all(v is None or "X" in v for v in got), (gold["text"], got)
            else:
                assert gold[key] in got, (gold["text"], published, got)


def test_the_past_40_years_is_a_duration_in_the_seed(seed_article):
    found = {seed_article.text_of(t.span): t for t in seed_article.times}
    assert (found["the past 40 years"].value, found["the past 40 years"].type) == ("P40Y", "DURATION")


def test_ages_and_words_that_are_not_times_are_not_dates():
    _, found = _times("The Olympic champion, 77, said the talks would start on Monday.\n", "2021-08-25")
    assert "77" not in found and "Olympic" not in found
    assert found["Monday"].value == "2021-08-30"  # future tense: the coming Monday


def test_time_for_span_gives_the_events_time_with_its_precision():
    from wirescope.annotate.times.tagging import time_for_span

    article, _ = _times("Ashraf Ghani fled on August 15 as the Taliban entered Kabul.\n", "2021-08-25")
    start = article.text.index("fled")
    assert time_for_span(article, Span(start, start + 4)) == EventTime("2021-08-15", "day")


def test_time_for_span_ignores_durations():
    from wirescope.annotate.times.tagging import time_for_span

    article, _ = _times("The siege lasted two weeks.\n", "2021-08-25")
    start = article.text.index("siege")
    assert time_for_span(article, Span(start, start + 5)) is None


def test_a_dated_statement_after_the_quote_anchors_it_too():
    text = '"We will attack the pass tomorrow," the commander said on Monday.\n'
    _article, found = _times(text, "2021-08-25")
    assert found["Monday"].value == "2021-08-23"
    assert found["tomorrow"].value == "2021-08-24"  # the day after he said it, not after publication


def test_a_weekday_inside_a_name_is_not_a_date():
    _, found = _times("The Sunday Times reported the talks ended on Friday.\n", "2021-08-25")
    assert "Sunday" not in found
    assert found["Friday"].value == "2021-08-20"


# --- issue 14: TIMEX3 as the TimeML guidelines write it --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "type_", "mod"),
    [
        ("five years", "P5Y", "DURATION", None),
        ("24 hours", "PT24H", "DURATION", None),
        ("between 12 and 18 months", "P18M", "DURATION", None),  # a range: its longer bound
        ("a decade", "P10Y", "DURATION", None),  # not P1DE, which is not ISO 8601
        ("two decades", "P20Y", "DURATION", None),
        ("2 1/2 years", "P2Y6M", "DURATION", None),
        ("a couple of years", "P2Y", "DURATION", None),
        ("the 1980s", "198X", "DATE", None),
        ("the late 1990s", "199X", "DATE", "END"),
        ("late last July", "2021-07", "DATE", "END"),
        ("the end of the year", "2021", "DATE", "END"),
        ("this fiscal year", "2021", "DATE", None),
        ("fiscal 1990", "1990", "DATE", None),
        ("every morning", "XXXX-XX-XXTMO", "SET", None),
        ("each season", "P3M", "SET", None),
        ("each Thursday", "XXXX-WXX-4", "SET", None),
        ("every other week", "P2W", "SET", None),
        ("each July", "XXXX-07", "SET", None),
        ("the last few months", "PAST_REF", "DATE", None),
        ("coming months", "FUTURE_REF", "DATE", None),
        ("the quarter", "2021-Q2", "DATE", None),  # the one reported on, ended weeks before
        ("a year earlier", "2020", "DATE", None),
        ("10 p.m. Wednesday", "2021-08-25T22:00", "TIME", None),
        ("noon Tuesday", "2021-08-24T12:00", "TIME", None),
        ("the third quarter ended Sept. 30", "2021-Q3", "DATE", None),  # read by its head
        ("the summer", "2021-SU", "DATE", None),  # past tense: the latest summer to have begun
        ("this past spring", "2021-SP", "DATE", None),
        ("early next year", "2022", "DATE", "START"),
        ("the end of this week", "2021-W34", "DATE", "END"),
        ("several years ago", "PAST_REF", "DATE", None),  # a direction without a count
        ("an additional year", "P1Y", "DURATION", None),
        ("eight trading days", "P8D", "DURATION", None),
        ("the next couple of years", "P2Y", "DURATION", None),
        ("the second half of 2020", "2020-H2", "DATE", None),
        ("the first two quarters of 2022", "2022-H1", "DATE", None),
    ],
)
def test_timex3_values_types_and_mods(text, value, type_, mod):
    timex = normalise(text, PUBLISHED, "past")
    assert (timex.value, timex.type, timex.mod) == (value, type_, mod)


def test_friday_in_a_friday_paper_is_that_day_even_in_the_future_tense():
    friday = Anchor(date(2021, 8, 27))
    assert normalise("Friday", friday, "future").value == "2021-08-27"
    assert normalise("Friday", friday, "past").value == "2021-08-27"
    assert normalise("next Friday", friday, None).value == "2021-09-03"


def test_a_year_earlier_counts_from_the_quarter_the_narrative_is_in():
    anchor = Anchor(date(1989, 11, 2))
    assert normalise("a year earlier", anchor, "past", "1989-Q3").value == "1988-Q3"
    assert normalise("the year-ago quarter", anchor, "past").value == "1988-Q3"
    assert normalise("the quarter", anchor, None, "1989-Q2").value == "1989-Q2"


@pytest.mark.parametrize(
    ("text", "values", "published"),
    [
        ("Output rose in 2009-2010, the report said.", ["2009", "2010"], "2021-08-25"),
        ("Shares were bought from Aug. 26 to Oct. 20, it said.", ["2021-08-26", "2021-10-20"], "2021-10-27"),
        ("The fighting lasted two to three weeks, he said.", ["P3W"], "2021-08-25"),  # a duration range: one
    ],
)
def test_ranges_of_two_points_are_two_expressions(text, values, published):
    article, _ = _times(text, published)
    assert [t.value for t in sorted(article.times, key=lambda t: t.span)] == values


def test_payable_dec_7_is_ahead_of_an_october_paper():
    _, found = _times("The company declared a dividend, payable Dec. 7 to holders.", "2021-10-27")
    assert found["Dec. 7"].value == "2021-12-07"


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        ("the winter", date(2022, 1, 20), "past", "2021-WI"),  # the one that began in December
        ("the winter", date(2022, 1, 20), None, "2021-WI"),
        ("the summer", date(2021, 10, 5), "future", "2022-SU"),  # this year's is over
        ("the summer", date(2021, 7, 5), "future", "2021-SU"),  # this year's is not
        ("the autumn", date(2021, 7, 5), "past", "2020-FA"),
    ],
)
def test_a_season_without_a_year_lies_where_the_tense_points(text, published, tense, value):
    assert normalise(text, Anchor(published), tense).value == value


def test_a_clock_time_on_a_named_day_is_one_expression_with_that_days_date():
    _, found = _times("The shopkeeper was kidnapped at 10 p.m. Wednesday, police said.", "2021-08-27")
    assert found["10 p.m. Wednesday"].value == "2021-08-25T22:00"
    _, found = _times("The ultimatum runs out at 5 p.m. EST Nov. 9, the envoy said.", "2021-11-02")
    assert found["5 p.m. EST Nov. 9"].value == "2021-11-09T17:00"


def test_a_day_in_a_past_perfect_clause_lies_behind_even_after_until_or_scheduled():
    _, found = _times("Until Thursday, the police had not named him a suspect.", "2021-08-27")
    assert found["Thursday"].value == "2021-08-26"
    _, found = _times("The truce had been scheduled to expire at midnight Friday.", "2021-08-30")
    assert found["midnight Friday"].value == "2021-08-27T24:00"


def test_postponed_until_a_weekday_still_points_ahead():
    _, found = _times("Officials postponed any action until Tuesday morning.", "2021-08-26")
    assert found["Tuesday morning"].value == "2021-08-31TMO"


def test_a_period_and_its_last_day_are_two_expressions():
    article, found = _times("Profit for the third quarter ended Sept. 30 fell 5%, the company said.", "2021-11-02")
    assert (found["the third quarter"].value, found["Sept. 30"].value) == ("2021-Q3", "2021-09-30")
    assert len(article.times) == 2


def test_the_near_future_is_a_future_reference_without_its_preposition():
    _, found = _times("Talks may resume in the near future, and prices stay high for the short term.", "2021-11-02")
    assert (found["the near future"].value, found["the short term"].value) == ("FUTURE_REF", "FUTURE_REF")


def test_a_weekday_or_month_that_recurs_is_a_set_not_a_date():
    _, found = _times("The market opens each Thursday and on Tuesday nights; every July it closes.", "2021-11-02")
    assert [found[k].value for k in ("each Thursday", "Tuesday nights", "every July")] == [
        "XXXX-WXX-4",
        "XXXX-WXX-2TNI",
        "XXXX-07",
    ]
    assert {found[k].type for k in ("each Thursday", "Tuesday nights", "every July")} == {"SET"}


def test_is_to_points_ahead_and_a_bare_participle_points_back():
    _, found = _times("The shares are to resume trading Tuesday, the exchange said.", "2021-08-27")
    assert found["Tuesday"].value == "2021-08-31"
    _, found = _times("Lawyers want the court to lift the injunction issued Thursday.", "2021-08-30")
    assert found["Thursday"].value == "2021-08-26"
    _, found = _times("The boy stays until the case is heard in May.", "2021-03-29")
    assert found["May"].value == "2021-05"  # a passive with its auxiliary is no bare participle


def test_that_year_is_the_year_of_the_last_date_the_article_gave():
    text = "The plant opened in March 1988. Later that year it closed; that month, sales fell."
    _, found = _times(text, "2021-11-02")
    assert (found["that year"].value, found["that month"].value) == ("1988", "1988-03")


def test_a_deadline_is_the_nearest_such_day_whatever_the_verbs_tense():
    _, found = _times("The ministry has set Nov. 10 as the deadline for bids.", "2021-11-02")
    assert found["Nov. 10"].value == "2021-11-10"  # "has set" is past; the deadline is not
    _, found = _times("The envoy gave no reason for the Jan. 14 deadline.", "2022-01-05")
    assert found["Jan. 14"].value == "2022-01-14"


def test_since_and_the_aftermath_of_point_back():
    _, found = _times("Police have searched for him since the Oct. 23 shooting.", "2021-05-06")
    assert found["Oct. 23"].value == "2020-10-23"
    _, found = _times("Embassies closed in the aftermath of the Aug. 7 bombings.", "2021-08-17")
    assert found["the Aug. 7"].value == "2021-08-07"


def test_last_with_a_month_and_day_is_that_day_before_publication():
    _, found = _times("The clinic's doctor was shot last Oct. 23 at his home.", "2021-04-19")
    assert found["last Oct. 23"].value == "2020-10-23"


def test_a_participle_takes_the_tense_of_the_verb_it_hangs_from():
    text = "The stock has swung sharply, rising to a high in June from a low in March."
    _, found = _times(text, "2021-10-30")
    assert (found["June"].value, found["March"].value) == ("2021-06", "2021-03")


def test_a_day_owning_a_fact_lies_behind_and_a_past_perfect_deadline_too():
    _, found = _times("The notes convert at a premium over Thursday's closing price.", "2021-11-01")
    assert found["Thursday"].value == "2021-10-28"
    _, found = _times("The offer was extended. It had been due to expire Friday evening.", "2021-11-01")
    assert found["Friday evening"].value == "2021-10-29TEV"


def test_listed_years_are_one_expression_each():
    article, _ = _times("Attacks were recorded between 2014 and 2017, and in 2018, 2019 and 2020.", "2021-11-02")
    assert [t.value for t in sorted(article.times, key=lambda t: t.span)] == ["2014", "2017", "2018", "2019", "2020"]


def test_the_week_of_a_day_and_a_week_or_so_ago():
    _, found = _times("Talks are planned for the week of March 6, officials said.", "2023-02-24")
    assert found["the week of March 6"].value == "2023-W10"
    _, found = _times("The convoy left a week or so ago.", "2021-08-25")
    assert (found["a week or so ago"].value, found["a week or so ago"].mod) == ("2021-W33", "APPROX")


def test_ages_model_numbers_previously_and_annual_are_not_times():
    text = (
        "The 6-year-old boy and his 52 years old uncle, who previously ran an annual fair, "
        "bought 80486 chips on Monday, as they do now."
    )
    _, found = _times(text, "2021-08-25")
    assert set(found) == {"Monday", "now"}


def test_a_military_clock_time_is_not_a_year():
    article, _ = _times("Armed men seized them between 0630 and 0700 in 1990.", "1990-01-12")
    assert [t.value for t in article.times if t.value] == ["1990"]


def test_current_and_soon_are_references_to_now_and_ahead():
    text = (
        "The mill was idled because of current demand; its bonds were swapped at the then current "
        "price of the shares. Its owner will soon reopen it and wants buyers as soon as possible."
    )
    _, found = _times(text, "2021-10-30")
    assert (found["current"].value, found["then current"].value) == ("PRESENT_REF", "PAST_REF")
    assert (found["soon"].value, found["as soon as possible"].value) == ("FUTURE_REF", "FUTURE_REF")


def test_soon_in_a_past_clause_and_the_conjunction_as_soon_as_are_not_times():
    text = "The hostages were soon freed and flew home as soon as the road opened; current assets fell."
    _, found = _times(text, "2021-10-30")
    assert set(found) == set()


def test_a_period_ended_yesterday_is_two_expressions_and_the_latest_period_is_the_quarter():
    text = "The grocer lost money in its third quarter ended yesterday. Sales in the latest period were flat."
    _, found = _times(text, "2021-10-01")
    assert (found["its third quarter"].value, found["yesterday"].value) == ("2021-Q3", "2021-09-30")
    assert found["the latest period"].value == "2021-Q3"


def test_sets_named_by_a_unit_and_durations_with_a_half():
    text = "Members are paid each month. The pilot waited a minute and a half, then an hour."
    _, found = _times(text, "2021-10-30")
    assert (found["each month"].value, found["each month"].type) == ("P1M", "SET")
    assert found["a minute and a half"].value == "PT1M30S"
    assert normalise("an hour and a half", PUBLISHED).value == "PT1H30M"
    assert normalise("a hundred years", PUBLISHED).value == "P100Y"


def test_the_following_month_and_the_next_morning_step_on_from_the_last_date_given():
    text = "Shareholders met in March 1988. The following month, the board resigned; the next day it sold."
    _, found = _times(text, "2021-10-30")
    assert found["The following month"].value == "1988-04"
    text = "The ship docked on Feb. 22 and sailed again the next morning."
    _, found = _times(text, "2021-02-24")
    assert found["the next morning"].value == "2021-02-23TMO"


def test_earlier_in_the_year_and_later_in_the_day_are_periods_not_durations():
    text = "The plant closed for repairs earlier in the year. The minister flew to the capital later in the day."
    _, found = _times(text, "2021-10-30")
    assert (found["earlier in the year"].value, found["later in the day"].value) == ("2021", "2021-10-30")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The ferry sank last Thanksgiving.", "2000-02-10", "1999-11-25"),
        ("Stores stay open until Christmas Eve.", "2021-12-02", "2021-12-24"),
        ("Voters go to the polls on Election Day, the mayor said.", "2022-10-20", "2022-11-08"),
        ("Hotels in the old city are full during Easter week.", "2024-03-26", "2024-W13"),
        ("Fighting stopped on Christmas Day 1914.", "2021-12-02", "1914-12-25"),
    ],
)
def test_holidays_are_their_day_in_the_year_the_tense_points_to(text, published, value):
    article, _ = _times(text, published)
    assert [t.value for t in article.times] == [value]


def test_words_the_recogniser_takes_in_around_a_time_are_left_out():
    from wirescope.annotate.times.tagging import _trimmed

    for text, recognised, kept in [
        ("the strike could last over a week", "last over a week", "a week"),  # the verb, the hedge
        ("the bank's second this year", "second this year", "this year"),
        ("a weak year this year", "year this year", "this year"),
    ]:
        start = text.index(recognised)
        span = _trimmed(text, start, start + len(recognised))
        assert text[span.start : span.end] == kept
    _, found = _times("During the day Friday the market stayed shut.", "2021-10-30")
    assert found["the day Friday"].value == "2021-10-29"


def test_a_part_of_the_day_before_yesterday_and_a_length_of_a_year_are_two_and_one():
    text = "Trading halted at mid-afternoon yesterday. Output grew in the first nine months of 1997."
    _, found = _times(text, "1998-02-06")
    assert found["mid-afternoon yesterday"].value == "1998-02-05TAF"
    assert (found["the first nine months"].value, found["1997"].value) == ("P9M", "1997")
    assert normalise("decades", PUBLISHED).value == "PXY"  # as "a decade" is P10Y: no DE in ISO 8601


def test_a_bare_clock_time_in_a_past_clause_is_on_the_day_the_narrative_last_named():
    text = "The depot was raided on Oct. 23. Guards said the attack began at 10 p.m. near the gate."
    _, found = _times(text, "2022-04-19")
    assert found["10 p.m."].value == "2021-10-23T22:00"
    _, found = _times("The merger may close as early as next year's first quarter.", "2021-10-31")
    assert found["next year's first quarter"].value == "2022-Q1"


def test_midday_and_durations_with_a_half_or_more_are_found():
    text = "The council meets at midday. Its last session lasted 5 1/2 hours; the next is in two more weeks."
    _, found = _times(text, "2021-10-08")
    assert found["midday"].value == "2021-10-08T12:00"
    assert (found["5 1/2 hours"].value, found["two more weeks"].value) == ("PT5H30M", "P2W")
