"""Word lists for roles, relations and descriptive mentions (logic in roles.py and references.py)."""

from __future__ import annotations

from wirescope.annotate.english import pronouns

# Nouns that make a phrase next to a name a role or title: "Taliban spokesman", "head of ...".
# Value: the relation the role states with an organisation named in it ("NRF spokesman" ->
# spokesperson_for NRF), or None when the noun names a role without such a relation.
ROLE_NOUNS: dict[str, str | None] = {
    "spokesman": "spokesperson_for",
    "spokeswoman": "spokesperson_for",
    "spokesperson": "spokesperson_for",
    "leader": "leader_of",
    "head": "leader_of",
    "chief": "leader_of",
    "chairman": "leader_of",
    "chairwoman": "leader_of",
    "emir": "leader_of",
    "director": "leader_of",
    "founder": "founder_of",
    "co-founder": "founder_of",
    "cofounder": "founder_of",
    "commander": "member_of",
    "member": "member_of",
    "fighter": "member_of",
    "official": "member_of",
    "minister": "member_of",
    "deputy": "member_of",
    "negotiator": "member_of",
    "envoy": "member_of",
    "representative": "member_of",
    "adviser": "member_of",
    "advisor": "member_of",
    "officer": "member_of",
    "militant": "member_of",
    "soldier": "member_of",
    "general": "member_of",
    "secretary": "member_of",
    "president": None,
    "vice-president": None,
    "premier": None,
    "governor": None,
    "ambassador": None,
    "mayor": None,
    "warlord": None,
    "correspondent": None,
    "journalist": None,
    "reporter": None,
    "analyst": None,
    "resident": None,
    "shopkeeper": None,
    "teacher": None,
    "driver": None,
    "doctor": None,
    "student": None,
    "elder": None,
    "cleric": None,
    "mullah": None,
    "researcher": None,
    "professor": None,
}

# Lower-case words that may stand in a title before a name besides the role noun and names:
# "former vice president Amrullah Saleh", "acting interior minister X". Other lower-case words
# end the title ("unilateral action President Obama" gives just "President").
TITLE_MODIFIERS: frozenset[str] = frozenset(
    {
        "former",
        "acting",
        "deputy",
        "senior",
        "late",
        "then",
        "vice",
        "interim",
        "chief",
        "top",
        "assistant",
        "self-declared",
        "self-styled",
        "caretaker",
        "first",
        "second",
        "longtime",
        "veteran",
        "retired",
        "slain",
        "exiled",
        "ousted",
        "outgoing",
        "incoming",
        "new",
        "prime",
        "foreign",
        "defence",
        "defense",
        "interior",
        "intelligence",
        "military",
        "police",
        "provincial",
        "district",
        "regional",
        "local",
        "army",
        "rebel",
        "resistance",
        "opposition",
        "government",
        "supreme",
        "two-term",
        "-",
    }
)

# Kinship nouns: which way the parent_of relation runs. "X's father, Y" -> Y parent_of X
# ("kin_is_parent"); "X's son, Y" -> X parent_of Y ("kin_is_child"); siblings are symmetric.
KINSHIP: dict[str, str] = {
    "father": "kin_is_parent",
    "mother": "kin_is_parent",
    "dad": "kin_is_parent",
    "son": "kin_is_child",
    "daughter": "kin_is_child",
    "child": "kin_is_child",
    "brother": "sibling",
    "sister": "sibling",
}

# Verbs whose subject founded / leads the organisation that is their object.
FOUNDING_VERBS: frozenset[str] = frozenset({"found", "establish", "create", "form", "launch", "co-found"})
LEADING_VERBS: frozenset[str] = frozenset({"lead", "head", "command", "run", "chair"})

