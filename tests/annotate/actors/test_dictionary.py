"""The actor dictionary: built from the kb reproducibly, read with the article's date.

The kb is read from ../shared/kb (skipped on a fresh clone); the packaged files are read from
the package. Dates in the tables are the facts the kb and the overlay record.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from datetime import date

import pytest

import wirescope
from tests.conftest import ROOT, need_shared
from wirescope.annotate.actors.dictionary import load_dictionary
from wirescope.annotate.actors.names import DatedRole, KnownActor, Registry

KB = ROOT.parent / "shared" / "kb"
DATA = ROOT / "src/wirescope/data/actors"
BUILD_SCRIPT = ROOT / "scripts/build_actor_dictionary.py"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script("build_actor_dictionary")
readers = _script("actor_kb_readers")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_dictionary()


# --- the build script ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("011222", "2001-12-22"),  # two-digit years cross the century
        ("650101", "1965-01-01"),
        ("000101", "2000-01-01"),
        ("19270101", "1927-01-01"),
        ("20040931", "2004-09-30"),  # impossible day: the month's last day
        ("201005011", None),  # nine digits: malformed
        ("20041301", None),
    ],
)
def test_kb_dates_are_read_despite_their_traps(raw, iso):
    assert readers.parse_date(raw) == iso


@pytest.mark.parametrize(
    "body, parsed",
    [
        ("AFGGOV >011222", ["AFGGOV", "2001-12-22", ""]),
        ("AFGGOV <20041231", ["AFGGOV", "", "2004-12-31"]),
        ("AFGELI 320101-331108", ["AFGELI", "1932-01-01", "1933-11-08"]),
        ("USAELI 180101-450703", ["USAELI", "1918-01-01", "1945-07-03"]),
        ("AFGELI", ["AFGELI", "", ""]),
        ("GBRGOV >201005011", None),
        ("IRQOCC 1920030320-20060520", None),
    ],
)
def test_code_restrictions(body, parsed):
    assert readers.parse_restriction(body) == parsed


@pytest.mark.parametrize(
    "phrase, person, name",
    [
        ("HAMID_KARZAI_", True, "Hamid Karzai"),
        ("AL-QAEDA_", False, "al-Qaeda"),
        ("UN_", False, "UN"),
        ("BAN_KI-MOON_", True, "Ban Ki-moon"),
        ("JOHN_MCCAIN_", True, "John McCain"),
        ("NATIONAL_RESISTANCE_FRONT_OF_AFGHANISTAN_", False, "National Resistance Front of Afghanistan"),
    ],
)
def test_display_names_of_upper_case_phrases(phrase, person, name):
    assert readers.display_name(phrase, person) == name


def test_an_intelligence_community_record_does_not_make_the_cia_the_nsa():
    """Regression: Phoenix lists CIA and NSA as synonyms of US_INTELLIGENCE_COMMUNITY_."""
    assert not build.same_organisation("CIA", "US Intelligence Community", [])
    assert build.same_organisation("Al Qaida", "al-Qa'ida", [])
    assert build.same_organisation("AAIA", "Aden Abyan Islamic Army", [])


def test_the_shipped_file_is_what_the_build_script_makes_from_the_kb(tmp_path):
    kb = need_shared(KB)
    out = tmp_path / "kb_actors.json.gz"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), str(kb), str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (DATA / "kb_actors.json.gz").read_bytes()


def test_the_shipped_files_are_compact_and_carry_their_notices():
    assert (DATA / "kb_actors.json.gz").stat().st_size < 3_000_000
    notice = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    assert "MIT License" in notice and "Attribution-ShareAlike 3.0" in notice


def test_the_kb_file_holds_states_persons_organisations_and_death_dates():
    data = json.loads(gzip.decompress((DATA / "kb_actors.json.gz").read_bytes()))
    types = {a.get("type", "") for a in data["actors"]}
    assert {"GPE", "PERSON", "ORG"} <= types
    assert len(data["actors"]) > 20_000 and sum(1 for a in data["actors"] if a.get("died")) > 500
    assert data["demonyms"]["Afghan"] == "AFG"


# --- dated roles with the article's date ----------------------------------------------------------


def test_an_open_role_in_the_kb_is_not_today_s_role():
    role = DatedRole("AFGGOV", "", "2001-12-22", "", "2014-01-30")
    assert role.holds_on(date(2010, 1, 1)) is True
    assert role.holds_on(date(1999, 1, 1)) is False
    assert role.holds_on(date(2021, 8, 30)) is None  # after the kb's last update: unknown


@pytest.mark.parametrize(
    "name, on, standing",
    [
        ("Hamid Karzai", date(2010, 6, 1), "President of Afghanistan"),
        ("Hamid Karzai", date(2021, 8, 30), "former president"),
        ("Ashraf Ghani", date(2016, 6, 1), "President of Afghanistan"),
        ("Ashraf Ghani", date(2003, 6, 1), "AFGGOVBUS"),  # the kb: finance minister then
        ("Taliban", date(2010, 6, 1), "insurgency"),
        ("Taliban", date(2021, 9, 1), "government in Kabul"),
        ("Mohammad Zahir Shah", date(2021, 8, 30), "died 2007-07-23"),
        ("Ban Ki-moon", date(2021, 8, 30), "former"),
    ],
)
def test_roles_are_read_on_the_article_s_date(registry, name, on, standing):
    known, _, reason = registry.full_name(name, on=on)
    assert standing in known.standing_on(on) and standing in reason


def test_death_dates_come_from_countryinfo(registry):
    known = registry.full_name("Mohammad Zahir Shah")[0]
    assert known.died == "2007-07-23"
    assert known.died_before(date(2008, 1, 1)) and not known.died_before(date(2007, 1, 1))


def test_the_date_chooses_between_two_people_with_one_surname():
    old = KnownActor("Ali Ahmadi", "PERSON", surnames=("Ahmadi",), died="1990-01-01")
    new = KnownActor("Hassan Ahmadi", "PERSON", surnames=("Ahmadi",))
    registry = Registry([old, new])
    assert registry.surname("Ahmadi") is None  # no date: two candidates
    assert registry.surname("Ahmadi", on=date(2021, 1, 1))[0] is new


def test_the_dead_are_still_named(registry):
    known = registry.full_name("Ahmad Shah Massoud", on=date(2021, 8, 30))[0]
    assert known.canonical == "Ahmad Shah Massoud" and known.died == "2001-09-09"


@pytest.mark.parametrize(
    "name, canonical, type_",
    [
        ("Reuters", "Reuters", "ORG"),
        ("AFP", "Agence France-Presse", "ORG"),
        ("USA", "United States", "GPE"),
        ("Russian Federation", "Russia", "GPE"),
        ("IRAN", "Iran", "GPE"),  # a dateline in capitals
        ("Kofi Annan", "Kofi Annan", "PERSON"),  # from the kb alone
        ("UNHCR", "United Nations High Commissioner for Refugees", "ORG"),
    ],
)
def test_outlets_agencies_and_states(registry, name, canonical, type_):
    known = registry.full_name(name)[0]
    assert (known.canonical, known.type) == (canonical, type_)


def test_a_city_is_not_its_state(registry):
    """Regression: Phoenix codes "Kabul" as the Afghan state; as an actor alias it merged the
    place into Afghanistan."""
    assert registry.full_name("Kabul") is None


def test_demonyms_come_from_countryinfo(registry):
    assert registry.state_of_demonym("Ukrainian") == "Ukraine"
    assert registry.state_of_demonym("American") == "United States"


# --- the setting ----------------------------------------------------------------------------------


def test_the_dictionary_can_be_switched_off(monkeypatch):
    from wirescope.annotate.actors import dictionary

    text = "US troops left the airport. America had promised to stay."
    settings = wirescope.Settings(pipeline="parse,actors")
    monkeypatch.setenv("WIRESCOPE_ACTOR_DICTIONARY", "off")
    dictionary.curated_registry.cache_clear()
    try:
        off = {a.name for a in wirescope.process(text, settings=settings).actors}
    finally:
        monkeypatch.delenv("WIRESCOPE_ACTOR_DICTIONARY")
        dictionary.curated_registry.cache_clear()
    on = {a.name for a in wirescope.process(text, settings=settings).actors}
    assert "United States" in on and "United States" not in off
