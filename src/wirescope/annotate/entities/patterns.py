"""Named entities fixed for conflict news: an entity ruler before spaCy's NER, and repairs after it.

The bare English model (trained on OntoNotes) fails in ways that matter here: it calls the Taliban
NORP, reads Afghan names as places or organisations ("Fahim Dashti" as ORG), takes nicknames in
quotation marks for organisations (the "Lion of Panjshir" as ORG), and labels the same word
differently in one article ("Panjshir" as ORG, PERSON and LOC). `conflict_model` returns a copy of
the model with:

1. an entity ruler *before* the NER, with armed groups, platforms and peoples (ner_vocabulary.py);
   the NER then predicts around those spans;
2. a repair component *after* the NER (`fix_entities`): drop epithets, re-type names that start
   with an Afghan/Arabic given name or title, make "X district"/"X valley" a place, and make one
   name carry one label across the document when the document itself says which.

Measured against the bare model with `wirescope eval ner` (docs/benchmarks.md), not assumed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirescope.annotate.entities import vocabulary as vocab

RULER_NAME = "wirescope_entity_ruler"
FIXES_NAME = "wirescope_entity_fixes"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_OPENING_QUOTES = {"“", "‘", '"', "'", "«"}


# --- 1. the entity ruler -------------------------------------------------------------------------


def ruler_patterns(nlp: Language) -> list[dict]:
    """EntityRuler patterns: names matched word by word, case-insensitively; acronyms exactly."""
    patterns = [_words("ORG", name, nlp) for name in vocab.ARMED_GROUPS]
    patterns += [
        {"label": "ORG", "pattern": [{"ORTH": t.text} for t in nlp.make_doc(a)]} for a in vocab.ARMED_GROUP_ACRONYMS
    ]
    patterns += [{"label": "ORG", "pattern": [{"ORTH": p}]} for p in vocab.PLATFORMS]
    patterns += [{"label": "NORP", "pattern": [{"ORTH": p}]} for p in vocab.PEOPLES]
    return patterns


def _words(label: str, name: str, nlp: Language) -> dict:
    return {"label": label, "pattern": [{"LOWER": t.lower_} for t in nlp.make_doc(name)]}


@lru_cache(maxsize=1)
def protected_names() -> frozenset[str]:
    """Lower-cased names the ruler sets; the document-consistency repair leaves them alone."""
    return frozenset(n.lower() for n in (*vocab.ARMED_GROUPS, *vocab.ARMED_GROUP_ACRONYMS, *vocab.PLATFORMS))


# --- 2. repairs after the NER --------------------------------------------------------------------


@Language.component(FIXES_NAME)
def _fixes_component(doc: Doc) -> Doc:
    doc.ents = fix_entities(doc)
    return doc


def fix_entities(doc: Doc) -> list[SpacySpan]:
    """The document's entities after every repair, in order, without overlaps."""
    ents = [e for e in doc.ents if not is_epithet(e) and not is_page_chrome(e)]
    ents = add_credit_agencies(doc, [part for e in ents for part in split_photo_credit(e)])
    ents = [retype_person_name(cut_at_headline_verb(e)) for e in ents]
    ents = extend_person_names(doc, ents)
    ents = add_place_nouns(doc, add_hyphenated_places(doc, ents))
    return add_missed_surnames(doc, make_consistent(ents))


def _relabel(ent: SpacySpan, label: str, start: int | None = None, end: int | None = None) -> SpacySpan:
    return SpacySpan(ent.doc, ent.start if start is None else start, ent.end if end is None else end, label=label)


def is_epithet(ent: SpacySpan) -> bool:
    """A nickname, not a name: "tapped as the “Lion of Panjshir”", "known as the Butcher of Kabul".

    Two signs, either enough: an epithet verb just before ("known as the ..."), or the shape
    `the “X of Y”` in quotation marks where X is not an organisation word (Front, Party...).
    A quoted real organisation named "the 'X of Y'" with an unusual head word is lost (rare).
    """
    if ent.label_ not in {"ORG", "PERSON", "WORK_OF_ART", "GPE", "FAC", "EVENT", "NORP"}:
        return False
    i = ent.start
    while i > 0 and (ent.doc[i - 1].lower_ == "the" or ent.doc[i - 1].text in _OPENING_QUOTES):
        i -= 1
    if i > 0 and ent.doc[i - 1].lower_ == "as":
        # "remembered across the north as the Lion of Panjshir": the cue can be a few words back.
        if any(t.lower_ in vocab.EPITHET_CUES for t in ent.doc[max(0, i - 6) : i - 1]):
            return True
    elif i > 0 and ent.doc[i - 1].lower_ in vocab.EPITHET_CUES:
        return True  # "dubbed the ...", "nicknamed ..."
    return _quoted_x_of_y(ent)


