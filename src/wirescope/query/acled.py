"""PLOVER events as ACLED event types: the mapping docs/events.md documents, kept as data.

ACLED types violence by how it was done and against whom; PLOVER by what was done, with a mode.
So the mapping reads the PLOVER type, the mode, and words naming the target (civilians,
protesters, soldiers) or the actor (government forces or not). Diplomatic PLOVER types have no
ACLED type: ACLED files them under "Strategic developments / Other", and the CASE 2021 set
under its "unseen" DIPLO and ATTRIB labels.
"""

from __future__ import annotations

from dataclasses import dataclass

# CASE 2021 task 2 label -> (ACLED event_type, ACLED sub_event_type).
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
    "DIPLO": ("Strategic developments", "Other"),
    "ATTRIB": ("Strategic developments", "Other"),
}

# ASSAULT modes that alone decide the ACLED sub-event type.
ASSAULT_BY_MODE: dict[str, str] = {
    "chemical": "CHEM_WEAP",
    "suicide bomb": "SUIC_BOMB",
    "aerial": "AIR_STRIKE",
    "artillery": "ART_MISS_ATTACK",
    "grenade": "GRENADE",
    "explosives": "REM_EXPLOS",
    "sexual": "SEX_VIOL",
    "abduct": "ABDUCT_DISSAP",
    "mob": "MOB_VIOL",
    "clash": "ARMED_CLASH",
    "repress": "PROTEST_WITH_INTER",
}
COERCE_BY_MODE: dict[str, str] = {
    "arrest": "ARREST",
    "destroy property": "PROPERTY_DISTRUCT",
    "disrupt weapons": "DISR_WEAP",
    "disperse": "PROTEST_WITH_INTER",
    "repress": "PROTEST_WITH_INTER",
    "restrict": "OTHER",
    "siege": "OTHER",
    "deport": "OTHER",
    "seize": "OTHER",
}
BY_TYPE: dict[str, str] = {
    "AGREE": "AGREEMENT",
    "MOBILIZE": "CHANGE_TO_GROUP_ACT",
    "RETREAT": "NON_VIOL_TERRIT_TRANSFER",
    "ACCUSE": "ATTRIB",
    "CONSULT": "DIPLO",
    "SUPPORT": "DIPLO",
    "COOPERATE": "DIPLO",
    "AID": "DIPLO",
    "REQUEST": "DIPLO",
    "REJECT": "DIPLO",
    "THREATEN": "DIPLO",
    "SANCTION": "DIPLO",
    "CONCEDE": "DIPLO",
    "PROTEST": "PEACE_PROTEST",
}
PROTESTER_WORDS = frozenset(
    {
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrator",
        "demonstrators",
        "marchers",
        "rally",
        "protest",
        "demonstration",
        "crowd",
        "students",
        "activists",
    }
)
ARMED_WORDS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "forces",
        "fighters",
        "militants",
        "army",
        "police",
        "policemen",
        "officers",
        "rebels",
        "insurgents",
        "militia",
        "militiamen",
        "patrol",
        "checkpoint",
        "base",
        "convoy",
        "guards",
        "jihadists",
        "gunmen",
        "terrorists",
        "jawan",
        "military",
        "position",
        "positions",
        "camp",
        "camps",
        "bases",
        "posts",
        "outpost",
        "barracks",
    }
)
RIOTER_WORDS = frozenset(
    {
        "protesters",
        "protester",
        "demonstrators",
        "demonstrator",
        "rioters",
        "rioter",
        "mob",
        "crowd",
        "crowds",
        "students",
        "youths",
    }
)
STATE_WORDS = frozenset(
    {
        "army",
        "government",
        "military",
        "troops",
        "soldiers",
        "regime",
        "security",
        "police",
        "forces",
        "navy",
        "authorities",
        "state",
    }
)
NON_STATE_WORDS = frozenset(
    {
        "rebels",
        "militants",
        "insurgents",
        "fighters",
        "jihadists",
        "militia",
        "gunmen",
        "terrorists",
        "opposition",
        "separatists",
        "group",
        "isis",
        "isil",
        "taliban",
        "shabaab",
        "qaeda",
        "boko",
        "haram",
    }
)


@dataclass(frozen=True)
class EventFacts:
    """What the mapping reads of one event."""

    type: str
    mode: str | None = None
    actor: str = ""
    target: str = ""
    context: str = ""  # the evidence text: "Syrian government forces captured..." names the side


def case_label(facts: EventFacts) -> str:
    """The CASE 2021 / ACLED sub-event label for one PLOVER event."""
    if facts.type == "ASSAULT":
        return _assault(facts)
    if facts.type == "COERCE":
        return _coerce(facts)
    if facts.type == "PROTEST" and facts.mode == "riot":
        return "VIOL_DEMONSTR"
    if facts.type == "MOBILIZE" and facts.mode == "establish base":
        return "HQ_ESTABLISHED"
    if facts.type == "CONCEDE" and facts.mode == "transfer territory":
        return "NON_VIOL_TERRIT_TRANSFER"
    return BY_TYPE.get(facts.type, "OTHER")


def acled_types(facts: EventFacts) -> tuple[str, str]:
    """(event_type, sub_event_type) as ACLED names them."""
    return ACLED_TYPES[case_label(facts)]


def _words(text: str) -> set[str]:
    return set(text.lower().replace("-", " ").split())


def _assault(facts: EventFacts) -> str:
    if _words(facts.actor) & RIOTER_WORDS and facts.mode not in ("aerial", "artillery", "chemical", "suicide bomb"):
        return "VIOL_DEMONSTR"  # violence by demonstrators is a riot, in ACLED's terms
    if facts.mode in ASSAULT_BY_MODE:
        return ASSAULT_BY_MODE[facts.mode]
    target = _words(facts.target)
    if target & PROTESTER_WORDS:
        return "FORCE_AGAINST_PROTEST"
    if target & ARMED_WORDS:
        return "ARMED_CLASH"  # armed on both sides is a battle; ACLED's Attack is on civilians
    return "ATTACK"


def _coerce(facts: EventFacts) -> str:
    if facts.mode == "seize territory":
        return _territory(_words(facts.actor), _words(facts.context))
    if facts.mode in ("disperse", "repress") and not (_words(facts.target) & PROTESTER_WORDS):
        return "OTHER"
    return COERCE_BY_MODE.get(facts.mode or "", "OTHER")


def _territory(actor: set[str], context: set[str]) -> str:
    """Who took the ground: the actor's own words decide, else the words of the evidence."""
    for words in (actor, context):
        if words & NON_STATE_WORDS and not words & STATE_WORDS:
            return "NON_STATE_ACTOR_OVERTAKES_TER"
        if words & STATE_WORDS and not words & NON_STATE_WORDS:
            return "GOV_REGAINS_TERIT"
    return "NON_STATE_ACTOR_OVERTAKES_TER"
