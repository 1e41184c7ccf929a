"""Readers of the reference knowledge base for scripts/build_actor_dictionary.py.

The Phoenix/PETRARCH2 actor files (TABARI format: primary phrase, "+" synonyms, tab-indented
"[CODE dates]" restrictions) and CountryInfo.txt ("almost but not quite XML"), read into plain
dicts; upper-case phrases made into readable names; the kb's date traps handled (see
build_actor_dictionary.py's docstring and ../shared/kb/*/SOURCE.md).
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import Any

PHOENIX_FILES = {
    "Phoenix.Countries.actors.txt": "phoenix-countries",
    "Phoenix.International.actors.txt": "phoenix-international",
    "Phoenix.MilNonState.actors.txt": "phoenix-milnonstate",
}
COUNTRYINFO_FILE = "countryinfo/CountryInfo.120116.txt"
LAST_TWO_DIGIT_2000S = 16  # YY <= 16 is 20YY: no kb date is later than 2016
BRACKET = re.compile(r"\[([^\]]*)\]")
CODE_RESTRICTION = re.compile(r"^([A-Z~-]{3,})\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$")
LEADER_LINE = re.compile(r"^([A-Z][A-Z0-9_.'\-]*)\s+\[\s*(>?)\s*(\d{8})?\s*(?:-\s*(\d{8}))?\s*\]")
LIFE_DATE = re.compile(r"\[([BD]):(\d{8})\]")
ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z][A-Z0-9.&-]{1,9})\)\s*$")
LOWER_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "du", "del", "della", "di", "von", "van", "der", "den"}
LOWER_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "a", "an"} | LOWER_PARTICLES
ORG_WORDS = re.compile(
    r"\b(ORGANI[SZ]ATION|AGENCY|COMMITTEE|COUNCIL|COMMISSION|FUND|BANK|UNION|ASSOCIATION|"
    r"INSTITUTE|FOUNDATION|PROGRAM|PROGRAMME|COURT|OFFICE|GROUP|FRONT|ARMY|PARTY|MOVEMENT|FORCES?|"
    r"CORPORATION|COMPANY|INC|INCORPORATED|CORP|LTD|PLC|LLC|HOLDINGS|INDUSTRIES|SYSTEMS|LABORATORIES|"
    r"ENERGY|PETROLEUM|TECHNOLOGIES|BANCORP|TRUST|ALLIANCE|ACADEMY|INTERNATIONAL|CENTER|CENTRE|SOCIETY|"
    r"FEDERATION|NETWORK|BRIGADES?|TRIBUNAL)\b"
)
PLACE_TAGS = ("Capital", "MajorCities", "Regions", "GeogFeatures")
ADJECTIVE_END = re.compile(r"(?:IAN|EAN|ESE|ISH)$")


# --- names ---------------------------------------------------------------------------------------


def phrase_words(phrase: str) -> list[str]:
    """ "HAMID_KARZAI_" -> ["HAMID", "KARZAI"]: underscores and blanks separate words."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]


def _word_case(word: str, first: bool, keep_acronyms: bool) -> str:
    if keep_acronyms and ("." in word or not re.search(r"[AEIOUY]", word) or re.search(r"\d", word)):
        return word
    parts = []
    for k, part in enumerate(word.split("-")):
        low = part.lower()
        if low in LOWER_PARTICLES and (not first or (k == 0 and len(word.split("-")) > 1)):
            parts.append(low)
        elif low.startswith("mc") and len(low) > 3:
            parts.append("Mc" + low[2:].capitalize())
        else:
            # "KI-MOON" -> "Ki-moon", but after a particle the name proper: "AL-QAEDA" -> "al-Qaeda"
            after_particle = k > 0 and parts[-1] in LOWER_PARTICLES
            parts.append(low.capitalize() if k == 0 or after_particle else low)
        first = False
    cased = "-".join(parts)
    # "O'BRIEN_" -> "O'Brien", but "QA'IDA_" -> "Qa'ida": capitals after a one-letter prefix only.
    return re.sub(r"^([A-Za-z])'(\w)", lambda m: m.group(1).upper() + "'" + m.group(2).upper(), cased)


