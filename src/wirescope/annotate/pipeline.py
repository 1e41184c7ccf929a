"""The annotator pipeline: plain callables run in order, checked once when it is built.

An annotator takes an Article and returns a new one. It declares the Article fields it
`requires` and the ones it `adds`; `build_pipeline` refuses an order in which something is
required before it is added. An annotator that works better on batches (the spaCy parse)
also offers `pipe`, which the runner uses instead of calling it one article at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from wirescope.errors import AnnotatorError, ConfigError
from wirescope.record import Article

# Fields every cleaned article has before any annotator runs.
CLEAN_FIELDS = frozenset({"text", "title", "published", "paragraphs", "removed", "repairs", "source"})
ENTRY_POINT_GROUP = "wirescope.annotators"


@runtime_checkable
class Annotator(Protocol):
    """What the pipeline asks of a step. A plugin may also have `after`: the name of the step it
    runs after (without it, or with None, it runs at the end)."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def adds(self) -> tuple[str, ...]: ...

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True)
class FunctionAnnotator:
    """Wraps a plain function `Article -> Article` with its declaration."""

    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()
    version: str = "1"
    after: str | None = None

    def __call__(self, article: Article) -> Article:
        return self.func(article)


def annotator(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    adds: tuple[str, ...] = (),
    version: str = "1",
    after: str | None = None,
) -> Callable[[Callable[[Article], Article]], FunctionAnnotator]:
    """Decorator turning `def f(article) -> article` into a declared annotator.

    `after` is for plugins: the name of the step the annotator runs after.
    """

    def wrap(func: Callable[[Article], Article]) -> FunctionAnnotator:
        return FunctionAnnotator(name, func, requires, adds, version, after)

    return wrap


def check_order(annotators: Iterable[Annotator]) -> None:
    """Fail early, with the fix, when an annotator needs a field nothing before it adds."""
    available = set(CLEAN_FIELDS)
    for step in annotators:
        missing = [need for need in step.requires if need not in available]
        if missing:
            raise ConfigError(
                f"annotator {step.name!r} requires {missing}, which no earlier annotator adds",
                hint="put the annotators that add them earlier in the pipeline",
            )
        available.update(step.adds)


def insert_after(steps: list[Annotator], step: Annotator) -> list[Annotator]:
    """The steps with `step` placed right after the one its `after` names (at the end without one)."""
    anchor = getattr(step, "after", None)
    if anchor is None:
        return [*steps, step]
    names = [s.name for s in steps]
    if anchor not in names:
        raise ConfigError(
            f"plugin {step.name!r} runs after {anchor!r}, which is not in the pipeline",
            hint=f"the pipeline has: {', '.join(names)}",
        )
    at = names.index(anchor) + 1
    return [*steps[:at], step, *steps[at:]]


def plugin_annotators() -> dict[str, Annotator]:
    """Annotators other packages register under the `wirescope.annotators` entry point group."""
    found = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        step = ep.load()
        found[ep.name] = step() if isinstance(step, type) else step
    return found


@dataclass
class Pipeline:
    steps: list[Annotator] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_order(self.steps)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def __call__(self, article: Article) -> Article:
        """Run every step on one article; a failure names the annotator that failed."""
        for step in self.steps:
            try:
                article = step(article)
            except Exception as exc:
                raise AnnotatorError(f"annotator {step.name!r} failed: {exc.__class__.__name__}: {exc}") from exc
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every step over a stream of articles, lazily, batching where a step can."""
        stream: Iterable[Article] = articles
        for step in self.steps:
            stream = _apply(step, stream)
        yield from stream


def _apply(step: Annotator, articles: Iterable[Article]) -> Iterator[Article]:
    batch = getattr(step, "pipe", None)
    if batch is not None:
        return iter(batch(articles))
    return (step(a) for a in articles)
