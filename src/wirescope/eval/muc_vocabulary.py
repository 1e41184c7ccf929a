"""Word lists for the MUC-4 evaluation, kept as data: the adapter's and the keyword baseline's.

Written from the MUC-4 task definition (TASK/TASKDOC/templ-doc-basic/template-doc-part1.v7: what
a relevant terrorist incident is, the six incident types, the stages) and from general English,
not from the answer keys: nothing here was fitted to the train or dev templates.
All entries are upper case, as the MUC texts are.
"""

from __future__ import annotations

INCIDENT_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")
STAGES = ("ACCOMPLISHED", "ATTEMPTED", "THREATENED")

# Head nouns that make a target human (HUM TGT) rather than physical (PHYS TGT).
HUMAN_NOUNS = frozenset("""
PEOPLE PERSON PERSONS MAN MEN WOMAN WOMEN CHILD CHILDREN BOY BOYS GIRL GIRLS CIVILIAN CIVILIANS
PEASANT PEASANTS FARMER FARMERS WORKER WORKERS STUDENT STUDENTS PRIEST PRIESTS JESUIT JESUITS NUN NUNS
SOLDIER SOLDIERS POLICEMAN POLICEMEN OFFICER OFFICERS AGENT AGENTS GUARD GUARDS JUDGE JUDGES MAYOR
MAYORS LEADER LEADERS MEMBER MEMBERS OFFICIAL OFFICIALS MINISTER CANDIDATE JOURNALIST JOURNALISTS
DIPLOMAT DIPLOMATS AMBASSADOR BUSINESSMAN BUSINESSMEN DRIVER DRIVERS PASSENGER PASSENGERS RESIDENT
RESIDENTS VILLAGER VILLAGERS INHABITANTS FAMILY RELATIVES SON DAUGHTER WIFE HUSBAND BROTHER CITIZEN
CITIZENS VICTIM VICTIMS HOSTAGE HOSTAGES DEAD WOUNDED INDIVIDUALS PRESIDENT GOVERNOR COLONEL GENERAL
CAPTAIN LIEUTENANT SERGEANT TEACHER TEACHERS DOCTOR DOCTORS UNIONIST UNIONISTS SYNDICALIST EMPLOYEE
EMPLOYEES COUPLE BODYGUARD BODYGUARDS COUNCILMAN COUNCILMEN DEPUTY SENATOR ARCHBISHOP BISHOP
""".split())

# --- the keyword baseline (eval/muc_baseline.py) -----------------------------------------------
# Word stems that signal each incident type; the first type whose stem occurs in a sentence wins,
# so the more specific types come first. A stem matches at a word start ("KIDNAP" matches
# "KIDNAPPED").
TYPE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("KIDNAPPING", ("KIDNAP", "ABDUCT", "HOSTAGE")),
    ("BOMBING", ("BOMB", "EXPLO", "DYNAMIT", "CAR BOMB", "GRENADE", "DETONAT")),
    ("ARSON", ("ARSON", "SET FIRE", "SET ON FIRE", "BURNED", "TORCH")),
    ("ROBBERY", ("ROBBE", "STOLE", "STEAL", "HOLDUP", "ROBBED")),
    ("FORCED WORK STOPPAGE", ("ARMED STRIKE", "TRANSPORT STOPPAGE", "WORK STOPPAGE")),
    ("ATTACK", ("MURDER", "KILL", "ASSASSINAT", "SHOT", "SHOOT", "ATTACK", "MACHINEGUN", "MASSACRE", "AMBUSH",
                "WOUNDED", "SLAIN", "GUNNED")),
)
THREAT_KEYWORDS = ("THREAT", "WILL KILL", "WILL ATTACK", "DEATH LIST", "WARNED")
ATTEMPT_KEYWORDS = ("ATTEMPT", "FAILED", "DEFUSED", "DEACTIVATED", "FOILED")
# Generic perpetrator nouns the task definition's examples use ("TERRORISTS", "GUERRILLAS", ...).
PERPETRATOR_NOUNS = ("TERRORISTS", "GUERRILLAS", "GUNMEN", "REBELS", "SUBVERSIVES", "ASSAILANTS", "ATTACKERS",
                     "URBAN COMMANDOS", "HIT MEN", "KIDNAPPERS", "ARMED MEN", "INDIVIDUALS", "UNIDENTIFIED MEN",
                     "DEATH SQUAD", "TERRORIST", "GUERRILLA", "GUNMAN", "ASSASSIN", "ASSASSINS")
# Verbs whose object (the noun phrase after them) is the target or the victim.
TARGETING_VERBS = ("KILLED", "MURDERED", "ASSASSINATED", "KIDNAPPED", "ABDUCTED", "ATTACKED", "DYNAMITED",
                   "BOMBED", "BURNED", "WOUNDED", "SHOT", "DESTROYED", "DAMAGED")
# Relative day words and their offset from the dateline day.
RELATIVE_DAYS = (("DAY BEFORE YESTERDAY", -2), ("YESTERDAY", -1), ("LAST NIGHT", -1), ("TODAY", 0),
                 ("THIS MORNING", 0), ("TONIGHT", 0))
