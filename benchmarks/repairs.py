"""How often the repair of words run together fires on real news, and on what.

    .venv/bin/python benchmarks/repairs.py ../shared/eval/quotes-polnear/data/train/text

Prints every change with its context, then the count, for a person to judge each one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirescope.clean.repairs import DocumentVocabulary, glued_word_edits


def main(folder: str) -> None:
    files = sorted(p for p in Path(folder).iterdir() if p.is_file())
    changes = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for edit in glued_word_edits(text, DocumentVocabulary(text)):
            changes += 1
            context = text[max(0, edit.start - 20) : edit.end + 10].replace("\n", " ")
            print(f"{path.name[:30]}: {context!r} -> {edit.replacement!r}")
    print(f"{changes} changes in {len(files)} articles")


if __name__ == "__main__":
    main(sys.argv[1])
