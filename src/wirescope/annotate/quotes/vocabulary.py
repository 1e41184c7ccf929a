"""Vocabularies for quotes: speech and belief verbs, venues, media and speaker descriptions.

Data only; the logic that uses it is in annotate/quotes.py and annotate/speakers.py. Verbs are
spaCy lemmas (lower case). Lists are meant to be extended: a missing verb costs recall, a verb
that is rarely used for speech ("call", "tell" is kept) costs precision.
"""

from __future__ import annotations

from wirescope.annotate.english import pronouns

# Verbs that introduce words someone said or wrote, direct or reported.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "tweet", "retweet", "write", "pen", "post", "vow", "insist", "claim", "state",
    "declare", "announce", "explain", "note", "argue", "warn", "suggest", "ask", "reply", "respond",
    "answer", "continue", "pledge", "promise", "deny", "admit", "acknowledge", "confirm", "report",
    "urge", "recall", "complain", "predict", "stress", "emphasize", "emphasise", "contend", "maintain",
    "assert", "concede", "comment", "quip", "joke", "boast", "charge", "allege", "testify", "shout",
    "yell", "whisper", "remark", "observe", "counter", "reiterate", "lament", "retort", "tout",
    "demand", "threaten", "caution", "advise", "inform", "assure", "reassure", "brag", "muse",
    "speculate", "conclude", "recount", "repeat", "disclose", "reveal", "elaborate", "mention",
    "describe", "proclaim", "concur", "agree", "wonder", "opine", "plead", "exclaim", "scoff",
    "sneer", "snap", "chide", "accuse", "criticize", "criticise", "praise", "thank", "tell",
    "estimate", "hint", "signal", "indicate", "caution", "query", "question", "propose", "recommend",
    "chant", "sing", "read", "scream", "cry", "sigh", "laugh", "murmur", "mutter", "beg",
})

# Verbs of thinking and finding: they attribute a reported clause ("he believes that ...",
# "a poll found that ...") but never introduce verbatim words in quotation marks.
BELIEF_VERBS = frozenset({
    "believe", "think", "feel", "hope", "expect", "fear", "know", "worry", "doubt", "consider",
    "suspect", "assume", "understand", "figure", "reckon", "realize", "realise", "learn", "find",
    "show", "imagine", "guess", "hear", "see", "decide", "forecast", "project",
})

# Speech verbs whose object is the one spoken to ("told Trump"), never the speaker.
ADDRESSEE_VERBS = frozenset({
    "tell", "ask", "inform", "assure", "reassure", "advise", "urge", "warn", "thank", "accuse",
    "praise", "criticize", "criticise", "chide", "caution", "question", "answer", "remind",
})

# Verbs whose object or infinitive is what someone said, wanted or proposed ("wants to make
# tuition free", "proposed a tax cut"): attribution corpora such as PolNeAR mark these too.
# Values are the dependency labels of the content under the verb.
OBJECT_CUES = {
    "want": ("xcomp", "dobj"), "propose": ("dobj", "xcomp"), "mention": ("dobj",),
    "promise": ("xcomp", "dobj"), "vow": ("xcomp",), "pledge": ("xcomp", "dobj"),
    "threaten": ("xcomp",), "demand": ("dobj",), "deny": ("dobj",), "suggest": ("dobj", "xcomp"),
    "plan": ("xcomp",), "intend": ("xcomp",), "seek": ("xcomp", "dobj"), "refuse": ("xcomp",),
    "decline": ("xcomp",), "describe": ("dobj",), "cite": ("dobj",), "urge": ("xcomp",),
    "reject": ("dobj",), "endorse": ("dobj",), "praise": ("dobj",), "criticize": ("dobj",),
    "criticise": ("dobj",), "attack": ("dobj",), "blame": ("dobj",), "announce": ("dobj",),
    "acknowledge": ("dobj",), "admit": ("dobj",), "question": ("dobj",), "oppose": ("dobj",),
    "support": ("dobj",), "predict": ("dobj",), "recommend": ("dobj",), "advocate": ("dobj",),
    "dismiss": ("dobj",), "defend": ("dobj",), "expect": ("xcomp",), "agree": ("xcomp",),
    "call": ("dobj", "oprd"), "label": ("dobj", "oprd"), "dub": ("dobj", "oprd"), "show": ("dobj",),
}

# Verb and preposition whose object is the content ("called for", "spoke of", "talked about").
PREPOSITION_CUES = frozenset({
    ("call", "for"), ("speak", "of"), ("speak", "about"), ("talk", "about"), ("ask", "for"),
    ("argue", "for"), ("push", "for"), ("warn", "of"), ("warn", "about"), ("complain", "about"),
    ("worry", "about"), ("write", "about"), ("boast", "about"), ("brag", "about"), ("joke", "about"),
    ("testify", "about"), ("comment", "on"), ("insist", "on"), ("agree", "on"), ("lie", "about"),
})

# Cues made of several words; the first word is matched case-insensitively.
ACCORDING_TO = ("according", "to")

# How the words were published, by the verb that introduces them.
MEDIUM_BY_VERB = {
    "tweet": "tweet",
    "retweet": "tweet",
    "post": "post",
}