def display_name(phrase: str, person: bool, gpe: bool = False) -> str:
    """A readable name for an upper-case phrase: "AL-QAEDA_" -> "al-Qaeda", "UN_" -> "UN".

    A guess: the dictionary has no case. The grouping step shows the article's own spelling
    when the article writes the name (names.py), so this matters only for names the article
    does not write out.
    """
    words = phrase_words(phrase.replace("(", " ( ").replace(")", " ) "))
    # "UN_", "NATO_", "USA_": a short single word of an organisation or state is an acronym;
    # states named by a short word ("IRAN_", "CUBA_") are four letters, acronyms of states three.
    short = 3 if gpe else 4
    short_org = not person and len(words) == 1 and len(words[0]) <= short
    out = []
    for i, w in enumerate(words):
        if short_org:
            out.append(w)
        elif i > 0 and w.lower() in LOWER_WORDS:
            out.append(w.lower())
        elif not person and len(w) == 2 and w.isalpha() and w.lower() not in LOWER_WORDS:
            out.append(w)  # "US_INTELLIGENCE_COMMUNITY_": a two-letter word of a name is an acronym
        else:
            out.append(_word_case(w, i == 0, keep_acronyms=not person))
    return re.sub(r"\( | \)", lambda m: m.group(0).strip(), " ".join(out))


def is_initials(acronym: str, name: str) -> bool:
    """ "AAIA" of "ADEN ABYAN ISLAMIC ARMY": its letters are the words' initials, in order
    (everything is upper case here, so a gloss like "(COUNTRY)" must be told apart this way)."""
    letters = iter(w[0] for w in name.split())
    return len(acronym) >= 2 and all(c in letters for c in acronym.replace(".", ""))


def names_of(phrase: str, person: bool, gpe: bool = False) -> list[str]:
    """The names one phrase gives: "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" gives the name and "AAIA";
    a bracketed gloss that is not an acronym ("AMERICA_(COUNTRY)_") is dropped."""
    text = " ".join(phrase_words(phrase))
    acronym = ACRONYM_IN_BRACKETS.search(text)
    names = []
    if acronym and is_initials(acronym.group(1), text[: acronym.start()]):
        names.append(acronym.group(1))
        text = text[: acronym.start()]
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()
    if text and not re.search(r"[()+,;]", text):
        names.insert(0, display_name(text, person, gpe))
    return names


# --- dates ---------------------------------------------------------------------------------------


def parse_date(raw: str) -> str | None:
    """ "011222" -> "2001-12-22", "19270101" -> "1927-01-01"; None when it is no calendar date."""
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= LAST_TWO_DIGIT_2000S else 1900 + yy
        month, day = int(raw[2:4]), int(raw[4:6])
    elif len(raw) == 8:
        year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 < year < 2100):
        return None
    day = min(day, calendar.monthrange(year, month)[1])  # "20040931": the month's last day
    return f"{year:04d}-{month:02d}-{day:02d}"


def _century_back(date: str) -> str:
    return f"{int(date[:4]) - 100:04d}{date[4:]}"


def parse_restriction(body: str) -> list[Any] | None:
    """ "AFGGOV >011222" -> ["AFGGOV", "2001-12-22", ""]; "" means open. None when malformed."""
    m = CODE_RESTRICTION.match(body.strip())
    if not m:
        return None
    code, sign, single, start_raw, end_raw = m.groups()
    if sign:
        date = parse_date(single)
        if date is None:
            return None
        return [code, date, ""] if sign == ">" else [code, "", date]
    if start_raw:
        start, end = parse_date(start_raw), parse_date(end_raw)
        if start is None or end is None:
            return None
        if start > end and len(start_raw) == 6:
            start = _century_back(start)
        return [code, start, end]
    return [code, "", ""]


# --- Phoenix dictionaries ------------------------------------------------------------------------


