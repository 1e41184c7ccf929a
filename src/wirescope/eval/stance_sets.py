"""Readers for the two stance gold sets, told apart by content, and their fixed train/dev splits.

FNC-1 (../shared/eval/stance-fnc1): `train_stances.csv` (Headline, Body ID, Stance) and
`train_bodies.csv` (Body ID, articleBody), plain or zipped; labels agree / disagree / discuss /
unrelated. There is no official dev split, so one is drawn by Body ID (never by row: one body sits
in many pairs): a body is in dev when the SHA-256 of `fnc1-body-<id>` is 0 mod 5 (about 20% of the
bodies; the ids are listed in annotate/claims/MODEL_CARD.md). Headlines do recur across the split
(one claim has several bodies), as they do in the challenge's own folds.

Emergent (../shared/eval/stance-emergent): one CSV with `claimHeadline, articleHeadline,
articleHeadlineStance, claimId`; the claim is the rumour, the text is an outlet's headline.
for / against / observing map to agree / disagree / discuss (there is no unrelated pair). Dev is
grouped by claim, as the paper's folds are: a claim is in dev when the SHA-256 of
`emergent-claim-<claimId>` is 0 mod 5.

A file is recognised by its CSV header, whatever its name; a folder is searched for such files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wirescope.errors import EvalDataError

LABELS = ("agree", "disagree", "discuss", "unrelated")
EMERGENT_LABELS = {"for": "agree", "against": "disagree", "observing": "discuss"}
FNC_STANCES = ("Headline", "Body ID", "Stance")
FNC_BODIES = ("Body ID", "articleBody")
EMERGENT_COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")
SPLITS = ("train", "dev", "all")
DEV_MODULUS = 5


@dataclass(frozen=True, slots=True)
class Pair:
    """One claim-text pair with its gold stance; `group` is what the split is drawn by."""

    claim: str
    text: str
    label: str
    group: str


@dataclass(frozen=True, slots=True)
class StanceSet:
    name: str  # "fnc1" or "emergent"
    pairs: tuple[Pair, ...]

    def split(self, which: str) -> tuple[Pair, ...]:
        if which == "all":
            return self.pairs
        return tuple(p for p in self.pairs if in_dev(self.name, p.group) == (which == "dev"))


def in_dev(set_name: str, group: str) -> bool:
    """The fixed dev rule: a hash of the group id (FNC-1 body, Emergent claim), 1 in 5."""
    prefix = "fnc1-body" if set_name == "fnc1" else "emergent-claim"
    digest = hashlib.sha256(f"{prefix}-{group}".encode()).hexdigest()
    return int(digest, 16) % DEV_MODULUS == 0


def _csv_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every CSV at `path`: the file itself, a folder's files, or inside zips."""
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    for file in files:
        if file.suffix == ".zip":
            with zipfile.ZipFile(file) as archive:
                for member in archive.namelist():
                    if member.endswith(".csv") and not member.startswith("__MACOSX"):
                        yield f"{file}:{member}", archive.read(member).decode("utf-8")
        elif file.suffix == ".csv":
            yield str(file), file.read_text(encoding="utf-8")


def _rows(text: str) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return tuple(reader.fieldnames or ()), list(reader)


def _has(header: tuple[str, ...], columns: tuple[str, ...]) -> bool:
    return set(columns) <= set(header)


def read_stance_set(path: Path) -> StanceSet:
    """The FNC-1 or Emergent pairs at `path`, whichever its CSV headers show it to be."""
    stances: list[dict[str, str]] = []
    emergent: list[dict[str, str]] = []
    bodies: dict[str, str] = {}
    for _name, text in _csv_texts(path):
        header, rows = _rows(text)
        if _has(header, EMERGENT_COLUMNS):
            emergent += rows
        elif _has(header, FNC_STANCES):
            stances += rows
        elif _has(header, FNC_BODIES):
            bodies.update((r["Body ID"], r["articleBody"]) for r in rows)
    if emergent:
        return StanceSet("emergent", tuple(_emergent_pairs(emergent, path)))
    if stances:
        return StanceSet("fnc1", tuple(_fnc_pairs(stances, bodies, path)))
    raise EvalDataError(
        f"{path}: no FNC-1 stances CSV ({', '.join(FNC_STANCES)}) and no Emergent CSV "
        f"({', '.join(EMERGENT_COLUMNS)}) found"
    )


def _fnc_pairs(stances: list[dict[str, str]], bodies: dict[str, str], path: Path) -> Iterator[Pair]:
    for row in stances:
        if row["Body ID"] not in bodies:
            raise EvalDataError(f"{path}: Body ID {row['Body ID']} has no body in a bodies CSV")
        if row["Stance"] not in LABELS:
            raise EvalDataError(f"{path}: unknown FNC-1 stance {row['Stance']!r}")
        yield Pair(row["Headline"], bodies[row["Body ID"]], row["Stance"], row["Body ID"])


def _emergent_pairs(rows: list[dict[str, str]], path: Path) -> Iterator[Pair]:
    for row in rows:
        label = EMERGENT_LABELS.get(row["articleHeadlineStance"])
        if label is None:
            raise EvalDataError(f"{path}: unknown Emergent stance {row['articleHeadlineStance']!r}")
        yield Pair(row["claimHeadline"], row["articleHeadline"], label, row["claimId"])
