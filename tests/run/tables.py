"""Every table of a store as plain sorted rows, to compare two stores (clock columns left out)."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from wirescope.store import engine_url, schema

# When a row was written, not what it says: differs between any two runs.
CLOCK_COLUMNS = frozenset({"ingested_at", "applied_at", "polled_at", "seen_at"})


def dump_tables(db: str) -> dict[str, list[tuple]]:
    engine = create_engine(engine_url(db))
    try:
        with engine.connect() as conn:
            return {
                table.name: sorted(
                    tuple(repr(v) for v in row)
                    for row in conn.execute(select(*[c for c in table.columns if c.name not in CLOCK_COLUMNS]))
                )
                for table in schema.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> dict[str, tuple[int, int, int]]:
    """Per table that differs: (rows only in a, rows only in b, rows in a)."""
    out = {}
    for name in a.keys() | b.keys():
        left, right = set(a.get(name, [])), set(b.get(name, []))
        if left != right or len(a.get(name, [])) != len(b.get(name, [])):
            out[name] = (len(left - right), len(right - left), len(a.get(name, [])))
    return out
