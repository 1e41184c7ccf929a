"""Corrections in and out: wirescope's own JSONL, W3C Web Annotations, Label Studio tasks.

JSONL is the log itself, one correction a line, lossless. A W3C Web Annotation
(https://www.w3.org/TR/annotation-model/) carries a correction as motivation `editing` (a value
set, an annotation added) or `assessing` (rejected, confirmed), its target the article with a
TextQuoteSelector and a TextPositionSelector, the reason as a `commenting` body; what the model
has no term for (kind, field, the machine value) is under "wirescope:correction". Label Studio tasks carry an
article's text, the machine's spans as `predictions` and the reviewed record as `annotations`;
importing a task Label Studio exported turns each difference between the two into a correction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from wirescope.corrections.anchor import anchor_of
from wirescope.corrections.model import WHOLE, Anchor, Correction, new_id, now
from wirescope.errors import WirescopeError
from wirescope.record import Article, Span

Json = dict[str, Any]
# The context `wirescope export --format jsonl` uses: wirescope's own terms under "wirescope:".
CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"wirescope": "urn:wirescope:"}]
ARTICLE_URN = "urn:wirescope:article:"
CORRECTION_URN = "urn:wirescope:correction:"


class ExchangeError(WirescopeError):
    """A file of corrections that cannot be read; the message says which line and why."""


# --- JSONL: the log ----------------------------------------------------------------------------


def to_json(c: Correction) -> Json:
    return asdict(c)


def from_json(d: Json) -> Correction:
    anchor = Anchor(**d["anchor"]) if d.get("anchor") else None
    return Correction(**{**d, "anchor": anchor})


# --- W3C Web Annotation ------------------------------------------------------------------------


def to_web_annotation(c: Correction) -> Json:
    motivation = "editing" if c.action in ("set", "add") else "assessing"
    body: list[Json] = [
        {
            "type": "TextualBody",
            "purpose": motivation,
            "format": "application/json",
            "value": json.dumps(c.value if c.action in ("set", "add") else c.action),
        }
    ]
    if c.reason:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": c.reason})
    target: Json = {
        "source": f"{ARTICLE_URN}{c.article_id}" if c.article_id else f"urn:wirescope:{c.kind}:{c.annotation_id}",
        "wirescope:article_id": c.article_id,
    }
    if c.anchor:
        a = c.anchor
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ]
    return {
        "@context": CONTEXT,
        "id": f"{CORRECTION_URN}{c.id}",
        "type": "Annotation",
        "motivation": motivation,
        "creator": {"type": "Person", "name": c.author},
        "created": c.created,
        "body": body,
        "target": target,
        "wirescope:correction": {
            "kind": c.kind,
            "action": c.action,
            "field": c.field,
            "annotation_id": c.annotation_id,
            "machine": c.machine,
        },
    }


def _selector(target: Json, kind: str) -> Json:
    return next((s for s in target.get("selector", []) if s.get("type") == kind), {})


def from_web_annotation(d: Json) -> Correction:
    ours = d.get("wirescope:correction")
    if not isinstance(ours, dict) or "kind" not in ours:
        raise ExchangeError(
            f"annotation {d.get('id')!r} says nothing wirescope can apply (no wirescope:correction kind and field)",
            hint="import annotations that `wirescope corrections export --format w3c` wrote, or Label Studio tasks",
        )
    target = d.get("target") or {}
    quote, position = _selector(target, "TextQuoteSelector"), _selector(target, "TextPositionSelector")
    anchor = None
    if quote:
        anchor = Anchor(
            quote["exact"],
            quote.get("prefix", ""),
            quote.get("suffix", ""),
            position.get("start", 0),
            position.get("end", 0),
        )
    bodies = d.get("body") or []
    main: Json = next((b for b in bodies if b.get("purpose") in ("editing", "assessing")), {})
    reason = next((b["value"] for b in bodies if b.get("purpose") == "commenting"), "")
    value = json.loads(main["value"]) if ours["action"] in ("set", "add") and main.get("value") else None
    article_id = target.get("wirescope:article_id")
    source = str(target.get("source", ""))
    if article_id is None and source.startswith(ARTICLE_URN):
        article_id = source.removeprefix(ARTICLE_URN)
    return Correction(
        str(d.get("id", "")).removeprefix(CORRECTION_URN) or new_id(),
        ours["kind"],
        ours["action"],
        ours.get("field") or WHOLE,
        article_id,
        ours.get("annotation_id"),
        anchor,
        value,
        ours.get("machine"),
        (d.get("creator") or {}).get("name", "anonymous"),
        d.get("created") or now(),
        reason,
    )


# --- Label Studio ------------------------------------------------------------------------------
# A labelling config for these tasks: <View><Text name="text" value="$text"/>
#   <Labels name="kind" toName="text"><Label value="event"/><Label value="quote"/><Label value="time"/></Labels>
#   <Choices name="type" toName="text" perRegion="true">...PLOVER types...</Choices>
#   <Choices name="modality" toName="text" perRegion="true">...modalities...</Choices></View>
LABEL_STUDIO_KINDS = ("event", "quote", "time")


def _regions(article: Article, kind: str, span: Span, ident: str, choices: dict[str, str]) -> list[Json]:
    value = {"start": span.start, "end": span.end, "text": span.of(article.text)}
    out = [
        {"id": ident, "from_name": "kind", "to_name": "text", "type": "labels", "value": {**value, "labels": [kind]}}
    ]
    for name, choice in choices.items():
        if choice:
            out.append(
                {
                    "id": ident,
                    "from_name": name,
                    "to_name": "text",
                    "type": "choices",
                    "value": {**value, "choices": [choice]},
                }
            )
    return out


def _results(article: Article) -> list[Json]:
    out = []
    for e in article.events:
        out += _regions(article, "event", e.evidence, e.id, {"type": e.type, "modality": e.modality})
    for q in article.quotes:
        out += _regions(article, "quote", q.span, q.id, {"speaker": q.speaker.name if q.speaker else ""})
    for t in article.times:
        out += _regions(article, "time", t.span, t.id, {"value": t.value or ""})
    return out


def to_label_studio(article: Article, machine: Article, pipeline: str = "wirescope") -> Json:
    """One task: the text, the machine's regions as a prediction, the reviewed ones as an annotation."""
    return {
        "data": {"text": article.text, "article_id": article.id, "title": article.title},
        "predictions": [{"model_version": pipeline, "result": _results(machine)}],
        "annotations": [{"result": _results(article), "completed_by": "wirescope"}],
    }


