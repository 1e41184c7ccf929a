"""The situation report: one self-contained file (HTML or Markdown) for a date range, place or actor.

Key events on a timeline, who said what, a map, contested claims and the sources; every fact
links to its evidence, which the report carries itself (the sentence, the span, the offsets), so
the file can be mailed to someone with no wirescope and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from wirescope.query.browse import Filters, filtered
from wirescope.query.contested import contested
from wirescope.query.facets import quotes_by_speaker
from wirescope.query.records import Record
from wirescope.query.svgmap import map_view
from wirescope.query.timeline import EVERYTHING, located, place_counts, timeline
from wirescope.record import Article, Span
from wirescope.sources.feeds import web_link
from wirescope.store import Store

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md")
QUOTES_PER_SPEAKER = 6
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


def _collect_evidence(
    store: Store, events: list[Record], quotes: list[Record], disputes: list[Record]
) -> dict[str, Evidence]:
    """Each record's evidence by record id, reading each article once."""
    spans: dict[str, tuple[str, int, int]] = {}
    for e in events:
        spans[e["id"]] = (e["article_id"], e["evidence"]["start"], e["evidence"]["end"])
    for q in quotes:
        spans[q["id"]] = (q["article_id"], q["start"], q["end"])
    for d in disputes:
        for r in d["for"] + d["against"]:
            spans[r["id"]] = (r["article_id"], r["evidence"]["start"], r["evidence"]["end"])
    articles = {a.id: a for a in store.stream(sorted({aid for aid, _, _ in spans.values()}), ())}
    return {rid: evidence_of(articles[aid], f"ev-{rid}", start, end) for rid, (aid, start, end) in spans.items()}


def _map(store: Store, f: Filters, events: list[Record]) -> dict:
    """Places and located events; the view fits the events when there are any (a report about
    Panjshir that mentions Washington once should not zoom out to show the Atlantic)."""
    points = [
        {"longitude": p["longitude"], "latitude": p["latitude"], "label": p["name"], "kind": "place", "href": None}
        for p in place_counts(store, f, EVERYTHING)["items"]
    ]
    points += [
        {
            "longitude": e["longitude"],
            "latitude": e["latitude"],
            "label": f"{e['type']} ({e['modality']}) at {e['place_name']}",
            "kind": f"event {'historical' if e['historical'] else e['modality']}",
            "href": f"#ev-{e['id']}",
        }
        for e in located(events)
    ]
    return map_view(points, focus=[p for p in points if p["href"]])


def report_data(store: Store, f: Filters = Filters()) -> dict:
    """Everything the report shows, as plain data (the templates only lay it out)."""
    events = timeline(store, f)
    quotes = filtered(store, "quotes", f)
    disputes = contested(store, f, events)
    source_ids = {r["article_id"] for r in events + quotes}
    articles = filtered(store, "articles", Filters(since=f.since, until=f.until, actor=f.actor, place=f.place))
    # Articles that give a fact in the report first; the rest of the scope after them.
    sources = [a for a in articles if a["id"] in source_ids] + [a for a in articles if a["id"] not in source_ids]
    # Events the articles recall from the past are background, not part of the period's timeline.
    days: dict[str | None, list[Record]] = {}
    for e in events:
        if not e["historical"]:
            days.setdefault(e["day"], []).append(e)
    speakers = quotes_by_speaker(quotes)
    for group in speakers:
        group["shown"] = group["quotes"][:QUOTES_PER_SPEAKER]
    return {
        "filters": f,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "days": list(days.items()),
        "events": events,
        "background": [e for e in events if e["historical"]],
        "happened": sum(e["happened"] for e in events),
        "speakers": speakers,
        "quotes": quotes,
        "disputes": disputes,
        "sources": sources,
        "map": _map(store, f, events),
        "evidence": _collect_evidence(store, events, quotes, disputes),
    }


def render_report(store: Store, f: Filters = Filters(), fmt: str = "html") -> str:
    """The report as one string in the format asked for."""
    if fmt not in FORMATS:
        raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
    return _environment(fmt).get_template(f"report.{fmt}").render(**report_data(store, f))
