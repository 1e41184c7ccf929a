"""The entity labels: the OntoNotes labels the parse gives, and how every scorer maps them.

The parse (spaCy's OntoNotes-trained pipelines) labels mentions PERSON, NORP, FAC, ORG, GPE, LOC,
PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, and the numeric DATE, TIME, PERCENT, MONEY, QUANTITY,
ORDINAL, CARDINAL. The shipped NER (trained/MODEL_CARD.md) keeps that label set and adds one,
MISC: a CoNLL MISC name (a title, an event, a slogan) with no OntoNotes label of its own; it names
no actor or place, so no reader takes it. The downstream annotators (actors, places, times) read these labels; gold
sets use fewer types, so each scorer maps ours onto theirs with the tables here, and only here:

- CoNLL-2003 (PER, ORG, LOC, MISC): PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC (CoNLL tags
  countries, cities, regions, rivers and buildings alike as LOC); NORP, EVENT, WORK_OF_ART, LAW,
  LANGUAGE, PRODUCT, MISC -> MISC (CoNLL's MISC holds nationalities, events, titles and products). The
  numeric labels are not CoNLL entities and are dropped. Known mismatches: CoNLL tags a sports
  team named by its city ("Leeds beat Chelsea") ORG where OntoNotes may give GPE, and a country
  acting as a government stays LOC in CoNLL but is GPE here; both score as the mapping says.
- re3d (Person, Organisation, Location, Nationality of its 14 types): PERSON -> PER, ORG -> ORG,
  GPE, LOC, FAC -> LOC, NORP -> NORP; re3d's other types (Weapon, MilitaryPlatform, Money...) are
  not scored, nor is MISC.

The same tables, read backwards, made the shipped NER's training labels from CoNLL's gold
(benchmarks/train_ner.py): PER -> PERSON, ORG -> ORG, LOC -> sm's GPE/LOC/FAC on the span or GPE,
MISC -> sm's NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT on the span or MISC.
"""

from __future__ import annotations

# OntoNotes label -> CoNLL-2003 type. A label not here is not a CoNLL entity.
ONTONOTES_TO_CONLL: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "MISC": "MISC",
}

# OntoNotes label -> the re3d types wirescope scores (Person, Organisation, Location, Nationality).
ONTONOTES_TO_RE3D: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}

# re3d's own type names -> the same short types.
RE3D_GOLD_TYPES: dict[str, str] = {"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "NORP"}
