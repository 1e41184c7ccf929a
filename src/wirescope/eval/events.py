"""Event typing against CASE 2021 task 2: ACLED-style snippets, one gold sub-event type each.

The set (../shared/eval/events-case2021, see its SOURCE.md) is a TSV with the header
`id<TAB>EventSnippet<TAB>SubType` and 1,019 snippets. Each snippet goes through the parse, the
actors and the events annotators; its events are mapped from PLOVER to ACLED with
query/acled.py (the mapping docs/events.md documents) and the snippet gets the label of its most
specific event (LABEL_PRIORITY). Negated, hypothetical, intended and requested events do not
count: ACLED codes what happened (claimed and reported events do count: ACLED codes from
reports). A snippet with no event gets no label, which costs recall and not precision.

The five "unseen" labels that are not ACLED types — NATURAL_DISASTER, MAN_MADE_DISASTER and
ORG_CRIME have no PLOVER type at all; DIPLO and ATTRIB come from the diplomatic PLOVER types —
stay in the gold, so the figures are over all 30 labels, as the task scored them.

Figures: micro F1 (precision over the snippets given a label, recall over all snippets), macro F1
(the mean of the per-label F1s, over the labels in the gold) and weighted F1 (that mean weighted
by gold counts), the three the task reported.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.api import process
from wirescope.errors import DocumentError
from wirescope.query.acled import EventFacts, case_label
from wirescope.record import Article, Event
from wirescope.settings import load_settings

TSV_NAME = "test_set_final_release_with_labels.tsv"
HEADER = ("id", "EventSnippet", "SubType")
# When a snippet names several events, the most specific one is its label.
LABEL_PRIORITY = (
    "CHEM_WEAP",
    "SUIC_BOMB",
    "AIR_STRIKE",
    "ART_MISS_ATTACK",
    "GRENADE",
    "REM_EXPLOS",
    "SEX_VIOL",
    "ABDUCT_DISSAP",
    "FORCE_AGAINST_PROTEST",
    "PROTEST_WITH_INTER",
    "VIOL_DEMONSTR",
    "MOB_VIOL",
    "GOV_REGAINS_TERIT",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "ARMED_CLASH",
    "ATTACK",
    "PEACE_PROTEST",
    "ARREST",
    "DISR_WEAP",
    "PROPERTY_DISTRUCT",
    "HQ_ESTABLISHED",
    "AGREEMENT",
    "NON_VIOL_TERRIT_TRANSFER",
    "CHANGE_TO_GROUP_ACT",
    "ATTRIB",
    "DIPLO",
    "OTHER",
)
NOT_HAPPENED = frozenset({"negated", "hypothetical", "intended", "requested"})


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    gold: str


@dataclass
class Report:
    gold: list[str] = field(default_factory=list)
    predicted: list[str | None] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # snippets an annotator failed on (no label)

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        """label -> (precision, recall, F1, gold count), for every gold label."""
        result = {}
        for label in sorted(set(self.gold)):
            tp = sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p == label)
            predicted = sum(1 for p in self.predicted if p == label)
            support = sum(1 for g in self.gold if g == label)
            result[label] = (*_prf(tp, predicted, support), support)
        return result

    def micro(self) -> tuple[float, float, float]:
        tp = sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p)
        return _prf(tp, sum(1 for p in self.predicted if p is not None), len(self.gold))

    def macro_f1(self) -> float:
        scores = self.per_label()
        return sum(s[2] for s in scores.values()) / len(scores) if scores else 0.0

    def weighted_f1(self) -> float:
        scores = self.per_label()
        return sum(s[2] * s[3] for s in scores.values()) / len(self.gold) if self.gold else 0.0


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def find_tsv(path: Path) -> Path:
    """The task 2 TSV: the file given, or the one inside the CASE folder given."""
    if path.is_file():
        return path
    found = sorted(path.rglob(TSV_NAME)) or sorted(path.rglob("*.tsv"))
    if not found:
        raise DocumentError(str(path), f"no {TSV_NAME} (nor any .tsv) inside: give the CASE 2021 folder or its TSV")
    return found[0]


def read_snippets(path: Path) -> list[Snippet]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0][:3]) != HEADER:
        raise DocumentError(str(path), f"the first line must be the header {'<TAB>'.join(HEADER)}")
    snippets = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) < 3 or not row[2].strip():
            raise DocumentError(f"{path}:{n}", "a line needs id<TAB>snippet<TAB>label")
        snippets.append(Snippet(row[0], row[1], row[2].strip()))
    return snippets


def label_of(article: Article) -> str | None:
    """The snippet's ACLED label: its most specific event among those that may have happened."""
    kept = [e for e in article.events if e.modality not in NOT_HAPPENED]
    labels = {case_label(_facts(article, e)) for e in kept}
    if "PEACE_PROTEST" in labels or "VIOL_DEMONSTR" in labels:
        labels |= _intervention(kept)
    ranked = [label for label in LABEL_PRIORITY if label in labels]
    return ranked[0] if ranked else None


