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
import itertools
import json
import marshal
import tempfile
from collections.abc import Iterator
from typing import IO, Any
from xml.etree import ElementTree as ET

from wirescope.errors import MissingExtra
from wirescope.query.browse import MAX_LIMIT, Filters, iter_filtered, records_of
from wirescope.query.claim_exports import annotations_of as claims_of
from wirescope.query.claim_exports import claim_annotations
from wirescope.query.evidence import article_annotations
from wirescope.query.export_rows import Row, Sentences, annotations_of, owned_records
from wirescope.query.network import network
from wirescope.query.records import KINDS, Record
from wirescope.query.sources import with_report_counts
from wirescope.query.timeline import located
from wirescope.record import Article
from wirescope.store import Store
from wirescope.store.exporting import ArticleChunk

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


def web_annotation(
    article_id: str, source: str, digest: str, text: str, kind: str, label: str, start: int, end: int, record: Record
) -> Record:
    """One annotation of an article as a Web Annotation; the wirescope record rides along."""
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:wirescope:annotation:{article_id}:{record['id']}",
        "type": "Annotation",
        "motivation": "classifying",
        "generator": {"type": "Software", "name": "wirescope"},
        "body": {
            "type": "TextualBody",
            "purpose": "classifying",
            "format": "text/plain",
            "value": f"{kind}: {label}",
        },
        "target": {
            "source": source,
            "wirescope:article_id": article_id,
            "wirescope:text_sha256": digest,
            "selector": selectors(text, start, end),
        },
        "wirescope:kind": kind,
        "wirescope:record": record,
    }


def web_annotations(article: Article) -> Iterator[Record]:
    """Each annotation of the article as a Web Annotation (the record builders' way: one Article)."""
    digest = text_sha256(article.text)
    source = article.url or f"urn:wirescope:article:{article.id}"
    for a in article_annotations(article):
        yield web_annotation(article.id, source, digest, article.text, a.kind, a.label, a.start, a.end, a.record)
    yield from claim_annotations(article, source, digest, selectors)  # motivation "assessing"


def streamed_annotations(store: Store, f: Filters) -> Iterator[Record]:
    """web_annotations of every article in the filter's scope, built from the rows the store
    streams a chunk of articles at a time (store/exporting.py), no Article rebuilt."""
    for chunk, article, digest, source in _streamed_articles(store, f):
        aid, text = article["id"], article["text"]
        for kind, label, start, end, record in annotations_of(chunk, article, Sentences()):
            yield web_annotation(aid, source, digest, text, kind, label, start, end, record)
        yield from claims_of(aid, text, chunk.claims.get(aid, ()), source, digest, selectors)


def _streamed_articles(store: Store, f: Filters) -> Iterator[tuple[ArticleChunk, Row, str, str]]:
    """Each article row in the filter's scope with its chunk, its text's SHA-256 and its source."""
    for chunk in store.export_articles(_article_scope(f)):
        for article in chunk.articles:
            yield (
                chunk,
                article,
                text_sha256(article["text"]),
                article["url"] or f"urn:wirescope:article:{article['id']}",
            )


# json.dumps(..., ensure_ascii=False) without building its encoder per call, nor tracking the
# containers it enters (the records hold no cycles): the same text.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_string = json.encoder.encode_basestring  # a str as that encoder writes it
_LINE_HEAD = '{"@context": ' + _encode(ANNOTATION_CONTEXT) + ', "id": '
_LINE_BODY = (
    ', "type": "Annotation", "motivation": "classifying", "generator": '
    + _encode({"type": "Software", "name": "wirescope"})
    + ', "body": {"type": "TextualBody", "purpose": "classifying", "format": "text/plain", "value": '
)


def _target_head(article_id: str, source: str, digest: str) -> str:
    """The target's fields before its selectors, the same for each annotation of an article."""
    return (
        f'}}, "target": {{"source": {_string(source)}, "wirescope:article_id": {_string(article_id)}, '
        f'"wirescope:text_sha256": {_string(digest)}, "selector": '
    )


