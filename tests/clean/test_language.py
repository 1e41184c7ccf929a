"""Language is detected per article; only English is annotated, the rest is stored and counted."""

from __future__ import annotations

import pytest

import wirescope
from tests.conftest import DEMO
from wirescope.clean import clean
from wirescope.clean.language import detect_language
from wirescope.run import ingest
from wirescope.sources import RawDocument, read_paths

# Written for these tests: the same short news report in each language.
REPORTS = {
    "ar": "قال المتحدث باسم الحكومة إن القوات سيطرت على المدينة يوم الاثنين. وأضاف أن المقاتلين انسحبوا نحو الجبال "
    "بعد اشتباكات استمرت ثلاثة أيام، وأكد أن المدنيين عادوا إلى بيوتهم.",
    "ps": "د حکومت ویاند وویل چې ځواکونو د دوشنبې په ورځ ښار ونیو. هغه زیاته کړه چې جنګیالي د درې ورځو "
    "جګړې وروسته غرونو ته شاته شول او ملکي خلک خپلو کورونو ته ستانه شول.",
    "ru": "Представитель правительства заявил, что войска заняли город в понедельник. По его словам, боевики "
    "отступили в горы после трёхдневных боёв, а мирные жители вернулись в свои дома.",
    "zh": "政府发言人说，部队星期一控制了该城市。他补充说，经过三天的战斗，武装分子撤退到山区，平民已经返回家园。",
    "fr": "Le porte-parole du gouvernement a déclaré que les forces avaient pris la ville lundi. Selon lui, les "
    "combattants se sont repliés vers les montagnes après trois jours de combats.",
}


@pytest.mark.parametrize("language, text", REPORTS.items())
def test_non_english_report_is_detected(language, text):
    assert detect_language(text) == language


@pytest.mark.parametrize("path", sorted(DEMO.iterdir()), ids=lambda p: p.name)
def test_demo_articles_are_english(path):
    assert clean(RawDocument(str(path), path.read_bytes())).language == "en"


@pytest.mark.parametrize("text", ["Kabul, Monday.", "Ahmad Massoud, Amrullah Saleh, Panjshir", "NRF: 14:00 UTC"])
def test_short_latin_text_the_detector_is_unsure_of_is_english(text):
    assert detect_language(text) == "en"


def test_arabic_report_is_stored_with_its_language_not_annotated_and_counted(tmp_path):
    for language, text in REPORTS.items():
        (tmp_path / f"{language}.txt").write_text(text, encoding="utf-8")
    english = sorted(DEMO.glob("*.txt"))[0]
    with wirescope.open_store("memory") as store:
        report = ingest(read_paths([str(tmp_path), str(english)]), store)
        assert not report.rejected and len(report.stored) == 6 and len(report.not_annotated) == 5
        counts = store.counts()
        assert counts["not annotated (not English)"] == 5
        stored = {a.source.uri.rsplit("/", 1)[-1]: a for a in map(store.article, report.stored)}
    arabic = stored["ar.txt"]
    assert arabic.language == "ar" and arabic.text == REPORTS["ar"]
    assert not arabic.mentions and not arabic.quotes and not arabic.actors and not arabic.events
    assert stored[english.name].language == "en" and stored[english.name].mentions
