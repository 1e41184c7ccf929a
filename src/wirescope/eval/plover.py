"""`wirescope eval plover`: the PLOVER gold standard records (sentence-level), type and actor/target.

Reads the OEDA gold records (../shared/eval/events-plover-gsr/PLOVER_GSR_CAMEO.txt, one JSON
array; see its SOURCE.md): each coded sentence has one event type, its source and target actors
and the event words marked `(EVT: ...)` in `textInfo.markup`. The records use PLOVER 0.5b1 (2016)
labels; four have no section in the current manual and are mapped first (CURRENT_LABEL, from
that SOURCE.md and the 2021 CAMEO-to-PLOVER table): DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT (CAMEO 19's military fighting; the GSR codes no
blockade or occupation under FIGHT, which would be COERCE).

Figures: type accuracy over all records (no event counts as wrong), P/R/F1 of the typed records,
macro F1 over the gold labels; actor and target match (our participant's words and a gold
actorText, one containing the other, case-insensitive) as P/R/F1.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.errors import EvalDataError
from wirescope.eval.running import annotate_all
from wirescope.eval.scoring import Counts, prf, prf_line
from wirescope.record import Article, Event, Participant, Span

CURRENT_LABEL = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_EVT = re.compile(r"\(EVT: ([^()]+)\)")


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    label: str  # current PLOVER
    trigger: Span | None  # the first (EVT: ...) words found in the text
    actors: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Prediction:
    label: str | None
    actor: str | None
    target: str | None


@dataclass
class Report:
    gold: list[str] = field(default_factory=list)
    predicted: list[str | None] = field(default_factory=list)
    actor: Counts = field(default_factory=Counts)
    target: Counts = field(default_factory=Counts)
    failures: list[str] = field(default_factory=list)

    def accuracy(self) -> float:
        return (
            sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p) / len(self.gold)
            if self.gold
            else 0.0
        )

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        result = {}
        for label in sorted(set(self.gold)):
            tp = sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p == label)
            support = self.gold.count(label)
            result[label] = (*prf(tp, self.predicted.count(label), support), support)
        return result

    def macro_f1(self) -> float:
        scores = self.per_label()
        return sum(s[2] for s in scores.values()) / len(scores) if scores else 0.0

    def typed(self) -> Counts:
        return Counts(
            sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p),
            sum(1 for p in self.predicted if p is not None),
            len(self.gold),
        )


def read_records(path: Path) -> list[GoldRecord]:
    path = path if path.is_file() else next(iter(sorted(path.glob("*.txt"))), path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return [gold_record(r) for r in records if r.get("event") != "DOCUMENT"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvalDataError(f"{path}: not the PLOVER gold records JSON array ({type(exc).__name__}: {exc})") from exc


def gold_record(r: dict) -> GoldRecord:
    info = r.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""  # one record has a string here
    return GoldRecord(
        r["id"],
        r["text"],
        CURRENT_LABEL.get(r["event"], r["event"]),
        trigger_span(r["text"], markup),
        actor_texts(r.get("source")),
        actor_texts(r.get("target")),
    )


def actor_texts(actors) -> tuple[str, ...]:
    return tuple(a["actorText"] for a in actors or [] if isinstance(a, dict) and a.get("actorText"))


def trigger_span(text: str, markup: str) -> Span | None:
    for words in _EVT.findall(markup):
        start = text.lower().find(words.strip().lower())
        if start >= 0:
            return Span(start, start + len(words.strip()))
    return None


def prediction_of(article: Article, trigger: Span | None) -> Prediction:
    """The adapter: the event at the gold event words (else the sentence's first) -> type, actor, target."""
    event = event_for(article, trigger)
    if event is None:
        return Prediction(None, None, None)
    return Prediction(event.type, words_of(article, event.actor), words_of(article, event.target))


def event_for(article: Article, trigger: Span | None) -> Event | None:
    if trigger is not None:
        holding = [e for e in article.events if e.evidence.start <= trigger.start < e.evidence.end]
        if holding:
            return min(holding, key=lambda e: len(e.evidence))
    return article.events[0] if article.events else None


def words_of(article: Article, participant: Participant | None) -> str | None:
    if participant is None:
        return None
    return article.text_of(participant.span) if participant.span else participant.name


def same_actor(predicted: str | None, gold: tuple[str, ...]) -> bool:
    p = (predicted or "").lower()
    return bool(p) and any(g.lower() in p or p in g.lower() for g in gold)


def score_record(report: Report, record: GoldRecord, prediction: Prediction) -> None:
    report.gold.append(record.label)
    report.predicted.append(prediction.label)
    for counts, predicted, gold in (
        (report.actor, prediction.actor, record.actors),
        (report.target, prediction.target, record.targets),
    ):
        counts.add(Counts(float(same_actor(predicted, gold)), int(predicted is not None), int(bool(gold))))


def evaluate(path: Path, limit: int | None = None, out: Path | None = None) -> Report:
    records = read_records(path)[:limit]
    report = Report()
    articles = annotate_all([(r.text, None) for r in records], [r.id for r in records], report.failures)
    lines = []
    for record, article in zip(records, articles, strict=True):
        prediction = prediction_of(article, record.trigger) if article is not None else Prediction(None, None, None)
        score_record(report, record, prediction)
        lines.append(
            {
                "id": record.id,
                "gold": record.label,
                "type": prediction.label,
                "actor": prediction.actor,
                "target": prediction.target,
            }
        )
    if out:
        out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return report


def format_report(report: Report) -> str:
    lines = [
        f"PLOVER gold records: {len(report.gold)} sentences (2016 labels mapped to current PLOVER)",
        f"type accuracy {report.accuracy():.3f}   macro F1 {report.macro_f1():.3f}",
        prf_line("typed records", report.typed()),
        prf_line("actor match", report.actor),
        prf_line("target match", report.target),
        "",
        f"{'label':12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
    ]
    lines += [f"{label:12} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}" for label, (p, r, f, n) in report.per_label().items()]
    confusions = Counter((g, p or "none") for g, p in zip(report.gold, report.predicted, strict=True) if g != p)
    lines += ["", "most frequent errors (gold -> predicted):"]
    lines += [f"  {g} -> {p}: {n}" for (g, p), n in confusions.most_common(8)]
    if report.failures:
        lines += ["", f"{len(report.failures)} sentence(s) failed to annotate; first:", f"  {report.failures[0]}"]
    return "\n".join(lines)


@click.command("plover")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions as JSONL.")
@click.option("--limit", type=int, help="Score only the first N records.")
def plover_command(path: Path, out: Path | None, limit: int | None) -> None:
    """Score PLOVER event typing and actor/target on the PLOVER gold records (the file or its folder).

    Example: wirescope eval plover ../shared/eval/events-plover-gsr
    """
    click.echo(format_report(evaluate(path, limit, out)))
