"""3. Annotations: one article in, one article out; the default pipeline, as one explicit list.

Plugins are annotators other packages register under the `wirescope.annotators` entry point group.
An installed plugin runs only when the `plugins` setting names it, placed after the step its
`after` attribute names (or at the end); the `pipeline` setting can also name it among the steps.
"""

from __future__ import annotations

from wirescope.annotate.actors import group_actors
from wirescope.annotate.claims.extract import extract_claims
from wirescope.annotate.entities import Parse
from wirescope.annotate.events import build_event_records, extract_events
from wirescope.annotate.pipeline import Annotator, Pipeline, annotator, insert_after, plugin_annotators
from wirescope.annotate.places import annotate_places
from wirescope.annotate.quotes import extract_quotes
from wirescope.annotate.times import annotate_times
from wirescope.errors import ConfigError
from wirescope.settings import Settings


def default_annotators(settings: Settings) -> list[Annotator]:
    """Every annotator wirescope ships, in the order they run."""
    return [
        Parse(settings.model, settings.batch_size),
        group_actors,
        annotate_times,
        annotate_places,
        extract_quotes,  # after times: a quote's date comes from the times annotator
        extract_events,  # reads times, places and quotes when present; places must come before it
        build_event_records,  # groups the event mentions into one record per real-world event
        extract_claims,  # last: reads quotes and events
    ]


def build_pipeline(settings: Settings = Settings()) -> Pipeline:
    """The default pipeline, or the one the `pipeline` setting lists, with the plugins asked for."""
    steps = default_annotators(settings)
    wanted_plugins = _names(settings.plugins)
    installed = plugin_annotators() if settings.pipeline or wanted_plugins else {}
    if settings.pipeline:
        steps = _chosen(_names(settings.pipeline), {s.name: s for s in steps} | installed)
    for step in _chosen(wanted_plugins, installed, what="installed plugins"):
        steps = insert_after(steps, step)
    return Pipeline(steps)


def _names(setting: str) -> list[str]:
    return [n.strip() for n in setting.split(",") if n.strip()]


def _chosen(names: list[str], available: dict[str, Annotator], what: str = "annotators") -> list[Annotator]:
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ConfigError(f"unknown annotators {unknown}", hint=f"{what}: {sorted(available) or 'none'}")
    return [available[n] for n in names]


__all__ = ["Annotator", "Pipeline", "annotator", "build_pipeline", "default_annotators"]