def read_phoenix(path: Path, stats: dict[str, int]) -> list[dict[str, Any]]:
    """Records of one Phoenix actor file: primary phrase, synonyms, code restrictions, comment."""
    records: list[dict[str, Any]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").replace("\x00", "").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            if comment and records and not raw.startswith("#") and not raw[:1].isspace():
                records[-1]["comment"] += comment
            continue
        if line[:1].isspace():
            if records:
                _add_codes(records[-1], line, stats)
                records[-1]["comment"] += comment
            continue
        text, codes = re.split(r"\[", line, maxsplit=1)[0], line
        if line.startswith("+"):
            if records:
                records[-1]["synonyms"].append(text[1:].strip())
                _add_codes(records[-1], codes[len(text) :], stats)
            continue
        records.append({"phrase": text.strip(), "synonyms": [], "codes": [], "comment": comment})
        _add_codes(records[-1], codes[len(text) :], stats)
    return records


def _add_codes(record: dict[str, Any], text: str, stats: dict[str, int]) -> None:
    for body in BRACKET.findall(text):
        if body.strip() in {"", "---"}:
            continue
        parsed = parse_restriction(body)
        if parsed is None:
            stats["malformed code brackets skipped"] += 1
        else:
            record["codes"].append(parsed)


def phoenix_type(record: dict[str, Any], source: str) -> str:
    """PERSON, ORG or GPE for a Phoenix record; "" when the file does not say."""
    codes = [c for c, _, _ in record["codes"]]
    if "CountryInfo.txt" in record["comment"] or "IGOrulers" in record["comment"]:
        return "PERSON"
    if source == "phoenix-countries" and codes and all(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
        return "GPE"
    if source == "phoenix-milnonstate" or ORG_WORDS.search(" ".join(phrase_words(record["phrase"]))):
        return "ORG"
    if any(start or end for _, start, end in record["codes"]) or any(c.endswith("ELI") for c in codes):
        return "PERSON"
    if source == "phoenix-countries":
        return "ORG"  # national institutions ("AFGHAN_NATIONAL_SECURITY_FORCES [AFGMIL]")
    return "ORG" if len(phrase_words(record["phrase"])) == 1 else ""


# --- CountryInfo ---------------------------------------------------------------------------------


def phrase_key(phrase: str) -> str:
    return " ".join(phrase_words(phrase)).upper()


def _singular_office(tag: str) -> str:
    """ "Prime ministers" -> "Prime minister", "Presidents of the revolutionary council" -> "President of ..."."""
    head, sep, rest = tag.partition(" of ")
    words = head.split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words) + (sep + rest if sep else "")


def read_countryinfo(path: Path, stats: dict[str, int]) -> list[dict[str, Any]]:
    """One dict per <Country> block: code, name, nationality list, place names, leaders, officials."""
    countries: list[dict[str, Any]] = []
    country: dict[str, Any] = {}
    section, office = "", ""
    for raw in path.read_bytes().replace(b"\x00", b"").decode("utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        stripped = line.strip()
        tag = re.fullmatch(r"<(/?)([^<>]+)>(?:([^<]*)</[^>]+>)?", stripped)
        if tag:
            closing, name, value = tag.groups()
            if name == "Country" and not closing:
                country = {"code": "", "name": "", "Nationality": [], "places": set(), "leaders": [], "government": []}
                countries.append(country)
            elif value is not None and name == "CountryCode":
                country["code"] = value.strip()
            elif value is not None and name == "CountryName":
                country["name"] = value.strip()
            elif name in ("Nationality", "Leaders", "Government", *PLACE_TAGS):
                section = "" if closing else name
            elif section == "Leaders":
                office = "" if closing else _singular_office(name)
            continue
        if not stripped or not country:
            continue
        if section == "Nationality":
            country["Nationality"].append(stripped)
        elif section in PLACE_TAGS:
            country["places"].add(phrase_key(stripped))
        elif section == "Leaders" and office:
            _read_leader(country, office, stripped, stats)
        elif section == "Government":
            _read_official(country, stripped, comment.strip(), stats)
    return [c for c in countries if c["code"]]


def _read_leader(country: dict[str, Any], office: str, line: str, stats: dict[str, int]) -> None:
    m = LEADER_LINE.match(line)
    if not m:
        stats["unreadable leader lines skipped"] += 1
        return
    phrase, _open, start_raw, end_raw = m.groups()
    start = parse_date(start_raw) if start_raw else ""
    end = parse_date(end_raw) if end_raw else ""
    life = {k: parse_date(v) for k, v in LIFE_DATE.findall(line)}
    country["leaders"].append(
        {
            "phrase": phrase,
            "office": [office, country["code"], start or "", end or ""],
            "born": life.get("B") or "",
            "died": life.get("D") or "",
        }
    )


def _read_official(country: dict[str, Any], line: str, title: str, stats: dict[str, int]) -> None:
    phrase = re.split(r"\s*\[", line, maxsplit=1)[0].strip()
    if not phrase:
        return
    for body in BRACKET.findall(line):
        parsed = parse_restriction(body)
        if parsed is None:
            stats["malformed government brackets skipped"] += 1
            continue
        _, start, end = parsed
        country["government"].append({"phrase": phrase, "office": [title or "official", country["code"], start, end]})


def demonyms_of(country: dict[str, Any]) -> list[str]:
    """Nationality adjectives: CountryInfo lists the adjective first ("AFGHAN_", "AMERICAN_"),
    then spellings of the name (many misspelt: "ADHIRBAYJAN_"); a later entry counts when it ends
    like an adjective (-ian, -ean, -ese, -ish) and starts like the country's name ("ARGENTINIAN_")."""
    out = []
    stem = country["name"][:4]
    for k, item in enumerate(country["Nationality"]):
        word = " ".join(phrase_words(item))
        if "(" in word or re.search(r"(STAN|LAND|IA)$", word):
            continue
        if k == 0 or (ADJECTIVE_END.search(word) and len(word.split()) == 1 and word.startswith(stem)):
            out.append(display_name(word, person=True))
    return list(dict.fromkeys(out))