def _by_region(results: Iterable[Json]) -> dict[tuple[str, int, int], dict[str, str]]:
    """(kind, start, end) -> {"id": region id, choice name: choice}, from a list of results."""
    kinds: dict[str, tuple[str, int, int]] = {}
    found: dict[tuple[str, int, int], dict[str, str]] = {}
    results = list(results)
    for r in results:
        if r.get("type") == "labels":
            key = (r["value"]["labels"][0], r["value"]["start"], r["value"]["end"])
            kinds[r["id"]] = key
            found[key] = {"id": r["id"]}
    for r in results:
        if r.get("type") == "choices" and r["id"] in kinds:
            found[kinds[r["id"]]][r["from_name"]] = r["value"]["choices"][0]
    return found


CHOICE_FIELDS = {"event": ("type", "modality"), "quote": ("speaker",), "time": ("value",)}


def from_label_studio(task: Json, current: Article | None = None, author: str = "label-studio") -> Iterator[Correction]:
    """The corrections a reviewed task holds: each difference between its latest annotation and
    the record as it stands (`current`, the stored article), or the task's prediction when the
    article is not at hand. Against the stored record, importing a task twice adds nothing."""
    data, text = task.get("data") or {}, (task.get("data") or {}).get("text", "")
    article_id = data.get("article_id")
    if not article_id or not text:
        raise ExchangeError(
            "a Label Studio task without data.text and data.article_id", hint="export tasks with wirescope"
        )
    if current is not None:
        predicted = _by_region(_results(current))
    else:
        predicted = _by_region(r for p in task.get("predictions", []) for r in p.get("result", []))
    annotations = task.get("annotations") or []
    if not annotations:
        return
    latest = annotations[-1]
    reviewed = _by_region(latest.get("result", []))
    who = str(latest.get("completed_by") or author)

    def correction(key, action, field, value, machine) -> Correction:
        kind, start, end = key
        anchor = anchor_of(text, Span(start, end))
        ident = (predicted.get(key) or {}).get("id")
        return Correction(
            new_id(), kind, action, field, article_id, ident, anchor, value, machine, who, now(), "Label Studio"
        )

    for key, region in reviewed.items():
        if key[0] not in CHOICE_FIELDS:
            continue
        if key not in predicted:
            yield correction(key, "add", WHOLE, {f: region[f] for f in CHOICE_FIELDS[key[0]] if f in region}, None)
            continue
        for f in CHOICE_FIELDS[key[0]]:
            if f in region and region[f] != predicted[key].get(f):
                value: Any = {"name": region[f]} if f == "speaker" else region[f]
                yield correction(key, "set", f, value, predicted[key].get(f))
    for key in predicted:
        if key[0] in CHOICE_FIELDS and key not in reviewed:
            yield correction(key, "reject", WHOLE, None, None)
