"""A keyword baseline for MUC-4, printed beside wirescope in `wirescope eval muc`.

Written from the task definition (the six incident types, the stages, the dateline as the date
anchor), not fitted to the train or dev keys; its word lists are in muc_vocabulary.py. Every
sentence holding an incident keyword is an incident:
- type: the first type whose keyword the sentence holds (specific types first);
- stage: THREATENED or ATTEMPTED on a threat or attempt word, ACCOMPLISHED otherwise;
- date: the dateline day moved by a relative day word in the sentence ("YESTERDAY"), else the
  dateline day;
- location: the dateline city (not "CLANDESTINE" or "NO CITY");
- perpetrator individual: the first generic perpetrator noun; organisation: an acronym the text
  puts in brackets or parentheses ("[FMLN]");
- targets: up to four words after a targeting verb ("KILLED THREE PEASANTS") or before its
  passive ("A BRIDGE WAS DYNAMITED"), human when a word is in HUMAN_NOUNS.
"""

from __future__ import annotations

import re
from datetime import timedelta

from wirescope.eval.muc_adapter import Incident
from wirescope.eval.muc_data import Message
from wirescope.eval.muc_vocabulary import (
    ATTEMPT_KEYWORDS,
    HUMAN_NOUNS,
    PERPETRATOR_NOUNS,
    RELATIVE_DAYS,
    TARGETING_VERBS,
    THREAT_KEYWORDS,
    TYPE_KEYWORDS,
)

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_ACRONYM = re.compile(r"[\[(]([A-Z]{2,8})[\])]")
_VERBS = "|".join(TARGETING_VERBS)
_STOP = r"(?!(?:IN|ON|AT|BY|WITH|FROM|NEAR|DURING|AND|WHO|WHEN|YESTERDAY|TODAY)\b)"
_PHRASE = rf"(?:{_STOP}[A-Z0-9'\"-]+ ?){{1,4}}"
_ACTIVE = re.compile(rf"\b(?:{_VERBS}) (?:(?:THE|A|AN) )?({_PHRASE})")
_PASSIVE = re.compile(rf"((?:[A-Z0-9'-]+ ){{1,4}})(?:WAS|WERE|HAVE BEEN|HAS BEEN) (?:{_VERBS})\b")


def has(sentence: str, stems: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(stem)}", sentence) for stem in stems)


def baseline_incidents(message: Message) -> list[Incident]:
    incidents = []
    for sentence in (m.group(0) for m in _SENTENCE.finditer(message.body)):
        kind = next((t for t, stems in TYPE_KEYWORDS if has(sentence, stems)), None)
        if kind is None:
            continue
        stage = (
            "THREATENED"
            if has(sentence, THREAT_KEYWORDS)
            else "ATTEMPTED"
            if has(sentence, ATTEMPT_KEYWORDS)
            else "ACCOMPLISHED"
        )
        physical, human = keyword_targets(sentence)
        incidents.append(
            Incident(
                kind,
                stage,
                keyword_date(message, sentence),
                dateline_city(message),
                tuple(p for p in PERPETRATOR_NOUNS if re.search(rf"\b{p}\b", sentence))[:1],
                tuple(_ACRONYM.findall(sentence)),
                physical,
                human,
                sentence.strip(),
            )
        )
    return incidents


def keyword_date(message: Message, sentence: str):
    if message.dateline_date is None:
        return None
    shift = next((days for word, days in RELATIVE_DAYS if word in sentence), 0)
    return message.dateline_date + timedelta(days=shift)


def dateline_city(message: Message) -> str | None:
    city = re.sub(r"\([^)]*\)", "", message.dateline_place).strip()
    return None if city in ("", "CLANDESTINE", "NO CITY") else city


def keyword_targets(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    phrases = [m.strip() for m in _ACTIVE.findall(sentence) + _PASSIVE.findall(sentence)]
    human = tuple(p for p in phrases if set(p.split()) & HUMAN_NOUNS)
    return tuple(p for p in phrases if p not in human), human