# Head nouns of a descriptive mention of a person ("the 32-year-old resistance leader") and
# which role nouns they agree with when matching it to an actor's roles and relations.
PERSON_DESCRIPTION_HEADS: dict[str, frozenset[str]] = {
    "leader": frozenset({"leader", "head", "chief", "founder", "commander", "emir", "chairman"}),
    "commander": frozenset({"commander", "leader", "head", "chief", "general"}),
    "founder": frozenset({"founder", "leader", "co-founder"}),
    "spokesman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokeswoman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokesperson": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "president": frozenset({"president", "vice-president", "leader", "head"}),
    "minister": frozenset({"minister"}),
    "chief": frozenset({"chief", "head", "leader"}),
    "warlord": frozenset({"warlord", "commander", "leader"}),
}

# Head nouns of a descriptive mention of an organisation ("the group", "the movement").
ORG_DESCRIPTION_HEADS: frozenset[str] = frozenset(
    {
        "group",
        "movement",
        "militia",
        "organisation",
        "organization",
        "insurgency",
        "insurgents",
        "alliance",
        "front",
        "network",
    }
)

# Relations the text states; the first word of the value is what `wirescope actors` prints.
RELATIONS: tuple[str, ...] = ("parent_of", "sibling_of", "founder_of", "leader_of", "member_of", "spokesperson_for")

# Pronouns resolved to a person ("where safe", references.py); possessives are left alone:
# "his group's allegiance" names the group, not the man.
PERSON_PRONOUNS: frozenset[str] = pronouns(person=True, cases=("subject",))

# Demonyms that stand for a state when they modify a state's agents: "Soviet forces", "the
# Soviet army", "American troops" are actions of the Soviet Union / the United States; "Afghan
# fighters" or "Soviet-era" are not (the noun is not in STATE_AGENT_NOUNS).
STATE_DEMONYMS: dict[str, str] = {
    "Soviet": "Soviet Union",
    "American": "United States",
    "U.S.": "United States",
    "British": "United Kingdom",
    "Afghan": "Afghanistan",
    "Pakistani": "Pakistan",
    "Russian": "Russia",
    "Iranian": "Iran",
    "Chinese": "China",
    "Indian": "India",
    "Turkish": "Turkey",
    "Qatari": "Qatar",
    "Syrian": "Syria",
    "Iraqi": "Iraq",
    "Israeli": "Israel",
    "French": "France",
    "German": "Germany",
    "Uzbek": "Uzbekistan",
    "Tajik": "Tajikistan",
}
STATE_AGENT_NOUNS: frozenset[str] = frozenset(
    {
        "army",
        "armies",
        "forces",
        "force",
        "troops",
        "military",
        "government",
        "officials",
        "offensive",
        "offensives",
        "occupation",
        "invasion",
        "soldiers",
        "embassy",
        "authorities",
        "airstrikes",
        "jets",
        "helicopters",
        "administration",
        "diplomats",
        "intelligence",
        "withdrawal",
    }
)

# CAMEO actor role codes (the three-letter parts after a country code: "AFGGOV" = Afghan
# government), as the PETRARCH2 dictionaries' documentation and the CAMEO codebook name them.
# Used to say in words which role the actor dictionary gives an actor on the article's date.
CAMEO_ROLES: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "OPP": "opposition",
    "ELI": "elite",
    "JUD": "judiciary",
    "COP": "police",
    "LEG": "legislature",
    "SPY": "intelligence",
    "BUS": "business",
    "AGR": "agriculture",
    "MED": "media",
    "EDU": "education",
    "REF": "refugees",
    "HLH": "health",
    "LAB": "labour",
    "ENV": "environment",
    "CVL": "civilians",
    "CRM": "criminals",
    "INS": "insurgents",
    "SEP": "separatists",
    "RAD": "radicals",
    "UAF": "armed forces",
    "HRI": "human rights",
    "DEV": "development",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "IMG": "international militarised group",
    "MNC": "multinational corporation",
    "UNO": "United Nations",
    "OCC": "occupying force",
    "PTY": "party",
}


def cameo_role_name(code: str) -> str:
    """ "AFGGOVMIL" -> "AFGGOVMIL: government, military"; the code alone when no part is known."""
    parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    names = [CAMEO_ROLES[p] for p in parts if p in CAMEO_ROLES]
    return f"{code}: {', '.join(names)}" if names and code else code