def is_page_chrome(ent: SpacySpan) -> bool:
    """ "Slideshow" (PERSON), "Advertisement" (ORG): a page's widget word left in the text, alone."""
    return len(ent) == 1 and ent.text.lower() in vocab.PAGE_CHROME_WORDS


def split_photo_credit(ent: SpacySpan) -> list[SpacySpan]:
    """ "REUTERS / Mohammad Ismail" as one PERSON -> "REUTERS" (ORG) and "Mohammad Ismail" (PERSON).

    Only when the part before the slash is a wire or photo agency: "Israeli/Palestinian" and
    "AC/DC" are left as they are. The photographer's name is kept only when it looks like one
    (one to four capitalised words, none a credit word: "REUTERS/Stringer" names no one).
    """
    slash = next((t.i for t in ent if t.text == "/"), None)
    if slash is None or slash == ent.start:
        return [ent]
    agency = ent.doc[ent.start : slash]
    if agency.text.lower() not in vocab.PHOTO_AGENCIES:
        return [ent]
    parts = [_relabel(ent, "ORG", ent.start, slash)]
    end = next((t.i for t in ent.doc[slash + 1 : ent.end] if t.text == "/"), ent.end)  # ".../File Photo"
    person = ent.doc[slash + 1 : end]
    if (
        1 <= len(person) <= 4
        and all(t.text[:1].isupper() for t in person)
        and not any(t.lower_ in vocab.CREDIT_WORDS for t in person)
    ):
        parts.append(_relabel(ent, "PERSON", slash + 1, end))
    return parts


def cut_at_headline_verb(ent: SpacySpan) -> SpacySpan:
    """ "Massoud Asks the West ...": a title-case headline verb the NER took into a name is cut off.

    The trained NER learnt names from CoNLL, whose headlines are upper case; in a title-case
    headline it runs names on over the verb ("Massoud Asks" PERSON, "Fahim Dashti Killed" ORG).
    A capitalised token the tagger calls a verb, after the first word of a name, ends the name.
    """
    if ent.label_ not in NAME_LABELS:
        return ent
    cut = next((t.i for t in ent[1:] if t.pos_ == "VERB" and t.is_title and t.tag_.startswith("VB")), None)
    return ent if cut is None else _relabel(ent, ent.label_, end=cut)


