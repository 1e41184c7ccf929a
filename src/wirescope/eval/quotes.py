"""Quote attribution against PolNeAR: precision, recall and F1 the way Citron reports on PARC 3.0.

PolNeAR (../shared/eval/quotes-polnear, see its SOURCE.md) is brat standoff: DIR/text/NAME.txt
and DIR/attributions/NAME_ANNOTATOR.ann, where "T" lines are spans (Source, Cue, Content, with
discontinuous pieces joined by ";") and "E" lines tie one Source, Cue and Content into an
attribution. Offsets are Python string offsets into the .txt file, so the text is annotated as
it is (not cleaned: cleaning would move the offsets). Where several annotators did one article
the first annotation file in name order is the gold.

Measures, each for direct attributions (gold content opening with a quotation mark; predicted
kind "direct"), indirect ones, and all:
- span overlap (Citron's overlap metric): tokens shared by predicted and gold cue, source and
  content spans over the tokens of each side; "all spans" sums the three;
- exact (Citron's exact metric): a cue matches when its bounds are equal, a source or content
  when the cues overlap and its bounds are equal, a whole attribution when all three are equal;
- found / with speaker: an attribution whose content overlaps a gold content of the same group,
  and (with speaker) whose speaker span overlaps the gold source.
Bounds are compared without edge white space, punctuation, quotation marks and a leading
"that": PolNeAR puts the marks and the complementiser in the content, wirescope leaves them out.
A predicted attribution is the quotes that share one cue (a quote split by "he said", a partial
quote inside the clause it belongs to).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from wirescope.api import process_many
from wirescope.errors import DocumentError
from wirescope.record import Quote, Span

GROUPS = ("direct", "indirect", "all")
ROLES = ("cue", "source", "content")
_ANNOTATION_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_EDGE = "“”„«»\"‘’'.,;:!?—–-()[] \n\t"
_LEADING_THAT = re.compile(r"that\b\s*", re.I)  # no "^": match(text, pos) anchors at pos
# A content opening with one of these is a direct quote. SOURCE.md names “ and "; the New York
# Times' doubled apostrophes (''), a closing mark typed as an opening one (”Fear. I am ...) and
# guillemets are double quotation marks too. Single marks (‘Mocking’ in headlines) are not.
_OPENING = ("“", '"', "''", "”", "«", "„")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation: who (sources) said what (contents), introduced by a cue."""

    contents: tuple[Span, ...]
    sources: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    direct: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


# -- reading brat standoff ------------------------------------------------------------------


def parse_offsets(field_text: str, where: str) -> tuple[Span, ...]:
    """ "12 20;25 31" -> spans; discontinuous pieces are joined with ';'."""
    spans = []
    for piece in field_text.split(";"):
        try:
            start, end = (int(x) for x in piece.split())
            spans.append(Span(start, end))
        except ValueError:
            raise DocumentError(where, f"offsets {piece!r} are not 'START END' with START <= END") from None
    return tuple(spans)


