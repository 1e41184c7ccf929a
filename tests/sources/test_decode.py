"""Documents are told apart by content, and decoded with the right encoding."""

from __future__ import annotations

import pytest

from wirescope.errors import DocumentError
from wirescope.sources.decode import check_is_text, decode, is_html
from wirescope.sources.document import RawDocument


@pytest.mark.parametrize(
    "text, html",
    [
        ("<!DOCTYPE html><html><body><p>Fighting near Kabul.</p></body></html>", True),
        ("\n  <html lang='en'><head><title>x</title></head><body>y</body></html>", True),
        ("<div class='story'><p>One.</p><p>Two.</p></div>", True),
        ("Fighting near Kabul, officials said.\n\nThe talks ended.", False),
        ("A story that mentions the <p> tag and an <html> element in passing, as prose does.", False),
        ("Kabul (Reuters) - The Taliban said on Tuesday that 5 < 6 and 7 > 3 in any count.", False),
    ],
)
def test_html_is_told_from_text_by_content(text, html):
    assert is_html(text) is html


def test_a_byte_order_mark_is_dropped():
    text, encoding = decode(RawDocument("a.txt", "\ufeffKabul".encode("utf-8")))
    assert (text, encoding) == ("Kabul", "utf-8")


def test_windows_1252_is_detected():
    data = (
        "The minister\u2019s statement \u2014 issued in Kabul \u2014 was brief, a caf\u00e9 owner said.".encode(
            "cp1252"
        )
        * 3
    )
    text, _ = decode(RawDocument("a.txt", data))
    assert "minister\u2019s statement \u2014 issued" in text


def test_a_forced_encoding_that_does_not_fit_is_an_error():
    with pytest.raises(DocumentError, match="cannot decode as ascii"):
        decode(RawDocument("a.txt", "caf\u00e9".encode("utf-8"), encoding="ascii"))


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03binary", "binary file"),
    ],
)
def test_non_documents_are_refused_with_the_reason(data, reason):
    with pytest.raises(DocumentError, match=reason):
        check_is_text(RawDocument("x.bin", data))
