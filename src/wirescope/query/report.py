"""The situation report: one self-contained file (HTML, Markdown or PDF) for a filter's scope.

A summary paragraph built from the record; the key events (event groups ranked by independent
stories, then death toll and gravity, each once, with one source per story); charts of events
over time by type and by place and a map, as inline SVG; contested points side by side; the most
quoted speakers; a methods note saying what "asserted" means and what was left out and why; the
sources. Every fact links to its evidence, which the report carries itself (the sentence, the
span, the offsets), so the file can be mailed to someone with no wirescope and no network.

Everything is counted in SQL (store/digest.py) and only what is shown is built, so the report
costs what it shows whatever the store holds (docs/benchmarks.md: the report at scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from wirescope.errors import MissingExtra
from wirescope.query.browse import Filters
from wirescope.query.charts import TYPE_COLOURS, horizontal_bars, stacked_days, stories_map
from wirescope.query.desk import contested_points, exclusions, key_events, quotes_of_speakers
from wirescope.query.records import Record
from wirescope.query.summary import summary_paragraph
from wirescope.record import Article, Span
from wirescope.sources.feeds import web_link
from wirescope.store import Store
from wirescope.store.digest import happened_of, left_out_of

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md", "pdf")
KEY_EVENTS = 25
SPEAKERS = 8
QUOTES_PER_SPEAKER = 3
CHART_PLACES = 12
MAP_PLACES = 60
SOURCES_LISTED = 200
CONTEXT_CHARS = 160  # around a span when the article has no sentence boundaries for it
# The report is a file opened from disk, where no server sends headers: its policy is a meta tag.
# It runs no script at all and loads nothing (its style is inline, its map inline SVG).
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span shown in its sentence: what a report links each fact to."""

    anchor: str
    article_id: str
    article_title: str | None
    article_url: str | None
    start: int
    end: int
    before: str
    text: str
    after: str


def evidence_of(article: Article, anchor: str, start: int, end: int) -> Evidence:
    sentence = article.sentence_of(Span(start, end))
    lo = sentence.start if sentence else max(0, start - CONTEXT_CHARS)
    hi = max(sentence.end if sentence else end + CONTEXT_CHARS, end)
    return Evidence(
        anchor,
        article.id,
        article.title,
        article.url,
        start,
        end,
        article.text[lo:start],
        article.text[start:end],
        article.text[end:hi],
    )


def _escape_md(text: str | None) -> str:
    """Text safe inside Markdown: no HTML a renderer would run, no emphasis or links by accident."""
    if text is None:
        return ""
    for char, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, escaped)
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _environment(fmt: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=(fmt == "html"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _escape_md
    # Only http(s) links become links: a feed's `javascript:` or `data:` URL is shown as text.
    env.filters["web_link"] = web_link
    env.globals["csp"] = REPORT_CSP
    return env


def _collect_evidence(store: Store, spans: dict[str, tuple[str, int, int]]) -> tuple[dict[str, Evidence], dict]:
    """Each record's evidence by record id, reading each article once; and those articles."""
    articles = {a.id: a for a in store.stream(sorted({aid for aid, _, _ in spans.values()}), ())}
    evidence = {
        rid: evidence_of(articles[aid], f"ev-{rid}", start, end)
        for rid, (aid, start, end) in spans.items()
        if aid in articles
    }
    return evidence, articles


def _spans(events: list[Record], speakers: list[Record], disputes: list[Record]) -> dict[str, tuple[str, int, int]]:
    spans: dict[str, tuple[str, int, int]] = {}
    for e in events:
        spans[e["id"]] = (e["article_id"], e["evidence"]["start"], e["evidence"]["end"])
    for s in speakers:
        for q in s["shown"]:
            spans[q["id"]] = (q["article_id"], q["start"], q["end"])
    for d in disputes:
        for r in d["for"] + d["against"]:
            spans[r["id"]] = (r["article_id"], r["evidence"]["start"], r["evidence"]["end"])
    return spans


def _sources(store: Store, f: Filters, articles: dict[str, Article], events: list[Record]) -> list[Record]:
    """The articles the report cites (its evidence's and each key event's one-per-story sources),
    then the scope's newest others, up to SOURCES_LISTED in all; the count of the rest is said."""
    cited = set(articles) | {s["article_id"] for e in events for s in e["sources"]}
    missing = sorted(cited - set(articles))
    articles = {**articles, **{a.id: a for a in store.stream(missing, ())}}
    stories = store.story_ids(sorted(cited))
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "publisher": a.publisher,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "story_id": stories.get(a.id),
            "cited": True,
        }
        for a in articles.values()
    ]
    others = [{**r, "cited": False} for r in store.digest("newest_articles", f, SOURCES_LISTED) if r["id"] not in cited]
    rows += others[: max(0, SOURCES_LISTED - len(rows))]
    return sorted(rows, key=lambda r: (not r["cited"], r["published"] or "", r["id"]))


