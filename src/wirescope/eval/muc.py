"""`wirescope eval muc`: MUC-4 incident templates, per slot, and GRIT's role-filler F1.

Reads any folders in MUC's own format (muc_data.py: message files and key-* files; the train
folder `.../CORPORA/dev`, the dev folders `.../CORPORA/tst1` and `tst2`, or `CORPORA` itself for
all of them), runs wirescope on each message as given (upper case, as MUC wrote it: the dateline
on its own line, then the body; the dateline day is the publication date), maps our event records
to incidents (muc_adapter.py), and scores eight slots per document (muc_slots.py). The keyword
baseline (muc_baseline.py) is scored in the same run and printed beside us. With `--grit FILE`
(grit/train.json or grit/dev.json) the same predictions are also scored as GRIT scores role-filler entities (grit.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.eval.grit import GoldEntities, read_grit, score_role
from wirescope.eval.muc_adapter import Incident, incidents_of
from wirescope.eval.muc_baseline import baseline_incidents
from wirescope.eval.muc_data import Message, Template, read_corpus
from wirescope.eval.muc_slots import SLOTS, gold_fills, score_slot
from wirescope.eval.running import annotate_all
from wirescope.eval.scoring import Counts, prf_line

SYSTEMS = ("wirescope", "baseline")
# Our slots that feed GRIT's five roles (we extract no weapon strings).
GRIT_ROLES = {
    "PerpInd": "perp_individual",
    "PerpOrg": "perp_organization",
    "Target": "physical_target",
    "Victim": "human_target",
    "Weapon": None,
}


@dataclass
class Report:
    documents: int = 0
    slots: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {s: {slot: Counts() for slot in SLOTS} for s in SYSTEMS}
    )
    grit: dict[str, dict[str, Counts]] | None = None
    failures: list[str] = field(default_factory=list)

    def overall(self, system: str) -> Counts:
        total = Counts()
        for counts in self.slots[system].values():
            total.add(counts)
        return total

    def grit_overall(self, system: str) -> Counts:
        total = Counts()
        for counts in (self.grit or {}).get(system, {}).values():
            total.add(counts)
        return total


def fills_of(incidents: list[Incident]) -> dict[str, list[object]]:
    """slot -> every predicted fill of the document's incidents."""
    fills: dict[str, list[object]] = {slot: [] for slot in SLOTS}
    for incident in incidents:
        for slot in SLOTS:
            value = getattr(incident, slot)
            fills[slot] += list(value) if isinstance(value, tuple) else [] if value is None else [value]
    return fills


def read_all(paths: list[Path]) -> tuple[list[Message], dict[str, list[Template]]]:
    """The messages and templates of several MUC folders (dev = tst1 and tst2), in the order given."""
    messages: list[Message] = []
    templates: dict[str, list[Template]] = {}
    for path in paths:
        found, keys = read_corpus(path)
        messages += found
        templates |= keys
    return messages, templates


def evaluate(
    paths: list[Path], limit: int | None = None, grit_path: Path | None = None, out: Path | None = None
) -> Report:
    messages, templates = read_all(paths)
    messages = messages[:limit]
    grit_gold = read_grit(grit_path) if grit_path else None
    report = Report(grit={s: {role: Counts() for role in GRIT_ROLES} for s in SYSTEMS} if grit_gold else None)
    articles = annotate_all([(m.report, m.dateline_date) for m in messages], [m.id for m in messages], report.failures)
    lines = []
    for message, article in zip(messages, articles, strict=True):
        predicted = {
            "wirescope": incidents_of(article) if article is not None else [],
            "baseline": baseline_incidents(message),
        }
        score_message(report, message, templates[message.id], predicted, grit_gold)
        lines.append(prediction_line(message, predicted))
    if out:
        out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return report


def score_message(
    report: Report,
    message: Message,
    templates: list[Template],
    predicted: dict[str, list[Incident]],
    grit_gold: dict[str, GoldEntities] | None,
) -> None:
    report.documents += 1
    gold = gold_fills(templates)
    for system, incidents in predicted.items():
        fills = fills_of(incidents)
        for slot in SLOTS:
            report.slots[system][slot].add(score_slot(slot, fills[slot], gold[slot]))
        if grit_gold is not None and report.grit is not None:
            entities = grit_gold.get(message.id, {})
            for role, grit_slot in GRIT_ROLES.items():
                strings = [str(f) for f in fills[grit_slot]] if grit_slot else []
                report.grit[system][role].add(score_role(strings, entities.get(role, [])))


def prediction_line(message: Message, predicted: dict[str, list[Incident]]) -> dict:
    def as_json(incident: Incident) -> dict:
        return {
            slot: (list(v) if isinstance(v, tuple) else v.isoformat() if hasattr(v, "isoformat") else v)
            for slot, v in ((s, getattr(incident, s)) for s in (*SLOTS, "evidence"))
        }

    return {"id": message.id, **{system: [as_json(i) for i in incidents] for system, incidents in predicted.items()}}


def format_report(report: Report) -> str:
    lines = [f"MUC-4: {report.documents} documents; per-slot scores over each document's incident templates", ""]
    for system in SYSTEMS:
        lines.append(f"{system}:")
        lines += [f"  {prf_line(slot, counts)}" for slot, counts in report.slots[system].items()]
        lines += [f"  {prf_line('ALL SLOTS', report.overall(system))}", ""]
    if report.grit is not None:
        lines.append("GRIT role-filler entities (CEAF-REE, micro over PerpInd, PerpOrg, Target, Victim, Weapon):")
        for system in SYSTEMS:
            lines.append(f"  {prf_line(system, report.grit_overall(system))}")
            lines += [f"    {prf_line(role, counts, 22)}" for role, counts in report.grit[system].items()]
    if report.failures:
        lines += [
            "",
            f"{len(report.failures)} document(s) failed to annotate (scored as empty); first:",
            f"  {report.failures[0]}",
        ]
    return "\n".join(lines)


@click.command("muc")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--grit",
    "grit_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also score GRIT's role-filler F1 against this grit/*.json (same messages).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions as JSONL.")
@click.option("--limit", type=int, help="Score only the first N messages.")
def muc_command(paths: tuple[Path, ...], grit_path: Path | None, out: Path | None, limit: int | None) -> None:
    """Score MUC-4 incident templates (folders in MUC's format), ours beside a keyword baseline.

    Dev is tst1 and tst2 together (give both folders), train is CORPORA/dev.

    Add --grit ../shared/eval/events-muc4/grit/dev.json for GRIT's role-filler F1.

    Example: wirescope eval muc ../shared/eval/events-muc4/raw/TASK/CORPORA/tst1
    """
    click.echo(format_report(evaluate(list(paths), limit, grit_path, out)))
