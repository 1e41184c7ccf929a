"""`wirescope eval geo FILE`: the places annotator scored on geoparsing gold, as Gritta et al. do.

Reads GeoWebNews (GWN.xml), GeoVirus (GeoVirus.xml), and the LGL / TR-News format, told apart by
their elements. Each text runs through the parse and the places annotator as it is (no cleaning,
which would move the offsets). Figures:

- geotagging precision, recall and F1, strict (same offsets) and relaxed (overlap, one to one);
- geocoding of the tagged toponyms that match a gold one with coordinates: accuracy within 161 km
  (100 miles), mean and median error in km, and AUC of the scaled log error (lower is better); a
  toponym found but not located counts the largest possible error, 20,039 km, as in the paper;
- geocoding given the gold toponyms (each gold name resolved in the context of the document's
  other gold names): the same figures, plus exact GeoNames id matches where the gold has ids.

GeoWebNews gold for geotagging is its toponym types (literal, metonymic, modifier, embedded,
coercion and mixed uses); demonyms, languages, homonyms, non-toponyms and the long "expression"
spans are left out, following the paper. GeoVirus offsets are 1-based and are shifted here.
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.annotate.places.resolve import place_of, read_phrase, resolve, toponym_key
from wirescope.api import as_given, process_many
from wirescope.errors import EvalDataError
from wirescope.eval.split import PART_OPTION, Part, part_of
from wirescope.geo import km_between
from wirescope.geo.gazetteer import is_demonym
from wirescope.record import Span

GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Non_Literal_Modifier",
        "Metonymic",
    }
)
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a toponym not located
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


@dataclass
class GeoDocument:
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


# --- reading the corpora -------------------------------------------------------------------------


def _required_int(element: ET.Element, tag: str) -> int:
    """A required whole number in the gold file, or an error naming what is missing."""
    text = element.findtext(tag)
    try:
        return int(text or "")
    except ValueError as exc:
        raise EvalDataError(f"<{tag}> is missing or not a number in a toponym: {text!r}") from exc


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def _gwn(article: ET.Element) -> GeoDocument:
    doc = GeoDocument(article.findtext("text") or "")
    for t in article.iter("toponym"):
        if t.findtext("type") not in GWN_TOPONYM_TYPES:
            continue
        doc.toponyms.append(
            GoldToponym(
                _required_int(t, "start"),
                _required_int(t, "end"),
                t.findtext("extractedName") or "",
                _float(t.findtext("latitude")),
                _float(t.findtext("longitude")),
                _int(t.findtext("geonamesID")),
            )
        )
    return doc


def _geovirus(article: ET.Element) -> GeoDocument:
    doc = GeoDocument(article.findtext("text") or "")
    for loc in article.iter("location"):
        start, end = _required_int(loc, "start") - 1, _required_int(loc, "end") - 1  # 1-based in the file
        doc.toponyms.append(
            GoldToponym(
                start, end, loc.findtext("name") or "", _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            )
        )
    return doc


def _lgl(article: ET.Element) -> GeoDocument:
    doc = GeoDocument(article.findtext("text") or "")
    for t in article.iter("toponym"):
        gaz = t.find("gaztag")
        doc.toponyms.append(
            GoldToponym(
                _required_int(t, "start"),
                _required_int(t, "end"),
                t.findtext("phrase") or "",
                _float(gaz.findtext("lat")) if gaz is not None else None,
                _float(gaz.findtext("lon")) if gaz is not None else None,
                _int(gaz.get("geonameid")) if gaz is not None else None,
            )
        )
    return doc


def _checked(doc: GeoDocument) -> GeoDocument:
    """A few gold offsets fall outside their text (a negative start in GWN): those are left out."""
    doc.toponyms = [t for t in doc.toponyms if 0 <= t.start < t.end <= len(doc.text)]
    return doc


def read_corpus(path: Path) -> list[GeoDocument]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalDataError(f"{path}: cannot read it as geoparsing XML ({exc})") from exc
    articles = root.findall("article")
    if not articles:
        raise EvalDataError(f"{path}: no <article> elements (expected GWN.xml, GeoVirus.xml, lgl.xml or TR-News.xml)")
    first = articles[0]
    if first.find("locations") is not None:
        read = _geovirus
    elif first.find("toponyms/toponym/extractedName") is not None or first.get("file") is not None:
        read = _gwn
    else:
        read = _lgl
    return [_checked(read(a)) for a in articles]


# --- running the annotator -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


def tagged(documents: list[GeoDocument]) -> list[list[Found]]:
    """The toponyms the annotator tags in each text, with where it puts them."""
    result = []
    for article in process_many((d.text for d in documents), only=("parse", "places")):
        found = []
        for p in article.places:
            if p.feature == "offset":
                continue
            for s in p.mentions:
                # not "the valley" references, nor nationality words (the gold leaves demonyms out)
                if article.text[s.start : s.start + 1].isupper() and not is_demonym(article.text_of(s)):
                    found.append(Found(s.start, s.end, p.latitude, p.longitude, p.geonames_id))
        result.append(found)
    return result


def resolved_given_gold(documents: list[GeoDocument]) -> list[list[Found]]:
    """Each gold toponym resolved in the context of its document's other gold toponyms."""
    result = []
    for i, d in enumerate(documents):
        article = as_given(d.text, uri=f"doc{i}")
        toponyms = [read_phrase(d.text, Span(g.start, g.end)) for g in d.toponyms]
        chosen = resolve(toponyms) if toponyms else {}
        found = []
        for g, t in zip(d.toponyms, toponyms, strict=True):
            p = place_of(article, t, chosen[toponym_key(t)])
            found.append(Found(g.start, g.end, p.latitude, p.longitude, p.geonames_id))
        result.append(found)
    return result


