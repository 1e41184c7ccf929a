"""Event vocabulary, kept as data: what words trigger which PLOVER event, in which mode.

The logic that reads these tables is in annotate/events/extract.py (triggers and participants) and
annotate/events/modality.py (how the text states the event). Lemmas are spaCy lemmas, lower case.

A trigger is a (type, mode) pair. `mode` follows PLOVER's idea of a mode (how the event was
carried out) with wirescope's own labels, listed in docs/events.md; None when the word says
nothing about how.
"""

from __future__ import annotations

from wirescope.annotate import english

Trigger = tuple[str, str | None]

# --- verbs that name an event on their own ---------------------------------------------------

VERB_TRIGGERS: dict[str, Trigger] = {
    # AGREE
    "agree": ("AGREE", None),
    "sign": ("AGREE", None),
    "ratify": ("AGREE", None),
    "reconcile": ("AGREE", None),
    # CONSULT
    "meet": ("CONSULT", None),
    "negotiate": ("CONSULT", None),
    "discuss": ("CONSULT", None),
    "consult": ("CONSULT", None),
    "visit": ("CONSULT", None),
    "host": ("CONSULT", None),
    "mediate": ("CONSULT", None),
    # SUPPORT
    "support": ("SUPPORT", None),
    "endorse": ("SUPPORT", None),
    "praise": ("SUPPORT", None),
    "welcome": ("SUPPORT", None),
    "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None),
    "back": ("SUPPORT", None),
    "commend": ("SUPPORT", None),
    # CONCEDE
    "concede": ("CONCEDE", None),
    "surrender": ("CONCEDE", None),
    "apologize": ("CONCEDE", None),
    "apologise": ("CONCEDE", None),
    "capitulate": ("CONCEDE", None),
    "yield": ("CONCEDE", None),
    # COOPERATE
    "cooperate": ("COOPERATE", None),
    "collaborate": ("COOPERATE", None),
    "ally": ("COOPERATE", None),
    "partner": ("COOPERATE", None),
    # AID
    "aid": ("AID", None),
    "assist": ("AID", None),
    "help": ("AID", None),
    "donate": ("AID", None),
    "evacuate": ("AID", "evacuation"),
    "rescue": ("AID", "evacuation"),
    # RETREAT
    "retreat": ("RETREAT", None),
    "withdraw": ("RETREAT", None),
    "flee": ("RETREAT", None),
    "evacuated": ("RETREAT", None),
    "abandon": ("RETREAT", None),
    "disband": ("RETREAT", None),
    "demobilize": ("RETREAT", None),
    "escape": ("RETREAT", None),
    # REQUEST
    "request": ("REQUEST", None),
    "ask": ("REQUEST", None),
    "urge": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    "demand": ("REQUEST", None),
    "plead": ("REQUEST", None),
    "invite": ("REQUEST", None),
    "implore": ("REQUEST", None),
    # ACCUSE
    "accuse": ("ACCUSE", None),
    "blame": ("ACCUSE", None),
    "condemn": ("ACCUSE", None),
    "denounce": ("ACCUSE", None),
    "criticize": ("ACCUSE", None),
    "criticise": ("ACCUSE", None),
    "blast": ("ACCUSE", None),
    # REJECT
    "reject": ("REJECT", None),
    "refuse": ("REJECT", None),
    "oppose": ("REJECT", None),
    "veto": ("REJECT", None),
    "disagree": ("REJECT", None),
    "dismiss": ("REJECT", None),
    "rebuff": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None),
    "warn": ("THREATEN", None),
    # PROTEST
    "protest": ("PROTEST", "demonstrate"),
    "demonstrate": ("PROTEST", "demonstrate"),
    "march": ("PROTEST", "demonstrate"),
    "riot": ("PROTEST", "riot"),
    "picket": ("PROTEST", "demonstrate"),
    "boycott": ("PROTEST", "boycott"),
    # SANCTION
    "sanction": ("SANCTION", None),
    "embargo": ("SANCTION", None),
    "expel": ("SANCTION", "expel"),
    "sever": ("SANCTION", None),
    # MOBILIZE
    "mobilize": ("MOBILIZE", None),
    "mobilise": ("MOBILIZE", None),
    "deploy": ("MOBILIZE", None),
    "mass": ("MOBILIZE", None),
    "amass": ("MOBILIZE", None),
    "recruit": ("MOBILIZE", None),
    "reinforce": ("MOBILIZE", None),
    "station": ("MOBILIZE", None),
    "muster": ("MOBILIZE", None),
    "redeploy": ("MOBILIZE", None),
    # COERCE
    "arrest": ("COERCE", "arrest"),
    "detain": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"),
    "jail": ("COERCE", "arrest"),
    "apprehend": ("COERCE", "arrest"),
    "besiege": ("COERCE", "siege"),
    "blockade": ("COERCE", "siege"),
    "encircle": ("COERCE", "siege"),
    "surround": ("COERCE", "siege"),
    "deport": ("COERCE", "deport"),
    "confiscate": ("COERCE", "seize"),
    "conquer": ("COERCE", "seize territory"),
    # "capture" alone is ground taken; people captured are an arrest (OBJECT_TRIGGERS, PEOPLE)
    "capture": ("COERCE", "seize territory"),
    "nab": ("COERCE", "arrest"),
    "cordon": ("COERCE", "restrict"),
    "cordone": ("COERCE", "restrict"),  # spaCy's lemma of "cordoned"
    "occupy": ("COERCE", "seize territory"),
    "recapture": ("COERCE", "seize territory"),
    "retake": ("COERCE", "seize territory"),
    "overrun": ("COERCE", "seize territory"),
    "seize": ("COERCE", "seize"),
    "loot": ("COERCE", "destroy property"),
    "torch": ("COERCE", "destroy property"),
    "burn": ("COERCE", "destroy property"),
    "vandalize": ("COERCE", "destroy property"),
    "demolish": ("COERCE", "destroy property"),
    "raze": ("COERCE", "destroy property"),
    "ransack": ("COERCE", "destroy property"),
    "defuse": ("COERCE", "disrupt weapons"),
    "dismantle": ("COERCE", "disrupt weapons"),
    "intercept": ("COERCE", "disrupt weapons"),
    "disperse": ("COERCE", "disperse"),
    "curfew": ("COERCE", "restrict"),
    "ban": ("COERCE", "restrict"),
    "censor": ("COERCE", "restrict"),
    # ASSAULT
    "attack": ("ASSAULT", None),
    "assault": ("ASSAULT", None),
    "kill": ("ASSAULT", "kill"),
    "assassinate": ("ASSAULT", "assassinate"),
    "murder": ("ASSAULT", "kill"),
    "execute": ("ASSAULT", "kill"),
    "massacre": ("ASSAULT", "kill"),
    "behead": ("ASSAULT", "kill"),
    "lynch": ("ASSAULT", "mob"),
    "shoot": ("ASSAULT", "firearms"),
    "gun": ("ASSAULT", "firearms"),
    "machinegun": ("ASSAULT", "firearms"),
    "machinegunne": ("ASSAULT", "firearms"),  # spaCy's lemma of "machinegunned"
    "strafe": ("ASSAULT", "aerial"),
    "bomb": ("ASSAULT", "explosives"),
    "shell": ("ASSAULT", "artillery"),
    "bombard": ("ASSAULT", "artillery"),
    "pound": ("ASSAULT", "artillery"),
    "ambush": ("ASSAULT", None),
    "raid": ("ASSAULT", None),
    "storm": ("ASSAULT", None),
    "clash": ("ASSAULT", "clash"),
    "fight": ("ASSAULT", "clash"),
    "battle": ("ASSAULT", "clash"),
    "beat": ("ASSAULT", "beat"),
    "torture": ("ASSAULT", "torture"),
    "stab": ("ASSAULT", "primitive"),
    "rape": ("ASSAULT", "sexual"),
    "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"),
    "wound": ("ASSAULT", None),
    "injure": ("ASSAULT", None),
    "strike": ("ASSAULT", None),
    "target": ("ASSAULT", None),
    "hit": ("ASSAULT", None),
    "explode": ("ASSAULT", "explosives"),
    "detonate": ("ASSAULT", "explosives"),
    "hurl": ("ASSAULT", None),
    "lob": ("ASSAULT", None),
    "invade": ("ASSAULT", None),
    "assail": ("ASSAULT", None),
}

