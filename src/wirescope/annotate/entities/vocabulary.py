"""Word lists for the conflict-news NER fixes (logic in patterns.py).

Each list says what the bare English model gets wrong that the list corrects. They are general
vocabulary of conflict reporting, not the names of one article.
"""

from __future__ import annotations

from wirescope.annotate import english

# Armed groups, movements and coalitions that the small English model misses or calls NORP/GPE/
# PERSON ("Taliban" as NORP, "al-Shabaab" as PERSON, "Islamic State" as GPE). Matched
# case-insensitively token by token, so "Al-Qaeda" and "al-Qaeda" both match.
ARMED_GROUPS: tuple[str, ...] = (
    "Taliban",
    "al-Qaeda",
    "al-Qaida",
    "al Qaeda",
    "al-Qaeda in the Arabian Peninsula",
    "Islamic State",
    "Islamic State Khorasan",
    "Islamic State Khorasan Province",
    "Daesh",
    "Haqqani network",
    "Hezbollah",
    "Hizbollah",
    "Hamas",
    "Islamic Jihad",
    "al-Shabaab",
    "al-Shabab",
    "Boko Haram",
    "Houthis",
    "Ansar Allah",
    "Hayat Tahrir al-Sham",
    "Jabhat al-Nusra",
    "al-Nusra Front",
    "Free Syrian Army",
    "Syrian Democratic Forces",
    "Kurdistan Workers' Party",
    "Peshmerga",
    "Wagner Group",
    "Northern Alliance",
    "National Resistance Front",
    "National Resistance Front of Afghanistan",
    "Afghanistan Freedom Front",
    "Lashkar-e-Taiba",
    "Jaish-e-Mohammed",
    "Tehrik-i-Taliban Pakistan",
    "Popular Mobilization Forces",
    "Hashd al-Shaabi",
    "Kata'ib Hezbollah",
    "Janjaweed",
    "Rapid Support Forces",
    "Islamic Emirate of Afghanistan",
)

# Acronyms of armed groups, matched exactly (case-sensitive): "IS" or "HTS" in lower case are words.
ARMED_GROUP_ACRONYMS: tuple[str, ...] = (
    "ISIS",
    "ISIL",
    "ISIS-K",
    "IS-K",
    "ISKP",
    "NRF",
    "HTS",
    "SDF",
    "YPG",
    "PKK",
    "AQAP",
    "TTP",
    "PMF",
    "RSF",
    "FSA",
)

# Platforms the model takes for people ("tweeted on Twitter" -> PERSON): they are organisations.
PLATFORMS: tuple[str, ...] = (
    "Twitter",
    "Facebook",
    "Telegram",
    "WhatsApp",
    "YouTube",
    "Instagram",
    "TikTok",
    "Signal",
)

# Ethnic and religious groups: nationalities/groups of people (NORP), not organisations.
# The model often tags a capitalised plural like "Hazaras" as ORG.
PEOPLES: tuple[str, ...] = (
    "Pashtun",
    "Pashtuns",
    "Tajik",
    "Tajiks",
    "Hazara",
    "Hazaras",
    "Uzbek",
    "Uzbeks",
    "Baloch",
    "Turkmen",
    "Kurd",
    "Kurds",
    "Yazidi",
    "Yazidis",
    "Alawite",
    "Alawites",
    "Druze",
    "Shia",
    "Shiite",
    "Shiites",
    "Sunni",
    "Sunnis",
    "Panjshiris",
)

# Given names (and name particles) that start a person's name in Afghan, Arabic, Persian and
# Pashto reporting. The model reads unfamiliar names as places or organisations ("Fahim Dashti"
# as ORG). Only used to re-type a multi-word entity that starts with one of them.
GIVEN_NAMES: frozenset[str] = frozenset(
    {
        "Abdul",
        "Abdal",
        "Abdullah",
        "Abu",
        "Ahmad",
        "Ahmed",
        "Ali",
        "Amin",
        "Aziz",
        "Bashir",
        "Farid",
        "Fahim",
        "Fatima",
        "Ghulam",
        "Gul",
        "Habib",
        "Hamid",
        "Hasan",
        "Hassan",
        "Hussain",
        "Hussein",
        "Ibrahim",
        "Ismail",
        "Jalal",
        "Jamal",
        "Karim",
        "Khalid",
        "Leyla",
        "Mariam",
        "Maryam",
        "Mahmoud",
        "Mohammad",
        "Mohammed",
        "Muhammad",
        "Mohamed",
        "Mustafa",
        "Nasrin",
        "Nasir",
        "Omar",
        "Osama",
        "Qadir",
        "Rahim",
        "Rashid",
        "Sayed",
        "Sayyid",
        "Syed",
        "Samira",
        "Shabnam",
        "Shafiq",
        "Sima",
        "Umar",
        "Yusuf",
        "Zahra",
        "Zarghona",
        "Nadia",
        "Zainab",
        "Aisha",
        "Laila",
        "Malalai",
        "Roya",
        "Farida",
        "Parwin",
        "Fawzia",
        "Habiba",
        "Sahar",
    }
)

