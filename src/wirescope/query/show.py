"""An article's clean text with its annotations marked, for the terminal."""

from __future__ import annotations

from rich.text import Text

from wirescope.record import Article
from wirescope.terminal import multi_line

STYLES = {
    "mention": "bold cyan",
    "quote": "italic green",
    "event": "underline yellow",
    "negated": "underline red",
    "time": "magenta",
    "place": "bold blue",
}


def marked_text(article: Article) -> Text:
    """The clean text with styles over mentions, quotes, event evidence, times and places."""
    text = Text(multi_line(article.text))  # one character for one: the offsets below still hold
    for q in article.quotes:
        text.stylize(STYLES["quote"], q.span.start, q.span.end)
    for e in article.events:
        style = STYLES["event"] if e.modality == "asserted" and not e.historical else STYLES["negated"]
        text.stylize(style, e.evidence.start, e.evidence.end)
    for t in article.times:
        text.stylize(STYLES["time"], t.span.start, t.span.end)
    styles = actor_styles(article)
    for m in article.mentions:
        if m.actor_id:
            text.stylize(styles.get(m.actor_id, STYLES["mention"]), m.span.start, m.span.end)
    for p in article.places:
        for s in p.mentions:
            text.stylize(STYLES["place"], s.start, s.end)
    return text


# One colour per actor, so the mentions of one actor (names, descriptions, pronouns) read as one.
ACTOR_COLOURS = (
    "cyan",
    "bright_green",
    "bright_magenta",
    "bright_yellow",
    "bright_blue",
    "bright_red",
    "dark_orange",
    "spring_green1",
    "orchid",
    "turquoise2",
    "gold1",
    "deep_pink2",
)


def actor_styles(article: Article) -> dict[str, str]:
    """actor id -> its style: bold and a colour of its own (colours repeat after twelve actors)."""
    return {a.id: f"bold {ACTOR_COLOURS[i % len(ACTOR_COLOURS)]}" for i, a in enumerate(article.actors)}


def legend(article: Article) -> list[str]:
    """One line per annotation, so the marks can be read without colour too."""
    lines = [f"{kind}: {style}" for kind, style in STYLES.items()]
    for q in article.quotes:
        who = q.speaker.name if q.speaker else "unattributed"
        lines.append(f"quote [{q.span.start}:{q.span.end}] {q.kind} by {who}")
    for e in article.events:
        actor = e.actor.name if e.actor else "?"
        lines.append(f"event [{e.evidence.start}:{e.evidence.end}] {e.type} {e.modality} actor={actor}")
    styles = actor_styles(article)
    for a in article.actors:
        roles = "; ".join(r.role for r in a.roles)
        marked = [article.text_of(m.span) for m in article.mentions if m.actor_id == a.id]
        lines.append(
            f"actor {a.name} ({a.type}) [{styles[a.id]}]: {len(marked)} mention(s) "
            f"({', '.join(dict.fromkeys(marked))})" + (f" roles: {roles}" if roles else "")
        )
    return lines
