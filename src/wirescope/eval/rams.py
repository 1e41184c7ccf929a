"""`wirescope eval rams`: RAMS 1.0 argument extraction given the gold trigger, same- and cross-sentence.

Reads RAMS JSON lines (../shared/eval/events-rams/dev.jsonlines; see its SOURCE.md): one
example per line, a 5-sentence window with one gold trigger and its argument links. Token
indices run over the concatenated sentences and both ends are inclusive; a role string carries
its ontology event id (`evt089arg01victim` is `victim`). Each window is rebuilt as text
(arguments.py), run through wirescope, and our event at the trigger gives the predicted
arguments (`arguments_of`). The RAMS metric is exact span match; the head figures are our
last-token approximation, given for comparison with WikiEvents.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import click

from wirescope.errors import EvalDataError
from wirescope.eval.arguments import (
    ArgumentReport,
    GoldArgument,
    PredictedArgument,
    TokenText,
    argument_span,
    detokenise,
    event_at,
    first_role,
    format_arguments,
    record_of,
)
from wirescope.eval.running import annotate_all
from wirescope.record import Article

_ROLE_PREFIX = re.compile(r"^evt\d+arg\d+")
# Our actor, target and place, in the order we would give each the roles a RAMS type has.
ACTOR_ROLES = (
    "attacker",
    "killer",
    "injurer",
    "jailer",
    "executioner",
    "damager",
    "destroyer",
    "damagerdestroyer",
    "communicator",
    "giver",
    "transporter",
    "investigator",
    "prosecutor",
    "preventer",
    "yielder",
    "retreater",
    "surrenderer",
    "demonstrator",
    "founder",
    "manufacturer",
    "governmentbody",
    "violator",
    "inspector",
    "observer",
    "monitor",
    "granter",
    "extraditer",
    "spy",
    "participant",
)
TARGET_ROLES = (
    "victim",
    "target",
    "deceased",
    "detainee",
    "defendant",
    "recipient",
    "artifact",
    "beneficiary",
    "passenger",
    "inspectedentity",
    "observedentity",
    "monitoredentity",
    "employee",
    "candidate",
    "crashobject",
    "fireexplosionobject",
    "otherparticipant",
    "participant",
)
PLACE_ROLES = ("place",)


@dataclass(frozen=True)
class Example:
    doc_key: str
    sentences: list[list[str]]
    trigger: tuple[int, int]
    event_type: str
    gold: list[tuple[str, tuple[int, int]]]  # (role, inclusive token span)


def role_name(role: str) -> str:
    return _ROLE_PREFIX.sub("", role)


def read_examples(path: Path) -> list[Example]:
    files = [path] if path.is_file() else sorted(path.glob("*.jsonlines"))
    if not files:
        raise EvalDataError(f"{path}: no RAMS *.jsonlines file inside")
    return [example for f in files for example in read_file(f)]


def read_file(path: Path) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8") as stream:
        for n, line in enumerate(stream, 1):
            try:
                d = json.loads(line)
                (start, end, [[event_type, _]]) = d["evt_triggers"][0]
                gold = [(role_name(role), (a[0], a[1])) for _, a, role in d["gold_evt_links"]]
                examples.append(Example(d["doc_key"], d["sentences"], (start, end), event_type, gold))
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise EvalDataError(f"{path}:{n}: not a RAMS line ({type(exc).__name__}: {exc})") from exc
    return examples


def read_ontology(path: Path) -> dict[str, list[str]]:
    """event type -> its role names, from meta.json beside the data (empty when absent)."""
    meta = (path if path.is_dir() else path.parent) / "meta.json"
    if not meta.exists():
        return {}
    return {event_type: [role_name(r) for r in roles] for event_type, roles in json.loads(meta.read_text())}


def arguments_of(article: Article, trigger_span, roles: list[str]) -> list[tuple[str, object]] | None:
    """The adapter: our event at the trigger -> (RAMS role, character span) pairs; None if no event.

    Our actor takes the type's first agent-like role, our target its first patient-like role, our
    place `place`. We have no instrument, time or money arguments, so those roles are never predicted.
    """
    event = event_at(article, trigger_span)
    if event is None:
        return None
    record = record_of(article, event)  # its other mentions and the report fill what the clause lacks
    pairs = [
        (first_role(roles, ACTOR_ROLES), argument_span(event.actor, record, "actor")),
        (first_role(roles, TARGET_ROLES), argument_span(event.target, record, "target")),
        (first_role(roles, PLACE_ROLES), argument_span(event.place, record, "place")),
    ]
    return [(role, span) for role, span in pairs if role and span]


def predicted_arguments(tokens: TokenText, pairs, trigger_sentence: int) -> list[PredictedArgument]:
    found = []
    for role, span in pairs:
        covered = tokens.token_span(span)
        if covered:
            found.append(PredictedArgument(role, covered, tokens.sentence[covered[0]] != trigger_sentence))
    return found


def evaluate(path: Path, limit: int | None = None, out: Path | None = None) -> ArgumentReport:
    examples = read_examples(path)[:limit]
    ontology = read_ontology(path)
    report = ArgumentReport(modes=("exact", "head"))
    texts = [detokenise(e.sentences) for e in examples]
    articles = annotate_all([(t.text, None) for t in texts], [e.doc_key for e in examples], report.failures)
    lines = []
    for example, tokens, article in zip(examples, texts, articles, strict=True):
        trigger_sentence = tokens.sentence[example.trigger[0]]
        gold = [
            GoldArgument(role, (span,), tokens.sentence[span[0]] != trigger_sentence) for role, span in example.gold
        ]
        roles = ontology.get(example.event_type) or sorted({role for role, _ in example.gold})
        pairs = arguments_of(article, tokens.char_span(*example.trigger), roles) if article is not None else None
        predicted = predicted_arguments(tokens, pairs or [], trigger_sentence)
        report.events += 1
        report.found += pairs is not None
        report.add(predicted, gold)
        lines.append(
            {
                "id": example.doc_key,
                "event_type": example.event_type,
                "found_event": pairs is not None,
                "arguments": [
                    {
                        "role": p.role,
                        "tokens": list(p.tokens),
                        "cross_sentence": p.cross,
                        "text": tokens.text[tokens.char_span(*p.tokens).start : tokens.char_span(*p.tokens).end],
                    }
                    for p in predicted
                ],
            }
        )
    if out:
        out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return report


@click.command("rams")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions as JSONL.")
@click.option("--limit", type=int, help="Score only the first N examples.")
def rams_command(path: Path, out: Path | None, limit: int | None) -> None:
    """Score argument extraction given the gold trigger on RAMS (a *.jsonlines file or its folder).

    Example: wirescope eval rams ../shared/eval/events-rams/dev.jsonlines
    """
    click.echo(format_arguments("RAMS: argument P/R/F1 given the gold trigger", evaluate(path, limit, out)))
