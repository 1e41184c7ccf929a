"""`wirescope eval time DIR`: the times annotator scored on TimeML (.tml) gold, TempEval-3 style.

Each document's text is the text content of its <TEXT> element, run through the parse and the
times annotator as it is (not through cleaning, which would move the offsets), with the document
creation time (<DCT>) as the publication date. Figures, as TempEval-3 reports them:

- span precision, recall and F1, strict (same offsets) and relaxed (any overlap, one to one);
- value and type accuracy over the relaxed matches, and value and type F1 (a match counts only
  when the attribute agrees too).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import click

from wirescope.api import process_many
from wirescope.errors import EvalDataError
from wirescope.eval.split import PART_OPTION, Part, part_of


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    value: str
    type: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex] = field(default_factory=list)


# --- reading TimeML ------------------------------------------------------------------------------


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex], offset: list[int]) -> None:
    """Concatenate the element's text, noting where each TIMEX3 starts and ends in it."""
    if element.text:
        parts.append(element.text)
        offset[0] += len(element.text)
    for child in element:
        start = offset[0]
        _walk(child, parts, timexes, offset)
        if child.tag == "TIMEX3":
            timexes.append(GoldTimex(start, offset[0], child.get("value", ""), child.get("type", "")))
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def read_timeml(path: Path) -> TimeMLDocument:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not well-formed TimeML XML ({exc})") from exc
    body = root.find("TEXT")
    if body is None:
        raise EvalDataError(f"{path}: no <TEXT> element, so not a TimeML document")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, parts, timexes, [0])
    dct = root.find("DCT/TIMEX3")
    try:
        anchor = date.fromisoformat(dct.get("value", "")[:10]) if dct is not None else None
    except ValueError:
        anchor = None
    return TimeMLDocument(path.name, "".join(parts), anchor, timexes)


def timeml_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise EvalDataError(f"{folder}: no such folder")
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise EvalDataError(f"{folder}: no .tml files in it (TimeML folders such as TBAQ-cleaned/TimeBank)")
    return files


# --- running the annotator -----------------------------------------------------------------------


def system_timexes(documents: list[TimeMLDocument]) -> list[list[GoldTimex]]:
    """The times annotator's output for each document, as (start, end, value, type)."""
    annotated = process_many(((d.text, d.dct) for d in documents), only=("parse", "times"))
    return [[GoldTimex(t.span.start, t.span.end, t.value or "", t.type) for t in a.times] for a in annotated]


# --- scoring -------------------------------------------------------------------------------------


def _prf(hits: int, n_system: int, n_gold: int) -> dict[str, float]:
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def relaxed_pairs(gold: list[GoldTimex], system: list[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one overlapping pairs, exact matches first, then in text order."""
    pairs, used = [], set()
    for g in sorted(gold, key=lambda g: g.start):
        overlapping = [s for s in system if id(s) not in used and s.start < g.end and g.start < s.end]
        if overlapping:
            best = min(overlapping, key=lambda s: abs(s.start - g.start) + abs(s.end - g.end))
            used.add(id(best))
            pairs.append((g, best))
    return pairs


def score(gold_docs: list[list[GoldTimex]], system_docs: list[list[GoldTimex]]) -> dict[str, object]:
    n_gold = sum(len(g) for g in gold_docs)
    n_system = sum(len(s) for s in system_docs)
    strict = relaxed = value_ok = type_ok = 0
    for gold, system in zip(gold_docs, system_docs, strict=True):
        spans = {(s.start, s.end) for s in system}
        strict += sum(1 for g in gold if (g.start, g.end) in spans)
        pairs = relaxed_pairs(gold, system)
        relaxed += len(pairs)
        value_ok += sum(1 for g, s in pairs if g.value == s.value)
        type_ok += sum(1 for g, s in pairs if g.type == s.type)
    return {
        "documents": len(gold_docs),
        "gold": n_gold,
        "system": n_system,
        "strict": _prf(strict, n_system, n_gold),
        "relaxed": _prf(relaxed, n_system, n_gold),
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "value": _prf(value_ok, n_system, n_gold),
        "type": _prf(type_ok, n_system, n_gold),
    }


def evaluate(folder: Path, limit: int | None = None, part: Part = "all") -> dict[str, object]:
    """Read a TimeML folder (or one part of it, see eval/split.py), run the annotator with each
    DCT, and score it."""
    documents = [read_timeml(p) for p in part_of(timeml_files(folder), part)[:limit]]
    system = system_timexes(documents)
    return score([d.timexes for d in documents], system)


def report_lines(figures: dict) -> list[str]:
    lines = [f"documents {figures['documents']}, gold TIMEX3 {figures['gold']}, found {figures['system']}"]
    for name in ("strict", "relaxed", "value", "type"):
        f = figures[name]
        lines.append(
            f"{name + ' span' if name in ('strict', 'relaxed') else name + ' (F1 with attribute)':<26}"
            f"P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}"
        )
    lines.append(f"value accuracy (relaxed matches) {figures['value_accuracy']:.3f}")
    lines.append(f"type accuracy (relaxed matches)  {figures['type_accuracy']:.3f}")
    return lines


@click.command("time")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Only the first N documents (sorted by path).")
@PART_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def time_command(folder: Path, limit: int | None, part: Part, as_json: bool) -> None:
    """Score temporal expressions on a TimeML folder (TempEval-3 metrics, DCT given).

    Example: wirescope eval time ../shared/eval/time-timebank/TBAQ-cleaned/TimeBank
    """
    figures = evaluate(folder, limit, part)
    click.echo(json.dumps(figures, indent=1) if as_json else "\n".join(report_lines(figures)))
