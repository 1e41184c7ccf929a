"""Build wirescope's packaged actor dictionary from the reference knowledge base.

usage: python scripts/build_actor_dictionary.py KB_DIR [OUT_FILE]
example: python scripts/build_actor_dictionary.py ../shared/kb src/wirescope/data/actors/kb_actors.json.gz

Reads the Phoenix/PETRARCH2 CAMEO actor dictionaries (KB_DIR/actors-petrarch2, MIT) and
CountryInfo.txt (KB_DIR/countryinfo, CC BY-SA 3.0) and writes one compact gzipped JSON file:
every actor with its display name, type, aliases, single-word names, CAMEO codes with their date
ranges, offices with tenure, birth and death dates, and the nationality adjectives of each state.
The kb is not in a user's clone: the derived file ships in the package, with the licence notices
beside it (src/wirescope/data/actors/NOTICE.md). The output is deterministic (sorted, gzip mtime 0),
so rebuilding from the same kb gives the same bytes (tests/annotate/actors/test_dictionary.py).

What is taken, and why:
- Countries: the name comes from the Phoenix primary phrase, aliases from CountryInfo's
  <CountryName> and <Nationality> only. Phoenix's country synonyms also list capitals, cities and
  provinces (CAMEO codes "Kabul" as the Afghan state), which would merge a place into the state.
- Persons: Phoenix records marked "# CountryInfo.txt" and IGO office holders, with every dated
  code; CountryInfo <Leaders> add the office title, tenure and birth/death dates, <Government> the
  minister's title. Single-word synonyms ("KARZAI_") become single names, used only when an
  article gives no full name.
- Organisations: national institutions in the Countries file, the International file (IGOs, NGOs,
  companies) and armed non-state groups (MilNonState). The agents file (generic nouns) is not taken.
Date traps handled: 6-digit YYMMDD dates take 20YY up to 2016 and 19YY above (the data stop in
2014), and a range whose start falls after its end moves the start back a century; an impossible
day (0931) becomes the month's last day; malformed brackets are skipped and counted.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the readers beside this script
from actor_kb_readers import (
    COUNTRYINFO_FILE,
    LOWER_WORDS,
    PHOENIX_FILES,
    demonyms_of,
    display_name,
    is_initials,
    names_of,
    phoenix_type,
    phrase_key,
    read_countryinfo,
    read_phoenix,
)

# --- assembly ------------------------------------------------------------------------------------


def _entry(name: str, type_: str, source: str) -> dict[str, Any]:
    return {"name": name, "type": type_, "aliases": [], "single": [], "source": source, "codes": [], "offices": []}


def _content_words(name: str) -> set[str]:
    """Words other than particles, as consonant skeletons so spellings agree ("qaeda" ~ "qa'ida")."""
    words = (re.sub(r"[^a-z]", "", w) for w in re.split(r"[\s-]+", name.lower()) if w not in LOWER_WORDS)
    return {w[0] + re.sub(r"[aeiouy]", "", w[1:]) for w in words if w}


def same_organisation(name: str, primary: str, kept: list[str]) -> bool:
    """Whether a synonym of an organisation names that organisation and not a neighbour.

    CAMEO groups actors by code, so one Phoenix record can list several bodies under one code
    ("US_INTELLIGENCE_COMMUNITY_" with "CIA", "NSA", "NATIONAL_SECURITY_AGENCY"); merged, the CIA
    and the NSA would be one actor. A synonym is kept when it shares at least half its content
    words with the primary phrase, or is an acronym of the primary or of a kept synonym.
    """
    words, main = _content_words(name), _content_words(primary)
    if words and len(words & main) * 2 >= len(words):
        return True
    letters = name.replace(".", "")
    if " " not in name and letters.isupper() and len(letters) <= 6:
        return any(
            is_initials(letters, full.upper()) and len(full.split()) >= len(letters) for full in [primary, *kept]
        )
    return False


def _add_name(entry: dict[str, Any], name: str) -> None:
    if len(name.split()) == 1 and entry["type"] == "PERSON":
        entry["single"].append(name)
    elif name != entry["name"]:
        entry["aliases"].append(name)


def build(kb: Path) -> tuple[dict[str, Any], dict[str, int]]:
    stats: dict[str, int] = defaultdict(int)
    countries = {c["code"]: c for c in read_countryinfo(kb / COUNTRYINFO_FILE, stats)}
    places = set().union(*(c["places"] for c in countries.values()))
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for file_name, source in PHOENIX_FILES.items():
        for record in read_phoenix(kb / "actors-petrarch2" / file_name, stats):
            if not record["codes"]:
                stats["records without a code skipped"] += 1
                continue
            type_ = phoenix_type(record, source)
            person = type_ == "PERSON"
            names = names_of(record["phrase"], person, type_ == "GPE")
            if not names:
                continue
            if type_ == "GPE":
                code = record["codes"][0][0]
                key = ("GPE", code)
            else:
                code, key = "", (type_, phrase_key(record["phrase"]))
            entry = entries.setdefault(key, _entry(names[0], type_, source))
            if code:
                entry["country"] = code
            for name in names[1:]:
                _add_name(entry, name)
            for synonym in record["synonyms"]:
                if type_ == "GPE" and (code in countries or phrase_key(synonym) in places):
                    continue  # a country's names come from CountryInfo; its cities are places, not the state
                for name in names_of(synonym, person, type_ == "GPE"):
                    if type_ != "ORG" or same_organisation(name, entry["name"], entry["aliases"]):
                        _add_name(entry, name)
                    else:
                        stats["organisation synonyms naming another body dropped"] += 1
            entry["codes"].extend(c for c in record["codes"] if c not in entry["codes"])
    demonyms: dict[str, str] = {}
    for code, country in sorted(countries.items()):
        entry = entries.get(("GPE", code))
        if entry is None:
            entry = entries.setdefault(
                ("GPE", code), _entry(display_name(country["name"], False, True), "GPE", "countryinfo")
            )
            entry["country"], entry["codes"] = code, [[code, "", ""]]
        for item in [country["name"], *country["Nationality"]]:
            for name in names_of(item, person=False, gpe=True):
                _add_name(entry, name)
        for adjective in demonyms_of(country):
            demonyms.setdefault(adjective, code)
        for person in country["leaders"] + country["government"]:
            key = ("PERSON", phrase_key(person["phrase"]))
            if key not in entries:
                stats["CountryInfo persons not in Phoenix added"] += 1
                names = names_of(person["phrase"], True) or [person["phrase"]]
                entries[key] = _entry(names[0], "PERSON", "countryinfo")
            target = entries[key]
            if person["office"] not in target["offices"]:
                target["offices"].append(person["office"])
            for life in ("born", "died"):
                if person.get(life) and not target.get(life):
                    target[life] = person[life]
    actors = [_compact(e) for e in sorted(entries.values(), key=lambda e: (e["type"], e["name"], e["source"]))]
    for a in actors:
        stats[f"actors {a.get('type') or 'untyped'}"] += 1
    stats["with a death date"] = sum(1 for a in actors if a.get("died"))
    return {"actors": actors, "demonyms": dict(sorted(demonyms.items()))}, stats


def _compact(entry: dict[str, Any]) -> dict[str, Any]:
    entry["aliases"] = sorted(set(entry["aliases"]) - {entry["name"]})
    entry["single"] = sorted(set(entry["single"]))
    return {k: v for k, v in entry.items() if v not in ([], "", None)}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    kb = Path(argv[1])
    out = Path(argv[2] if len(argv) == 3 else "src/wirescope/data/actors/kb_actors.json.gz")
    data, stats = build(kb)
    data = {
        "about": "Derived by scripts/build_actor_dictionary.py from the Phoenix/PETRARCH2 actor dictionaries "
        "(MIT) and CountryInfo.txt (CC BY-SA 3.0); see NOTICE.md beside this file.",
        **data,
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    for name, count in sorted(stats.items()):
        print(f"{name}: {count}")
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(payload):,} uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