# Verbs only an event with certain particles or prepositions: (lemma, particle/preposition).
PHRASAL_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("call", "up"): ("MOBILIZE", None),
    ("call", "upon"): ("REQUEST", None),
    ("call", "on"): ("REQUEST", None),
    ("call", "for"): ("REQUEST", None),
    ("pull", "out"): ("RETREAT", None),
    ("pull", "back"): ("RETREAT", None),
    ("step", "down"): ("CONCEDE", None),
    ("take", "on"): ("ASSAULT", "clash"),
    ("open", "fire"): ("ASSAULT", "firearms"),
    ("take", "over"): ("COERCE", "seize territory"),
    ("set", "up"): ("MOBILIZE", "establish base"),
    ("crack", "down"): ("COERCE", "repress"),
    ("rise", "up"): ("PROTEST", "demonstrate"),
    ("hand", "over"): ("CONCEDE", "transfer territory"),
    ("lay", "down"): ("CONCEDE", None),
    ("blow", "up"): ("ASSAULT", "explosives"),
    ("gun", "down"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"),
    ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "upon"): ("ASSAULT", "firearms"),
    ("fire", "into"): ("ASSAULT", "firearms"),
    ("rally", "against"): ("PROTEST", "demonstrate"),
    ("take", "to"): ("PROTEST", "demonstrate"),
    ("go", "off"): ("ASSAULT", "explosives"),
    ("set", "off"): ("ASSAULT", "explosives"),
    # routine police and security actions (PLOVER's COERCE restrict names cordoning off areas)
    ("cordon", "off"): ("COERCE", "restrict"),
    ("cordone", "off"): ("COERCE", "restrict"),
    ("seal", "off"): ("COERCE", "restrict"),
    ("round", "up"): ("COERCE", "arrest"),
    ("pick", "up"): ("COERCE", "arrest"),
}

