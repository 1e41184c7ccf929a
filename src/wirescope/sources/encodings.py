"""Telling a document's encoding from its bytes: byte order marks, UTF-16/32 without one, the
charset a page declares, and which single-byte code page a non-UTF-8 file was written in.

Single-byte code pages cannot be told apart by their bytes (every byte is valid in Latin-1), only
by what the text then says. Two facts decide, in this order:

1. Bytes 0x80-0x9F are C1 control characters in Latin-1, which no text uses, and punctuation
   in cp1252 (curly quotes, dashes, the euro sign): a file with them is cp1252, one without them
   reads the same in both and is called Latin-1.
2. Against other code pages (cp775, the Baltic DOS page that charset-normalizer picked for Latin-1
   text), each candidate decoding is scored by how many of its words with a non-ASCII letter are
   real words of a language that code page is written in (wordfreq's lists), less a penalty for
   box-drawing and other symbols, which a prose text hardly has. The highest score wins.

What it gets wrong: a text with no non-ASCII word at all gives every candidate the same score;
then the first (Latin-1/cp1252) wins, which for such a text gives the same characters anyway.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from wordfreq import zipf_frequency

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The single-byte code pages tried, each with the languages written in it (wordfreq codes).
CODE_PAGES = {
    "cp1252": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ca", "is"),
    "cp775": ("lv", "lt", "de", "pl"),
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "ro", "sh"),
    "cp1251": ("ru", "uk", "bg", "mk"),
}
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_C1_PUNCTUATION = re.compile(rb"[\x80-\x9f]")
SAMPLE_BYTES = 65536


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark names, and the mark's length."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a mark, told by where the zero bytes fall in mostly-ASCII text
    (every other byte is zero in UTF-16, three in four in UTF-32). Text in a non-Latin script has
    few zero bytes and is not caught: it needs its mark or --encoding."""
    head = data[:4096]
    if len(head) < 8 or head.count(0) < len(head) // 4:
        return None
    quarters = [head[i::4].count(0) / max(1, len(head[i::4])) for i in range(4)]
    # The byte that carries the character must be non-zero: a run of zero bytes is not text.
    if quarters[1] > 0.9 and quarters[2] > 0.9 and quarters[3] > 0.9 and quarters[0] < 0.1:
        return "utf-32-le"
    if quarters[0] > 0.9 and quarters[1] > 0.9 and quarters[2] > 0.9 and quarters[3] < 0.1:
        return "utf-32-be"
    even, odd = (quarters[0] + quarters[2]) / 2, (quarters[1] + quarters[3]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML meta tag or an XML declaration names near the top, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def single_byte_encoding(data: bytes) -> str:
    """Which code page a non-UTF-8 text was most likely written in (see the module docstring)."""
    sample = data[:SAMPLE_BYTES]
    scores = {name: _plausibility(sample, name, languages) for name, languages in CODE_PAGES.items()}
    best = max(scores, key=lambda name: scores[name])  # first wins a tie: the dict's order is the preference
    if best == "cp1252" and not _C1_PUNCTUATION.search(sample):
        return "latin-1"
    return best


def _plausibility(sample: bytes, encoding: str, languages: tuple[str, ...]) -> float:
    text = sample.decode(encoding, errors="replace")
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    symbols = sum(1 for c in text if unicodedata.category(c) in ("So", "Sm", "Co", "Cn") or c == "\ufffd")
    if not words:
        return -symbols
    known = sum(1 for w in words if any(zipf_frequency(w.lower(), lang) > 1.0 for lang in languages))
    return known / len(words) - symbols / max(1, len(words))


__all__ = ["bom_encoding", "declared_encoding", "single_byte_encoding", "utf16_without_bom"]
