"""Exports to the tools people already use: spreadsheets, Arrow, QGIS, Gephi, Aleph, ACLED readers.

- jsonl: every annotation as a W3C Web Annotation, its target located twice (TextPositionSelector
  and TextQuoteSelector) in the article's clean text, whose SHA-256 it carries so a reader can
  tell whether the offsets still point into the same text.
- csv / parquet: one kind of record (events unless --kind says otherwise), nested fields flattened
  to dotted columns (actor.name, evidence.start).
- geojson: RFC 7946, places and located events as Points, coordinates [longitude, latitude].
- gexf: the actor network for Gephi, with typed node and edge attributes.
- ftm: FollowTheMoney entities (Person, Organization, Article, Mention, Event) for Aleph.
- acled-csv: event records as ACLED-style rows, one per real-world event (query/event_records.py).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from typing import IO, Any
from xml.etree import ElementTree as ET

from wirescope.errors import MissingExtra
from wirescope.query.browse import Filters, filtered, ids_of
from wirescope.query.claim_exports import claim_annotations
from wirescope.query.evidence import article_annotations
from wirescope.query.network import network
from wirescope.query.records import KINDS, Record
from wirescope.query.timeline import located_events
from wirescope.record import Article
from wirescope.store import Store

FORMATS = ("jsonl", "csv", "parquet", "geojson", "gexf", "ftm", "acled-csv")
BINARY_FORMATS = ("parquet",)
EXPORT_KINDS = (*KINDS, "claims")  # claims come from query/claims.py, with their proposition
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector
ANNOTATION_CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"wirescope": "urn:wirescope:"}]


# --- JSONL: W3C Web Annotations ----------------------------------------------------------------


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def selectors(text: str, start: int, end: int) -> list[Record]:
    """Both W3C selectors for [start, end) of text. Offsets count code points, as the spec says."""
    return [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
            "suffix": text[end : end + QUOTE_CONTEXT],
        },
    ]


def web_annotations(article: Article) -> Iterator[Record]:
    """Each annotation of the article as a Web Annotation; the wirescope record rides along."""
    digest = text_sha256(article.text)
    source = article.url or f"urn:wirescope:article:{article.id}"
    for a in article_annotations(article):
        yield {
            "@context": ANNOTATION_CONTEXT,
            "id": f"urn:wirescope:annotation:{article.id}:{a.id}",
            "type": "Annotation",
            "motivation": "classifying",
            "generator": {"type": "Software", "name": "wirescope"},
            "body": {
                "type": "TextualBody",
                "purpose": "classifying",
                "format": "text/plain",
                "value": f"{a.kind}: {a.label}",
            },
            "target": {
                "source": source,
                "wirescope:article_id": article.id,
                "wirescope:text_sha256": digest,
                "selector": selectors(article.text, a.start, a.end),
            },
            "wirescope:kind": a.kind,
            "wirescope:record": a.record,
        }
    yield from claim_annotations(article, source, digest, selectors)  # motivation "assessing"


def _article_ids(store: Store, f: Filters) -> list[str]:
    return ids_of(store, "articles", Filters(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match))


def write_jsonl(store: Store, f: Filters, out: IO[str]) -> None:
    for article in store.articles(_article_ids(store, f)):
        for annotation in web_annotations(article):
            out.write(json.dumps(annotation, ensure_ascii=False) + "\n")


# --- CSV and Parquet: flat records ---------------------------------------------------------------


def flatten(record: Record, prefix: str = "") -> Record:
    """Nested dicts become dotted columns; lists become JSON text (a cell holds one value)."""
    flat: Record = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def flat_records(store: Store, kind: str, f: Filters) -> list[Record]:
    rows = [flatten(r) for r in (_claim_records(store, f) if kind == "claims" else filtered(store, kind, f))]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    return [{c: r.get(c) for c in columns} for r in rows]


def _claim_records(store: Store, f: Filters) -> list[Record]:
    from wirescope.query.claims import ClaimFilter, claims

    return claims(store, ClaimFilter(claimant=f.actor, place=f.place, since=f.since))


def write_csv(rows: list[Record], out: IO[str]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)


def write_parquet(rows: list[Record], out: IO[bytes]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise MissingExtra("parquet export", "export") from exc
    pq.write_table(pa.Table.from_pylist(rows), out)


# --- GeoJSON (RFC 7946) ---------------------------------------------------------------------------


def _point(lon: float, lat: float, properties: Record) -> Record:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def geojson(store: Store, f: Filters) -> Record:
    """Places (the places engineer's features, query/geojson.py), then located events."""
    from wirescope.query.geojson import place_feature

    features = [
        {**feature, "properties": {"kind": "place", **feature["properties"]}}
        for feature in map(place_feature, filtered(store, "places", f))
    ]
    features += [
        _point(
            e["longitude"],
            e["latitude"],
            {
                "kind": "event",
                "id": e["id"],
                "article_id": e["article_id"],
                "type": e["type"],
                "modality": e["modality"],
                "historical": e["historical"],
                "happened": e["happened"],
                "day": e["day"],
                "place": e["place_name"],
                "actor": (e["actor"] or {}).get("name"),
                "target": (e["target"] or {}).get("name"),
                "evidence": e["evidence"]["text"],
                "start": e["evidence"]["start"],
                "end": e["evidence"]["end"],
            },
        )
        for e in located_events(store, f)
    ]
    return {"type": "FeatureCollection", "features": features}


# --- GEXF (Gephi) ---------------------------------------------------------------------------------

GEXF_NS = "http://gexf.net/1.3"
NODE_ATTRIBUTES = (("type", "string"), ("articles", "integer"))
EDGE_ATTRIBUTES = (("tie", "string"), ("modalities", "string"), ("asserted", "boolean"), ("evidence", "integer"))


def _attributes(parent: ET.Element, cls: str, spec: tuple[tuple[str, str], ...]) -> None:
    block = ET.SubElement(parent, "attributes", {"class": cls})
    for i, (title, kind) in enumerate(spec):
        ET.SubElement(block, "attribute", {"id": str(i), "title": title, "type": kind})


def _values(parent: ET.Element, values: list[Any]) -> None:
    block = ET.SubElement(parent, "attvalues")
    for i, value in enumerate(values):
        text = str(value).lower() if isinstance(value, bool) else str(value)
        ET.SubElement(block, "attvalue", {"for": str(i), "value": text})


def gexf(store: Store, f: Filters) -> bytes:
    graph_data = network(store, f, speech=True)  # an export carries every tie
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "wirescope"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    _attributes(graph, "node", NODE_ATTRIBUTES)
    _attributes(graph, "edge", EDGE_ATTRIBUTES)
    nodes = ET.SubElement(graph, "nodes")
    for n in graph_data["nodes"]:
        _values(ET.SubElement(nodes, "node", {"id": n["id"], "label": n["name"]}), [n["type"] or "", n["articles"]])
    edges = ET.SubElement(graph, "edges")
    for e in graph_data["edges"]:
        edge = ET.SubElement(
            edges,
            "edge",
            {
                "id": e["id"],
                "source": e["source"],
                "target": e["target"],
                "label": e["tie"],
                "weight": str(float(e["weight"])),
            },
        )
        _values(edge, [e["tie"], ",".join(e["modalities"]), "asserted" in e["modalities"], len(e["evidence"])])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# --- FollowTheMoney -------------------------------------------------------------------------------


def ftm_entities(store: Store, f: Filters) -> Iterator[Any]:
    """Aleph's entities: actors, articles, each actor mention, and each event (with its modality)."""
    from wirescope.query.ftm import article_entities

    for article in store.articles(_article_ids(store, f)):
        yield from article_entities(article)


def write_ftm(store: Store, f: Filters, out: IO[str]) -> None:
    seen: set[str] = set()
    for entity in ftm_entities(store, f):
        if entity.id in seen:  # an actor named in many articles is written once
            continue
        seen.add(entity.id)
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


# --- ACLED ---------------------------------------------------------------------------------------


def write_acled(store: Store, f: Filters, out: IO[str], only_happened: bool) -> None:
    """The event records passing the filters as ACLED rows, one per real-world event (the mentions of
    one raid are one row), with the mapping of query/event_records.py: by default only records that
    happened, as ACLED rows are read."""
    from wirescope.query.event_records import write_acled_csv

    write_acled_csv(filtered(store, "event_records", f), out, only_happened)


# --- one entry point -----------------------------------------------------------------------------


def export(
    store: Store, fmt: str, out: IO, f: Filters = Filters(), kind: str = "events", only_happened: bool = True
) -> None:
    """Write the export in `fmt` to `out` (a binary stream for parquet, text for the others).

    `only_happened` concerns acled-csv alone; every other format carries each event's modality.
    """
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    if kind not in EXPORT_KINDS:
        raise ValueError(f"record kind {kind!r} is not one of {', '.join(EXPORT_KINDS)}")
    if fmt == "jsonl":
        write_jsonl(store, f, out)
    elif fmt == "csv":
        write_csv(flat_records(store, kind, f), out)
    elif fmt == "parquet":
        write_parquet(flat_records(store, kind, f), out)
    elif fmt == "geojson":
        json.dump(geojson(store, f), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "gexf":
        out.write(gexf(store, f).decode("utf-8"))
    elif fmt == "ftm":
        write_ftm(store, f, out)
    else:
        write_acled(store, f, out, only_happened)
