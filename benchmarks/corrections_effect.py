"""The effect of N reviewers' corrections on stance, measured on Emergent dev.

Emergent's train split (by claim, eval/stance_sets.py) is cut in two by claim: half A plays the
public gold set, half B the articles reviewers correct. N pairs of B (in a fixed order: SHA-256
of the pair) are written as a reviewer's corrections would be, in the format
`wirescope corrections export --format training` writes stance examples, and read back by the
trainer's own reader (`annotate/claims/train.py correction_pairs`, what `wirescope train stance
--corrections` reads). The headline head is fitted on A (with A's drawn unrelated pairs) plus the
N corrections, and scored on Emergent dev, which neither half touches. Features are computed
once; each N is one fit. The body head is the shipped one (Emergent dev pairs are headlines).

    PYTHONPATH=src python benchmarks/corrections_effect.py ../shared/eval/stance-emergent --n 0 50 100 200 400 776
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path

import numpy as np

from wirescope.annotate.claims.features import featurize, headline_flags
from wirescope.annotate.claims.stance import StanceModel, shipped_model
from wirescope.annotate.claims.train import correction_pairs, fit_headline, unrelated_pairs
from wirescope.eval.stance import StanceReport
from wirescope.eval.stance_sets import LABELS, Pair, read_stance_set


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def halves(train: tuple[Pair, ...]) -> tuple[list[Pair], list[Pair]]:
    """A (the gold set) and B (what reviewers correct), by claim; B in a fixed, shuffled order."""
    a = [p for p in train if _hash(f"half-{p.group}") % 2 == 0]
    b = [p for p in train if _hash(f"half-{p.group}") % 2 == 1]
    return a, sorted(b, key=lambda p: _hash(p.claim + "\x1f" + p.text))


def _key(p: Pair) -> tuple[str, str, str]:
    return (p.claim, p.text, p.label)


def as_corrections(pairs: list[Pair], path: Path) -> Path:
    """The pairs as a reviewer's stance corrections, one training example a line."""
    lines = [json.dumps({"task": "stance", "claim": p.claim, "text": p.text, "stance": p.label}) for p in pairs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("emergent", type=Path)
    parser.add_argument("--n", type=int, nargs="+", default=[0, 50, 100, 200, 400, 776])
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    data = read_stance_set(args.emergent)
    gold, corrected = halves(data.split("train"))
    dev = list(data.split("dev"))
    base = gold + unrelated_pairs(gold)
    everything = base + corrected + dev
    features = featurize([p.claim for p in everything], [p.text for p in everything], threads=args.threads)
    row = {id(p): i for i, p in enumerate(everything)}
    dev_rows = features[[row[id(p)] for p in dev]]
    dev_headline = headline_flags([p.text for p in dev])
    print(f"gold half A: {len(gold)} pairs ({len({p.group for p in gold})} claims) + {len(base) - len(gold)} drawn")
    print(f"correctable half B: {len(corrected)} pairs; Emergent dev: {len(dev)} pairs")
    print(f"{'N':>5} {'accuracy':>9} {'macro F1':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n:
            read_back = correction_pairs(as_corrections(corrected[:n], Path(tmp) / f"corrections-{n}.jsonl"))
            # the trainer's reader must read back exactly the corrections written
            assert [_key(p) for p in read_back] == [_key(p) for p in corrected[:n]]
            rows = [row[id(p)] for p in base] + [row[id(p)] for p in corrected[:n]]
            labels = np.array([LABELS.index(p.label) for p in base + corrected[:n]])
            headline = fit_headline(features[rows], labels)
            model = StanceModel(shipped_model().body, headline)
            predicted = tuple(label for label, _ in model.predict(dev_rows, dev_headline))
            report = StanceReport("emergent", "dev", tuple(p.label for p in dev), predicted)
            print(f"{len(read_back):>5} {report.accuracy():9.3f} {report.macro_f1():9.3f}")


if __name__ == "__main__":
    main()
