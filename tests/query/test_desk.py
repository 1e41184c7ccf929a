"""The analyst's desk on the demo corpus: what happened (each event once, no dead or outlet doer),
where, who says so, what was left out and why; charts that draw what the store counts."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest

import wirescope
from wirescope.annotate.actors.dictionary import death_dates
from wirescope.annotate.actors.names import name_key
from wirescope.query.charts import stacked_days
from wirescope.query.desk import contested_points, exclusions, key_events
from wirescope.query.lifespans import dead_doers
from wirescope.query.network import network
from wirescope.query.network_vocabulary import ACTION_TYPES, TIE_BY_EVENT_TYPE
from wirescope.query.report import report_data
from wirescope.store.filters import Filter

RAW_ID = re.compile(r"^(?:actor|place|evt|art)_[0-9a-f]{12,}$")
FATHER, SON = "Ahmad Shah Massoud", "Ahmad Massoud"
KABUL_A, KABUL_B = "The Northern Ledger", "Hindu Kush Wire"


@pytest.fixture(scope="module")
def store(demo_db):
    with wirescope.open_store(demo_db, create=False) as s:
        yield s


def test_the_dictionary_knows_the_father_died_in_2001_and_not_the_son():
    dead = death_dates()
    assert dead[name_key(FATHER)] == "2001-09-09"
    assert name_key(SON) not in dead


def test_the_father_acting_in_2021_is_a_dead_doer_and_the_son_is_not(store):
    dead = {d["name"]: d["died"] for d in dead_doers(store)}
    assert dead.get(FATHER) == "2001-09-09" and SON not in dead


def test_key_events_are_each_one_event_once_with_no_dead_or_outlet_doer(store):
    shown = key_events(store, Filter(), 50)
    keys = [
        (
            e["type"],
            e["day"],
            (e["actor"] or {}).get("name"),
            (e["target"] or {}).get("name"),
            (e["place"] or {}).get("name"),
        )
        for e in shown
    ]
    assert shown and len(set(keys)) == len(keys)
    assert all(e["happened"] for e in shown)
    doers = {(e["actor"] or {}).get("name") for e in shown}
    assert FATHER not in doers and "Kabul River Courier" not in doers  # a newspaper is the reporter
    assert [e["stories"] for e in shown] == sorted((e["stories"] for e in shown), reverse=True)


def test_a_syndicated_copy_is_one_story_not_two_key_events(store):
    """Regression: the 31 August events of the Kabul River Courier and its reprint were listed twice."""
    rejects = [e for e in key_events(store, Filter(), 50) if e["type"] == "REJECT" and e["day"] == "2021-08-31"]
    assert len(rejects) == 1
    assert rejects[0]["stories"] == 1 and rejects[0]["copies"] == 1 and len(rejects[0]["sources"]) == 1


def test_one_event_told_by_two_independent_stories_is_one_key_event_with_both_sources(store):
    """The Taliban taking Kabul, dated 15 August by The Northern Ledger and "the city" taken by Hindu
    Kush Wire two days later: one event cluster, so one key event of two stories (as event groups,
    one per day and target, it was two key events of one story each)."""
    shown = key_events(store, Filter(), 50)
    taken = [e for e in shown if e["type"] == "COERCE" and {s["publisher"] for s in e["sources"]} & {KABUL_A, KABUL_B}]
    assert len(taken) == 1, [(e["day"], e["sources"]) for e in taken]
    (kabul,) = taken
    assert kabul["cluster"] and kabul["stories"] == 2
    assert {s["publisher"] for s in kabul["sources"]} == {KABUL_A, KABUL_B}
    assert len({s["story_id"] for s in kabul["sources"]}) == 2
    assert (kabul["actor"]["name"], kabul["target"]["name"], kabul["day"]) == ("Taliban", "Kabul", "2021-08-15")


def test_each_event_cluster_is_one_key_event(store):
    clusters = [e["cluster"] for e in key_events(store, Filter(), 50)]
    assert all(clusters) and len(set(clusters)) == len(clusters)  # the demo store resolves every record


def test_events_not_resolved_into_clusters_are_key_events_by_their_group(tmp_path, store):
    """A bulk load resolves nothing (store/bulk.py): its key events are event groups."""
    from wirescope.store.synthetic import variant

    with wirescope.open_store(str(tmp_path / "bulk.db")) as bulk:
        bulk.save_many([variant(a, n) for n in range(2) for a in store.articles()])
        shown = key_events(bulk, Filter(), 50)
    assert shown and all(e["cluster"] is None for e in shown)
    assert len({e["id"] for e in shown}) == len(shown)
    assert [e["stories"] for e in shown] == sorted((e["stories"] for e in shown), reverse=True)


def test_every_event_is_counted_once_as_happened_or_left_out_for_a_reason(store):
    left = store.digest("count_left_out", Filter(), exclusions(store, Filter())["dead"], frozenset())
    assert left["events"] == store.count("events")
    assert left["happened"] + left["not_asserted"] + left["recalled"] == left["events"]
    assert left["dead_actor"] >= 1


def test_the_per_day_chart_draws_one_bar_per_day_and_type_that_happened(store):
    rows = store.digest("happened_per_day_by_type", Filter())
    chart = stacked_days(rows, lambda lo, hi, kind: f"/list/events?since={lo}&until={hi}&type={kind}", "per day")
    assert len(chart.bars) == len(rows) == str(chart.svg).count('<rect class="bar"')
    assert {b["series"] for b in chart.bars} <= set(TIE_BY_EVENT_TYPE)
    assert sum(r["events"] for r in rows) <= store.digest("count_left_out", Filter(), {}, frozenset())["happened"]


def test_the_publisher_filter_keeps_that_publisher_s_articles_only(store):
    f = Filter(publisher="Wayfarer Herald")
    newest = store.digest("newest_articles", f, 50)
    assert newest and {a["publisher"] for a in newest} == {"Wayfarer Herald"}
    owners = set(store.owners("events", store.page("events", f, 500).ids).values())
    assert owners == {a["id"] for a in newest}


def test_the_network_shows_ties_of_action_unless_speech_is_asked_for(store):
    action = network(store, Filter())
    speech = network(store, Filter(), speech=True)
    assert all(not e["speech"] for e in action["edges"])
    assert {e["tie"] for e in action["edges"]} <= {TIE_BY_EVENT_TYPE[t] for t in ACTION_TYPES}
    assert len(speech["edges"]) > len(action["edges"])
    for graph in (action, speech):
        names = {n["id"]: n["name"] for n in graph["nodes"]}
        assert not any(RAW_ID.match(name) for name in names.values())
        assert FATHER not in {names[e["source"]] for e in graph["edges"]}


def test_the_report_summary_is_built_from_the_record(store):
    data = report_data(store)
    sizes = store.digest("scope_sizes", Filter())
    summary = data["summary"]
    assert f"{sizes['articles']} articles from {sizes['publishers']} publishers" in summary
    assert f"{sizes['stories']} independent stories" in summary
    assert "highest death toll given is 100" in summary  # the NRF's claim of 100 Taliban killed
    assert [d["question"] for d in contested_points(store, Filter())] == [d["question"] for d in data["disputes"]]
    assert {d["name"] for d in data["dead"]} == {FATHER}


def test_the_cli_asks_for_a_file_for_a_pdf(demo_db):
    from click.testing import CliRunner

    from wirescope.cli import cli

    result = CliRunner().invoke(cli, ["report", "--db", demo_db, "--format", "pdf"])
    assert result.exit_code == 2 and "--out report.pdf" in result.output


def test_postgresql_and_sqlite_count_the_same_desk(store, any_store):
    from wirescope.run.local import resolve_batch

    articles = list(store.articles())
    for article in articles:
        any_store.save(article)
    resolve_batch(any_store, articles)  # the event clusters, as the demo store's ingest made them
    excluded, theirs = exclusions(store, Filter()), exclusions(any_store, Filter())
    assert excluded["dead"] == theirs["dead"]
    for name, args in (
        ("happened_per_day_by_type", (Filter(),)),
        ("tally", (Filter(), excluded["dead"], excluded["outlets"])),
        ("place_stories", (Filter(), 20)),
        ("top_speakers", (Filter(), 10)),
    ):
        ours = store.digest(name, *args)
        assert sorted(map(str, ours)) == sorted(map(str, any_store.digest(name, *args))), name
    assert [e["id"] for e in key_events(store, Filter(), 20)] == [e["id"] for e in key_events(any_store, Filter(), 20)]


def _every_day(first: str, days: int, types: tuple[str, ...]) -> list[dict]:
    start = date.fromisoformat(first)
    return [
        {"day": (start + timedelta(days=n)).isoformat(), "type": t, "events": 1 + n % 3}
        for n in range(days)
        for t in types
    ]


@pytest.mark.parametrize(
    ("first", "days", "unit", "bins"),
    [
        ("2021-03-01", 120, "day", 120),  # 120 bars of 4.7 px: still days
        ("2021-03-01", 546, "week", 78),  # 2021-03-01 is a Monday: 78 whole weeks
        ("2021-01-01", 1200, "month", 40),  # 171 weeks would be bars of 3.3 px
    ],
)
def test_the_per_day_chart_bins_days_into_weeks_or_months_when_bars_would_be_too_thin(first, days, unit, bins):
    rows = _every_day(first, days, ("ASSAULT", "AID"))
    links: list[tuple[str, str, str]] = []
    chart = stacked_days(rows, lambda lo, hi, kind: links.append((lo, hi, kind)) or "#", "per day")
    assert {b["unit"] for b in chart.bars} == {unit}
    assert len({b["label"] for b in chart.bars}) == bins
    assert len(chart.bars) == 2 * bins == str(chart.svg).count('<rect class="bar"')
    assert sum(b["value"] for b in chart.bars) == sum(r["events"] for r in rows)
    covered = sorted({(lo, hi) for lo, hi, _ in links})
    assert covered[0][0] == first and covered[-1][1] == rows[-1]["day"]
    # the bins' day ranges follow one another with no day left out or counted twice
    assert all(date.fromisoformat(b[0]) - date.fromisoformat(a[1]) == timedelta(days=1) for a, b in pairwise(covered))
    if unit == "week":
        assert all(date.fromisoformat(b["label"]).weekday() == 0 for b in chart.bars)
        assert "(one bar per week)" in str(chart.svg)
