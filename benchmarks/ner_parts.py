"""What each part of the parse's NER adds: the trained NER alone, with the ruler, with the repairs, with both.

    .venv/bin/python benchmarks/ner_parts.py ../shared/eval/ner-conll2003/crossweigh/conllpp_test.txt \\
        ../shared/eval/ner-re3d-conflict

Prints overall and per-type F1 for each data set under each PATH (read as `wirescope eval ner`
reads them, scored the same way, with the trimming of parse.py in every row), plus sm's own NER
with the ruler and repairs (the parse before issue 14) for comparison.

With --speed FOLDER it instead times the whole spaCy pipeline on the first --n texts of FOLDER:
bare sm, sm with the trained NER in place of its own, and the parse's model (trained NER, ruler,
repairs), each warmed on one text first, in one run:

    .venv/bin/python benchmarks/ner_parts.py --speed ../shared/eval/quotes-polnear/data/train/text --n 40
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirescope.annotate.entities.model import build_model, load_model
from wirescope.eval.ner import CONLL_TYPES, RE3D_TYPES, Scores, predictions, read_gold, snap_to_tokens
from wirescope.settings import SPACY_MODEL, Settings

ROWS = {
    "trained NER only": {"trained_ner": True, "ruler": False, "repairs": False},
    "+ ruler": {"trained_ner": True, "ruler": True, "repairs": False},
    "+ repairs": {"trained_ner": True, "ruler": False, "repairs": True},
    "+ ruler + repairs (the parse)": {"trained_ner": True, "ruler": True, "repairs": True},
    "sm NER + ruler + repairs (before)": {"trained_ner": False, "ruler": True, "repairs": True},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", type=Path, nargs="*", help="CoNLL files or re3d folders")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set")
    parser.add_argument("--speed", type=Path, help="a folder of article texts to time the models on")
    parser.add_argument("--n", type=int, default=40, help="--speed: how many texts (default 40)")
    args = parser.parse_args()
    batch = Settings().batch_size
    if args.speed:
        speed(sorted(p for p in args.speed.iterdir() if p.is_file())[: args.n], batch)
    for path in args.paths:
        for title, docs in read_gold(path).items():
            docs = docs[: args.limit] if args.limit else docs
            types = RE3D_TYPES if title.startswith("re3d") else CONLL_TYPES
            names = sorted(set(types.values()))
            print(f"{title}: {len(docs)} documents")
            print(f"{'':<36} {'overall':>8} " + " ".join(f"{t:>6}" for t in names))
            for row, parts in ROWS.items():
                scores = Scores()
                nlp = build_model(SPACY_MODEL, **parts)
                for doc, parsed in zip(docs, nlp.pipe([d.text for d in docs], batch_size=batch), strict=True):
                    scores.add(doc.gold, snap_to_tokens(predictions(parsed, types, True), doc))
                cells = " ".join(f"{scores.prf(t)[2]:>6.3f}" for t in names)
                print(f"{row:<36} {scores.prf()[2]:>8.3f} {cells}")
            print()


def speed(files: list[Path], batch: int) -> None:
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    models = {
        "bare sm": load_model(SPACY_MODEL),
        "sm with the trained NER": build_model(SPACY_MODEL, ruler=False, repairs=False),
        "the parse (trained NER, ruler, repairs)": build_model(SPACY_MODEL),
    }
    bare = 0.0
    for name, nlp in models.items():
        nlp(texts[0])
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        took = time.perf_counter() - start
        bare = bare or took
        print(f"{name:<42} {took:6.1f} s  {len(texts) / took:5.1f} texts/s  {took / bare:.2f}x bare")


if __name__ == "__main__":
    main()
