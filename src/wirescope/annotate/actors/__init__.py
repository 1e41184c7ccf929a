"""Actors within one article: mentions grouped into actors, with roles, relations and references.

Adds `actors` and links each mention to its actor (`Mention.actor_id`); adds description and
pronoun mentions (DESC, PRON). Grouping in grouping.py, roles and relations in roles.py,
descriptions and pronouns in references.py, name keys and the curated list in names.py.
"""

from wirescope.annotate.actors.grouping import group_actors

__all__ = ["group_actors"]