def read_standoff(path: Path, text: str) -> tuple[Attribution, ...]:
    """The attributions of one .ann file; `text` is the article the offsets point into."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    relations: list[tuple[str, dict[str, str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{n}"
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                raise DocumentError(where, "a T line needs 'ID<tab>LABEL START END'")
            label, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = (label, _within(parse_offsets(offsets, where), text, where))
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                raise DocumentError(where, "an E line needs 'ID<tab>ROLE:TID ...'")
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            relations.append((where, roles))
    return tuple(_attribution(roles, spans, text, where) for where, roles in relations if "Content" in roles)


def _within(spans: tuple[Span, ...], text: str, where: str) -> tuple[Span, ...]:
    for s in spans:
        if s.end > len(text):
            raise DocumentError(
                where, f"span [{s.start}, {s.end}) runs past the end of the text ({len(text)} characters)"
            )
    return spans


def _attribution(roles: dict[str, str], spans: dict, text: str, where: str) -> Attribution:
    def get(role: str) -> tuple[Span, ...]:
        tid = roles.get(role)
        if tid is None:
            return ()
        if tid not in spans:
            raise DocumentError(where, f"{role} refers to {tid}, which no T line defines")
        return spans[tid][1]

    contents = get("Content")
    direct = text[contents[0].start : contents[0].end].lstrip().startswith(_OPENING) if contents else False
    return Attribution(contents, get("Source"), get("Cue"), direct)


def read_polnear(folder: Path, limit: int | None = None) -> Iterator[GoldDocument]:
    """Every annotated article of a PolNeAR split folder (one with text/ and attributions/)."""
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise DocumentError(str(folder), "not a PolNeAR folder: it needs text/ and attributions/ inside")
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(annotations.glob("*.ann")):
        m = _ANNOTATION_NAME.match(ann.name)
        if m:
            by_stem[m.group("stem")].append(ann)
    names = sorted(stem for stem in by_stem if (texts / f"{stem}.txt").is_file())
    if not names:
        raise DocumentError(str(folder), "no .txt file in text/ has an NAME_ANNOTATOR.ann file in attributions/")
    for stem in names[:limit]:
        text = (texts / f"{stem}.txt").read_text(encoding="utf-8")
        yield GoldDocument(stem, text, read_standoff(by_stem[stem][0], text))


# -- predictions as attributions ------------------------------------------------------------


def attributions_of(quotes: Iterable[Quote]) -> list[Attribution]:
    """Quotes sharing a cue are one attribution; a quote with no cue stands alone.

    An attribution is direct when its content opens with a direct quote, as the gold's opens
    with a quotation mark. A partial quote alone is not: where the gold calls "called him “a
    genius”" direct, the reported clause around it is more often the gold content.
    """
    groups: dict[object, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[(q.cue.start, q.cue.end) if q.cue else q.id].append(q)
    found = []
    for members in groups.values():
        source = next((q.speaker.span for q in members if q.speaker and q.speaker.span), None)
        contents = merge_spans([q.span for q in members])
        found.append(
            Attribution(
                contents=contents,
                sources=(source,) if source else (),
                cue=(members[0].cue,) if members[0].cue else (),
                direct=any(q.kind == "direct" and q.span.start == contents[0].start for q in members),
            )
        )
    return found


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
        else:
            merged.append(s)
    return tuple(merged)


# -- scoring --------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one measure: exact and found-style measures count attributions, overlap tokens."""

    tp_predicted: int = 0  # predicted items that match (precision numerator)
    predicted: int = 0
    tp_gold: int = 0  # gold items matched (recall numerator)
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp_predicted += other.tp_predicted
        self.predicted += other.predicted
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


MEASURES = (
    "found (content overlaps)",
    "found with speaker",
    "cue exact",
    "source exact",
    "content exact",
    "attribution exact",
    "cue overlap",
    "source overlap",
    "content overlap",
    "all spans overlap",
)


@dataclass
class Report:
    documents: int = 0
    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))

    def tally(self, group: str, measure: str) -> Tally:
        return self.tallies[(group, measure)]