def annotation_line(
    article_id: str, target: str, text: str, kind: str, label: str, start: int, end: int, record: Record
) -> str:
    """The JSON text of web_annotation(...) (json.dumps with ensure_ascii=False), its constant
    parts encoded once: a Web Annotation is mostly skeleton around its record, and encoding it
    dict by dict was a fifth of the export's time. `target` is _target_head of its article."""
    ident = _string(f"urn:wirescope:annotation:{article_id}:{record['id']}")
    exact = _string(text[start:end])
    prefix = _string(text[max(0, start - QUOTE_CONTEXT) : start])
    suffix = _string(text[end : end + QUOTE_CONTEXT])
    return (
        f"{_LINE_HEAD}{ident}{_LINE_BODY}{_string(f'{kind}: {label}')}{target}"
        f'[{{"type": "TextPositionSelector", "start": {start}, "end": {end}}}, '
        f'{{"type": "TextQuoteSelector", "exact": {exact}, "prefix": {prefix}, "suffix": {suffix}}}]}}, '
        f'"wirescope:kind": {_string(kind)}, "wirescope:record": {_encode(record)}}}'
    )


def _article_scope(f: Filters) -> Filters:
    """What the per-article exports keep of a filter: the articles' days, actor and place."""
    return Filters(since=f.since, until=f.until, actor=f.actor, place=f.place, match=f.match)


def write_jsonl(store: Store, f: Filters, out: IO[str]) -> None:
    """streamed_annotations, a JSON text a line, each annotation written as annotation_line."""
    for chunk, article, digest, source in _streamed_articles(store, f):
        aid, text = article["id"], article["text"]
        target = _target_head(aid, source, digest)
        lines = [
            annotation_line(aid, target, text, kind, label, start, end, record)
            for kind, label, start, end, record in annotations_of(chunk, article, Sentences())
        ]
        lines += [_encode(c) for c in claims_of(aid, text, chunk.claims.get(aid, ()), source, digest, selectors)]
        out.write("".join(line + "\n" for line in lines))


# --- CSV and Parquet: flat records ---------------------------------------------------------------


def flatten(record: Record, prefix: str = "") -> Record:
    """Nested dicts become dotted columns; lists become JSON text (a cell holds one value)."""
    flat: Record = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False) if value else "[]"
        else:
            flat[name] = value
    return flat


STREAMED_KINDS = ("events", "quotes", "event_records", "times")  # built from streamed rows (query/export_rows.py)


def streamed_records(store: Store, kind: str, f: Filters, happened_only: bool = False) -> Iterator[Record]:
    """Every record of a streamed kind passing the filter, in the kind's order, from the rows the
    store streams (events with who reports them, as listings give them)."""
    for records in owned_records(store.export_rows(kind, f, happened_only), kind):
        yield from (with_report_counts(store, records) if kind == "events" else records)


DETAIL_ROWS = 20_000  # mention, role and relation rows of the actors or places built at once
ARTICLE_PAGE = 50  # articles (each with its text) built at once


def _records(store: Store, kind: str, f: Filters) -> Iterator[Record]:
    if kind == "claims":
        return iter(_claim_records(store, f))
    if kind in STREAMED_KINDS:
        return streamed_records(store, kind, f)
    if kind in ("actors", "places"):
        return detailed_records(store, kind, f)
    return iter_filtered(store, kind, f, ARTICLE_PAGE)


def detailed_records(store: Store, kind: str, f: Filters) -> Iterator[Record]:
    """The actors or places passing the filter, in the listing's order, built in batches of the
    listing's pages cut so that a batch reads at most DETAIL_ROWS rows (each one's rows counted
    in SQL first): the records, which carry every mention, are held a batch at a time, not a
    page of 500 (an actor with more rows than that is built alone)."""
    after: str | None = None
    while True:
        page = store.page(kind, f, MAX_LIMIT, after)
        sizes = store.detail_counts(kind, page.ids)
        batch: list[str] = []
        rows = 0
        for record_id in page.ids:
            if batch and rows + sizes[record_id] > DETAIL_ROWS:
                yield from records_of(store, kind, batch, [], f)
                batch, rows = [], 0
            batch.append(record_id)
            rows += sizes[record_id]
        yield from records_of(store, kind, batch, [], f)
        if page.next is None:
            return
        after = page.next


def _claim_records(store: Store, f: Filters) -> list[Record]:
    from wirescope.query.claims import ClaimFilter, claims

    return claims(store, ClaimFilter(claimant=f.actor, place=f.place, since=f.since))


SPOOL_ROWS = 2000  # flattened rows per block in the CSV's spool file
SPOOL_CHARS = 2_000_000  # or fewer, once the block's text cells hold this many characters
Shaped = tuple[tuple[str, ...], tuple[Any, ...]]  # a flattened row: its columns, its values


