"""Build src/wirescope/data/demonyms.json: nationality adjectives to ISO 3166-1 alpha-2 codes.

Source: CountryInfo.txt (Philip A. Schrodt, 2012, CC BY-SA 3.0), read from the shared reference
data at build time; only the derived adjective-to-code table ships, with its notice beside it
(src/wirescope/data/demonyms.LICENSE.txt).

Each <Country> block's <Nationality> list holds the adjectival forms first and then synonyms of
the country's name in several languages. An entry counts as an adjective when it is one or two
words ("NORTH_KOREAN_") and
ends like an English nationality word (-an, -ese, -i, -ish, -ch, -ic, -ot, ...): "AFGHAN_",
"PALESTINIAN_", "SWISS_"; "AFGHANESTAN_" and "DOWLAT_E_ESLAMI_YE_..." are not. An adjective that
two blocks list goes to the one that lists it first in its block, then to the sovereign state
(the block with a <COW-Numeric> code): "AMERICAN" is the United States, not American Samoa.
Misspelt country names in the lists ("AFGANISTAN_", "AZERBAIDJAN_") are left out by their endings.

The code comes from the block's ISO alpha-3 <CountryCode> through localis, not from its
<ISO3166-alpha2>: the file gives Israel "IS", which is Iceland's (and repeats GP, MZ, PG).

Run: python tools/build_demonyms.py ../shared/kb/countryinfo/CountryInfo.120116.txt
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import localis

OUT = Path(__file__).resolve().parents[1] / "src" / "wirescope" / "data" / "demonyms.json"
ADJECTIVE_ENDINGS = ("AN", "ESE", "I", "ISH", "CH", "IC", "OT", "ENE", "ITE", "EK", "SS", "ER", "OIS", "AIS", "INO")
# Endings of country names that the suffix test would take for adjectives ("BRUNEI", "MALI").
NAME_ENDINGS = ("STAN", "STAAN", "JAN", "ZAN", "YCAN", "DJAN")
NOT_ADJECTIVES = {
    "BRUNEI",
    "MALI",
    "HAITI",
    "FIJI",
    "MALAWI",
    "BURUNDI",
    "DJIBOUTI",
    "KIRIBATI",
    "OMAN",
    "IRAN",
    "SUDAN",
    "JAPAN",
    "TAIWAN",
    "PAKISTAN",
    "AFGHANISTAN",
    "BHUTAN",
    "JORDAN",
    "GABON",
    "CAMEROON",
    "LEBANON",
    "VATICAN",
    "KAZAKHSTAN",
    "MOLDOVA",
    "CHAD",
}


def blocks(text: str):
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        alpha3 = re.search(r"<CountryCode>\s*(\w{3})\s*</CountryCode>", block)
        nationality = re.search(r"<Nationality>(.*?)</Nationality>", block, re.S)
        sovereign = bool(re.search(r"<COW-Numeric>\s*\d+\s*</COW-Numeric>", block))
        country = localis.countries.lookup(alpha3.group(1)) if alpha3 else None
        if country and nationality:
            yield country.alpha2, sovereign, nationality.group(1)


def _two_word_adjective(word: str) -> bool:
    """ "NORTH_KOREAN", "SRI_LANKAN", "COSTA_RICAN"; not "CZECK_REPUBLIC" or "AUROBINDA_SARANI"."""
    last = word.split("_")[-1]
    return last.endswith(("AN", "ESE", "ER", "ISH", "INO")) and last not in ("REPUBLICAN", "PROPER")


def adjectives(listing: str) -> list[str]:
    found = []
    for line in listing.splitlines():
        word = line.split("#")[0].strip().rstrip("_")
        if (
            re.fullmatch(r"[A-Z]+(?:_[A-Z]+)?", word)
            and word.endswith(ADJECTIVE_ENDINGS)
            and not word.endswith(NAME_ENDINGS)
            and word not in NOT_ADJECTIVES
            and ("_" not in word or _two_word_adjective(word))
        ):
            found.append(word)
    return found


def build(source: Path) -> dict[str, str]:
    text = source.read_bytes().replace(b"\x00", b"").decode("utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    best: dict[str, tuple[int, bool, str]] = {}
    for alpha2, sovereign, listing in blocks(text):
        for rank, word in enumerate(adjectives(listing)):
            key = (rank, not sovereign)
            if word not in best or key < best[word][:2]:
                best[word] = (rank, not sovereign, alpha2)
    return {" ".join(w.capitalize() for w in word.split("_")): code for word, (_, _, code) in sorted(best.items())}


def main(argv: list[str]) -> None:
    table = build(Path(argv[1]))
    document = {
        "about": "Nationality adjectives to ISO 3166-1 alpha-2 country codes, derived by tools/build_demonyms.py "
        "from CountryInfo.txt (Philip A. Schrodt, 2012), CC BY-SA 3.0; see demonyms.LICENSE.txt.",
        "demonyms": table,
    }
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} adjectives")


if __name__ == "__main__":
    main(sys.argv)
