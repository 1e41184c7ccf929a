"""The report's opening paragraph, written from the record's counts (no model, no invention).

It says what the sources are, how many events they assert took place and of which kinds, where,
the highest death toll reported and who gives it, and how much is contested. Each number is one
the report shows again below with its evidence.
"""

from __future__ import annotations

from wirescope.query.records import Record

# PLOVER types as plural nouns, for sentences ("4 assaults, 2 meetings").
TYPE_NOUNS: dict[str, tuple[str, str]] = {
    "ASSAULT": ("assault", "assaults"),
    "COERCE": ("act of coercion", "acts of coercion"),
    "SANCTION": ("sanction", "sanctions"),
    "MOBILIZE": ("mobilization", "mobilizations"),
    "THREATEN": ("threat", "threats"),
    "PROTEST": ("protest", "protests"),
    "ACCUSE": ("accusation", "accusations"),
    "REJECT": ("rejection", "rejections"),
    "RETREAT": ("retreat", "retreats"),
    "REQUEST": ("request", "requests"),
    "CONSULT": ("meeting", "meetings"),
    "AGREE": ("agreement", "agreements"),
    "COOPERATE": ("act of cooperation", "acts of cooperation"),
    "SUPPORT": ("expression of support", "expressions of support"),
    "AID": ("act of aid", "acts of aid"),
    "CONCEDE": ("concession", "concessions"),
}
TYPES_NAMED = 4
PLACES_NAMED = 3


def counted(n: int, event_type: str) -> str:
    one, many = TYPE_NOUNS.get(event_type, (event_type.lower(), event_type.lower()))
    return f"{n} {one if n == 1 else many}"


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sources_sentence(sizes: Record) -> str:
    span = f"between {sizes['first']} and {sizes['last']}" if sizes["first"] else "(undated)"
    return (
        f"{sizes['articles']} articles from {sizes['publishers']} publishers, published {span}, "
        f"tell {sizes['stories']} independent stories (syndicated copies counted once)."
    )


def _events_sentence(left_out: Record, by_type: list[Record], places: list[Record]) -> str:
    if not left_out["happened"]:
        return f"They report {left_out['events']} events, none of them asserted as having happened."
    others = sum(t["events"] for t in by_type[TYPES_NAMED:])
    kinds = _listing(
        [counted(t["events"], t["type"]) for t in by_type[:TYPES_NAMED]] + ([f"{others} others"] if others else [])
    )
    where = [p["name"] for p in places[:PLACES_NAMED]]
    located = f", reported most about {_listing(where)}" if where else ""
    return (
        f"Of the {left_out['events']} events they report, {left_out['happened']} are asserted as having "
        f"happened ({kinds}){located}; the other {left_out['events'] - left_out['happened']} are denied, "
        "claimed, reported, intended, hypothetical or recalled from the past."
    )


def _toll_sentence(tolls: list[Record]) -> str:
    if not tolls:
        return "No source gives a death toll."
    top = tolls[0]
    who = f"according to {top['source_name']}" if top["source_name"] else "by the article's own account"
    where = f" in {top['place_name']}" if top["place_name"] else ""
    return (
        f"The highest death toll given is {top['fatalities']} ({TYPE_NOUNS.get(top['type'], ('event',))[0]}{where} on "
        f"{top['day'] or 'an unknown day'}, {top['modality']}, {who})."
    )


def _contested_sentence(disputes: list[Record]) -> str:
    if not disputes:
        return "No point is both affirmed and denied by the sources."
    named = _listing([f"“{d['question']}”" for d in disputes[:2]])
    if len(disputes) == 1:
        return f"One point is contested: {named}."
    return f"{len(disputes)} points are contested, among them {named}."


def summary_paragraph(
    sizes: Record,
    left_out: Record,
    by_type: list[Record],
    places: list[Record],
    tolls: list[Record],
    disputes: list[Record],
) -> str:
    """One paragraph: sources, what happened and where, the highest toll, what is contested."""
    if not sizes["articles"]:
        return "No article is in this report's scope."
    return " ".join(
        (
            _sources_sentence(sizes),
            _events_sentence(left_out, by_type, places),
            _toll_sentence(tolls),
            _contested_sentence(disputes),
        )
    )
