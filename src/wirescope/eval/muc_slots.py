"""MUC-4 slots: gold fills read from the templates, how a predicted fill matches one, the counts.

Scoring is per document, over the union of the document's incident templates (as GRIT and most
document-level work score MUC-4): for each of the eight slots, the gold fills are those of all
the document's incidents, and the predicted fills those of all the incidents we extract. A fill
is matched at most once. Following the MUC-4 scoring guidelines (TEST/SCORER/scoring-guidelines.v7),
a partial match counts half, an optional fill (`?`) that is missed costs nothing, and P = matched /
predicted, R = matched / gold. What counts as partial here (our reading, not the official scorer):
a string that contains the gold string's words or is contained in it; a location that names a
place containing the gold one (the country for a town); a date before an "on or before" bound.
Every fill of an optional template (`1 (OPTIONAL)`) is optional; a fill that several templates
share is optional only if it is optional in all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from wirescope.eval.muc_data import QUOTED_STRING, Template, parse_day
from wirescope.eval.scoring import Counts

SLOTS = ("type", "date", "location", "perp_individual", "perp_organization", "physical_target", "human_target", "stage")
STRING_SLOTS = {
    "perp_individual": "PERP: INDIVIDUAL ID",
    "perp_organization": "PERP: ORGANIZATION ID",
    "physical_target": "PHYS TGT: ID",
}
SET_SLOTS = {"type": "INCIDENT: TYPE", "stage": "INCIDENT: STAGE OF EXECUTION"}
# An article ("THE"), a possessive, punctuation: not part of what a fill names.
_NOISE = re.compile(r"\b(?:THE|A|AN)\b|'S\b|[^A-Z0-9 ]")


@dataclass(frozen=True)
class GoldFill:
    """One gold fill: its acceptable alternatives, and whether it is optional."""

    alternatives: tuple[object, ...]
    optional: bool = False


def normal(text: str) -> str:
    return " ".join(_NOISE.sub(" ", text.upper()).split())


def gold_fills(templates: Iterable[Template]) -> dict[str, list[GoldFill]]:
    """slot -> the distinct gold fills over the document's incident templates."""
    fills: dict[str, list[GoldFill]] = {slot: [] for slot in SLOTS}
    for template in templates:
        found = template_fills(template)
        for slot in SLOTS:
            fills[slot] += [GoldFill(f.alternatives, True) if template.is_optional else f for f in found[slot]]
    return {slot: merged(found) for slot, found in fills.items()}


def template_fills(template: Template) -> dict[str, list[GoldFill]]:
    fills = {slot: [string_fill(line) for line in template.slots.get(name, [])] for slot, name in STRING_SLOTS.items()}
    fills |= {slot: [set_fill(line) for line in template.slots.get(name, [])] for slot, name in SET_SLOTS.items()}
    fills["human_target"] = human_target_fills(template)
    fills["date"] = [date_fill(line) for line in template.slots.get("INCIDENT: DATE", [])]
    fills["location"] = [location_fill(line) for line in template.slots.get("INCIDENT: LOCATION", [])]
    return fills


def merged(fills: list[GoldFill]) -> list[GoldFill]:
    """One fill per set of alternatives, optional only when every occurrence of it is."""
    optional: dict[tuple[object, ...], bool] = {}
    for f in fills:
        if f.alternatives:
            optional[f.alternatives] = optional.get(f.alternatives, True) and f.optional
    return [GoldFill(alternatives, flag) for alternatives, flag in optional.items()]


def _optional(line: str) -> tuple[str, bool]:
    return (line[1:].strip(), True) if line.startswith("?") else (line, False)


def string_fill(line: str) -> GoldFill:
    line, optional = _optional(line)
    return GoldFill(tuple(normal(s) for s in QUOTED_STRING.findall(line.split('":')[0] + '"')), optional)


def set_fill(line: str) -> GoldFill:
    line, optional = _optional(line)
    return GoldFill(tuple(v.strip() for v in line.split(":")[0].split("/")), optional)


def human_target_fills(template: Template) -> list[GoldFill]:
    """Names, and descriptions of people not named ("PRIEST": "IGNACIO ELLACURIA" is one fill)."""
    names = [string_fill(line) for line in template.slots.get("HUM TGT: NAME", [])]
    described = [line for line in template.slots.get("HUM TGT: DESCRIPTION", []) if '":' not in line]
    return names + [string_fill(line) for line in described]


def date_fill(line: str) -> GoldFill:
    """`30 DEC 89` -> (day, day); `08 JAN 90 - 09 JAN 90` -> a range; `- 08 JAN 90` -> (None, day)."""
    line, optional = _optional(line)
    ranges = []
    for alternative in line.split("/"):
        low, _, high = alternative.partition(" - ") if " - " in alternative else (alternative, "", alternative)
        if alternative.strip().startswith("-"):
            low, high = "", alternative.strip()[1:]
        ranges.append((parse_day(low) if low.strip() else None, parse_day(high)))
    return GoldFill(tuple(r for r in ranges if r[1] is not None), optional)


def location_fill(line: str) -> GoldFill:
    """`EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)` -> its names, widest first."""
    line, optional = _optional(line)
    alternatives = []
    for alternative in line.split(" / "):
        names = [normal(re.sub(r"\([^)]*\)", "", part)) for part in re.split(r":| - ", alternative)]
        alternatives.append(tuple(n for n in names if n))
    return GoldFill(tuple(a for a in alternatives if a), optional)


# --- matching a predicted fill: 1 correct, 0.5 partial, 0 no match -------------------------------
def match_string(predicted: object, gold: object) -> float:
    p, g = normal(str(predicted)), str(gold)
    if p == g:
        return 1.0
    p_words, g_words = set(p.split()), set(g.split())
    return 0.5 if p_words and g_words and (p_words <= g_words or g_words <= p_words) else 0.0


def match_set(predicted: object, gold: object) -> float:
    return 1.0 if predicted == gold else 0.0


def match_date(predicted: object, gold: object) -> float:
    if not isinstance(predicted, date) or not isinstance(gold, tuple):
        return 0.0
    low, high = gold
    if low is None:  # "on or before": the bound itself is the expected answer
        return 1.0 if predicted == high else 0.5 if predicted < high else 0.0
    return 1.0 if low <= predicted <= high else 0.0


def match_location(predicted: object, gold: object) -> float:
    if not isinstance(gold, tuple):
        return 0.0
    name = normal(str(predicted))
    return 1.0 if name == gold[-1] else 0.5 if name in gold else 0.0


MATCHERS: dict[str, Callable[[object, object], float]] = {
    "type": match_set,
    "stage": match_set,
    "date": match_date,
    "location": match_location,
    "perp_individual": match_string,
    "perp_organization": match_string,
    "physical_target": match_string,
    "human_target": match_string,
}


def score_slot(slot: str, predicted: Iterable[object], gold: list[GoldFill]) -> Counts:
    """Greedy one-to-one matching of distinct predicted fills to gold fills, best credit first."""
    matcher = MATCHERS[slot]
    predicted = list(dict.fromkeys(predicted))
    pairs = sorted(
        (
            (max(matcher(p, alt) for alt in g.alternatives), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = 0.0
    for credit, i, j in pairs:
        if credit and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched += credit
    missed_optional = sum(1 for j, g in enumerate(gold) if g.optional and j not in used_g)
    return Counts(matched, len(predicted), len(gold) - missed_optional)