class _Scorer:
    """Scores one document: its text, tokens, gold and predicted attributions."""

    def __init__(self, text: str, gold: list[Attribution], predicted: list[Attribution]) -> None:
        self.text = text
        self.gold = gold
        self.predicted = predicted
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        self.token_starts = [s for s, _ in tokens]
        self.token_ends = [e for _, e in tokens]

    def core(self, spans: tuple[Span, ...]) -> tuple[int, int] | None:
        """The hull of some spans without edge punctuation, quotation marks or a leading "that"."""
        if not spans:
            return None
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        while start < end and self.text[start] in _EDGE:
            start += 1
        while end > start and self.text[end - 1] in _EDGE:
            end -= 1
        that = _LEADING_THAT.match(self.text, start, end)
        return (that.end() if that else start, end)

    def tokens(self, spans: Iterable[Span]) -> set[int]:
        covered: set[int] = set()
        for s in spans:
            first = bisect.bisect_right(self.token_ends, s.start)
            last = bisect.bisect_left(self.token_starts, s.end)
            covered.update(range(first, last))
        return covered

    def count(self, matches) -> Tally:
        """Citron's way: a prediction is right when some gold item matches it, and vice versa."""
        return Tally(
            sum(any(matches(p, g) for g in self.gold) for p in self.predicted),
            len(self.predicted),
            sum(any(matches(p, g) for p in self.predicted) for g in self.gold),
            len(self.gold),
        )

    def overlap(self, role: str) -> Tally:
        pred = self.tokens(s for a in self.predicted for s in getattr(a, _FIELD[role]))
        gold = self.tokens(s for a in self.gold for s in getattr(a, _FIELD[role]))
        shared = len(pred & gold)
        return Tally(shared, len(pred), shared, len(gold))

    def tallies(self) -> dict[str, Tally]:
        overlaps = {f"{role} overlap": self.overlap(role) for role in ROLES}
        all_spans = Tally()
        for t in overlaps.values():
            all_spans.add(t)
        return {
            "found (content overlaps)": self.count(self.contents_overlap),
            "found with speaker": self.count(lambda p, g: self.contents_overlap(p, g) and self.sources_overlap(p, g)),
            "cue exact": self.count(lambda p, g: self.same(p.cue, g.cue)),
            "source exact": self.count(lambda p, g: self.cues_overlap(p, g) and self.same(p.sources, g.sources)),
            "content exact": self.count(lambda p, g: self.cues_overlap(p, g) and self.same(p.contents, g.contents)),
            "attribution exact": self.count(
                lambda p, g: (
                    self.same(p.cue, g.cue) and self.same(p.sources, g.sources) and self.same(p.contents, g.contents)
                )
            ),
            **overlaps,
            "all spans overlap": all_spans,
        }

    def same(self, a: tuple[Span, ...], b: tuple[Span, ...]) -> bool:
        return self.core(a) == self.core(b)

    @staticmethod
    def contents_overlap(p: Attribution, g: Attribution) -> bool:
        return any(x.overlaps(y) for x in p.contents for y in g.contents)

    @staticmethod
    def cues_overlap(p: Attribution, g: Attribution) -> bool:
        return any(x.overlaps(y) for x in p.cue for y in g.cue)

    @staticmethod
    def sources_overlap(p: Attribution, g: Attribution) -> bool:
        if not p.sources and not g.sources:
            return True
        return any(x.overlaps(y) for x in p.sources for y in g.sources)


_FIELD = {"cue": "cue", "source": "sources", "content": "contents"}


def in_group(attributions: Iterable[Attribution], group: str) -> list[Attribution]:
    if group == "all":
        return list(attributions)
    return [a for a in attributions if a.direct == (group == "direct")]


def score_document(report: Report, text: str, gold: Iterable[Attribution], predicted: Iterable[Attribution]) -> None:
    gold, predicted = list(gold), list(predicted)
    report.documents += 1
    for group in GROUPS:
        scorer = _Scorer(text, in_group(gold, group), in_group(predicted, group))
        for measure, tally in scorer.tallies().items():
            report.tally(group, measure).add(tally)


# The steps quotes need. Events are left out: PolNeAR scores attributions only.
QUOTE_STEPS = ("parse", "actors", "times", "quotes")


def evaluate(folder: Path, limit: int | None = None) -> Report:
    """Annotate every article of a PolNeAR folder, as given, and score the quotes against its gold."""
    report = Report()
    documents = list(read_polnear(folder, limit))
    for document, article in zip(documents, process_many((d.text for d in documents), only=QUOTE_STEPS), strict=True):
        score_document(report, document.text, document.attributions, attributions_of(article.quotes))
    return report


def format_report(report: Report) -> str:
    """One block per group: precision, recall and F1 for every measure."""
    lines = [f"{report.documents} documents"]
    for group in GROUPS:
        found = report.tally(group, MEASURES[0])
        lines += [
            "",
            f"{group}: {found.gold} gold attributions, {found.predicted} predicted",
            f"  {'measure':<26}{'P':>7}{'R':>7}{'F1':>7}",
        ]
        for measure in MEASURES:
            t = report.tally(group, measure)
            lines.append(f"  {measure:<26}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}")
    return "\n".join(lines)


@click.command("quotes")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Score only the first N articles (in name order).")
def quotes_command(folder: Path, limit: int | None) -> None:
    """Score quote extraction and attribution on a PolNeAR split folder (text/ and attributions/).

    Example: wirescope eval quotes ../shared/eval/quotes-polnear/data/dev
    """
    report = evaluate(folder, limit)
    click.echo(format_report(report))
