"""Runners: the local one (default) and, for corpora that outgrow one machine, Dask."""

from wirescope.run.local import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