# Verbs that name an event only with a certain kind of object ("send troops", "take control").
# (lemma, object lemma) -> trigger; the object lemma may also be a class name from OBJECT_CLASSES.
OBJECT_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("send", "FORCES"): ("MOBILIZE", None),
    ("dispatch", "FORCES"): ("MOBILIZE", None),
    ("move", "FORCES"): ("MOBILIZE", None),
    ("gather", "FORCES"): ("MOBILIZE", None),
    ("withdraw", "FORCES"): ("RETREAT", None),
    ("release", "CAPTIVES"): ("CONCEDE", "release"),
    ("free", "CAPTIVES"): ("CONCEDE", "release"),
    ("exchange", "CAPTIVES"): ("AGREE", "exchange"),
    ("swap", "CAPTIVES"): ("AGREE", "exchange"),
    ("take", "TERRITORY"): ("COERCE", "seize territory"),
    ("gain", "TERRITORY"): ("COERCE", "seize territory"),
    ("regain", "TERRITORY"): ("COERCE", "seize territory"),
    ("establish", "BASE"): ("MOBILIZE", "establish base"),
    ("open", "BASE"): ("MOBILIZE", "establish base"),
    ("exchange", "fire"): ("ASSAULT", "clash"),
    ("exchange", "gunfire"): ("ASSAULT", "clash"),
    ("provide", "AID"): ("AID", None),
    ("deliver", "AID"): ("AID", None),
    ("send", "AID"): ("AID", None),
    ("supply", "AID"): ("AID", None),
    ("impose", "SANCTIONS"): ("SANCTION", None),
    ("freeze", "assets"): ("SANCTION", None),
    ("cut", "ties"): ("SANCTION", None),
    ("hold", "PROTEST"): ("PROTEST", "demonstrate"),
    ("stage", "PROTEST"): ("PROTEST", "demonstrate"),
    ("lift", "SANCTIONS"): ("CONCEDE", None),
    ("throw", "WEAPONS"): ("ASSAULT", None),
    ("plant", "WEAPONS"): ("ASSAULT", "explosives"),
    ("place", "WEAPONS"): ("ASSAULT", "explosives"),
    ("seize", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("find", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("fire", "FIRED"): ("ASSAULT", "firearms"),
    ("fire", "WEAPONS"): ("ASSAULT", "firearms"),
    ("throw", "PROJECTILES"): ("ASSAULT", "primitive"),
    ("hurl", "PROJECTILES"): ("ASSAULT", "primitive"),
    ("pelt", "PROJECTILES"): ("ASSAULT", "primitive"),
    ("recover", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("discover", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("capture", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("confiscate", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("destroy", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("uncover", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("intercept", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("defuse", "WEAPONS"): ("COERCE", "disrupt weapons"),
    # people captured or seized are detained, however the report words it: analysts count them as
    # arrests (ACLED "Arrests"; PLOVER COERCE arrest). PLOVER's codebook would code combatants
    # captured in battle as ASSAULT abduct; wirescope follows the analysts' count here.
    ("capture", "PEOPLE"): ("COERCE", "arrest"),
    ("seize", "PEOPLE"): ("COERCE", "arrest"),
    ("seize", "TERRITORY"): ("COERCE", "seize territory"),
    ("use", "CROWD_CONTROL"): ("ASSAULT", "repress"),
    ("lob", "CROWD_CONTROL"): ("ASSAULT", "repress"),
}

# Verbs whose event depends on who does it: troops marching is a movement, not a protest.
SUBJECT_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("march", "FORCES"): ("MOBILIZE", None),
    ("advance", "FORCES"): ("MOBILIZE", None),
    ("gather", "FORCES"): ("MOBILIZE", None),
    ("rally", "FORCES"): ("MOBILIZE", None),
    # "the police intervened": a security force stepping in is a coercive act; a state
    # "intervening" in a war is left to its other words
    ("intervene", "FORCES"): ("COERCE", None),
}

OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "FORCES": frozenset(
        {
            "troop",
            "fighter",
            "force",
            "soldier",
            "militant",
            "reinforcement",
            "unit",
            "battalion",
            "tank",
            "army",
            "militia",
            "police",
            "warship",
            "jet",
            "convoy",
            "policeman",
            "officer",
            "personnel",
            "guard",
            "commando",
            "security",
            "military",
            "cop",
            "constable",
        }
    ),
    # who can be captured, detained or held: "captured three insurgents", "a Taliban leader";
    # a name of a person or group (PERSON, NORP) counts too (extract.py _object_classes)
    "PEOPLE": frozenset(
        {
            "insurgent",
            "militant",
            "fighter",
            "rebel",
            "terrorist",
            "suspect",
            "leader",
            "commander",
            "member",
            "facilitator",
            "operative",
            "soldier",
            "man",
            "woman",
            "person",
            "people",
            "youth",
            "civilian",
            "gunman",
            "bomber",
            "smuggler",
            "criminal",
            "accused",
            "other",
            "individual",
            "official",
            "journalist",
            "activist",
            "protester",
            "demonstrator",
            "student",
            "worker",
            "prisoner",
            "hostage",
            "him",
            "her",
            "chief",
            "emir",
            "mullah",
            "jihadist",
            "militiaman",
            "deserter",
        }
    ),
    # what police use on a crowd: "used tear gas", "used water cannon"
    "CROWD_CONTROL": frozenset({"gas", "teargas", "cannon", "lathi", "bullet", "spray", "grenade", "canister"}),
    "TERRITORY": frozenset(
        {
            "control",
            "city",
            "town",
            "village",
            "district",
            "province",
            "territory",
            "area",
            "region",
            "base",
            "bastion",
            "stronghold",
            "capital",
            "airport",
            "border",
            "crossing",
            "valley",
            "position",
            "hill",
            "checkpoint",
            "neighbourhood",
            "neighborhood",
        }
    ),
    "BASE": frozenset({"base", "headquarters", "headquarter", "office", "camp", "outpost", "checkpoint"}),
    "AID": frozenset(
        {
            "aid",
            "assistance",
            "supply",
            "food",
            "medicine",
            "weapon",
            "arm",
            "ammunition",
            "relief",
            "funding",
            "fund",
            "loan",
            "support",
            "shelter",
        }
    ),
    "SANCTIONS": frozenset({"sanction", "embargo", "ban", "restriction", "curfew", "tariff"}),
    "PROTEST": frozenset({"protest", "demonstration", "rally", "march", "strike", "sit", "vigil"}),
    "CAPTIVES": frozenset(
        {
            "prisoner",
            "hostage",
            "detainee",
            "captive",
            "journalist",
            "soldier",
            "fighter",
            "people",
            "man",
            "woman",
            "child",
            "civilian",
            "activist",
            "worker",
            "student",
            "national",
            "crew",
            "passenger",
            "body",
        }
    ),
    # what is fired: "fired shots", "fired tear gas"; "fired 40 employees" is no assault
    "FIRED": frozenset(
        {
            "shot",
            "round",
            "gas",
            "canister",
            "volley",
            "salvo",
            "flare",
            "bullet",
            "shell",
            "rocket",
            "missile",
            "mortar",
            "grenade",
            "weapon",
            "gun",
            "cannon",
            "projectile",
        }
    ),
    "PROJECTILES": frozenset(
        {
            "stone",
            "rock",
            "brick",
            "bottle",
            "molotov",
            "cocktail",
            "firebomb",
            "firecracker",
            "projectile",
            "object",
            "egg",
        }
    ),
    "WEAPONS": frozenset(
        {
            "grenade",
            "bomb",
            "explosive",
            "ied",
            "device",
            "mine",
            "landmine",
            "weapon",
            "ammunition",
            "rocket",
            "missile",
            "arm",
            "shell",
            "firearm",
            "gun",
            "pistol",
            "rifle",
            "round",
            "bullet",
            "cache",
            "stash",
            "magazine",
            "arsenal",
            "detonator",
            "rpg",
            "dynamite",
        }
    ),
}

# What kills or wounds without being anyone: "the explosion killed six people", "bombs went off".
# Never an event's actor (the doer is whoever set it off, stated elsewhere or not at all).
NOT_DOERS = frozenset(
    {"explosion", "blast", "detonation", "fire", "fireball", "shrapnel", "attack", "bombing", "shelling", "crossfire"}
)

# Verbs whose object or complement carries the event: "launch an attack", "pursue a peace deal".
# The noun decides the type; the verb's subject is the actor.
LIGHT_VERBS = frozenset(
    {
        "launch",
        "carry",
        "conduct",
        "stage",
        "hold",
        "mount",
        "begin",
        "start",
        "continue",
        "resume",
        "step",
        "pursue",
        "seek",
        "make",
        "undertake",
        "perpetrate",
        "commit",
        "claim",
        "face",
        "suffer",
        "escalate",
        "intensify",
        "organize",
        "organise",
        "lead",
        "join",
        "call",
        "reach",
        "conclude",
        "sign",
    }
)

# A light verb that turns the noun's event into another: seeking a deal is negotiating one.
RETYPED_BY_VERB: dict[tuple[str, str], str] = {
    ("pursue", "AGREE"): "CONSULT",
    ("seek", "AGREE"): "CONSULT",
    ("negotiate", "AGREE"): "CONSULT",
    ("discuss", "AGREE"): "CONSULT",
    ("call", "PROTEST"): "MOBILIZE",
}

# --- nouns that name an event ------------------------------------------------------------------

NOUN_TRIGGERS: dict[str, Trigger] = {
    "agreement": ("AGREE", None),
    "accord": ("AGREE", None),
    "deal": ("AGREE", None),
    "ceasefire": ("AGREE", "ceasefire"),
    "truce": ("AGREE", "ceasefire"),
    "treaty": ("AGREE", None),
    "armistice": ("AGREE", "ceasefire"),
    "talk": ("CONSULT", None),
    "negotiation": ("CONSULT", None),
    "meeting": ("CONSULT", None),
    "summit": ("CONSULT", None),
    "visit": ("CONSULT", None),
    "mediation": ("CONSULT", None),
    "endorsement": ("SUPPORT", None),
    "surrender": ("CONCEDE", None),
    "concession": ("CONCEDE", None),
    "apology": ("CONCEDE", None),
    "cooperation": ("COOPERATE", None),
    "alliance": ("COOPERATE", None),
    "aid": ("AID", None),
    "assistance": ("AID", None),
    "evacuation": ("AID", "evacuation"),
    "withdrawal": ("RETREAT", None),
    "retreat": ("RETREAT", None),
    "pullout": ("RETREAT", None),
    "request": ("REQUEST", None),
    "appeal": ("REQUEST", None),
    "demand": ("REQUEST", None),
    "accusation": ("ACCUSE", None),
    "condemnation": ("ACCUSE", None),
    "allegation": ("ACCUSE", None),
    "rejection": ("REJECT", None),
    "refusal": ("REJECT", None),
    "threat": ("THREATEN", None),
    "ultimatum": ("THREATEN", None),
    "warning": ("THREATEN", None),
    "protest": ("PROTEST", "demonstrate"),
    "demonstration": ("PROTEST", "demonstrate"),
    "rally": ("PROTEST", "demonstrate"),
    "march": ("PROTEST", "demonstrate"),
    "riot": ("PROTEST", "riot"),
    "sit": ("PROTEST", "demonstrate"),
    "vigil": ("PROTEST", "demonstrate"),
    "boycott": ("PROTEST", "boycott"),
    "strike": ("ASSAULT", None),
    "protester": ("PROTEST", "demonstrate"),
    "demonstrator": ("PROTEST", "demonstrate"),
    "sanction": ("SANCTION", None),
    "embargo": ("SANCTION", None),
    "expulsion": ("SANCTION", "expel"),
    "deployment": ("MOBILIZE", None),
    "mobilization": ("MOBILIZE", None),
    "mobilisation": ("MOBILIZE", None),
    "buildup": ("MOBILIZE", None),
    "reinforcement": ("MOBILIZE", None),
    "arrest": ("COERCE", "arrest"),
    "detention": ("COERCE", "arrest"),
    "siege": ("COERCE", "siege"),
    "blockade": ("COERCE", "siege"),
    "crackdown": ("COERCE", "repress"),
    "curfew": ("COERCE", "restrict"),
    "deportation": ("COERCE", "deport"),
    "capture": ("COERCE", "seize territory"),
    "takeover": ("COERCE", "seize territory"),
    "occupation": ("COERCE", "seize territory"),
    "looting": ("COERCE", "destroy property"),
    "arson": ("COERCE", "destroy property"),
    "attack": ("ASSAULT", None),
    "assault": ("ASSAULT", None),
    "offensive": ("ASSAULT", None),
    "airstrike": ("ASSAULT", "aerial"),
    "bombing": ("ASSAULT", "explosives"),
    "bombardment": ("ASSAULT", "artillery"),
    "shelling": ("ASSAULT", "artillery"),
    "clash": ("ASSAULT", "clash"),
    "fighting": ("ASSAULT", "clash"),
    "gunfire": ("ASSAULT", "firearms"),
    "gunfight": ("ASSAULT", "clash"),
    "firefight": ("ASSAULT", "clash"),
    "shootout": ("ASSAULT", "clash"),
    "battle": ("ASSAULT", "clash"),
    "skirmish": ("ASSAULT", "clash"),
    "ambush": ("ASSAULT", None),
    "raid": ("ASSAULT", None),
    "killing": ("ASSAULT", "kill"),
    "massacre": ("ASSAULT", "kill"),
    "assassination": ("ASSAULT", "assassinate"),
    "execution": ("ASSAULT", "kill"),
    "murder": ("ASSAULT", "kill"),
    "explosion": ("ASSAULT", "explosives"),
    "blast": ("ASSAULT", "explosives"),
    "shooting": ("ASSAULT", "firearms"),
    "abduction": ("ASSAULT", "abduct"),
    "kidnapping": ("ASSAULT", "abduct"),
    "rape": ("ASSAULT", "sexual"),
    "torture": ("ASSAULT", "torture"),
    "lynching": ("ASSAULT", "mob"),
    "invasion": ("ASSAULT", None),
    "vendetta": ("ASSAULT", None),
    "incursion": ("ASSAULT", None),
    # issue 13: the kinds of violence analysts count, named by a noun
    "firing": ("ASSAULT", "firearms"),
    "crossfire": ("ASSAULT", "clash"),
    "airstrikes": ("ASSAULT", "aerial"),
    "air-strike": ("ASSAULT", "aerial"),
    "detonation": ("ASSAULT", "explosives"),
    "hostage-taking": ("ASSAULT", "abduct"),
    "lathicharge": ("ASSAULT", "repress"),
    "custody": ("COERCE", "arrest"),  # only "taken into custody" (extract.py noun_trigger)
    "seizure": ("COERCE", "seize"),
}
# "the exchange of fire": a noun that names an event only with these words under its "of".
NOUN_OF_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("exchange", "fire"): ("ASSAULT", "clash"),
    ("exchange", "shot"): ("ASSAULT", "clash"),
    ("hail", "bullet"): ("ASSAULT", "firearms"),
}
# An event noun whose "of" names who or what it was done to, retyping it: the capture of a
# commander is an arrest, the seizure of a town is ground taken, of a cache weapons disrupted.
NOUN_OF_RETYPED: dict[tuple[str, str], Trigger] = {
    ("capture", "PEOPLE"): ("COERCE", "arrest"),
    ("seizure", "PEOPLE"): ("COERCE", "arrest"),
    ("seizure", "TERRITORY"): ("COERCE", "seize territory"),
    ("capture", "WEAPONS"): ("COERCE", "disrupt weapons"),
    ("seizure", "WEAPONS"): ("COERCE", "disrupt weapons"),
}
# Gerunds the parser tags as verbs where they name the event as a noun: "killed in police firing".
GERUND_TRIGGERS: dict[str, Trigger] = {"fire": ("ASSAULT", "firearms"), "shell": ("ASSAULT", "artillery")}

# Nouns that sharpen the mode of the event they modify or name: "drone strike", "car bomb".
MODE_WORDS: dict[str, str] = {
    "air": "aerial",
    "airstrike": "aerial",
    "drone": "aerial",
    "warplane": "aerial",
    "jet": "aerial",
    "aircraft": "aerial",
    "helicopter": "aerial",
    "aerial": "aerial",
    "plane": "aerial",
    "airplane": "aerial",
    "artillery": "artillery",
    "mortar": "artillery",
    "rocket": "artillery",
    "missile": "artillery",
    "shell": "artillery",
    "shelling": "artillery",
    "howitzer": "artillery",
    "tank": "artillery",
    "grenade": "grenade",
    "suicide": "suicide bomb",
    "bomber": "suicide bomb",
    "ied": "explosives",
    "landmine": "explosives",
    "mine": "explosives",
    "explosive": "explosives",
    "bomb": "explosives",
    "car": "explosives",
    "roadside": "explosives",
    "device": "explosives",
    "chemical": "chemical",
    "chlorine": "chemical",
    "sarin": "chemical",
    "gas": "chemical",
    "mustard": "chemical",
    "toxic": "chemical",
    "gun": "firearms",
    "rifle": "firearms",
    "gunman": "firearms",
    "gunmen": "firearms",
    "sniper": "firearms",
    "gunfire": "firearms",
    "bullet": "firearms",
    "knife": "primitive",
    "machete": "primitive",
    "mob": "mob",
    "vigilante": "mob",
    "rape": "sexual",
    "sexual": "sexual",
    "sex": "sexual",
    "abduct": "abduct",
    "kamikaze": "suicide bomb",
    "exchange": "clash",
    "crossfire": "clash",
    "kidnap": "abduct",
    "hostage": "abduct",
    "riot": "riot",
    "tear": "repress",
    "teargas": "repress",
    "lathi": "repress",
    "lathicharge": "repress",
    "baton": "beat",  # PLOVER: a blunt instrument is a beating
    "club": "beat",
    "unmanned": "aerial",
    "uav": "aerial",
    "gunship": "aerial",
    "airstrikes": "aerial",
    "improvised": "explosives",
    "mine-laying": "explosives",
}

# Two-word names whose second word alone would say another mode: tear gas is not a chemical weapon.
MODE_COMPOUNDS: dict[tuple[str, str], str] = {
    ("tear", "gas"): "repress",
    ("rubber", "bullet"): "repress",
    ("water", "cannon"): "repress",
    ("pepper", "spray"): "repress",
    ("stun", "grenade"): "repress",
    ("plastic", "bullet"): "repress",
    ("car", "bomb"): "explosives",
    ("smoke", "grenade"): "repress",
    ("flash", "grenade"): "repress",
    ("pepper", "canister"): "repress",
    ("pepper", "ball"): "repress",
    ("suicide", "bomber"): "suicide bomb",
}

# Modes the more specific of which wins when several words in a clause name one.
MODE_PRIORITY: tuple[str, ...] = (
    "chemical",
    "suicide bomb",
    "grenade",
    "aerial",
    "artillery",
    "explosives",
    "sexual",
    "abduct",
    "mob",
    "clash",
    "assassinate",
    "kill",
    "repress",
    "firearms",
    "torture",
    "beat",
    "primitive",
)

# Verbs with no object of their own; a direct object means the parser read a participle
# modifier ("retreating troops") as a verb, and the word is not an event there.
INTRANSITIVE_TRIGGERS = frozenset({"retreat", "flee", "escape", "riot", "clash", "protest", "march", "disagree"})

# Trigger words that are too often something else unless an event noun supports them.
NEEDS_ARGUMENT = frozenset(
    {
        "strike",
        "hit",
        "target",
        "fire",
        "back",
        "free",
        "station",
        "host",
        "visit",
        "sign",
        "help",
        "mass",
        "blast",
        "gun",
    }
)

# Words that make a protest a riot: "violent protests", "the demonstration turned violent".
VIOLENT_WORDS = frozenset({"violent", "riotous", "unruly", "rampaging", "stone-throwing"})

# "Attacked her opponent in a tweet", "personal attacks": words attack with words, which PLOVER
# codes as ACCUSE. Verbs that can do either, and the cues in their clause that say it was words.
VERBAL_ATTACK_VERBS = frozenset({"attack", "target", "pound", "blast", "assail", "hit", "slam", "assault"})
VERBAL_ATTACK_CUES = frozenset(
    {
        "tweet",
        "tweets",
        "speech",
        "debate",
        "interview",
        "statement",
        "remarks",
        "ads",
        "op-ed",
        "column",
        "editorial",
        "podcast",
        "personal",
        "verbal",
        "rhetorical",
        "scathing",
        "withering",
        "biography",
        "platform",
        "policies",
        "comments",
        "character",
        "credibility",
        "fraud",
        "liar",
        "hypocrite",
        "rhetoric",
    }
)

# Firing at nothing, or in celebration, is no assault: "fired into the air", "celebratory gunfire".
NOT_HOSTILE_WORDS = frozenset({"air", "sky", "celebratory", "celebration", "celebrations", "jubilation"})
# Noun + modifier pairs that are idioms, not events: "a great deal".
NOT_EVENT_PHRASES = frozenset({("deal", "great"), ("deal", "good"), ("strike", "lucky")})

# Event nouns too often something else unless a mode word says how: "air strike", not "general strike".
NOUNS_NEEDING_MODE = frozenset({"strike"})

# Causes that are not actors: deaths in a flood or an earthquake are no PLOVER event.
DISASTER_WORDS = frozenset(
    {
        "earthquake",
        "quake",
        "flood",
        "rain",
        "storm",
        "cyclone",
        "hurricane",
        "typhoon",
        "landslide",
        "tsunami",
        "wildfire",
        "drought",
        "avalanche",
        "heatwave",
        "virus",
        "disease",
        "outbreak",
        "pandemic",
        "epidemic",
        "accident",
        "crash",
        "collapse",
        "eruption",
        "tornado",
        "mudslide",
        "covid-19",
        "coronavirus",
        "famine",
    }
)

# --- participants ------------------------------------------------------------------------------

# Prepositions whose object is the event's target ("attack on", "talks with", "sanctions against").
TARGET_PREPOSITIONS = frozenset({"on", "upon", "against", "with", "at", "to", "toward", "towards", "into"})
# Event nouns whose "of" names the one it was done to: "the murder of General X", "the kidnapping
# of the mayor" (but "an attack of the rebels" says who attacked, so "attack" is not here).
PATIENT_OF_NOUNS = frozenset(
    {
        "killing",
        "massacre",
        "assassination",
        "execution",
        "murder",
        "slaying",
        "shooting",
        "abduction",
        "kidnapping",
        "disappearance",
        "rape",
        "torture",
        "lynching",
        "beheading",
        "hostage-taking",
        "bombing",
        "shelling",
        "bombardment",
        "destruction",
        "burning",
    }
)
# Prepositions whose object can be where it happened.
PLACE_PREPOSITIONS = english.place_prepositions("event")
# A common noun after a place name that belongs to the name: "the Panjshir valley".
PLACE_HEADS = frozenset(w for w, n in english.PLACE_NOUNS.items() if n.event)
# Entity labels that can be a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words for one's adversary: their attacker is the speaker's own side ("the enemy is under siege").
ENEMY_WORDS = frozenset({"enemy", "enemies", "foe", "foes", "adversary", "adversaries"})

# --- casualties (ACLED's conservative counting) ----------------------------------------------

# Verbs whose weapon object is what they attack with: "set off an IED", "detonated a bomb".
INSTRUMENT_VERBS = frozenset({"set", "detonate", "explode", "plant", "use", "drop", "launch", "fire", "throw", "hurl"})
# Prepositions that date one event by another: "two days before the attacks", "since the raid".
TIME_LANDMARK_WORDS = frozenset({"before", "after", "since", "until", "till", "following", "ahead"})
# Verbs that only count victims: beside another attack in the sentence they are its toll, not an event.
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "maim"})
FATALITY_WORDS = frozenset(
    {
        "kill",
        "die",
        "dead",
        "death",
        "fatality",
        "body",
        "corpse",
        "slay",
        "massacre",
        "execute",
        "murder",
        "behead",
        "toll",
        "life",
    }
)
INJURY_WORDS = frozenset({"wound", "injure", "injury", "hurt", "casualty", "injured", "wounded", "maim"})
# Vague quantities ACLED counts at their conservative floor.
COUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "scores": 20,
    "score": 20,
}

# --- modality cues (read by annotate/events/modality.py) ------------------------------------------------

NEGATION_WORDS = frozenset(
    {"not", "n't", "never", "no", "neither", "nor", "without", "nobody", "none", "nothing", "nowhere"}
)
# Subjects that deny the event had any doer: "no one attacked", "nobody was killed".
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "neither", "noone"})
# Governors whose complement did not happen: "failed to capture", "refrained from attacking".
FAILING_GOVERNORS = frozenset(
    {
        "fail",
        "refuse",
        "decline",
        "unable",
        "avoid",
        "refrain",
        "deny",
        "reject",
        "foil",
        "thwart",
        "avert",
        "forestall",
        "preempt",
    }
)
# Governors that kept something from happening, when followed by `from`: "held them back from taking".
# ("keep fighting" and "stopped attacking" say the opposite, hence the `from`.)
PREVENTING_GOVERNORS = frozenset(
    {
        "prevent",
        "stop",
        "avert",
        "halt",
        "block",
        "thwart",
        "foil",
        "hold",
        "keep",
        "forbid",
        "prohibit",
        "deter",
        "spare",
        "bar",
        "discourage",
        "dissuade",
    }
)
# Governors whose complement is merely possible: "could attack", "risk of clashes", "fear an offensive".
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought"})
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether", "lest", "should"})
HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "risk",
        "fear",
        "possibility",
        "possible",
        "likely",
        "unlikely",
        "chance",
        "danger",
        "imagine",
        "suppose",
        "consider",
        "worry",
        "prospect",
    }
)
# Future and intention: "will withdraw", "plans to attack", "pursuing a peace deal".
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
INTENTION_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "vow",
        "pledge",
        "promise",
        "prepare",
        "seek",
        "try",
        "attempt",
        "pursue",
        "want",
        "hope",
        "expect",
        "threaten",
        "decide",
        "offer",
        "propose",
        "mean",
        "go",
        "plot",
        "bid",
        "effort",
        "intention",
        "ready",
        "prepared",
        "determined",
        "push",
        "work",
        "wish",
        "look",
        "about",
        "scheduled",
        "set",
        "due",
        "poised",
        "eager",
        "resolve",
        "agree",
        "commit",
        "will",
        "desire",
        "readiness",
        "determination",
        "intent",
        "willing",
        "preparation",
    }
)
# Intention words that say so only with a complement: "is set to attack", "is going to", "looks to";
# "set off an IED", "went on a rampage", "worked the checkpoint" are the act itself.
INTENTION_NEEDS_COMPLEMENT = frozenset({"set", "go", "look", "work", "push", "about", "due", "mean", "bid", "will"})
# Governors whose complement is asked of someone: "called on the U.S. to help", "urged them to leave".
REQUEST_GOVERNORS = frozenset(
    {
        "ask",
        "urge",
        "request",
        "demand",
        "call",
        "appeal",
        "plead",
        "invite",
        "press",
        "encourage",
        "implore",
        "order",
        "instruct",
        "beg",
        "petition",
        "exhort",
        "need",
    }
)
# Reports that carry an event without vouching for it: "reports of killings".
REPORT_NOUNS = frozenset(
    {
        "report",
        "rumour",
        "rumor",
        "allegation",
        "claim",
        "account",
        "speculation",
        "indication",
        "suggestion",
        "word",
        "story",
        "footage",
        "video",
    }
)
# Adjectives on an event noun that say how it stands: "a possible attack", "the planned withdrawal".
NOUN_MODIFIER_MODALITY: dict[str, str] = {
    "possible": "hypothetical",
    "potential": "hypothetical",
    "imminent": "hypothetical",
    "feared": "hypothetical",
    "future": "hypothetical",
    "would-be": "hypothetical",
    "likely": "hypothetical",
    "hypothetical": "hypothetical",
    "planned": "intended",
    "intended": "intended",
    "proposed": "intended",
    "threatened": "intended",
    "alleged": "reported",
    "suspected": "reported",
    "reported": "reported",
    "apparent": "reported",
    "purported": "reported",
    "rumoured": "reported",
    "rumored": "reported",
    "unconfirmed": "unconfirmed",
    "unverified": "unconfirmed",
    "failed": "negated",
    "thwarted": "negated",
    "foiled": "negated",
    "aborted": "negated",
    "averted": "negated",
}
REPORT_ADVERBS = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "seemingly", "ostensibly"}
)
# Passive reporting verbs: "is said to have", "were reported to be", "is believed to".
REPORTING_PASSIVES = frozenset(
    {
        "say",
        "report",
        "believe",
        "think",
        "allege",
        "rumour",
        "rumor",
        "suspect",
        "understand",
        "know",
        "claim",
        "feared",
    }
)
CONFIRM_VERBS = frozenset({"confirm", "verify", "corroborate", "substantiate"})
UNCONFIRMED_WORDS = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"})
# "stopped short of confirming", "declined to confirm", "could not confirm".
NOT_CONFIRMING_GOVERNORS = frozenset({"stop", "decline", "refuse", "fail", "unable", "short", "without"})
# Verbs of saying: a complement clause is the speaker's claim.
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "tweet",
        "claim",
        "insist",
        "state",
        "announce",
        "assert",
        "declare",
        "add",
        "write",
        "report",
        "allege",
        "maintain",
        "argue",
        "note",
        "post",
        "explain",
        "stress",
        "reiterate",
        "admit",
        "acknowledge",
        "boast",
        "contend",
        "confirm",
        "deny",
        "suggest",
        "testify",
        "recount",
        "describe",
        "brief",
        "inform",
        "quote",
        "cite",
        "warn",
        "vow",
        "promise",
        "pledge",
    }
)
# The speaker's organisation can be named by these relations in the actor record.
AFFILIATION_RELATIONS = frozenset({"spokesperson_for", "member_of", "leader_of", "founder_of"})