def _facts(article: Article, e: Event) -> EventFacts:
    return EventFacts(
        e.type, e.mode, e.actor.name if e.actor else "", e.target.name if e.target else "", article.text_of(e.evidence)
    )


def _intervention(events: list[Event]) -> set[str]:
    """A protest met by force: violence against it, or arrests and dispersal."""
    if any(e.type == "ASSAULT" and (e.fatalities or e.injured or e.mode in ("firearms", "beat")) for e in events):
        return {"FORCE_AGAINST_PROTEST"}
    if any(e.type == "COERCE" and e.mode in ("arrest", "disperse", "repress") for e in events):
        return {"PROTEST_WITH_INTER"}
    return set()


def annotate(snippets: list[Snippet], failures: list[str]) -> Iterator[Article | None]:
    """Each snippet annotated as given (no cleaning: it is clean text) by the whole pipeline.

    One at a time, so that an annotator failing on one snippet costs that snippet only: it is
    yielded as None and its error kept in `failures`, which the report prints.
    """
    settings = load_settings()
    for s in snippets:
        try:
            yield process(s.text, clean=False, url=f"case2021:{s.id}", settings=settings)
        except Exception as exc:
            failures.append(f"snippet {s.id}: {type(exc).__name__}: {exc}")
            yield None


def evaluate(path: Path, limit: int | None = None, out: Path | None = None) -> Report:
    snippets = read_snippets(find_tsv(path))[:limit]
    report = Report()
    for snippet, article in zip(snippets, annotate(snippets, report.failures), strict=True):
        report.gold.append(snippet.gold)
        report.predicted.append(label_of(article) if article is not None else None)
    if out:
        out.write_text(
            "".join(
                json.dumps({"id": s.id, "gold": s.gold, "predicted": p}) + "\n"
                for s, p in zip(snippets, report.predicted, strict=True)
            ),
            encoding="utf-8",
        )
    return report


def format_report(report: Report) -> str:
    p, r, f = report.micro()
    labelled = sum(1 for x in report.predicted if x is not None)
    lines = [
        f"CASE 2021 task 2: {len(report.gold)} snippets, {labelled} given a label",
        f"micro    P {p:.3f}  R {r:.3f}  F1 {f:.3f}",
        f"macro    F1 {report.macro_f1():.3f}",
        f"weighted F1 {report.weighted_f1():.3f}",
        "",
        f"{'label':32} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
    ]
    for label, (lp, lr, lf, support) in report.per_label().items():
        lines.append(f"{label:32} {lp:6.3f} {lr:6.3f} {lf:6.3f} {support:5d}")
    confusions = Counter((g, p) for g, p in zip(report.gold, report.predicted, strict=True) if g != p and p is not None)
    lines += ["", "most frequent confusions (gold -> predicted):"]
    lines += [f"  {g} -> {p}: {n}" for (g, p), n in confusions.most_common(8)]
    if report.failures:
        lines += [
            "",
            f"{len(report.failures)} snippet(s) failed to annotate and count as unlabelled; first:",
            f"  {report.failures[0]}",
        ]
    return "\n".join(lines)


@click.command("events")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions as JSONL.")
@click.option("--limit", type=int, help="Score only the first N snippets.")
def events_command(path: Path, out: Path | None, limit: int | None) -> None:
    """Score event typing on CASE 2021 task 2 (a folder holding its TSV, or the TSV), through PLOVER->ACLED.

    Example: wirescope eval events ../shared/eval/events-case2021
    """
    report = evaluate(path, limit, out)
    click.echo(format_report(report))
