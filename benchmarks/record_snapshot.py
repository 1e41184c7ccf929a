"""Write the JSONL record of the demo corpus and the seed article to a folder, for a before/after diff.

A refactor that must not change output (moving modules, renaming helpers) is checked by running this
before and after and comparing the folders byte for byte:

    python benchmarks/record_snapshot.py /tmp/before   # on the old commit
    python benchmarks/record_snapshot.py /tmp/after    # on the new one
    diff -r /tmp/before /tmp/after && echo identical

The seed is read from ../shared/seed when it is there (it is not part of the repository).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import wirescope
from wirescope.query.records import KINDS, records
from wirescope.run import ingest
from wirescope.sources import read_paths

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "wirescope" / "demo" / "corpus"
SEED = ROOT.parent / "shared" / "seed"


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def snapshot_demo(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "demo.db")) as store:
        report = ingest(read_paths([str(DEMO)]), store)
        assert report.ok, report.rejected
        for kind in KINDS:
            write_jsonl(folder / f"demo-{kind}.jsonl", records(store, kind))


def snapshot_seed(folder: Path) -> None:
    gold = json.loads((SEED / "panjshir_dailybeast_2021.gold.json").read_text(encoding="utf-8"))
    text = (SEED / "panjshir_dailybeast_2021.txt").read_text(encoding="utf-8")
    for label, published in (("dated", gold["metadata"]["published_for_tests"]), ("undated", None)):
        by_kind = wirescope.records(wirescope.process(text, published=published))
        for kind, rows in by_kind.items():
            write_jsonl(folder / f"seed-{label}-{kind}.jsonl", rows)


def main(argv: list[str]) -> None:
    folder = Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    snapshot_demo(folder)
    if SEED.exists():
        snapshot_seed(folder)
    print(f"wrote {len(list(folder.glob('*.jsonl')))} files to {folder}")


if __name__ == "__main__":
    main(sys.argv)