# How the words were published, by a noun near the cue ("in an op-ed", "at a press conference").
# Keys are lower-case phrases; values are the medium recorded.
MEDIUM_NOUNS = {
    "op-ed": "op-ed",
    "oped": "op-ed",
    "opinion piece": "op-ed",
    "column": "column",
    "editorial": "editorial",
    "essay": "essay",
    "opus": "article",
    "interview": "interview",
    "press conference": "press conference",
    "news conference": "press conference",
    "press briefing": "briefing",
    "briefing": "briefing",
    "statement": "statement",
    "speech": "speech",
    "address": "speech",
    "tweet": "tweet",
    "twitter": "tweet",
    "facebook": "social media post",
    "instagram": "social media post",
    "telegram": "social media post",
    "letter": "letter",
    "video": "video",
    "podcast": "podcast",
    "radio": "radio",
    "television": "television",
    "email": "email",
    "text message": "text message",
    "rally": "rally",
    "sermon": "sermon",
    "memo": "memo",
}

# News organisations known by name. Others are recognised by the words in their names.
MEDIA_OUTLETS = frozenset({
    "bbc", "cnn", "reuters", "ap", "associated press", "afp", "agence france-presse", "al jazeera",
    "npr", "fox", "fox news", "msnbc", "abc", "nbc", "cbs", "pbs", "sky", "sky news", "bloomberg",
    "politico", "axios", "breitbart", "huffpost", "huffington post", "vox", "buzzfeed", "cnbc",
    "tolo", "tolonews", "tolo news", "pajhwok", "ariana", "xinhua", "tass", "ria novosti", "rt",
    "dpa", "efe", "ansa", "kyodo", "the new yorker", "the atlantic", "the economist", "vice",
    "the daily beast", "daily beast", "the hill", "newsweek", "time", "yahoo news", "the intercept",
    "voice of america", "voa", "radio free europe", "rfe/rl", "dw", "deutsche welle", "france 24",
    "euronews", "the guardian", "guardian", "the independent", "the telegraph", "le monde",
    "der spiegel", "spiegel", "breitbart news", "breitbart news daily", "siriusxm",
})

# Words that mark an organisation's name as a news outlet ("The Washington Post", "Kabul Times").
MEDIA_NAME_WORDS = frozenset({
    "post", "times", "news", "journal", "herald", "gazette", "tribune", "telegraph", "radio", "tv",
    "television", "broadcasting", "network", "press", "agency", "daily", "chronicle", "courier",
    "observer", "magazine", "wire", "bulletin", "ledger", "dispatch", "examiner", "inquirer",
    "sentinel", "standard", "express", "mirror", "monitor", "review", "register", "newspaper",
    "channel", "media", "broadcaster", "weekly", "globe", "star", "sun",
})

# Pronouns that can stand for a speaker, by the kind of actor they stand for.
PERSON_PRONOUNS = pronouns(person=True, cases=("subject", "object"))
GROUP_PRONOUNS = pronouns(person=False, cases=("subject", "object"))
# Evidence of a person's gender the text itself gives: pronouns the actors annotator linked to
# them, and the honorific before their name. Used only to stop "she" resolving to a "Mr.".
GENDER_OF_TITLE = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}

# Head nouns of descriptions that stand for a person ("the 32-year-old resistance leader").
PERSON_NOUNS = frozenset({
    "leader", "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president",
    "commander", "chief", "head", "director", "founder", "candidate", "nominee", "senator",
    "governor", "mayor", "envoy", "ambassador", "diplomat", "general", "officer", "secretary",
    "chairman", "chairwoman", "chair", "ceo", "executive", "lawmaker", "congressman",
    "congresswoman", "representative", "adviser", "advisor", "aide", "strategist", "pollster",
    "analyst", "expert", "warlord", "fighter", "cleric", "mullah", "politician", "businessman",
    "businesswoman", "billionaire", "son", "daughter", "father", "mother", "man", "woman",
    "veteran", "activist", "negotiator", "prime", "premier", "king", "queen", "prince", "emir",
    "lawyer", "attorney", "judge", "prosecutor", "professor", "scholar", "author", "host",
    "manager", "coordinator", "vice", "deputy", "former", "star", "mogul",
})

# Head nouns of descriptions that stand for an organisation ("the group told the BBC").
GROUP_NOUNS = frozenset({
    "group", "movement", "organization", "organisation", "militia", "party", "ministry",
    "government", "administration", "campaign", "front", "alliance", "agency", "committee",
    "council", "company", "office", "department", "coalition", "insurgents", "militants",
    "rebels", "regime", "authorities", "force", "forces", "army", "team", "network",
})

# Words that end a sentence only when they are not these abbreviations ("Mr. Smith said").
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "lt", "col", "sgt", "capt", "maj",
    "prof", "rev", "jr", "sr", "u.s", "u.n", "u.k", "no", "vs", "inc", "co", "corp", "ltd", "sept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "st", "mt", "ft",
    "pres", "adm", "cmdr", "supt", "atty", "ret", "d", "r", "i",
})

# Opening and closing double quotation marks. A straight mark opens and closes.
OPENING_MARKS = frozenset({"“", "«", "„"})
CLOSING_MARKS = frozenset({"”", "»"})
STRAIGHT_MARK = '"'
# Two apostrophes stand for a straight double mark in some archives (the New York Times').
DOUBLED_APOSTROPHE = "''"

# A dash after a quotation introduces its author: "“...” ― Sonya Herridge".
DASH_CUES = ("―", "—", "--", "–")

# Small function words title-case names keep in lower case ("Lion of Panjshir").
TITLE_CASE_FUNCTION_WORDS = frozenset({
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "from", "by", "with", "de",
    "al", "el", "la", "le", "du", "von", "van",
})

