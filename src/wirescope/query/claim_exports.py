"""Claims in the exports: Web Annotations with motivation "assessing", and FtM Notes.

A claim is an assessment its claimant makes of a proposition (W3C Web Annotation's "assessing":
"to assess the target resource in some way"); its body says who, which way and what, and its
target is the proposition's span in the clean text. FollowTheMoney has no claim schema; a Note
(`entity`: the claimant, `proof`: the article) carries it where it fits, with the stance and the
normalised form in `summary` and `keywords`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirescope.query.records import Record
from wirescope.record import Article, Claim, Participant, Span


def summary_in(text: str, claim: Claim) -> str:
    """ "Zabihullah Mujahid denies fighting @ Panjshir: “there had been no exchange of gunfire yet”",
    the claim's span cut from the clean text it points into."""
    who = claim.claimant.name if claim.claimant else "an unattributed source"
    what = claim.predicate or "a statement"
    where = f" @ {claim.place.name}" if claim.place else ""
    return f"{who} {claim.stance} {what}{where}: “{claim.span.of(text)}”"


def _span(s: Span | None) -> Record | None:
    return None if s is None else {"start": s.start, "end": s.end}


def _who(p: Participant | None) -> Record | None:
    return None if p is None else {"name": p.name, "id": p.actor_id, "span": _span(p.span)}


def claim_dict(claim: Claim) -> Record:
    """The claim as the record's JSON (the same fields as `wirescope claims --format json`, by offsets)."""
    return {
        "id": claim.id,
        "claimant": _who(claim.claimant),
        "cue": _span(claim.cue),
        "stance": claim.stance,
        "stance_evidence": _span(claim.stance_evidence),
        "kind": claim.kind,
        "predicate": claim.predicate,
        "subject": _who(claim.subject),
        "object": _who(claim.object),
        "place": _who(claim.place),
        "time": claim.time,
        "count": claim.count,
        "modality": claim.modality,
        "date": claim.date,
        "evidence": _span(claim.span),
    }


def claim_annotations(article: Article, source: str, digest: str, selectors) -> Iterator[Record]:
    """Each claim of the article as a Web Annotation assessing its proposition's span."""
    yield from annotations_of(article.id, article.text, article.claims, source, digest, selectors)


def annotations_of(
    article_id: str, text: str, claims: Iterable[Claim], source: str, digest: str, selectors
) -> Iterator[Record]:
    """claim_annotations for claims of the article `article_id` whose clean text is `text`."""
    for claim in claims:
        yield {
            "@context": ["http://www.w3.org/ns/anno.jsonld", {"wirescope": "urn:wirescope:"}],
            "id": f"urn:wirescope:annotation:{article_id}:{claim.id}",
            "type": "Annotation",
            "motivation": "assessing",
            "generator": {"type": "Software", "name": "wirescope"},
            "body": {
                "type": "TextualBody",
                "purpose": "assessing",
                "format": "text/plain",
                "value": summary_in(text, claim),
            },
            "target": {
                "source": source,
                "wirescope:article_id": article_id,
                "wirescope:text_sha256": digest,
                "selector": selectors(text, claim.span.start, claim.span.end),
            },
            "wirescope:kind": "claim",
            "wirescope:record": claim_dict(claim),
        }


def claim_notes(article_id: str, text: str, claims: Iterable[Claim], known: set[str]) -> Iterator[Any]:
    """Each claim of the article as an FtM Note on its claimant (when the claimant is an exported
    entity); `text` is the article's clean text."""
    from wirescope.query.ftm import _model, ftm_id

    for claim in claims:
        entity = _model().make_entity("Note")
        entity.id = ftm_id(claim.id)
        entity.add("name", f"claim: {claim.span.of(text)}"[:200])
        entity.add("description", claim.span.of(text))
        entity.add("summary", summary_in(text, claim))
        entity.add("keywords", [claim.stance, claim.kind] + ([claim.predicate] if claim.predicate else []))
        if claim.claimant and claim.claimant.actor_id and ftm_id(claim.claimant.actor_id) in known:
            entity.add("entity", ftm_id(claim.claimant.actor_id))
        entity.add("proof", ftm_id(article_id))
        yield entity
