"""Words that make an attribution a claim, and the words that turn its stance.

Kept apart from the logic of extract.py (STYLE.md, 10). Lemmas, lower case.
"""

from __future__ import annotations

# Cues whose complement is put forward as true (or, for the denial cues below, as false). Verbs of
# requesting ("urge", "ask", "demand") and of praising or blaming are left out: what they introduce
# is a wish or a judgement, not a checkable proposition. "attack", "defend" and "call" are left out
# too: the quotes annotator reads their objects as indirect quotes ("defended the same valley").
CLAIM_CUES = frozenset(
    {
        "say",
        "tell",
        "tweet",
        "retweet",
        "write",
        "post",
        "claim",
        "state",
        "declare",
        "announce",
        "insist",
        "maintain",
        "assert",
        "add",
        "report",
        "confirm",
        "acknowledge",
        "admit",
        "concede",
        "allege",
        "note",
        "explain",
        "stress",
        "reiterate",
        "repeat",
        "counter",
        "contend",
        "argue",
        "boast",
        "brief",
        "inform",
        "testify",
        "disclose",
        "reveal",
        "estimate",
        "warn",
        "vow",
        "continue",
        "according",
        "accord",
    }
)
# Cues that put the complement forward as false: "denied that the valley had fallen".
DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "retract", "withdraw", "disown", "contradict"})
# Cues that doubt the complement without denying it: "questioned whether the figures were right".
QUESTION_CUES = frozenset({"question", "doubt", "dispute", "query", "challenge"})
ALL_CUES = CLAIM_CUES | DENIAL_CUES | QUESTION_CUES

# A denial whose object only refers to a claim made just before: "a claim that the NRF rejected",
# "the Taliban rejected those figures". The denial takes the referred claim's proposition.
REFERRING_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "figure",
        "figures",
        "report",
        "reports",
        "account",
        "accounts",
        "allegation",
        "allegations",
        "assertion",
        "assertions",
        "statement",
        "announcement",
        "that",
        "this",
        "it",
    }
)

# Words of the proposition's own clause that deny it: "no exchange of gunfire", "had not fallen".
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "none", "nothing", "neither", "nor", "no one"})

# Positions one claims to hold: "has claimed the Afghan presidency", "declared himself president".
POSITION_NOUNS = frozenset(
    {
        "presidency",
        "president",
        "leadership",
        "leader",
        "premiership",
        "prime minister",
        "throne",
        "title",
        "post",
        "mantle",
        "role",
        "command",
        "caretaker",
        "head",
        "governor",
        "emir",
    }
)
POSITION_CUES = frozenset({"claim", "declare", "proclaim", "name", "appoint", "assume"})

# Event modes of territory changing hands: such an event is a claim about who controls the place.
CONTROL_MODES = frozenset({"seize territory", "seize"})
# Event modes that count as fighting at a place besides assaults: a siege is an armed standoff.
FIGHTING_MODES = frozenset({"siege"})
# Generic words left out of a place's key, so that "Panjshir Valley" and "Panjshir" are one place.
PLACE_GENERIC_WORDS = frozenset({"valley", "province", "district", "city", "region", "town", "the"})
# What territory taken is called when not by name: "conquer our region", "took full control".
GROUND_NOUNS = frozenset(
    {"control", "region", "territory", "area", "land", "bastion", "valley", "city", "capital", "province", "district"}
)
