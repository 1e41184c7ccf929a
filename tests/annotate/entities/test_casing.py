"""Reports written in capitals are parsed in their words' usual case; the article's text is untouched."""

from __future__ import annotations

from collections import Counter

from click.testing import CliRunner

import wirescope
from wirescope.annotate.entities.casing import casing_forms, count_forms, in_capitals, usual_case
from wirescope.cli import cli

BULLETIN = (
    "SAN SALVADOR, 14 MAR 90 (RADIO REPORT) -- FMLN GUERRILLAS KIDNAPPED ALFREDO MARTINEZ, THE MAYOR "
    "OF SAN MIGUEL, LAST NIGHT. POLICE SAID THE MAYOR WAS TAKEN FROM HIS HOME."
)


def test_a_report_in_capitals_is_told_from_an_article_with_a_capital_headline():
    assert in_capitals(BULLETIN)
    article = "ARMY RETAKES TOWN\n\nThe army said on Monday it had retaken the town after two days of fighting."
    assert not in_capitals(article)
    assert not in_capitals("UN SAYS")  # too short to tell
    standings = "NHL ICE HOCKEY - STANDINGS\nW L T GF GA PTS\nHARTFORD 12 7 6 77 76 30\nBUFFALO 13 11 3 80 71 29\n"
    assert not in_capitals(standings)  # a table of figures, not a report


def test_the_usual_case_copy_keeps_every_offset():
    copy = usual_case(BULLETIN)
    assert len(copy) == len(BULLETIN)
    assert copy.upper() == BULLETIN.upper()
    assert "FMLN guerrillas kidnapped Alfredo Martinez, the mayor of San Miguel" in copy
    assert "Police said the mayor was taken from his home." in copy  # a sentence's first word, common words


def test_the_parse_reads_the_copy_and_the_record_quotes_the_report():
    article = wirescope.process(BULLETIN, published="1990-03-14")
    assert article.text == BULLETIN
    people = [article.text_of(m.span) for m in article.mentions if m.label == "PERSON"]
    assert "ALFREDO MARTINEZ" in people  # read in capitals, the parse finds "MARTINEZ" and "MAYOR"
    [record] = [r for r in article.event_records if r.type == "ASSAULT"]  # in capitals: no event at all
    assert record.target is not None and record.target.value == "ALFREDO MARTINEZ"


def test_the_table_counts_words_where_no_sentence_starts_and_skips_headlines():
    texts = [
        "Rebels Seize Border Town In Night Raid\nOn Monday the rebels met Gilda in Quito. Rebels left.",
        "Aid reached Quito and the rebels withdrew.",
    ]
    forms = count_forms(texts)
    assert forms["quito"] == Counter({"Quito": 2})
    assert "seize" not in forms  # the title-case headline
    assert forms["rebels"] == Counter({"rebels": 2})  # "Rebels" opening a sentence is not counted
    table = casing_forms(forms, names=["Gilda Flores", "Hector Young"])
    assert "young" not in table  # a common word, even in a name
    assert table["quito"] == "Quito" and table["gilda"] == "Gilda" and table["hector"] == "Hector"
    assert "rebels" not in table


def test_train_casing_writes_a_table_from_text_folders(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Fighting near Kunduz went on. Officials in Kunduz said so.", encoding="utf-8")
    out = tmp_path / "casing.json.gz"
    result = CliRunner().invoke(cli, ["train", "casing", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "written with capitals" in result.output and out.stat().st_size > 0
