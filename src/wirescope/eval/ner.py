"""`wirescope eval ner PATH`: named entities scored against gold, our pipeline next to the bare model.

Two gold formats, told apart by what PATH holds:

- CoNLL-2003 column files (../shared/eval/ner-conll2003/): one token per line, the tag in the last
  column, a blank line between sentences, `-DOCSTART-` between documents. Tags may be IOB1 (I- by
  default, B- only between two adjacent entities of one type: the original eng.testb) or IOB2
  (B- at every start: the CrossWeigh files). Both are read with one rule: B-X starts an entity,
  I-X continues one only when the previous tag was of type X, so either scheme gives the same
  entities (conlleval's reading). The text given to the models is each document's tokens
  joined by spaces, one sentence per line; a predicted entity counts on the tokens it covers.
- re3d JSON folders (../shared/eval/ner-re3d-conflict/): `documents.json` and `entities.json` per
  source, mongoexport JSON lines, possibly with a UTF-8 byte-order mark (read as utf-8-sig).
  Offsets are characters into `text`. One span can carry two types (the crowd's "Location" with
  confidence 0 and "Organisation" with 0.97): the type with the highest confidence is kept.
  re3d annotates phrases, not only names: "an area outside Damascus", "the army", "It". A name
  tagger is scored on the names: gold spans that start with a capital letter (after a leading
  "the") and are not pronouns; of overlapping ones the shortest is kept ("Damascus" inside "west
  of Damascus", "Sana" inside "Syrian news agency Sana"). `--all-spans` scores every gold span.
  Only Person, Organisation, Location and Nationality are scored.

Scoring is entity-level exact match (same start, end and type), micro-averaged, per type and
overall. Types are mapped to the gold's four by the shared tables of annotate/entities/labels.py
(PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP -> MISC (CoNLL) or NORP (re3d), and for
CoNLL EVENT, WORK_OF_ART, LAW, LANGUAGE and PRODUCT -> MISC). "ours" is what the parse annotator
produces (the shipped NER of annotate/entities/trained, the entity ruler and repairs of
annotate/entities/patterns.py, and the trimming of leading "the" and quotes of parse.py); "bare" is
the installed model as it is; "trim-only" the bare model with the trimming; "trained-only" the
shipped NER with the trimming, without the ruler and repairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.annotate.entities.labels import ONTONOTES_TO_CONLL, ONTONOTES_TO_RE3D, RE3D_GOLD_TYPES
from wirescope.annotate.entities.model import build_model, load_model
from wirescope.annotate.entities.parse import trim_entity
from wirescope.annotate.tokens import doc_text
from wirescope.api import process_many
from wirescope.errors import EvalDataError
from wirescope.settings import SPACY_MODEL, Settings

Entity = tuple[int, int, str]  # character start, end, type

# The label mappings are shared by every scorer and documented in annotate/entities/labels.py.
CONLL_TYPES = ONTONOTES_TO_CONLL
RE3D_TYPES = ONTONOTES_TO_RE3D


@dataclass
class NerDocument:
    """One document: its text, the gold entities, and (CoNLL) the token offsets to snap to."""

    name: str
    text: str
    gold: set[Entity]
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[Entity], found: set[Entity]) -> None:
        for _, _, t in found & gold:
            self.tp[t] += 1
        for _, _, t in found - gold:
            self.fp[t] += 1
        for _, _, t in gold - found:
            self.fn[t] += 1

    def prf(self, type_: str | None = None) -> tuple[float, float, float]:
        pick = (lambda c: c[type_]) if type_ else (lambda c: sum(c.values()))
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fn) | set(self.fp))


# --- reading CoNLL ---------------------------------------------------------------------------------


def iob_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with types from IOB1 or IOB2 tags (conlleval's reading)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != kind)
        if start is not None and (prefix == "O" or begins):
            spans.append((start, i, kind))
            start, kind = None, ""
        if begins:
            start, kind = i, t
    return spans


def _conll_sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Sentences as (token, tag) lists; None marks a document boundary."""
    sentence: list[tuple[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split()
        if not cols:
            if sentence:
                yield sentence
            sentence = []
        elif cols[0] == "-DOCSTART-":
            if sentence:
                yield sentence
            sentence = []
            yield None
        elif len(cols) < 2 or not (cols[-1] == "O" or cols[-1][:2] in ("B-", "I-")):
            raise EvalDataError(f"{path}:{n}: not a CoNLL line (token ... tag): {line[:60]!r}")
        else:
            sentence.append((cols[0], cols[-1]))
    if sentence:
        yield sentence


def read_conll(path: Path) -> list[NerDocument]:
    docs: list[NerDocument] = []
    current: list[list[tuple[str, str]]] = []
    for sentence in [*_conll_sentences(path), None]:
        if sentence is None:
            if current:
                docs.append(_conll_document(f"{path.name}#{len(docs) + 1}", current))
            current = []
        else:
            current.append(sentence)
    return docs


def _conll_document(name: str, sentences: list[list[tuple[str, str]]]) -> NerDocument:
    text = ""
    starts: list[int] = []
    ends: list[int] = []
    gold: set[Entity] = set()
    for sentence in sentences:
        first = len(starts)
        for token, _ in sentence:
            starts.append(len(text))
            text += token
            ends.append(len(text))
            text += " "
        text = text[:-1] + "\n"
        for s, e, t in iob_entities([tag for _, tag in sentence]):
            gold.add((starts[first + s], ends[first + e - 1], t))
    return NerDocument(name, text, gold, starts, ends)


# --- reading re3d ----------------------------------------------------------------------------------


def _json_lines(path: Path) -> Iterator[dict]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise EvalDataError(f"{path}: cannot read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise EvalDataError(f"{path}:{n}: not a JSON line ({exc})") from exc


_PRONOUNS = frozenset(
    {
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "us",
        "our",
        "who",
        "which",
        "this",
        "these",
        "those",
        "that",
    }
)


def is_name(text: str) -> bool:
    """A gold span a name tagger can be asked for: capitalised after "the", not a pronoun."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and not (len(words) == 1 and words[0].lower() in _PRONOUNS)


def read_re3d(folder: Path, all_spans: bool = False) -> list[NerDocument]:
    """Every source folder under `folder` (or `folder` itself) with documents.json + entities.json."""
    docs = []
    for entities_file in sorted(folder.rglob("entities.json")):
        texts = {d["_id"]: d["text"] for d in _json_lines(entities_file.with_name("documents.json"))}
        best: dict[tuple[str, int, int], tuple[float, str]] = {}
        for e in _json_lines(entities_file):
            t = RE3D_GOLD_TYPES.get(e.get("type", ""))
            if t is None or e["documentId"] not in texts:
                continue
            key = (e["documentId"], int(e["begin"]), int(e["end"]))
            conf = float(e.get("confidence") or 0)
            if key not in best or conf > best[key][0]:
                best[key] = (conf, t)
        for doc_id, text in texts.items():
            spans = [(b, e, t) for (d, b, e), (_, t) in best.items() if d == doc_id]
            if not all_spans:
                spans = _innermost([s for s in spans if is_name(text[s[0] : s[1]])])
            docs.append(NerDocument(f"{entities_file.parent.name}/{doc_id}", text, set(spans)))
    return docs


def _innermost(spans: list[Entity]) -> list[Entity]:
    """Of overlapping spans, the shortest (then the first)."""
    kept: list[Entity] = []
    for s in sorted(spans, key=lambda s: (s[1] - s[0], s[0])):
        if all(s[1] <= k[0] or k[1] <= s[0] for k in kept):
            kept.append(s)
    return kept


def read_gold(path: Path, all_spans: bool = False) -> dict[str, list[NerDocument]]:
    """Data sets under PATH, by name: a re3d folder, a CoNLL file, or a folder of CoNLL files."""
    if not path.exists():
        raise EvalDataError(f"{path}: no such file or folder")
    if path.is_dir() and any(path.rglob("entities.json")):
        return {f"re3d ({path.name})": read_re3d(path, all_spans)}
    candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    files = [p for p in candidates if _is_conll(p)]
    if not files:
        raise EvalDataError(
            f"{path}: neither re3d JSON folders nor CoNLL files (-DOCSTART- first) in it",
            hint="give a re3d folder (with entities.json) or CoNLL files (-DOCSTART- on the first line)",
        )
    return {str(f.relative_to(path.parent)): read_conll(f) for f in files}


def _is_conll(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.readline().startswith("-DOCSTART-")
    except (OSError, UnicodeDecodeError):
        return False


# --- predicting and scoring ------------------------------------------------------------------------


def predictions(doc, types: dict[str, str], trim: bool) -> set[Entity]:
    found = set()
    for ent in doc.ents:
        t = types.get(ent.label_)
        if t is None:
            continue
        start, end = (
            trim_entity(doc_text(doc), ent.start_char, ent.end_char) if trim else (ent.start_char, ent.end_char)
        )
        if end > start:
            found.add((start, end, t))
    return found


def snap_to_tokens(found: set[Entity], doc: NerDocument) -> set[Entity]:
    """CoNLL: a predicted entity counts as the gold tokens it overlaps (tokenisations differ)."""
    if not doc.token_starts:
        return found
    snapped = set()
    for start, end, t in found:
        covered = [
            i for i, (s, e) in enumerate(zip(doc.token_starts, doc.token_ends, strict=True)) if s < end and start < e
        ]
        if covered:
            snapped.add((doc.token_starts[covered[0]], doc.token_ends[covered[-1]], t))
    return snapped


def evaluate(docs: list[NerDocument], model: str, types: dict[str, str], batch_size: int = 16) -> dict[str, Scores]:
    """Scores of the bare model, of the bare model with our trimming only, of the trained NER with
    the trimming but without the ruler and repairs, and of our pipeline's NER.

    "trim" shares the bare model's parse; it tells how much of the gain is only the trimming of
    "the" and quotes. "trained" tells how much is the trained NER, and the rest is the ruler's and
    the repairs'.
    """
    scores = {"bare": Scores(), "trim": Scores(), "trained": Scores(), "ours": Scores()}
    texts = [d.text for d in docs]
    for doc, parsed in zip(docs, load_model(model).pipe(texts, batch_size=batch_size), strict=True):
        scores["bare"].add(doc.gold, snap_to_tokens(predictions(parsed, types, False), doc))
        scores["trim"].add(doc.gold, snap_to_tokens(predictions(parsed, types, True), doc))
    trained = build_model(model, ruler=False, repairs=False)
    for doc, parsed in zip(docs, trained.pipe(texts, batch_size=batch_size), strict=True):
        scores["trained"].add(doc.gold, snap_to_tokens(predictions(parsed, types, True), doc))
    ours = process_many(texts, only=("parse",), settings=Settings(model=model, batch_size=batch_size))
    for doc, article in zip(docs, ours, strict=True):
        scores["ours"].add(doc.gold, snap_to_tokens(predictions(article.doc, types, True), doc))
    return scores


def format_table(title: str, n_docs: int, scores: dict[str, Scores]) -> list[str]:
    bare, trim, trained, ours = scores["bare"], scores["trim"], scores["trained"], scores["ours"]
    types = sorted(set(bare.types()) | set(ours.types()))
    lines = [
        f"{title}: {n_docs} documents, {sum(bare.tp.values()) + sum(bare.fn.values())} gold entities",
        f"{'type':<8} {'gold':>6}   {'bare P':>7} {'R':>6} {'F1':>6}   {'ours P':>7} {'R':>6} {'F1':>6}"
        f"   {'ΔF1':>6}   {'trim-only F1':>12}   {'trained-only F1':>15}",
    ]
    for t in [*types, None]:
        gold = (bare.tp[t] + bare.fn[t]) if t else sum(bare.tp.values()) + sum(bare.fn.values())
        b, o = bare.prf(t), ours.prf(t)
        lines.append(
            f"{t or 'overall':<8} {gold:>6}   {b[0]:>7.3f} {b[1]:>6.3f} {b[2]:>6.3f}   "
            f"{o[0]:>7.3f} {o[1]:>6.3f} {o[2]:>6.3f}   {o[2] - b[2]:>+6.3f}   {trim.prf(t)[2]:>12.3f}"
            f"   {trained.prf(t)[2]:>15.3f}"
        )
    return lines


@click.command("ner")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Score only the first N documents of each data set (for quick runs).")
@click.option("--model", default=SPACY_MODEL, show_default=True, help="The installed spaCy model.")
@click.option("--all-spans", is_flag=True, help="re3d: score every gold span, descriptions and pronouns too.")
def ner_command(path: Path, limit: int | None, model: str, all_spans: bool) -> None:
    """Score named entities on CoNLL-2003 files or re3d folders: the bare model and ours, side by side.

    Per type and overall precision, recall and F1 (exact spans, micro-averaged).

    Example: wirescope eval ner ../shared/eval/ner-re3d-conflict
    """
    datasets = read_gold(path, all_spans)
    for title, docs in datasets.items():
        docs = docs[:limit] if limit else docs
        types = RE3D_TYPES if title.startswith("re3d") else CONLL_TYPES
        for line in format_table(title, len(docs), evaluate(docs, model, types)):
            click.echo(line)
        click.echo()
