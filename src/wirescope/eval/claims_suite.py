"""The written claims suite (src/wirescope/demo/claims_suite.json) scored pairwise.

Each pair is two short reports in the project's own words, labelled with how their main claims
relate (agrees, contradicts, related, unrelated). Both texts go through the whole pipeline and the
claims' relation is decided by resolve/claims.py, with the MiniLM encoder for paraphrase.

    python -m wirescope.eval.claims_suite      # prints the accuracy, per kind, and each miss
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import wirescope
from wirescope.record import Article
from wirescope.resolve.claims import StoredClaim, from_claim, pair_relation

SUITE = Path(wirescope.__file__).parent / "demo" / "claims_suite.json"


@dataclass(frozen=True, slots=True)
class Judged:
    pair: dict
    found: str
    reason: str

    @property
    def right(self) -> bool:
        return self.found == self.pair["label"]


def load_pairs(path: Path = SUITE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["pairs"]


def main_claim(article: Article) -> StoredClaim | None:
    """The claim a one-sentence report is about: its first claim with a normalised form, else its first."""
    structured = [c for c in article.claims if c.kind != "statement"]
    chosen = (structured or list(article.claims))[:1]
    return from_claim(article, chosen[0]) if chosen else None


def judge(pairs: list[dict]) -> list[Judged]:
    from wirescope.annotate.embeddings import encode

    results = []
    for n, pair in enumerate(pairs):
        a, b = (
            main_claim(wirescope.process(pair[s]["text"], published=pair[s]["published"], url=f"urn:suite:{n}:{s}"))
            for s in ("a", "b")
        )
        if a is None or b is None:
            results.append(Judged(pair, "no claim", "no claim found in one of the texts"))
        else:
            results.append(Judged(pair, *pair_relation(a, b, encode)))
    return results


def accuracy(judged: list[Judged]) -> float:
    return sum(j.right for j in judged) / len(judged)


def main() -> None:
    judged = judge(load_pairs())
    print(f"pairs: {len(judged)}  pairwise accuracy: {accuracy(judged):.3f}")
    kinds = Counter(j.pair["kind"] for j in judged)
    for kind, n in sorted(kinds.items()):
        right = sum(j.right for j in judged if j.pair["kind"] == kind)
        print(f"  {kind:12} {right}/{n}")
    for j in judged:
        if not j.right:
            print(
                f"miss ({j.pair['label']}, found {j.found}: {j.reason}): {j.pair['a']['text']} | {j.pair['b']['text']}"
            )


if __name__ == "__main__":
    main()
