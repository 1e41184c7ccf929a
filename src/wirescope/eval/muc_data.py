"""Reading MUC-3/4 in its own format: message files and answer-key template files.

A MUC folder (../shared/eval/events-muc4/raw/TASK/CORPORA/dev, tst1, tst2, or the CORPORA folder
holding several) has message files (`dev-muc3-0001-0100`, `tst1-muc3`: `<ID>` on its own line, a
blank line, a dateline `PLACE, DD MMM YY (SOURCE) --` and the body) and key files (`key-*`: one
block of 25 numbered slots per template). See that set's SOURCE.md for the traps handled here:
ids carry a site tag that differs between text and key (matched on the first token), `-` is no
fill and `*` not applicable, `?` marks an optional fill, `A / B` lists alternatives, `;` lines
are annotators' comments, and a slot with several fills continues on indented lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from wirescope.errors import EvalDataError

MESSAGE_ID = re.compile(r"^((?:DEV-MUC3|TST\d-MUC\d)-\d{4})\b.*$", re.M)
DATELINE = re.compile(
    r"^\s*(?P<place>[^,\n]+(?:\([^)]*\))?),\s*(?P<date>\d{1,2} [A-Z]{3}(?: \d{2})?|NO DATE)[^\n]*?--", re.S
)
SLOT_LINE = re.compile(r"^(\d+)\.\s+([A-Z][A-Z /:]+?[A-Z])(?:\s{2,}(.*))?$")
QUOTED_STRING = re.compile(r'"([^"]*)"')
# FBIS headers before the first sentence: "[REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT]".
LEADING_HEADERS = re.compile(r"^(?:\s*\[[^\]]*\])+\s*")


@dataclass(frozen=True)
class Message:
    """One MUC text: the body as wirescope reads it, and the dateline that anchors its dates."""

    id: str
    body: str  # the text after the dateline, line breaks inside paragraphs joined with spaces
    dateline_place: str
    dateline_date: date | None
    dateline: str = ""  # the dateline as written: "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --"

    @property
    def report(self) -> str:
        """The whole report as wirescope reads it: the dateline on its own line, then the body."""
        return f"{self.dateline}\n\n{self.body}" if self.dateline else self.body


@dataclass
class Template:
    """One answer-key template: slot name -> the fill lines as written (empty: `-` or `*`)."""

    message_id: str
    slots: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_incident(self) -> bool:
        return bool(self.slots.get("MESSAGE: TEMPLATE"))  # `*` (no relevant incident) reads as no fill

    @property
    def is_optional(self) -> bool:
        """`1 (OPTIONAL)`: an incident a system may report or not (missing it costs nothing)."""
        return "OPTIONAL" in " ".join(self.slots.get("MESSAGE: TEMPLATE", []))


def find_files(path: Path) -> tuple[list[Path], list[Path]]:
    """The message files and key files in a MUC folder (searched recursively) or the file given."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    keys = [p for p in files if p.name.startswith("key-")]
    texts = [
        p
        for p in files
        if not p.name.startswith(("key-", "README", "text-headers"))
        and p not in keys
        and re.match(r"(dev|tst\d)-muc\d", p.name)
    ]
    if not texts or not keys:
        raise EvalDataError(
            f"{path}: no MUC message files and key-* files inside (give e.g. "
            "../shared/eval/events-muc4/raw/TASK/CORPORA/dev)"
        )
    return texts, keys


def read_messages(path: Path) -> list[Message]:
    text = path.read_text(encoding="latin-1")
    starts = list(MESSAGE_ID.finditer(text))
    messages = []
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        messages.append(message_from(match.group(1), text[match.end() : end]))
    return messages


def message_from(message_id: str, raw: str) -> Message:
    dateline = DATELINE.match(raw)
    if dateline is None:
        return Message(message_id, paragraphs(raw), "", None)
    body = LEADING_HEADERS.sub("", raw[dateline.end() :])
    written = " ".join(dateline.group(0).split())
    return Message(message_id, paragraphs(body), dateline["place"].strip(), parse_day(dateline["date"]), written)


def paragraphs(raw: str) -> str:
    """Paragraphs (blank-line separated in the files) kept apart, lines inside one joined by a space."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip()) for block in re.split(r"\n\s*\n", raw)
    ]
    return "\n\n".join(b for b in blocks if b)


def parse_day(value: str) -> date | None:
    """`30 DEC 89` -> 1989-12-30; None for `NO DATE` or a day without a year."""
    try:
        return datetime.strptime(value.strip().title(), "%d %b %y").date()
    except ValueError:
        return None


def read_templates(path: Path) -> list[Template]:
    templates: list[Template] = []
    slot = None
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        match = SLOT_LINE.match(line)
        if match and match.group(2) == "MESSAGE: ID":
            templates.append(Template((match.group(3) or "").split()[0]))
        if match:
            slot = match.group(2)
            templates[-1].slots[slot] = fill_lines(match.group(3))
        elif templates and slot:
            templates[-1].slots[slot] += fill_lines(line)
    return templates


def fill_lines(value: str | None) -> list[str]:
    value = (value or "").strip()
    return [] if value in ("", "-", "*") else [value]


def read_corpus(path: Path) -> tuple[list[Message], dict[str, list[Template]]]:
    """Every message under `path`, and the incident templates of each message id."""
    texts, keys = find_files(path)
    messages = [m for p in texts for m in read_messages(p)]
    by_id: dict[str, list[Template]] = {m.id: [] for m in messages}
    for key in keys:
        for template in read_templates(key):
            if template.message_id in by_id and template.is_incident:
                by_id[template.message_id].append(template)
    if not messages:
        raise EvalDataError(f"{path}: no MUC messages found in {', '.join(p.name for p in texts)}")
    return messages, by_id
