"""Argument extraction given the gold trigger: shared by the RAMS and WikiEvents evaluations.

Both sets are pre-tokenised; we rebuild a text from the tokens (keeping each token's offsets),
run wirescope on it, take our event at the gold trigger, turn its arguments into token spans
(each set's adapter chooses the role), and score them against the gold arguments:
- Arg-I: the span matches a gold argument of the event; Arg-C: the role matches as well;
- match: `exact` (same first and last token), `head` (same last token: the head of an English noun
  phrase is usually its last word; an approximation of the syntactic head, wrong for "the mayor of
  Kabul"), and `coref` (head match with any coreferent mention of the gold argument, WikiEvents);
- split: `same` sentence as the trigger or `cross`-sentence, for gold and predicted arguments
  alike, and `all`.
Each gold argument is matched at most once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirescope.eval.scoring import Counts
from wirescope.record import Article, Event, EventRecord, Participant, Span

# Tokens written without a space before them ("n't", "'s", ",") or after them ("(", "$").
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|’s|’)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
LEVELS = ("Arg-I", "Arg-C")
SPLITS = ("all", "same", "cross")


@dataclass(frozen=True)
class TokenText:
    """A text rebuilt from tokens: the text, each token's character span, each token's sentence."""

    text: str
    spans: tuple[Span, ...]
    sentence: tuple[int, ...]

    def token_span(self, span: Span) -> tuple[int, int] | None:
        """First and last token (inclusive) that a character span covers; None if it covers none."""
        covered = [i for i, s in enumerate(self.spans) if s.start < span.end and span.start < s.end]
        return (covered[0], covered[-1]) if covered else None

    def char_span(self, first: int, last: int) -> Span:
        return Span(self.spans[first].start, self.spans[last].end)


def detokenise(sentences: list[list[str]]) -> TokenText:
    """Tokens joined with single spaces except where English writes none; sentences by a space."""
    parts: list[str] = []
    spans: list[Span] = []
    sentence_of: list[int] = []
    length, previous = 0, ""
    for n, tokens in enumerate(sentences):
        for token in tokens:
            glued = not parts or previous in _NO_SPACE_AFTER or _NO_SPACE_BEFORE.match(token)
            length += 0 if glued else 1
            parts.append(token if glued else " " + token)
            spans.append(Span(length, length + len(token)))
            sentence_of.append(n)
            length += len(token)
            previous = token
    return TokenText("".join(parts), tuple(spans), tuple(sentence_of))


def event_at(article: Article, trigger: Span) -> Event | None:
    """Our event for a gold trigger: the one with the smallest evidence that contains the trigger."""
    holding = [e for e in article.events if e.evidence.start <= trigger.start and trigger.end <= e.evidence.end]
    return min(holding, key=lambda e: len(e.evidence)) if holding else None


def record_of(article: Article, event: Event) -> EventRecord | None:
    """The event record grouping this mention (annotate/events/records.py)."""
    return next((r for r in article.event_records if event.id in r.mentions), None)


# Where a record's argument is the report's default for every event in it, not something the text
# ties to this event: the lead's, the headline's and the dateline's place, the publication day.
# These benchmarks score the arguments of one trigger, so a default is not offered as one. (The
# dateline and publication day were left out from the start; lead and headline on principle,
# which changed nothing on WikiEvents dev_info.)
REPORT_DEFAULTS = frozenset({"lead", "headline", "dateline", "publication"})


def argument_span(own: Participant | None, record: EventRecord | None, role: str) -> Span | None:
    """The mention's own participant, else the record's argument where the text ties it to the
    event (a framing phrase, the sentence, the paragraph, another mention of the event): how
    cross-sentence arguments are found. The report's defaults (REPORT_DEFAULTS) are not offered."""
    if own is not None and own.span is not None:
        return own.span
    argument = None if record is None else getattr(record, role)
    if argument is None or argument.filled_from in REPORT_DEFAULTS:
        return None
    return argument.evidence


def first_role(roles: list[str], preferred: tuple[str, ...]) -> str | None:
    """The event type's role that comes first in `preferred` (compared in lower case)."""
    by_lower = {r.lower(): r for r in roles}
    return next((by_lower[p] for p in preferred if p in by_lower), None)


def participant_span(participant: Participant | None) -> Span | None:
    return participant.span if participant is not None else None


@dataclass(frozen=True)
class GoldArgument:
    role: str
    mentions: tuple[tuple[int, int], ...]  # token spans, inclusive; the annotated one first, then coreferent ones
    cross: bool


@dataclass(frozen=True)
class PredictedArgument:
    role: str
    tokens: tuple[int, int]
    cross: bool


def matches(p: PredictedArgument, g: GoldArgument, level: str, mode: str) -> bool:
    if level == "Arg-C" and p.role.lower() != g.role.lower():
        return False
    if mode == "exact":
        return p.tokens == g.mentions[0]
    candidates = g.mentions if mode == "coref" else g.mentions[:1]
    return any(p.tokens[1] == m[1] for m in candidates)


@dataclass
class ArgumentReport:
    """Counts for every (level, match mode, split), plus how often we had an event at the trigger."""

    modes: tuple[str, ...]
    counts: dict[tuple[str, str, str], Counts] = field(default_factory=dict)
    events: int = 0
    found: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, predicted: list[PredictedArgument], gold: list[GoldArgument]) -> None:
        for level in LEVELS:
            for mode in self.modes:
                for split in SPLITS:
                    key = (level, mode, split)
                    self.counts.setdefault(key, Counts()).add(score(predicted, gold, level, mode, split))


def in_split(cross: bool, split: str) -> bool:
    return split == "all" or (split == "cross") == cross


def score(predicted: list[PredictedArgument], gold: list[GoldArgument], level: str, mode: str, split: str) -> Counts:
    preds = [p for p in predicted if in_split(p.cross, split)]
    golds = [g for g in gold if in_split(g.cross, split)]
    used: set[int] = set()
    matched = 0
    for p in preds:
        j = next((j for j, g in enumerate(golds) if j not in used and matches(p, g, level, mode)), None)
        if j is not None:
            used.add(j)
            matched += 1
    return Counts(matched, len(preds), len(golds))


def format_arguments(title: str, report: ArgumentReport) -> str:
    lines = [
        title,
        f"our event found at {report.found} of {report.events} gold triggers",
        "",
        f"{'level':6} {'match':6} {'split':6} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8} {'pred':>5} {'gold':>5}",
    ]
    for (level, mode, split), c in sorted(
        report.counts.items(),
        key=lambda kv: (LEVELS.index(kv[0][0]), report.modes.index(kv[0][1]), SPLITS.index(kv[0][2])),
    ):
        p, r, f = c.prf()
        lines.append(
            f"{level:6} {mode:6} {split:6} {p:6.3f} {r:6.3f} {f:6.3f} {c.matched:8g} {c.predicted:5d} {c.gold:5d}"
        )
    if report.failures:
        lines += [
            "",
            f"{len(report.failures)} document(s) failed to annotate (no predictions); first:",
            f"  {report.failures[0]}",
        ]
    return "\n".join(lines)