def _charts(per_day: list[Record], places: list[Record]) -> dict:
    return {
        "per_day": stacked_days(per_day, lambda first, last, kind: None, "Events that happened, per day, by type"),
        "by_place": horizontal_bars(
            places[:CHART_PLACES], "name", "stories", lambda p: None, "Independent stories reporting events, by place"
        ),
        "map": stories_map(places, lambda p: None, "Places of the events, sized by independent stories"),
        "places": places,
        "per_day_rows": per_day,
    }


def _gathered(store: Store, f: Filters, excluded: dict) -> dict:
    """The report's independent counts, each one or two SQL statements over the scope (what costs
    at a million events: docs/benchmarks.md)."""
    jobs = {
        "events": lambda: key_events(store, f, KEY_EVENTS, excluded),
        "speakers": lambda: quotes_of_speakers(store, f, store.digest("top_speakers", f, SPEAKERS), QUOTES_PER_SPEAKER),
        "disputes": lambda: contested_points(store, f),
        "sizes": lambda: store.digest("scope_sizes", f),
        "tally": lambda: store.digest("tally", f, excluded["dead"], excluded["outlets"]),
        "tolls": lambda: store.digest("fatality_reports", f, 5),
        "per_day": lambda: store.digest("happened_per_day_by_type", f),
        "places": lambda: store.digest("place_stories", f, MAP_PLACES),
    }
    # Run one after the other: two at a time on threads measured no faster here (a loaded 2-core
    # machine), so the simpler order stays.
    return {name: job() for name, job in jobs.items()}


def report_data(store: Store, f: Filters = Filters()) -> dict:
    """Everything the report shows, as plain data (the templates only lay it out)."""
    excluded = exclusions(store, f)
    got = _gathered(store, f, excluded)
    events, speakers, disputes = got["events"], got["speakers"], got["disputes"]
    evidence, articles = _collect_evidence(store, _spans(events, speakers, disputes))
    left_out, by_type = left_out_of(got["tally"]), happened_of(got["tally"])
    charts = _charts(got["per_day"], got["places"])
    return {
        "filters": f,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "summary": summary_paragraph(got["sizes"], left_out, by_type, charts["places"], got["tolls"], disputes),
        "sizes": got["sizes"],
        "left_out": left_out,
        "dead": excluded["dead_named"],
        "by_type": by_type,
        "events": events,
        "speakers": speakers,
        "disputes": disputes,
        "charts": charts,
        "colours": TYPE_COLOURS,
        "sources": _sources(store, f, articles, events),
        "evidence": evidence,
    }


def render_report(store: Store, f: Filters = Filters(), fmt: str = "html") -> str:
    """The report as one string in the format asked for (HTML or Markdown; `render_pdf` for PDF)."""
    if fmt not in ("html", "md"):
        raise ValueError(f"report format {fmt!r} is not one of html, md (PDF: render_pdf)")
    return _environment(fmt).get_template(f"report.{fmt}").render(**report_data(store, f))


def render_pdf(store: Store, f: Filters = Filters()) -> bytes:
    """The HTML report laid out as a PDF by WeasyPrint (the `pdf` extra); no browser is needed."""
    try:
        from weasyprint import HTML
    except (ModuleNotFoundError, OSError) as exc:  # OSError: the package is there, pango is not
        raise MissingExtra("wirescope report --format pdf", "pdf") from exc
    return HTML(string=render_report(store, f, "html")).write_pdf()
