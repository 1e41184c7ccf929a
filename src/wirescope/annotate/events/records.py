"""Event records: one per real-world event in the report, coded from the whole report.

Runs after `events` over what it found (no second parse):
1. each mention (an Event) gets its arguments from the nearest level that states them: its own
   clause (what the events annotator found), else its sentence (a framing phrase: "During an
   operation in X district, Y province, yesterday, ..."), else its paragraph (context.py);
   counts of killed, injured and captured from the parse of its clause or sentence (counts.py);
2. mentions of one event are grouped: the lead, the body and a quote telling of one raid become
   one record. A mention joins the latest record it is compatible with: the same PLOVER type and
   mode, the same standing (happened, denied, not yet happened: a negated, conditional, planned or
   "might" mention never joins a record that happened; one told as "reportedly" may, but a record
   is asserted only when one of its mentions is), the same era, no conflicting place or
   day; and tied to it: within a few sentences of its last mention, or the record told in the
   headline or lead, or the same place or day stated for both. A sentence that says it is another
   event ("in a separate operation") starts a new record;
3. the record takes each argument from the nearest level any of its mentions found it at; what
   none found comes from the lead, then the dateline (places), then the headline, and the date
   last of all from the publication date. `Argument.filled_from` says which, and ACLED's precision
   codes say it too (3 when the publication date or the dateline stood in).

What it gets wrong: two raids of one type told without place or day are one record; a lead that
sums up several raids ("killed 12 insurgents in three operations") joins the first of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from wirescope.annotate.events.attribution import attribute
from wirescope.annotate.events.context import Found, ReportContext, time_precision
from wirescope.annotate.events.counts import counts_in
from wirescope.annotate.pipeline import annotator
from wirescope.record import (
    FILLED_FROM,
    Argument,
    Article,
    Event,
    EventRecord,
    Participant,
    record_modality,
    stable_id,
    standing,
)

# Where a mention stands: things said to have happened, denied, or not (yet) happened.
COUNT_ROLES = ("fatalities", "injured", "captured")
# Types whose captives are counted (arrests, detentions, abductions, captures).
CAPTIVE_MODES = frozenset({"arrest", "abduct", "seize territory"})


@dataclass
class Draft:
    """One mention and the arguments found for it, before mentions are grouped."""

    mention: Event
    arguments: dict[str, Argument] = field(default_factory=dict)


@annotator(
    "event_records",
    requires=("events", "paragraphs", "sentences", "times", "places"),
    adds=("event_records",),
    version="3",  # 3: a clause's own date is the record's, however long ago
)
def build_event_records(article: Article) -> Article:
    """Annotator: one EventRecord per real-world event, its mentions grouped, its arguments from the report."""
    ctx = ReportContext(article)
    drafts = [draft_of(ctx, m) for m in article.events]
    groups = group_mentions(ctx, drafts)
    records = attribute(article, tuple(record_of(ctx, i, g) for i, g in enumerate(groups)))
    return replace(article, event_records=records)


# --- 1. each mention's arguments -------------------------------------------------------------------


def draft_of(ctx: ReportContext, mention: Event) -> Draft:
    draft = Draft(mention)
    for role in ("actor", "target", "source"):
        argument = _participant_argument(role, getattr(mention, role), mention)
        if argument is not None:
            draft.arguments[role] = argument
    for role, argument in (("place", _place(ctx, mention)), ("date", _date(ctx, mention))):
        if argument is not None:
            draft.arguments[role] = argument
    draft.arguments.update(_counts(ctx, mention))
    return draft


def _participant_argument(role: str, p: Participant | None, mention: Event) -> Argument | None:
    if p is None:
        return None
    return Argument(role, p.name, "clause", p.span or mention.evidence, p.actor_id)


def _place(ctx: ReportContext, mention: Event) -> Argument | None:
    if mention.place is not None:
        return _participant_argument("place", mention.place, mention)
    return _found_argument("place", ctx.around("places", mention))


def _date(ctx: ReportContext, mention: Event) -> Argument | None:
    if mention.time is not None:
        said = _time_span(ctx, mention)
        if said is not None:
            return Argument("date", said.value, "clause", said.span, mention.time.value)
    return _found_argument("date", ctx.around("dates", mention))


def _time_span(ctx: ReportContext, mention: Event) -> Found | None:
    """The words of the mention's own time: the date of that value nearest its clause."""
    assert mention.time is not None
    paragraph = ctx.paragraph_of(mention.evidence) or ctx.sentence_of(mention.evidence)
    # within its paragraph only: a parse that runs a headline into the dateline gives the headline its date
    same = [d for d in ctx.clause_dates if d.normalized == mention.time.value and paragraph.contains(d.span)]
    return min(same, key=lambda d: abs(d.span.start - mention.evidence.start)) if same else None


def _found_argument(role: str, found: tuple[Found, str] | None) -> Argument | None:
    if found is None:
        return None
    where, level = found
    return Argument(role, where.value, level, where.span, where.normalized)  # type: ignore[arg-type]


def _counts(ctx: ReportContext, mention: Event) -> dict[str, Argument]:
    """Killed and injured for attacks, captured for arrests and abductions: from the clause, else from
    the sentence when it tells of this event only."""
    wanted = _count_roles(mention)
    doc = ctx.article.doc
    if not wanted or doc is None:
        return {}
    sentence = ctx.sentence_of(mention.evidence)
    alone = not any(o.id != mention.id and sentence.contains(o.evidence) for o in ctx.article.events)
    found: dict[str, Argument] = {}
    levels = [("clause", mention.evidence)] + ([("sentence", sentence)] if alone else [])
    for level, span in levels:
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        tokens = list(words) if words is not None else []
        for role, count in counts_in(tokens).items():
            if role in wanted and role not in found:
                found[role] = Argument(role, ctx.article.text_of(count.span), level, count.span, count.value)  # type: ignore[arg-type]
    return found


