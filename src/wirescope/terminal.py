"""Text from documents made safe to print on a terminal, one character for one.

A file name or a title is data from strangers: a newline in it would forge an output line
("error: a.txt: ...\nstored 5 article(s)"), an escape sequence would drive the terminal (clear the
screen, retitle the window, hide text), and a right-to-left override would show a line reversed.
Each such character is shown as a visible stand-in of the same length (the Control Pictures
"␛" and "␤", or "�"), so offsets into the text still point at the same characters.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"
# Bidirectional embeddings, overrides and isolates: they reorder what follows them on the line.
BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
LINE_SEPARATORS = (0x2028, 0x2029, 0x85)


def _table(keep: str) -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20)}
    table[0x7F] = "\u2421"
    table.update(dict.fromkeys(range(128, 160), REPLACEMENT))
    table.update(dict.fromkeys(BIDI_CONTROLS, REPLACEMENT))
    table.update(dict.fromkeys(LINE_SEPARATORS, "␤"))
    for char in keep:
        table.pop(ord(char), None)
    return table


_ONE_LINE = _table(keep="")
_MULTI_LINE = _table(keep="\n\t")


def one_line(text: str) -> str:
    """For a field printed within one line (a file name, a title, an error reason)."""
    return text.translate(_ONE_LINE)


def multi_line(text: str) -> str:
    """For a text printed over several lines (an article): newlines and tabs are kept."""
    return text.translate(_MULTI_LINE)


__all__ = ["multi_line", "one_line"]
