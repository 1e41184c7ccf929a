"""How the actor network names a tie, per PLOVER event type (a data module: no logic here).

The network answers "who meets, attacks, quotes or supports whom": each PLOVER type falls in one
of a few plain-language ties. Types with no natural direction between two actors (RETREAT,
MOBILIZE) still draw an edge when the text names a target, labelled by their own verb.
"""

TIE_BY_EVENT_TYPE: dict[str, str] = {
    "CONSULT": "meets",
    "AGREE": "agrees with",
    "COOPERATE": "cooperates with",
    "SUPPORT": "supports",
    "AID": "aids",
    "CONCEDE": "concedes to",
    "REQUEST": "asks",
    "RETREAT": "retreats from",
    "ACCUSE": "accuses",
    "REJECT": "rejects",
    "THREATEN": "threatens",
    "PROTEST": "protests against",
    "SANCTION": "sanctions",
    "MOBILIZE": "mobilizes against",
    "COERCE": "coerces",
    "ASSAULT": "attacks",
}

# A speaker naming another actor inside a quote: "X quotes on Y".
TIE_QUOTE = "speaks of"

# The ties of action the network shows by default (attack, coerce, meet, support, aid, reject):
# what actors did to each other. The other types, and quotes, are speech and signalling ties,
# shown when asked for (`speech`): drawn all together they bury the ties that matter.
ACTION_TYPES: tuple[str, ...] = ("ASSAULT", "COERCE", "CONSULT", "SUPPORT", "AID", "REJECT")
