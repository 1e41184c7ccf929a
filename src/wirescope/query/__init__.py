"""5. Reading back: the record as the documented JSON contract (docs/record.md), and exports."""

from wirescope.query.records import KINDS, records

__all__ = ["KINDS", "records"]
