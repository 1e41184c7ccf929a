"""`wirescope eval quotes`: the PolNeAR brat reader and the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, need_shared
from wirescope.api import as_given
from wirescope.errors import DocumentError
from wirescope.eval.quotes import (
    Attribution,
    Report,
    attributions_of,
    evaluate,
    format_report,
    read_polnear,
    read_standoff,
    score_document,
)
from wirescope.record import Participant, Quote, Span

TEXT = "“We will stay,” the mayor said. Officials said the bridge was safe.\n\nNobody else spoke."
# T1..T4: a direct quote with its source and cue; T5..T7 a reported clause; E3 has no source.
ANN = "\n".join(
    [
        "T1\tContent 0 15\t“We will stay,”",
        "T2\tSource 16 25\tthe mayor",
        "T3\tCue 26 30\tsaid",
        "T4\tAttribution 26 30\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        "T5\tSource 32 41\tOfficials",
        "T6\tCue 42 46\tsaid",
        "T7\tContent 47 67\tthe bridge was safe.",
        "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5",
        "T8\tContent 47 57;62 66\tthe bridge safe",
        "E3\tAttribution:T6 Content:T8 Cue:T6",
        "#1\tAnnotatorNotes T1\ta note the reader ignores",
    ]
)


def write(folder: Path, name: str, content: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def test_standoff_relations_become_attributions(tmp_path):
    gold = read_standoff(write(tmp_path, "a_0001.ann", ANN), TEXT)
    assert len(gold) == 3
    direct, reported, sourceless = gold
    assert direct.direct and not reported.direct
    assert TEXT[direct.sources[0].start : direct.sources[0].end] == "the mayor"
    assert TEXT[reported.cue[0].start : reported.cue[0].end] == "said"
    assert sourceless.sources == () and sourceless.contents == (Span(47, 57), Span(62, 66))


@pytest.mark.parametrize(
    "line, reason",
    [
        ("T1\tContent 5 x\tbad", "not 'START END'"),
        ("T1\tContent 10 2\tbad", "not 'START END'"),
        ("T1\tContent 0 999\tlong", "runs past the end"),
        ("T1\tContent\tno offsets", "a T line needs"),
        ("E1\tAttribution:T9 Content:T9", "no T line defines"),
    ],
)
def test_a_broken_standoff_line_is_reported_with_file_and_line(tmp_path, line, reason):
    path = write(tmp_path, "a_0001.ann", "T2\tCue 26 30\tsaid\n" + line)
    with pytest.raises(DocumentError) as err:
        read_standoff(path, TEXT)
    assert f"{path}:2" in str(err.value) and reason in str(err.value)


def test_a_polnear_folder_pairs_texts_with_the_first_annotator(tmp_path):
    write(tmp_path / "text", "story.txt", TEXT)
    write(tmp_path / "attributions", "story_aaaa.ann", ANN)
    write(tmp_path / "attributions", "story_bbbb.ann", "")
    write(tmp_path / "attributions", "orphan_cccc.ann", ANN)
    documents = list(read_polnear(tmp_path))
    assert [d.name for d in documents] == ["story"]
    assert len(documents[0].attributions) == 3


def test_a_folder_that_is_not_polnear_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="needs text/ and attributions/"):
        list(read_polnear(tmp_path))


def test_the_unannotated_article_keeps_the_offsets_and_splits_paragraphs():
    article = as_given(TEXT)
    assert article.text == TEXT
    assert [article.text_of(p) for p in article.paragraphs] == [TEXT.split("\n\n")[0], "Nobody else spoke."]


def _quote(start, end, kind="direct", cue=Span(26, 30), speaker=Span(16, 25)):
    return Quote(f"q{start}", kind, Span(start, end), Participant("the mayor", None, speaker), cue)


def test_quotes_sharing_a_cue_are_one_attribution():
    found = attributions_of([_quote(1, 13), _quote(40, 50, "partial"), _quote(45, 60, "indirect")])
    assert len(found) == 1
    assert found[0].contents == (Span(1, 13), Span(40, 60)) and found[0].direct


def test_a_perfect_prediction_scores_one_and_a_wrong_speaker_does_not(tmp_path):
    gold = read_standoff(write(tmp_path, "a_0001.ann", ANN), TEXT)[:2]
    perfect, wrong = Report(), Report()
    score_document(perfect, TEXT, gold, gold)
    misattributed = [Attribution(a.contents, (Span(70, 76),), a.cue, a.direct) for a in gold]
    score_document(wrong, TEXT, gold, misattributed)
    for measure in ("found (content overlaps)", "found with speaker", "attribution exact", "all spans overlap"):
        assert perfect.tally("all", measure).f1 == 1.0
    assert wrong.tally("all", "found (content overlaps)").f1 == 1.0
    assert wrong.tally("all", "found with speaker").f1 == 0.0


def test_bounds_ignore_quotation_marks_and_a_leading_that():
    text = "He said that the road is open. “Stay home,” she said."
    gold = [Attribution((Span(8, 29),), (), (Span(3, 7),)), Attribution((Span(31, 43),), (), (Span(48, 52),), True)]
    predicted = [
        Attribution((Span(13, 29),), (), (Span(3, 7),)),
        Attribution((Span(32, 41),), (), (Span(48, 52),), True),
    ]
    report = Report()
    score_document(report, text, gold, predicted)
    assert report.tally("all", "content exact").f1 == 1.0


@pytest.fixture(scope="module")
def dev_report():
    return evaluate(need_shared(EVAL / "quotes-polnear" / "data" / "dev"), limit=3)


def test_three_dev_articles_score_in_a_sane_range(dev_report):
    assert dev_report.documents == 3
    for group in ("direct", "indirect", "all"):
        for measure in ("found (content overlaps)", "found with speaker", "attribution exact", "all spans overlap"):
            tally = dev_report.tally(group, measure)
            assert 0.0 <= tally.f1 <= 1.0 and tally.gold > 0
    # Floors well below what the rules reach, so a regression that breaks attribution fails.
    assert dev_report.tally("direct", "found with speaker").f1 >= 0.6
    assert dev_report.tally("all", "found (content overlaps)").precision >= 0.7


def test_the_report_prints_every_group_and_measure(dev_report):
    printed = format_report(dev_report)
    assert printed.startswith("3 documents")
    for word in ("direct:", "indirect:", "all:", "found with speaker", "all spans overlap", "attribution exact"):
        assert word in printed


def test_the_cli_prints_the_figures_or_one_error_line(tmp_path):
    from wirescope.cli import cli

    runner = CliRunner()
    refused = runner.invoke(cli, ["eval", "quotes", str(tmp_path)])
    assert refused.exit_code == 2 and "not a PolNeAR folder" in refused.output
    write(tmp_path / "text", "story.txt", TEXT)
    write(tmp_path / "attributions", "story_aaaa.ann", ANN)
    scored = runner.invoke(cli, ["eval", "quotes", str(tmp_path)])
    assert scored.exit_code == 0, scored.output
    assert "1 documents" in scored.output and "found with speaker" in scored.output
