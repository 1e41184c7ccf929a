"""`wirescope eval wikievents`: WikiEvents argument extraction given the gold trigger (Arg-I, Arg-C).

Reads WikiEvents JSON lines (../shared/eval/events-wikievents; see its SOURCE.md): one document
per line, entity mentions and triggers as document-level token indices (end-exclusive), each
event's arguments naming an entity mention. Trap handled: the character offsets in `sentences`
do not index `text`; we rebuild the text from each sentence's own text, joined by one space,
and place every token inside its sentence. `dev.jsonl` has the nearest mention as the argument
(2 of 428 cross-sentence); `dev_info.jsonl` the most informative coreferent one (99 of 411
cross-sentence), the version that measures document-level linking. Coreference clusters come
from `coref/<split>.jsonlines` beside the file, for the coref match (any mention of the gold
entity); head match is our last-token approximation of the paper's head word (arguments.py).
"""

from __future__ import annotations

import json
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
    event_at,
    first_role,
    format_arguments,
    record_of,
)
from wirescope.eval.running import annotate_all
from wirescope.record import Article, Span

ACTOR_ROLES = (
    "attacker",
    "killer",
    "injurer",
    "deliberateinjurer",
    "perpetrator",
    "jailer",
    "damager",
    "destroyer",
    "damagerdestroyer",
    "disabler",
    "dismantler",
    "communicator",
    "giver",
    "transporter",
    "investigator",
    "prosecutor",
    "demonstrator",
    "victor",
    "impeder",
    "preventer",
    "identifier",
    "observer",
    "treater",
    "participant",
)
TARGET_ROLES = (
    "victim",
    "target",
    "detainee",
    "defendant",
    "recipient",
    "artifact",
    "beneficiary",
    "defeated",
    "passengerartifact",
    "patient",
    "observedentity",
    "identifiedobject",
    "employee",
    "participant",
)
PLACE_ROLES = ("place",)


@dataclass(frozen=True)
class Document:
    doc_id: str
    tokens: TokenText
    mentions: dict[str, tuple[int, int]]  # entity mention id -> inclusive token span
    clusters: dict[str, tuple[str, ...]]  # entity mention id -> the ids of all its coreferent mentions
    events: list[dict]


def data_file(path: Path) -> Path:
    if path.is_file():
        return path
    found = sorted(path.glob("*_info.jsonl")) or sorted(path.glob("*.jsonl"))
    if not found:
        raise EvalDataError(f"{path}: no WikiEvents *.jsonl file inside")
    return found[0]


def rebuild_text(sentences: list) -> TokenText:
    """One text from the sentences' own texts (one space between), each token placed in its sentence."""
    parts, spans, sentence_of, offset = [], [], [], 0
    for n, (tokens, sentence_text) in enumerate(sentences):
        first = tokens[0][1] if tokens else 0
        for _, start, end in tokens:
            spans.append(Span(offset + start - first, offset + end - first))
            sentence_of.append(n)
        parts.append(sentence_text)
        offset += len(sentence_text) + 1
    return TokenText(" ".join(parts), tuple(spans), tuple(sentence_of))