def _count_roles(mention: Event) -> tuple[str, ...]:
    if mention.type == "ASSAULT":
        return ("fatalities", "injured") + (("captured",) if mention.mode == "abduct" else ())
    if mention.type == "COERCE" and mention.mode in CAPTIVE_MODES:
        return ("captured",)
    return ()


# --- 2. grouping mentions of one event -----------------------------------------------------------


def group_mentions(ctx: ReportContext, drafts: list[Draft]) -> list[list[Draft]]:
    """Mentions in text order, each joining the latest compatible group, or starting one."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        home = None
        if not ctx.separates(draft.mention):
            home = next((g for g in reversed(groups) if joins(ctx, g, draft)), None)
        if home is None:
            groups.append([draft])
        else:
            home.append(draft)
    return groups


# How many sentences apart two mentions may be and still be grouped without anything else tying them.
NEAR_SENTENCES = 3


def joins(ctx: ReportContext, group: list[Draft], draft: Draft) -> bool:
    """Whether a mention joins a group: compatible with every mention of it, and tied to it: near its
    last mention, or the group told in the headline or lead (the body then tells the lead's event),
    or the same place or day stated for both."""
    if not all(compatible(ctx, d, draft) for d in group):
        return False
    here = ctx.sentence_number(draft.mention.evidence)
    if here - ctx.sentence_number(group[-1].mention.evidence) <= NEAR_SENTENCES:
        return True
    if any(ctx.in_lead_or_headline(d.mention) for d in group):
        return True
    return any(_stated_alike(d, draft, role) for d in group for role in ("place", "date"))


def _stated_alike(a: Draft, b: Draft, role: str) -> bool:
    x, y = a.arguments.get(role), b.arguments.get(role)
    return x is not None and y is not None and x.normalized == y.normalized


def compatible(ctx: ReportContext, a: Draft, b: Draft) -> bool:
    """Whether two mentions can tell of one event: same type, mode, standing and era; no clash of place or day."""
    x, y = a.mention, b.mention
    if x.type != y.type or x.historical != y.historical or standing(x.modality) != standing(y.modality):
        return False
    if x.mode and y.mode and x.mode != y.mode:
        return False
    return _same_place(ctx, a.arguments.get("place"), b.arguments.get("place")) and _same_day(
        a.arguments.get("date"), b.arguments.get("date")
    )


def _same_place(ctx: ReportContext, a: Argument | None, b: Argument | None) -> bool:
    if a is None or b is None or a.normalized == b.normalized:
        return True
    places = {p.id: p for p in ctx.article.places}
    pa, pb = places.get(str(a.normalized)), places.get(str(b.normalized))
    if pa is None or pb is None:
        return a.value.lower() == b.value.lower()
    # "Nad-e Ali district" and "Helmand province" are one place told at two scales
    return pa.name == pb.admin1 or pb.name == pa.admin1 or pa.name == pb.name


def _same_day(a: Argument | None, b: Argument | None) -> bool:
    if a is None or b is None:
        return True
    x, y = str(a.normalized), str(b.normalized)
    return x[:10] == y[:10] or time_precision(x) > 1 or time_precision(y) > 1


# --- 3. the record -----------------------------------------------------------------------------------


def record_of(ctx: ReportContext, i: int, group: list[Draft]) -> EventRecord:
    mentions = [d.mention for d in group]
    first = mentions[0]
    arguments = {
        role: _nearest(ctx, group, role) for role in ("actor", "target", "source", "place", "date", *COUNT_ROLES)
    }
    if arguments["place"] is None:
        arguments["place"] = _found_argument("place", ctx.report_wide("places", first))
    if arguments["date"] is None:
        arguments["date"] = _found_argument("date", ctx.report_wide("dates", first))
    if arguments["date"] is None and ctx.article.published is not None:
        day = ctx.article.published.isoformat()
        arguments["date"] = Argument("date", day, "publication", None, day)
    return EventRecord(
        id=stable_id("rec", ctx.article.id, i),
        type=first.type,
        mentions=tuple(m.id for m in mentions),
        evidence=first.evidence,
        modality=record_modality(mentions),
        historical=first.historical,
        mode=next((m.mode for m in mentions if m.mode), None),
        **arguments,
        time_precision=_time_precision(arguments["date"]),
        geo_precision=_geo_precision(ctx, arguments["place"]),
    )


def _nearest(ctx: ReportContext, group: list[Draft], role: str) -> Argument | None:
    """The argument found nearest its mention (clause before sentence before paragraph), the body's
    before the headline's (a headline's words are clipped: "Afghan forces"), the first of equals."""
    found = [(d.arguments[role], d.mention) for d in group if role in d.arguments]
    if not found:
        return None
    headline = ctx.headline

    def rank(item: tuple[Argument, Event]) -> tuple[int, bool]:
        argument, mention = item
        in_headline = headline is not None and headline.overlaps(mention.evidence)
        return FILLED_FROM.index(argument.filled_from), in_headline

    return min(found, key=rank)[0]


def _time_precision(date: Argument | None) -> int:
    if date is None or date.filled_from == "publication":
        return 3  # the day is not stated; the publication day stands in
    return time_precision(str(date.normalized))


def _geo_precision(ctx: ReportContext, place: Argument | None) -> int | None:
    if place is None:
        return None
    if place.filled_from == "dateline":
        return 3  # where the report was filed, not where it happened
    found = next((p for p in ctx.article.places if p.id == place.normalized), None)
    return found.precision if found is not None and found.precision else 3
