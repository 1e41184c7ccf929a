"""Token helpers every annotator shares; this module imports no annotator.

spaCy spans and tokens are turned into the record's character Spans here, and the parse's text is
read through one cache.
"""

from __future__ import annotations

from wirescope.record import Span


def doc_text(doc) -> str:
    """A parse's text. Doc.text joins every token anew on each access, so annotators that look
    at the text around many tokens read it through this cache instead."""
    text = doc.user_data.get("wirescope.text")
    if text is None:
        text = doc.user_data["wirescope.text"] = doc.text
    return text


def char_span(tokens) -> Span:
    """The character span from the first token's start to the last token's end."""
    tokens = list(tokens)
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def token_span(token) -> Span:
    """The character span of one token."""
    return Span(token.idx, token.idx + len(token.text))


def subtree_span(head) -> Span:
    """Everything the head token governs: the full phrase, appositions included."""
    return Span(head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