# --- scoring -------------------------------------------------------------------------------------


def _prf(hits: int, n_system: int, n_gold: int) -> dict[str, float]:
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _pairs(gold: list[GoldToponym], found: list[Found]) -> list[tuple[GoldToponym, Found]]:
    pairs, used = [], set()
    for g in gold:
        overlapping = [f for f in found if id(f) not in used and f.start < g.end and g.start < f.end]
        if overlapping:
            best = min(overlapping, key=lambda f: abs(f.start - g.start) + abs(f.end - g.end))
            used.add(id(best))
            pairs.append((g, best))
    return pairs


def error_km(g: GoldToponym, f: Found) -> float:
    if f.latitude is None or f.longitude is None or g.latitude is None or g.longitude is None:
        return MAX_ERROR_KM
    return km_between(g.latitude, g.longitude, f.latitude, f.longitude)


def geocoding(pairs: list[tuple[GoldToponym, Found]]) -> dict[str, float | None]:
    located = [(g, f) for g, f in pairs if g.latitude is not None and g.longitude is not None]
    errors = [error_km(g, f) for g, f in located]
    with_ids = [(g, f) for g, f in located if g.geonames_id]
    if not errors:
        return {"scored": 0}
    return {
        "scored": len(errors),
        "accuracy_161km": sum(e <= ACCURACY_KM for e in errors) / len(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "auc": statistics.fmean(math.log(e + 1) / math.log(MAX_ERROR_KM) for e in errors),
        "not_located": sum(f.latitude is None for _, f in located),
        "geonames_exact": (sum(g.geonames_id == f.geonames_id for g, f in with_ids) / len(with_ids))
        if with_ids
        else None,
    }


def score(documents: list[GeoDocument], found: list[list[Found]], given: list[list[Found]]) -> dict[str, object]:
    n_gold = sum(len(d.toponyms) for d in documents)
    n_found = sum(len(f) for f in found)
    strict = sum(
        len({(g.start, g.end) for g in d.toponyms} & {(f.start, f.end) for f in fs})
        for d, fs in zip(documents, found, strict=True)
    )
    pairs = [p for d, fs in zip(documents, found, strict=True) for p in _pairs(d.toponyms, fs)]
    given_pairs = [(g, f) for d, fs in zip(documents, given, strict=True) for g, f in zip(d.toponyms, fs, strict=True)]
    return {
        "documents": len(documents),
        "gold": n_gold,
        "found": n_found,
        "strict": _prf(strict, n_found, n_gold),
        "relaxed": _prf(len(pairs), n_found, n_gold),
        "geocoding": geocoding(pairs),
        "geocoding_given_gold": geocoding(given_pairs),
    }


def evaluate(path: Path, limit: int | None = None, part: Part = "all") -> dict[str, object]:
    """Read a corpus (or one part of it, see eval/split.py), run the annotator, and score it."""
    documents = part_of(read_corpus(path), part)[:limit]
    return score(documents, tagged(documents), resolved_given_gold(documents))


def _geocoding_line(name: str, g: dict) -> str:
    if not g.get("scored"):
        return f"{name}: nothing to score"
    exact = f", GeoNames id exact {g['geonames_exact']:.3f}" if g.get("geonames_exact") is not None else ""
    return (
        f"{name}: {g['scored']} toponyms, acc@161km {g['accuracy_161km']:.3f}, mean {g['mean_km']:.0f} km, "
        f"median {g['median_km']:.0f} km, AUC {g['auc']:.3f}, not located {g['not_located']}{exact}"
    )


def report_lines(figures: dict) -> list[str]:
    lines = [f"documents {figures['documents']}, gold toponyms {figures['gold']}, tagged {figures['found']}"]
    for name in ("strict", "relaxed"):
        f = figures[name]
        lines.append(f"geotagging {name:<8} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    lines.append(_geocoding_line("geocoding (tagged)", figures["geocoding"]))
    lines.append(_geocoding_line("geocoding (gold names)", figures["geocoding_given_gold"]))
    return lines


@click.command("geo")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Only the first N articles.")
@PART_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def geo_command(file: Path, limit: int | None, part: Part, as_json: bool) -> None:
    """Score geotagging and geocoding on GeoWebNews, GeoVirus, LGL or TR-News XML.

    Example: wirescope eval geo ../shared/eval/geo-news/data/GWN.xml
    """
    figures = evaluate(file, limit, part)
    click.echo(json.dumps(figures, indent=1) if as_json else "\n".join(report_lines(figures)))
