"""Actor resolution on the demo corpus, against the actors its manifest lists per article.

usage: .venv/bin/python benchmarks/actors.py [CORPUS_DIR]

Ingests the corpus (parse and actors annotators only) into a temporary store and prints, per
article, the manifest actors found and missed (a miss is marked "not in text" when the clean text
does not contain the name at all: bylines the cleaner removes), then the actors seen in more than
one article and the cross-article merges the registry made, with their reasons.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import wirescope
from wirescope.query.records import actor_records
from wirescope.run import ingest
from wirescope.sources import read_paths

DEMO = Path(__file__).resolve().parents[1] / "src" / "wirescope" / "demo"


def main(corpus: Path) -> None:
    manifest = json.loads((corpus.parent / "corpus.json").read_text(encoding="utf-8"))
    settings = wirescope.Settings(pipeline="parse,actors")
    with tempfile.TemporaryDirectory() as tmp, wirescope.open_store(str(Path(tmp) / "a.db")) as store:
        ingest(read_paths([str(corpus)]), store, settings)
        articles = {a.source.uri.rsplit("/", 1)[-1]: a for a in store.articles()}
        records = actor_records(store, list(articles.values()))
    found_total = listed_total = in_text_total = 0
    for entry in manifest:
        article = articles[entry["file"]]
        found = {r["name"] for r in records for m in r["mentions"] if m["article_id"] == article.id}
        missed = [n for n in entry["actors"] if n not in found]
        in_text = [n for n in entry["actors"] if n in article.text or n in found]
        found_total += len(entry["actors"]) - len(missed)
        listed_total += len(entry["actors"])
        in_text_total += len(in_text)
        notes = [f"{n} (not in text)" if n not in article.text else n for n in missed]
        print(
            f"{entry['file']}: {len(entry['actors']) - len(missed)}/{len(entry['actors'])}"
            + (f"; missed: {', '.join(notes)}" if notes else "")
        )
    print(
        f"manifest actors found: {found_total}/{listed_total}; of those whose name is in the clean text: "
        f"{found_total}/{in_text_total}"
    )
    several = sorted((r for r in records if r["articles"] > 1), key=lambda r: -r["articles"])
    print("actors in more than one article: " + ", ".join(f"{r['name']} ({r['articles']})" for r in several))
    for r in records:
        for m in r["merged"]:
            print(f"merged {m['name']!r} into {r['name']!r} ({m['confidence']}): {m['reason']}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO / "corpus")
