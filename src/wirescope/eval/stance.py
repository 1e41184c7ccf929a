"""Stance scoring against FNC-1 (headline-body) and Emergent (claim-headline).

The folder's format is told from its CSV headers (stance_sets.py), as is the split: `--split dev`
(default) scores the held-out bodies or claims, `train` the pairs the shipped weights were fitted
on, `all` both. Printed: accuracy, per-class precision / recall / F1, macro F1 over the classes in
the gold, and for FNC-1 the challenge's weighted score as a share of the best possible: 0.25 for
each pair put on the right side of related / unrelated, 0.75 more for each related pair given its
right related label (agree, disagree or discuss). Emergent has no unrelated pair; a prediction of
unrelated there is simply wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from wirescope.errors import MissingExtra
from wirescope.eval.stance_sets import LABELS, SPLITS, read_stance_set
from wirescope.settings import load_settings

RELATED = frozenset({"agree", "disagree", "discuss"})


@dataclass(frozen=True)
class StanceReport:
    set_name: str
    split: str
    gold: tuple[str, ...]
    predicted: tuple[str, ...]

    def accuracy(self) -> float:
        return sum(g == p for g, p in zip(self.gold, self.predicted, strict=True)) / max(len(self.gold), 1)

    def per_class(self) -> dict[str, tuple[float, float, float, int]]:
        """label -> (precision, recall, F1, gold count), for every label in gold or predictions."""
        table = {}
        for label in [x for x in LABELS if x in self.gold or x in self.predicted]:
            tp = sum(g == p == label for g, p in zip(self.gold, self.predicted, strict=True))
            guessed, gold = self.predicted.count(label), self.gold.count(label)
            precision, recall = tp / guessed if guessed else 0.0, tp / gold if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[label] = (precision, recall, f1, gold)
        return table

    def macro_f1(self) -> float:
        scores = [f1 for _, _, f1, gold in self.per_class().values() if gold]
        return sum(scores) / max(len(scores), 1)

    def weighted_score(self) -> float:
        """The FNC-1 score relative to its maximum (1.0 = every pair right)."""
        return fnc_score(self.gold, self.predicted) / max(fnc_score(self.gold, self.gold), 1e-9)


def fnc_score(gold: tuple[str, ...], predicted: tuple[str, ...]) -> float:
    score = 0.0
    for g, p in zip(gold, predicted, strict=True):
        if (g in RELATED) == (p in RELATED):
            score += 0.25
        if g in RELATED and g == p:
            score += 0.75
    return score


def evaluate(path: Path, split: str = "dev", limit: int | None = None, threads: int = 1) -> StanceReport:
    try:
        from wirescope.annotate.claims.stance import stance_many
    except ImportError as exc:
        raise MissingExtra("stance scoring", "models") from exc
    data = read_stance_set(path)
    pairs = data.split(split)[:limit] if limit else data.split(split)
    predicted = stance_many([(p.claim, p.text) for p in pairs], threads=threads)
    return StanceReport(data.name, split, tuple(p.label for p in pairs), tuple(label for label, _ in predicted))


def format_report(report: StanceReport) -> str:
    lines = [
        f"{report.set_name} {report.split}: {len(report.gold)} pairs",
        f"accuracy {report.accuracy():.3f}   macro F1 {report.macro_f1():.3f}",
    ]
    if report.set_name == "fnc1":
        lines.append(f"FNC-1 weighted score {report.weighted_score():.3f} of the maximum")
    lines.append(f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, (p, r, f1, gold) in report.per_class().items():
        lines.append(f"{label:<10} {p:6.3f} {r:6.3f} {f1:6.3f} {gold:6d}")
    return "\n".join(lines)


@click.command("stance")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="dev",
    show_default=True,
    help="The fixed dev split (FNC-1 by Body ID, Emergent by claim), the train split, or all.",
)
@click.option("--limit", type=int, help="Score only the first N pairs of the split.")
def stance_command(path: Path, split: str, limit: int | None) -> None:
    """Score stance (agree / disagree / discuss / unrelated) on an FNC-1 or Emergent folder.

    Example: wirescope eval stance ../shared/eval/stance-fnc1 --split dev
    """
    report = evaluate(path, split, limit, threads=load_settings().embed_threads)
    click.echo(format_report(report))