def add_credit_agencies(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """ "AFP/Wakil Kohsar" where the NER found only the photographer: the agency is an ORG too.

    The trained NER (trained/MODEL_CARD.md) splits a credit itself but often leaves the agency
    out; an agency word of PHOTO_AGENCIES right before the slash is added when no entity has it.
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for ent in ents:
        slash = ent.start - 1
        if slash < 1 or doc[slash].text != "/" or ent.label_ != "PERSON":
            continue
        start = next(
            (i for i in range(slash - 1, max(slash - 4, -1), -1) if doc[i:slash].text.lower() in vocab.PHOTO_AGENCIES),
            None,
        )
        if start is not None and not taken & set(range(start, slash)):
            added.append(SpacySpan(doc, start, slash, label="ORG"))
    return sorted([*ents, *added], key=lambda e: e.start)


def _quoted_x_of_y(ent: SpacySpan) -> bool:
    words = [t for t in ent if t.text not in _OPENING_QUOTES and t.lower_ != "the"]
    quoted = any(t.text in _OPENING_QUOTES for t in ent) or (
        ent.start > 0 and ent.doc[ent.start - 1].text in _OPENING_QUOTES
    )
    if not quoted or len(words) < 3 or words[1].lower_ != "of":
        return False
    return words[0].lower_ not in vocab.ORG_HEAD_WORDS


def looks_like_person_name(tokens: Iterable) -> bool:
    """Starts with an Afghan/Arabic given name or title, and every word is capitalised."""
    tokens = list(tokens)
    if not tokens or not all(t.is_title or t.text in {"-", "al", "ul", "ud", "bin"} for t in tokens):
        return False
    stop_words = vocab.ORG_HEAD_WORDS | vocab.FACILITY_WORDS | set(vocab.PLACE_NOUNS)
    if any(t.lower_ in stop_words for t in tokens):
        return False
    first = tokens[0].text
    if first in vocab.PERSON_TITLES and len(tokens) > 1:
        return True
    return first in vocab.GIVEN_NAMES or _has_given_name_ending(first)


def _has_given_name_ending(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(e) and len(low) > len(e) + 1 for e in vocab.GIVEN_NAME_ENDINGS)


def retype_person_name(ent: SpacySpan) -> SpacySpan:
    """ "Fahim Dashti" (ORG), "Nasrin" (GPE) -> PERSON. Single words only by their given-name form.

    And the other way: a PERSON ending in a facility word ("Hamid Karzai International Airport",
    which the trained NER reads as a person) is a FAC, and so is an ORG ending in a word for a built
    place ("Kabul Serena Hotel"; not "Kabul University", which may be the body that speaks).
    """
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in vocab.FACILITY_WORDS:
        return _relabel(ent, "FAC")
    if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in vocab.BUILT_PLACE_WORDS:
        return _relabel(ent, "FAC")
    if ent.label_ == "PERSON" or ent.label_ not in NAME_LABELS or ent.text.lower() in protected_names():
        return ent
    if len(ent) == 1 and ent.label_ == "NORP":
        return ent  # "Afghan" is never a given name here; demonyms stay NORP
    if looks_like_person_name(ent):
        return _relabel(ent, "PERSON")
    return ent


def extend_person_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """ "Nasrin Habibi, a schoolteacher": the model tags "Nasrin" and leaves the surname out.

    A PERSON entity takes in the capitalised proper nouns right after it that are in no other
    entity (dates like "Tuesday" are entities, so they are not taken). Two people named one after
    the other without a comma would be joined (rare in prose).
    """
    covered = {i for e in ents for i in range(e.start, e.end)}
    result = []
    for ent in ents:
        end = ent.end
        while (
            ent.label_ == "PERSON"
            and end < len(doc)
            and end not in covered
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].lower_ not in vocab.PLACE_NOUNS
            and end - ent.start < 4
        ):
            end += 1
        result.append(ent if end == ent.end else _relabel(ent, "PERSON", end=end))
    return result


def add_hyphenated_places(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """ "in Pul-e-Khumri", "near Mazar-i-Sharif": a hyphenated name after "in"/"near" is one place.

    The tokenizer splits such names at the hyphens, and the trained NER, which saw few of them in
    CoNLL, misses them or tags a part ("Khumri" PERSON). A run of tokens with no space between,
    capitalised at both ends, joined by hyphens and short lower-case links, after a place
    preposition, becomes one GPE; entities inside it are dropped.
    """
    added = []
    for tok in doc:
        if tok.lower_ not in vocab.PLACE_PREPOSITIONS or tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title:
            continue
        end = tok.i + 1
        while end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text == "-" and end + 2 < len(doc):
            link = doc[end + 2]
            if not (link.is_title or (link.is_lower and len(link) <= 3)) or doc[end + 1].whitespace_:
                break
            end += 2
        if end > tok.i + 1 and _ezafe_link(doc, end):
            end += 1  # "Nad-e Ali", "Qala-i Naw": the link's name goes on after the space
        if end > tok.i + 1 and doc[end].is_title:
            added.append(SpacySpan(doc, tok.i + 1, end + 1, label="GPE"))
    inside = {i for a in added for i in range(a.start, a.end)}
    kept = [e for e in ents if not inside & set(range(e.start, e.end))]
    return sorted([*kept, *added], key=lambda e: e.start)


def _ezafe_link(doc: Doc, i: int) -> bool:
    """A hyphenated run ending in a short lower-case link ("-e", "-i") followed by a capitalised word."""
    tok = doc[i]
    return tok.is_lower and len(tok) <= 2 and bool(tok.whitespace_) and i + 1 < len(doc) and doc[i + 1].is_title


def add_place_nouns(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """ "Andarab district" -> GPE, "Panjshir valley" -> LOC: a proper name and a lower-case place noun.

    Only when the noun is lower case and follows a capitalised proper noun; "the valley" alone is
    not touched. An existing entity ending at the name is extended over the noun and re-labelled.
    """
    by_end = {e.end: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    result = list(ents)
    for tok in doc:
        label = vocab.PLACE_NOUNS.get(tok.text)
        if label is None or tok.i == 0 or tok.i in covered:
            continue
        prev = doc[tok.i - 1]
        if not (prev.pos_ == "PROPN" and prev.is_title):
            continue
        ent = by_end.get(tok.i)
        if ent is not None and ent.label_ != "PERSON" and ent.text.lower() not in protected_names():
            result[result.index(ent)] = _relabel(ent, label, end=tok.i + 1)
        elif ent is None and prev.i not in covered:
            result.append(SpacySpan(doc, prev.i, tok.i + 1, label=label))
    return sorted(result, key=lambda e: e.start)


def _name_tokens(ent: SpacySpan) -> list:
    return [t for t in ent if t.lower_ != "the" and t.text not in _OPENING_QUOTES]


def document_evidence(ents: list[SpacySpan]) -> tuple[set[str], set[str]]:
    """Words the document itself shows to be parts of person names, and names of places.

    Person parts: first and last word of a multi-word PERSON ("Habib Kohistani" -> "Kohistani").
    Places: the name in "the Panjshir Valley" / "Baghlan province", and one-word GPE/LOC entities.
    """
    person_parts: set[str] = set()
    places: set[str] = set()
    for ent in ents:
        words = _name_tokens(ent)
        if ent.label_ == "PERSON" and len(words) > 1:
            person_parts.update({words[0].text, words[-1].text})
        elif ent.label_ in PLACE_LABELS and len(words) > 1 and words[-1].lower_ in vocab.PLACE_NOUNS:
            places.add(" ".join(t.text for t in words[:-1]))
        elif ent.label_ in {"GPE", "LOC"} and len(words) == 1:
            places.add(words[0].text)
    return person_parts, places - person_parts


def make_consistent(ents: list[SpacySpan]) -> list[SpacySpan]:
    """One word, one label, where the document shows which.

    "Kohistani" tagged ORG in an article that names "Habib Kohistani" becomes PERSON; "Panjshir"
    tagged ORG or PERSON in an article that says "the Panjshir Valley" becomes GPE. A name that is
    both a person part and a place in the same article is left as the model tagged it.
    """
    person_parts, places = document_evidence(ents)
    protected = protected_names()
    fixed = []
    for ent in ents:
        words = _name_tokens(ent)
        text = " ".join(t.text for t in words)
        if len(words) != 1 or text.lower() in protected or ent.label_ not in NAME_LABELS - {"NORP"}:
            fixed.append(ent)
        elif text in person_parts and ent.label_ != "PERSON":
            fixed.append(_relabel(ent, "PERSON"))
        elif ent.label_ in {"ORG", "PERSON"} and (text in places or _after_place_preposition(ent)):
            fixed.append(_relabel(ent, "GPE"))
        else:
            fixed.append(ent)
    return fixed


def add_missed_surnames(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """ "Dashti said ...": a surname alone the model missed, in a document that names the person
    in full ("Fahim Dashti") elsewhere. Only a capitalised proper noun in no entity, and only the
    last word of a multi-word PERSON (first names alone are too often other things)."""
    surnames = {_name_tokens(e)[-1].text for e in ents if e.label_ == "PERSON" and len(_name_tokens(e)) > 1}
    covered = {i for e in ents for i in range(e.start, e.end)}
    found = [
        SpacySpan(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.i not in covered and t.pos_ == "PROPN" and t.is_title and t.text in surnames
    ]
    return sorted([*ents, *found], key=lambda e: e.start)


def _after_place_preposition(ent: SpacySpan) -> bool:
    """ "fighting in Herat", "captured Kunduz": a one-word name right after "in"/"near" or a verb
    of PLACE_OBJECT_VERBS (and perhaps one adjective) is a place, unless a possessive follows
    ("in Mujahid's statement")."""
    doc = ent.doc
    i = ent.start - 1
    if i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1  # "in neighbouring Andarab", "near northern Kunduz"
    before = doc[i].lower_ if i >= 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    verb = i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_ in vocab.PLACE_OBJECT_VERBS  # "captured Kunduz"
    return (before in vocab.PLACE_PREPOSITIONS or verb) and after not in {"'s", "’s"}
