"""An article's clean text with its annotations marked, for the terminal."""

from __future__ import annotations

from rich.text import Text

from wirescope.record import Article

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
    text = Text(article.text)
    for q in article.quotes:
        text.stylize(STYLES["quote"], q.span.start, q.span.end)
    for e in article.events:
        style = STYLES["event"] if e.modality == "asserted" and not e.historical else STYLES["negated"]
        text.stylize(style, e.evidence.start, e.evidence.end)
    for t in article.times:
        text.stylize(STYLES["time"], t.span.start, t.span.end)
    for m in article.mentions:
        if m.actor_id:
            text.stylize(STYLES["mention"], m.span.start, m.span.end)
    for p in article.places:
        for s in p.mentions:
            text.stylize(STYLES["place"], s.start, s.end)
    return text


def legend(article: Article) -> list[str]:
    """One line per annotation, so the marks can be read without colour too."""
    lines = [f"{kind}: {style}" for kind, style in STYLES.items()]
    for q in article.quotes:
        who = q.speaker.name if q.speaker else "unattributed"
        lines.append(f"quote [{q.span.start}:{q.span.end}] {q.kind} by {who}")
    for e in article.events:
        actor = e.actor.name if e.actor else "?"
        lines.append(f"event [{e.evidence.start}:{e.evidence.end}] {e.type} {e.modality} actor={actor}")
    for a in article.actors:
        roles = "; ".join(r.role for r in a.roles)
        lines.append(f"actor {a.name} ({a.type})" + (f" roles: {roles}" if roles else ""))
    return lines
