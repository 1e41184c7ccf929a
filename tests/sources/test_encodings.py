"""Encodings: UTF-16/32 with or without a mark, declared charsets, and Latin-1 vs cp1252 vs cp775
told apart on real text (samples written for these tests)."""

from __future__ import annotations

import pytest

from wirescope.clean import clean
from wirescope.errors import DocumentError
from wirescope.sources.decode import check_is_text, decode
from wirescope.sources.document import RawDocument

FRENCH = "Le ministre a déclaré à Kaboul que l'armée était prête ; les élèves ont quitté l'école près du marché."
GERMAN = "Der Minister erklärte in Kabul, dass die Straßen gesperrt wären und die Bürger früh heimkehren müssten."
LATVIAN = "Ministrs paziņoja, ka ceļi ir slēgti un iedzīvotājiem jāpaliek mājās līdz pirmdienas rītam."
LITHUANIAN = "Ministras pareiškė, kad keliai uždaryti, o gyventojai turi likti namuose iki pirmadienio ryto."
ENGLISH_CP1252 = "The minister said \u201cwe will stay\u201d \u2014 and the caf\u00e9 owner agreed, for \u20ac5."
ENGLISH = "Fighters held the valley on Monday, the governor of Panjshir told reporters in Kabul."


@pytest.mark.parametrize(
    "text, written_in, read_as",
    [
        (FRENCH, "latin-1", "latin-1"),
        (GERMAN, "latin-1", "latin-1"),
        (ENGLISH_CP1252, "cp1252", "cp1252"),
        (LATVIAN, "cp775", "cp775"),
        (LITHUANIAN, "cp775", "cp775"),
        (GERMAN, "cp775", "cp775"),
    ],
)
def test_latin1_cp1252_and_cp775_are_told_apart_by_the_words_they_make(text, written_in, read_as):
    decoded, encoding = decode(RawDocument("a.txt", text.encode(written_in)))
    assert (decoded, encoding) == (text, read_as)


def test_latin1_is_no_longer_decoded_as_cp775_mojibake():
    article = clean(RawDocument("fr.txt", (FRENCH + "\n\n" + FRENCH.replace("Kaboul", "Hérat")).encode("latin-1")))
    assert article.text.startswith("Le ministre a déclaré") and article.source.encoding == "latin-1"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_read(encoding):
    text, found = decode(RawDocument("a.txt", ENGLISH.encode(encoding)))
    assert text == ENGLISH and found.replace("-le", "").replace("-be", "") in encoding


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_mark_are_read_not_refused_as_binary(encoding):
    doc = RawDocument("a.txt", ENGLISH.encode(encoding))
    check_is_text(doc)
    assert decode(doc) == (ENGLISH, encoding)


def test_utf16_with_forced_encoding_cleans():
    article = clean(RawDocument("a.txt", ENGLISH.encode("utf-16-le"), encoding="utf-16-le"))
    assert article.text == ENGLISH


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_declared_charset_is_used(declaration):
    page = f"<html><head>{declaration}<title>t</title></head><body><p>{ENGLISH_CP1252}</p></body></html>"
    text, encoding = decode(RawDocument("a.html", page.encode("cp1252")))
    assert ENGLISH_CP1252 in text and encoding == "cp1252"


def test_declared_charset_that_lies_falls_back_to_detection():
    page = f'<html><head><meta charset="ascii"></head><body><p>{FRENCH}</p></body></html>'
    text, encoding = decode(RawDocument("a.html", page.encode("utf-8")))
    assert FRENCH in text and encoding == "utf-8"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ],
)
def test_known_binary_formats_are_refused_with_their_name(data, reason):
    with pytest.raises(DocumentError, match=reason):
        check_is_text(RawDocument("x.bin", data))