def _spooled(rows: Iterator[Shaped], spool: IO[bytes]) -> Iterator[list[Shaped]]:
    """Write the rows to `spool` in marshalled blocks as they pass, then read the blocks back.
    A block holds each distinct tuple of columns once (records of a kind have a few shapes)."""
    for block in iter(lambda: _block(rows), []):
        shapes: dict[tuple[str, ...], int] = {}
        values = [(shapes.setdefault(keys, len(shapes)), row) for keys, row in block]
        data = marshal.dumps((list(shapes), values))
        spool.write(len(data).to_bytes(8, "big") + data)  # marshal.load reads a file piece by piece
    spool.seek(0)
    while size := int.from_bytes(spool.read(8), "big"):
        shapes_read, values_read = marshal.loads(spool.read(size))
        yield [(shapes_read[i], row) for i, row in values_read]


def _block(rows: Iterator[Shaped]) -> list[Shaped]:
    """The next SPOOL_ROWS rows, fewer when their text reaches SPOOL_CHARS characters (articles'
    texts, actors' mentions as JSON): a block is bounded in memory, not only in rows."""
    block: list[Shaped] = []
    chars = 0
    for shaped in rows:
        block.append(shaped)
        chars += sum(len(v) for v in shaped[1] if isinstance(v, str))
        if len(block) >= SPOOL_ROWS or chars >= SPOOL_CHARS:
            break
    return block


class _Flattened:
    """The records of a kind flattened as they pass (`rows`), and what passing them taught: every
    column in the order it first appears, and one row of each distinct shape of values (its
    columns and the types of its values) for the Parquet columns' types."""

    def __init__(self, records: Iterator[Record]) -> None:
        self.columns: dict[str, None] = {}
        self.samples: dict[tuple[tuple[str, ...], tuple[type, ...]], tuple[Any, ...]] = {}
        self._records = records

    def rows(self) -> Iterator[Shaped]:
        for record in self._records:
            flat = flatten(record)
            keys, values = tuple(flat), tuple(flat.values())
            self.columns.update(dict.fromkeys(keys))
            yield keys, values

    def typed_rows(self) -> Iterator[Shaped]:
        for keys, values in self.rows():
            self.samples.setdefault((keys, tuple(map(type, values))), values)
            yield keys, values


def _spool_all(rows: Iterator[Shaped], spool: IO[bytes]) -> Iterator[list[Shaped]] | None:
    """The spooled blocks of the rows, every row already in the spool; None when there are none."""
    blocks = _spooled(rows, spool)
    first = next(blocks, None)  # every row is in the spool once its first block is read back
    return None if first is None else itertools.chain([first], blocks)


def write_csv(store: Store, kind: str, f: Filters, out: IO[str]) -> None:
    """The flattened records as CSV, streamed. The columns are every record's, in the order they
    first appear, so they are known only at the end: the rows are flattened once, kept in a
    temporary file (a block at a time in memory) while the columns are gathered, then written
    from it (a record without a column leaves its cell empty)."""
    flattened = _Flattened(_records(store, kind, f))
    with tempfile.TemporaryFile() as spool:
        blocks = _spool_all(flattened.rows(), spool)
        if blocks is None:
            return
        order = {c: i for i, c in enumerate(flattened.columns)}
        places: dict[tuple[str, ...], list[int]] = {}
        writer = csv.writer(out)
        writer.writerow(list(order))
        for block in blocks:
            writer.writerows(_aligned(keys, row, places, order) for keys, row in block)


def _aligned(keys: tuple[str, ...], row: tuple[Any, ...], places: dict, order: dict[str, int]) -> list[Any]:
    """The row's values in the CSV's columns, None (an empty cell) where the record has none."""
    at = places.get(keys)
    if at is None:
        at = places[keys] = [order[k] for k in keys]
    cells: list[Any] = [None] * len(order)
    for i, value in zip(at, row, strict=True):
        cells[i] = value
    return cells


def _arrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise MissingExtra("parquet export", "export") from exc
    return pa, pq


def _arrow_schema(pa: Any, flattened: _Flattened) -> Any:
    """Each column's type as pyarrow infers it from the whole table (`Table.from_pylist` of every
    row), read from one value of each Python type the column holds: int and float make double,
    None alone makes null, a column of one type that type."""
    samples: dict[str, list[Any]] = {c: [] for c in flattened.columns}
    for (keys, _), values in flattened.samples.items():
        for key, value in zip(keys, values, strict=True):
            samples[key].append(value)
    return pa.schema([(c, pa.array(v).type) for c, v in samples.items()])  # the Nones of absent cells change none


