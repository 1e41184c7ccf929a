"""3. Annotations: the default pipeline, as one explicit list.

Plugins add annotators through the `wirescope.annotators` entry point group and are run when
named in the `pipeline` setting.
"""

from __future__ import annotations

from wirescope.annotate.actors import group_actors
from wirescope.annotate.entities import Parse
from wirescope.annotate.events import extract_events
from wirescope.annotate.pipeline import Annotator, Pipeline, annotator, plugin_annotators
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
        extract_events,  # last: reads times, places and quotes when present; places must come before it
    ]


def build_pipeline(settings: Settings = Settings()) -> Pipeline:
    steps = default_annotators(settings)
    if settings.pipeline:
        available = {s.name: s for s in steps} | plugin_annotators()
        names = [n.strip() for n in settings.pipeline.split(",") if n.strip()]
        unknown = [n for n in names if n not in available]
        if unknown:
            raise ConfigError(f"unknown annotators {unknown}", hint=f"available: {sorted(available)}")
        steps = [available[n] for n in names]
    return Pipeline(steps)


__all__ = ["Annotator", "Pipeline", "annotator", "build_pipeline", "default_annotators"]
