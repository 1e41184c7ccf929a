"""Writing records as JSONL, JSON, CSV or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

FORMATS = ("table", "jsonl", "json", "csv", "geojson")  # geojson: places only

# The columns a terminal table shows per kind; the other formats carry every field.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "published", "publisher", "title"),
    "actors": ("id", "name", "type", "aliases", "roles", "relations", "articles", "mentions"),
    "quotes": ("article_id", "kind", "speaker", "venue", "medium", "text"),
    "events": ("article_id", "type", "modality", "actor", "target", "place", "time", "reports", "evidence"),
    "times": ("article_id", "text", "value", "anchored"),
    "places": ("name", "country", "latitude", "longitude", "feature", "geonames_id"),
    "event_records": ("article_id", "type", "modality", "actor", "target", "place", "date", "mentions", "evidence"),
}


def _cell(value: Any, limit: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = (
            value.get("name")
            or value.get("text")
            or value.get("value")
            or value.get("role")
            or json.dumps(value, ensure_ascii=False)
        )
    elif isinstance(value, list):
        value = ", ".join(_cell(v, 30) for v in value[:4]) + (" …" if len(value) > 4 else "")
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def write(records: list[dict], kind: str, fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        fields = list(dict.fromkeys(k for r in records for k in r))
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: _flat(v) for k, v in r.items()} for r in records)
    elif fmt == "geojson":
        from wirescope.query.geojson import write_geojson

        write_geojson(records, kind, out)
    else:
        _table(records, kind, out)


def _table(records: list[dict], kind: str, out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from wirescope.terminal import one_line

    columns = TABLE_COLUMNS[kind]
    table = Table(*columns, title=f"{len(records)} {kind}", title_justify="left", show_lines=False)
    for r in records:
        # Text, not a markup string: "[bold]" in a title is shown, and control characters are made visible.
        table.add_row(*(Text(one_line(_cell(r.get(c)))) for c in columns))
    buffer = io.StringIO()
    Console(file=buffer, width=200 if not out.isatty() else None, force_terminal=out.isatty()).print(table)
    out.write(buffer.getvalue())
