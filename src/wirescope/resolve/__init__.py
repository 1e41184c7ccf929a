"""4. Across articles: one actor, one real-world event, one proposition.

Annotators see one article at a time (annotate/); what only the whole collection shows is decided
here, from what is stored: which stored actors are one actor (actors.py).
"""