# Endings of given names built on "Allah" or "ad-Din" ("Zabihullah", "Sirajuddin", "Hibatullah").
GIVEN_NAME_ENDINGS: tuple[str, ...] = ("ullah", "allah", "uddin", "uddeen", "eddine", "addin")

# Honorifics and religious titles that come before a person's name: "Mullah Baradar", "Sheikh X".
PERSON_TITLES: frozenset[str] = frozenset(
    {
        "Mullah",
        "Maulvi",
        "Mawlawi",
        "Maulana",
        "Sheikh",
        "Shaikh",
        "Haji",
        "Hajji",
        "Qari",
        "Sayyed",
        "Emir",
    }
)

# Common nouns after a place name that make it a place: "Andarab district", "Panjshir valley".
# Value: the label the name gets. Administrative units are GPE, natural features LOC.
PLACE_NOUNS: dict[str, str] = {w: n.label for w, n in english.PLACE_NOUNS.items() if n.label}

# Words that make a name a building or facility, never a person, even when it starts with a
# given name: "Hamid Karzai International Airport".
FACILITY_WORDS: frozenset[str] = frozenset(
    {
        "airport",
        "international",
        "university",
        "hospital",
        "base",
        "stadium",
        "mosque",
        "school",
        "bridge",
        "palace",
        "street",
        "road",
        "square",
        "prison",
        "camp",
        "dam",
        "highway",
        "tunnel",
        "hotel",
    }
)

# Facility words that name a built place, never an institution: an ORG ending in one is a FAC
# ("Kabul Serena Hotel"), while "Kabul University" or "Mirwais Hospital" may be the body that speaks.
BUILT_PLACE_WORDS: frozenset[str] = frozenset(
    {"airport", "base", "stadium", "bridge", "street", "road", "square", "dam", "highway", "tunnel", "hotel"}
)

# Verbs (and the word "as") that introduce an epithet: "tapped as the 'Lion of Panjshir'",
# "known as the Butcher of Kabul". What follows is a nickname, not an organisation.
EPITHET_CUES: frozenset[str] = frozenset(
    {
        "known",
        "dubbed",
        "nicknamed",
        "called",
        "hailed",
        "tapped",
        "styled",
        "branded",
        "remembered",
        "celebrated",
        "nickname",
        "title",
        "epithet",
    }
)

# Head nouns that do make a quoted "the X of Y" an organisation: "the 'Front of Resistance'".
ORG_HEAD_WORDS: frozenset[str] = frozenset(
    {
        "front",
        "party",
        "council",
        "army",
        "movement",
        "ministry",
        "network",
        "group",
        "alliance",
        "forces",
        "force",
        "brigade",
        "brigades",
        "committee",
        "government",
        "commission",
        "office",
        "agency",
        "union",
        "corps",
        "court",
        "emirate",
        "state",
        "police",
        "bank",
        "company",
        "university",
        "league",
        "organization",
        "organisation",
        "coalition",
        "federation",
        "association",
        "institute",
        "battalion",
        "division",
    }
)

# Prepositions after which a one-word name the model calls ORG or PERSON is a place: "in Herat",
# "near Bazarak". Not "from" or "to" ("a statement from Mujahid", "according to Dashti").
PLACE_PREPOSITIONS: frozenset[str] = english.place_prepositions("name")

# Verbs (lemmas) whose object, a one-word name the model calls ORG or PERSON, is a place: "the
# rebels captured Kunduz". The CoNLL-trained NER reads "X beat Y" sports results as teams (ORG)
# and carries that to "captured Kunduz"; verbs that take people or groups as objects ("attack",
# "defeat") are not here.
PLACE_OBJECT_VERBS: frozenset[str] = frozenset(
    {"capture", "recapture", "seize", "retake", "overrun", "besiege", "shell", "storm", "enter", "encircle"}
)

# Words of page chrome that the model takes for names when a scraper leaves them in the text
# ("Slideshow" as PERSON, "Advertisement" as ORG). Dropped only when they are the whole entity.
PAGE_CHROME_WORDS: frozenset[str] = frozenset(
    {"slideshow", "gallery", "video", "videos", "photo", "photos", "advertisement", "newsletter", "subscribe"}
)

# Wire and photo agencies that credit pictures as "AGENCY / First Last" or "AGENCY/First Last":
# the credit is two names, the agency and the photographer, which the model reads as one.
PHOTO_AGENCIES: frozenset[str] = frozenset(
    {"reuters", "afp", "ap", "epa", "getty", "getty images", "anadolu", "xinhua", "sipa", "ap photo", "afp photo"}
)
# Words of a credit line that are not the photographer's name ("REUTERS/Stringer", ".../File Photo").
CREDIT_WORDS: frozenset[str] = frozenset({"stringer", "file", "photo", "handout", "pool", "staff", "via"})