def write_parquet(store: Store, kind: str, f: Filters, out: IO[bytes]) -> None:
    """The flattened records as Parquet, a row group per spooled block: the table of every record
    (every column, None where a record has none, the types pyarrow infers from all the rows),
    written without holding it. As for the CSV, the rows are spooled while the columns and their
    types are gathered, then read back a block at a time."""
    pa, pq = _arrow()
    flattened = _Flattened(_records(store, kind, f))
    with tempfile.TemporaryFile() as spool:
        blocks = _spool_all(flattened.typed_rows(), spool)
        if blocks is None:
            pq.write_table(pa.Table.from_pylist([]), out)  # the table of no records
            return
        schema = _arrow_schema(pa, flattened)
        order = {c: i for i, c in enumerate(flattened.columns)}
        places: dict[tuple[str, ...], list[int]] = {}
        with pq.ParquetWriter(out, schema) as writer:
            for block in blocks:
                cells = zip(*(_aligned(keys, row, places, order) for keys, row in block), strict=True)
                arrays = [pa.array(column, type=t) for column, t in zip(cells, schema.types, strict=True)]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


# --- GeoJSON (RFC 7946) ---------------------------------------------------------------------------


def _point(lon: float, lat: float, properties: Record) -> Record:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def place_features(store: Store, f: Filters) -> Iterator[Record]:
    """The places passing the filter, in the places' order, each counted in SQL (not its record
    with every mention): query/geojson.py's Feature."""
    from wirescope.query.geojson import counted_feature

    for places in store.export_places(f):
        for place in places:
            feature = counted_feature(place, place["mentions"], place["articles"])
            yield {**feature, "properties": {"kind": "place", **feature["properties"]}}


def event_features(store: Store, f: Filters) -> Iterator[Record]:
    """Each located event passing the filter, in the events' order, as a Point."""
    for records in owned_records(store.export_rows("events", f, located_only=True), "events"):
        for e in located(records):
            yield _point(
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


def geojson(store: Store, f: Filters) -> Record:
    """Places (the places engineer's features, query/geojson.py), then located events."""
    return {"type": "FeatureCollection", "features": [*place_features(store, f), *event_features(store, f)]}


def write_geojson(store: Store, f: Filters, out: IO[str]) -> None:
    """`geojson` as json.dump(indent=1) writes it, a feature at a time."""
    out.write('{\n "type": "FeatureCollection",\n "features": [')
    first = True
    for feature in itertools.chain(place_features(store, f), event_features(store, f)):
        text = json.dumps(feature, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        out.write(("\n  " if first else ",\n  ") + text)
        first = False
    out.write("]\n}\n" if first else "\n ]\n}\n")


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
    """Aleph's entities of each article in the filter's scope (query/ftm.py), from the rows the
    store streams a chunk of articles at a time; an actor named in many articles comes once."""
    from wirescope.query.ftm import SCHEMA_BY_ACTOR_TYPE, article_entities

    shared = set(SCHEMA_BY_ACTOR_TYPE.values())  # actors: the only entities two articles share
    actors: set[str] = set()
    for chunk in store.export_articles(_article_scope(f)):
        for article in chunk.articles:
            for entity in article_entities(chunk, article):
                if entity.schema.name in shared:
                    if entity.id in actors:
                        continue
                    actors.add(entity.id)
                yield entity


def write_ftm(store: Store, f: Filters, out: IO[str]) -> None:
    for entity in ftm_entities(store, f):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


# --- ACLED ---------------------------------------------------------------------------------------


def write_acled(store: Store, f: Filters, out: IO[str], only_happened: bool) -> None:
    """The event records passing the filters as ACLED rows, one per real-world event (the mentions of
    one raid are one row), with the mapping of query/event_records.py: by default only records that
    happened, as ACLED rows are read."""
    from wirescope.query.event_records import write_acled_csv

    write_acled_csv(streamed_records(store, "event_records", f, only_happened), out, only_happened)


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
        write_csv(store, kind, f, out)
    elif fmt == "parquet":
        write_parquet(store, kind, f, out)
    elif fmt == "geojson":
        write_geojson(store, f, out)
    elif fmt == "gexf":
        out.write(gexf(store, f).decode("utf-8"))
    elif fmt == "ftm":
        write_ftm(store, f, out)
    else:
        write_acled(store, f, out, only_happened)