def read_clusters(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """doc id -> mention id -> its cluster, from coref/<split>.jsonlines beside the data file."""
    coref = path.parent / "coref" / f"{path.stem.removesuffix('_info')}.jsonlines"
    if not coref.exists():
        return {}
    result = {}
    for line in coref.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        result[d["doc_key"]] = {m: tuple(cluster) for cluster in d["clusters"] for m in cluster}
    return result


def read_documents(path: Path) -> list[Document]:
    path = data_file(path)
    clusters = read_clusters(path)
    documents = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            d = json.loads(line)
            mentions = {m["id"]: (m["start"], m["end"] - 1) for m in d["entity_mentions"]}
            documents.append(
                Document(
                    d["doc_id"],
                    rebuild_text(d["sentences"]),
                    mentions,
                    clusters.get(d["doc_id"], {}),
                    d["event_mentions"],
                )
            )
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise EvalDataError(f"{path}:{n}: not a WikiEvents line ({type(exc).__name__}: {exc})") from exc
    return documents


def read_ontology(path: Path) -> dict[str, list[str]]:
    kairos = data_file(path).parent / "event_role_KAIROS.json"
    if not kairos.exists():
        return {}
    return {name: entry["roles"] for name, entry in json.loads(kairos.read_text(encoding="utf-8")).items()}


def arguments_of(article: Article, trigger: Span, roles: list[str]) -> list[tuple[str, Span]] | None:
    """The adapter: our event at the trigger -> (KAIROS role, character span) pairs; None if no event.

    As for RAMS: our actor takes the first agent-like role of the type, our target the first
    patient-like one, our place `Place`; instruments, weapons and times are never predicted.
    """
    event = event_at(article, trigger)
    if event is None:
        return None
    record = record_of(article, event)  # its other mentions and the report fill what the clause lacks
    pairs = [
        (first_role(roles, ACTOR_ROLES), argument_span(event.actor, record, "actor")),
        (first_role(roles, TARGET_ROLES), argument_span(event.target, record, "target")),
        (first_role(roles, PLACE_ROLES), argument_span(event.place, record, "place")),
    ]
    return [(role, span) for role, span in pairs if role and span]


def gold_arguments(doc: Document, event: dict, trigger_sentence: int) -> list[GoldArgument]:
    gold = []
    for argument in event["arguments"]:
        mention = doc.mentions[argument["entity_id"]]
        coreferent = [doc.mentions[m] for m in doc.clusters.get(argument["entity_id"], ()) if m in doc.mentions]
        gold.append(
            GoldArgument(
                argument["role"],
                (mention, *[m for m in coreferent if m != mention]),
                doc.tokens.sentence[mention[0]] != trigger_sentence,
            )
        )
    return gold


def score_document(doc: Document, article: Article | None, ontology, report: ArgumentReport) -> list[dict]:
    lines = []
    for event in doc.events:
        start, end = event["trigger"]["start"], event["trigger"]["end"] - 1
        trigger_sentence = doc.tokens.sentence[start]
        roles = ontology.get(event["event_type"]) or sorted({a["role"] for a in event["arguments"]})
        pairs = arguments_of(article, doc.tokens.char_span(start, end), roles) if article is not None else None
        predicted = [
            PredictedArgument(role, covered, doc.tokens.sentence[covered[0]] != trigger_sentence)
            for role, span in pairs or []
            if (covered := doc.tokens.token_span(span))
        ]
        report.events += 1
        report.found += pairs is not None
        report.add(predicted, gold_arguments(doc, event, trigger_sentence))
        lines.append(
            {
                "id": event["id"],
                "doc_id": doc.doc_id,
                "event_type": event["event_type"],
                "found_event": pairs is not None,
                "arguments": [
                    {"role": p.role, "tokens": [p.tokens[0], p.tokens[1] + 1], "cross_sentence": p.cross}
                    for p in predicted
                ],
            }
        )
    return lines


def evaluate(path: Path, limit: int | None = None, out: Path | None = None) -> ArgumentReport:
    documents = read_documents(path)[:limit]
    ontology = read_ontology(path)
    report = ArgumentReport(modes=("head", "coref"))
    articles = annotate_all([(d.tokens.text, None) for d in documents], [d.doc_id for d in documents], report.failures)
    lines = [
        line
        for doc, article in zip(documents, articles, strict=True)
        for line in score_document(doc, article, ontology, report)
    ]
    if out:
        out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return report


@click.command("wikievents")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions as JSONL.")
@click.option("--limit", type=int, help="Score only the first N documents.")
def wikievents_command(path: Path, out: Path | None, limit: int | None) -> None:
    """Score argument extraction given the gold trigger on WikiEvents (a *.jsonl file, or its folder).

    Example: wirescope eval wikievents ../shared/eval/events-wikievents/dev_info.jsonl
    """
    click.echo(format_arguments("WikiEvents: argument P/R/F1 given the gold trigger", evaluate(path, limit, out)))
