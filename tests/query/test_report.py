"""The situation report: self-contained, scoped, every fact linked to evidence the file itself carries."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

import wirescope
from tests.query.see_fixtures import EVENTS, QUOTE, TEXT, hand_article, see_db  # noqa: F401 (see_db is a fixture)
from wirescope.query.browse import Filters
from wirescope.query.report import evidence_of, render_report


class Links(HTMLParser):
    """Collects what a self-contained file must not have (outside resources) and its anchors."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.resources: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in ("link", "img", "iframe") or (tag == "script" and attrs.get("src")):
            self.resources.append(attrs.get("href") or attrs.get("src") or tag)
        if tag == "script":
            self.scripts += 1


@pytest.fixture(scope="module")
def store(see_db):  # noqa: F811 (the fixture imported above)
    with wirescope.open_store(see_db) as s:
        yield s


@pytest.fixture(scope="module")
def charikar_html(store):
    return render_report(store, Filters(place="Charikar"))


def test_the_html_report_needs_nothing_beside_it(charikar_html):
    links = Links()
    links.feed(charikar_html)
    assert links.resources == [] and links.scripts == 0
    internal = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert internal and all(anchor in links.ids for anchor in internal)  # every evidence link lands


def test_a_place_report_shows_its_events_with_their_evidence_and_no_others(charikar_html):
    for e in EVENTS:
        if e.place.name != "Charikar":
            assert f'href="#ev-{e.id}"' not in charikar_html, e.id
        elif e.modality == "asserted" and not e.historical:
            assert f'href="#ev-{e.id}"' in charikar_html, e.id  # a key event, with its evidence
    # what is only claimed is not a key event; it is in the report as a claim, its words marked
    claimed = next(e for e in EVENTS if e.modality == "claimed")
    assert f'href="#ev-{claimed.id}"' not in charikar_html.split('id="contested"')[0]
    evidence = TEXT[claimed.evidence.start : claimed.evidence.end]
    assert re.search(f"<mark>[^<]*{re.escape(evidence)}[^<]*</mark>", charikar_html), evidence


def test_the_claimed_and_denied_attack_is_reported_as_contested_side_by_side(charikar_html):
    section = charikar_html.split('id="contested"')[1].split("</section>")[0]
    assert "fighting — Charikar" in section
    assert "Says so:" in section and "Denies:" in section


def test_key_quotes_and_the_map(store):
    html = render_report(store, Filters(actor="Ahmad Karimi"))
    assert "We will never surrender to the army," in html and f'href="#ev-{QUOTE.id}"' in html
    svg = html.split('aria-label="Places of the events')[1].split("</svg>")[0]
    assert "<path" in svg  # the world outline
    # his one located event is the meeting in Doha: the map shows it, not the places he is not in
    assert "<title>Doha: 1 independent story</title>" in svg and "Charikar" not in svg


def test_a_date_range_keeps_only_the_events_of_those_days(store):
    html = render_report(store, Filters(since=date(2021, 9, 7), until=date(2021, 9, 7)))
    asserted = next(e for e in EVENTS if e.modality == "asserted")
    assert f"#ev-{asserted.id}" in html
    assert all(f"#ev-{e.id}" not in html for e in EVENTS if e is not asserted)


def test_the_markdown_report_escapes_html_and_links_evidence(store):
    md = render_report(store, Filters(place="Charikar"), fmt="md")
    assert md.startswith("# Situation report")
    assert "<img" not in md and "&lt;img src=x" in md  # the hand article's title, as text
    linked = re.findall(r"\[evidence\]\(#(ev-[^)]+)\)", md)
    assert linked, "the markdown report links its evidence"
    assert all(f'<a id="{anchor}"></a>' in md for anchor in linked)  # and every link lands


def test_the_markdown_report_lists_each_key_event_on_its_own_line(store):
    # Regression: the template's last tag on an event's line ate its newline, so all key events
    # ran together on one line, which no Markdown reader shows as a list.
    html = render_report(store, Filters())
    md = render_report(store, Filters(), fmt="md")
    key_events = html.count('<li class="key-event"')
    items = re.findall(r"^(\d+)\. \*\*[A-Z]+\*\* ", md, flags=re.M)
    assert key_events > 1 and [int(n) for n in items] == list(range(1, key_events + 1))


def test_a_key_event_naming_neither_side_says_so_instead_of_drawing_dashes(store):
    for fmt in ("html", "md"):
        report = render_report(store, Filters(), fmt=fmt)
        assert "— → —" not in report
        assert "parties not named" in report  # the demo's "Fighting in the Panjshir Valley"


def test_evidence_is_shown_in_its_sentence():
    article = hand_article()
    quote_sentence = evidence_of(article, "ev-q", QUOTE.span.start, QUOTE.span.end)
    assert quote_sentence.before == '"'
    assert quote_sentence.text + quote_sentence.after == 'We will never surrender to the army," said Ahmad Karimi.'


def test_the_cli_writes_the_report(see_db, tmp_path):  # noqa: F811
    from click.testing import CliRunner

    from wirescope.cli import cli

    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", see_db, "--since", "2021-09-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = CliRunner().invoke(cli, ["report", "--db", see_db, "--since", "September"])
    assert bad.exit_code == 2 and "is not a date like 2021-08-25" in bad.output
