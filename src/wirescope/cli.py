"""The command line: each command parses its options and calls the public API in a few lines."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from wirescope.errors import MissingExtra, Rejected, WirescopeError
from wirescope.query import KINDS, records
from wirescope.query.formats import FORMATS, write
from wirescope.record import MODALITIES, PLOVER_TYPES
from wirescope.settings import load_settings
from wirescope.sources import Metadata, read_paths
from wirescope.sources.files import read_list
from wirescope.sources.urls import Fetcher
from wirescope.store import open_store
from wirescope.store.filters import MATCHES, Filter
from wirescope.terminal import one_line


def fail(message: str, hint: str | None = None) -> None:
    click.echo(f"error: {one_line(message)}", err=True)
    if hint:
        click.echo(f"hint: {one_line(hint)}", err=True)
    sys.exit(2)


class WirescopeGroup(click.Group):
    """Every command, and every subcommand of its groups, reports wirescope's own errors as one
    line and a hint, without a traceback: handled here once rather than in each command."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except WirescopeError as exc:
            fail(str(exc), exc.hint)


def db_option(func):
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="The store: a SQLite file (default wirescope.db), or postgresql://...",
    )(func)


def _iso_date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-08-25") from None


@click.group(cls=WirescopeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirescope")
def cli() -> None:
    """wirescope: news reports of a conflict in, a sourced record of who said and did what out.

    Example: wirescope ingest articles/ && wirescope events --format jsonl
    """


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "-i",
    "--input-list",
    "input_list",
    metavar="FILE",
    help="Also read the paths and URLs listed in FILE, one per line (- for stdin).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let URLs reach loopback, private and link-local addresses (refused by default).",
)
@db_option
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD) for every document given.")
@click.option("--url", help="The document's URL.")
@click.option("--publisher", help="The publisher's name.")
@click.option("--title", help="The title, when the document does not show it.")
@click.option("--encoding", help="Read the files with this encoding instead of detecting it.")
@click.option("--max-bytes", type=int, help="Reject documents larger than this (default 10 MB).")
@click.option("--batch-size", type=int, help="Articles per spaCy batch (default 16).")
@click.option("--workers", type=click.IntRange(min=1), help="Annotate in N local worker processes (Dask).")
@click.option("--cluster", metavar="tcp://HOST:PORT", help="Annotate on the workers of this Dask scheduler.")
def ingest(
    paths,
    input_list,
    allow_private,
    db,
    published,
    url,
    publisher,
    title,
    encoding,
    max_bytes,
    batch_size,
    workers,
    cluster,
) -> None:
    """Read documents (files, folders, URLs, RSS/Atom feeds, WARC archives, or - for stdin), extract
    the record, and store it.

    Plain-text scrapes, HTML pages, feeds and WARC files are told apart by their content. Bad
    documents are reported one per line and skipped; the exit code is 1 if any failed.

    Example: wirescope ingest ../shared/seed/panjshir_dailybeast_2021.txt --published 2021-08-25
    """
    from wirescope.run import ingest as run_ingest

    settings = load_settings({"db": db, "max_bytes": max_bytes, "batch_size": batch_size, "workers": workers})
    meta = Metadata(title=title, url=url, publisher=publisher, published=published)
    paths = list(paths) + (read_list(input_list) if input_list else [])
    if not paths:
        fail("nothing to ingest: give files, folders, URLs or -i FILE", "wirescope ingest --help shows examples")
    fetcher = Fetcher(allow_private=allow_private, max_bytes=settings.max_bytes)
    documents = read_paths(paths, meta, encoding, settings.max_bytes, fetcher)
    with fetcher, open_store(settings.db) as store, _progress() as tick:
        on_done = lambda item: _report_item(item, tick)  # noqa: E731
        if settings.workers > 1 or cluster:
            from wirescope.run.dask import dask_client
            from wirescope.run.dask import ingest as dask_ingest

            with dask_client(settings.workers, cluster) as client:
                report = dask_ingest(documents, store, client, settings, on_done)
        else:
            report = run_ingest(documents, store, settings, on_done=on_done)
    unannotated = f" ({len(report.not_annotated)} not annotated: not English)" if report.not_annotated else ""
    click.echo(
        f"stored {len(report.stored)} article(s){unannotated} in {settings.db}; {len(report.rejected)} failed", err=True
    )
    sys.exit(0 if report.ok else 1)


def _report_item(item, tick) -> None:
    if isinstance(item, Rejected):
        click.echo(f"error: {one_line(str(item))}", err=True)
    tick()


class _progress:
    """A spinner with a count on stderr when it is a terminal; nothing otherwise."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None)
        return lambda: self.bar.advance(self.task) if self.bar else None

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


@dataclass(frozen=True)
class RecordFilter:
    """An extra option of one list command, and the test it puts each record to."""

    name: str
    option: Callable  # the click.option decorator
    keep: Callable[[dict, object], bool]


def _speaker_is(record: dict, wanted: object) -> bool:
    speaker = record.get("speaker") or {}
    return str(wanted).lower() in (speaker.get("name") or "").lower() or wanted == speaker.get("id")


LIST_FILTERS: dict[str, tuple[RecordFilter, ...]] = {
    "quotes": (
        RecordFilter(
            "speaker",
            click.option("--speaker", help="Only quotes by this speaker (part of the name, or an actor id)."),
            _speaker_is,
        ),
        RecordFilter(
            "kind",
            click.option(
                "--kind", type=click.Choice(["direct", "indirect", "partial"]), help="Only quotes of this kind."
            ),
            lambda r, v: r.get("kind") == v,
        ),
    ),
}


def _list_command(kind: str, filters: tuple[RecordFilter, ...] = ()):
    @db_option
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
    @click.option("--article", "article_ids", multiple=True, help="Only from this article id (repeatable).")
    def command(db, fmt, article_ids, **wanted) -> None:
        settings = load_settings({"db": db})
        with open_store(settings.db, create=False) as store:
            rows = records(store, kind, list(article_ids) or None)
        active = [(f, wanted[f.name]) for f in filters if wanted.get(f.name) is not None]
        write([r for r in rows if all(f.keep(r, v) for f, v in active)], kind, fmt, sys.stdout)

    for f in filters:
        command = f.option(command)
    command.__doc__ = f"List the stored {kind}.\n\nExample: wirescope {kind} --format jsonl"
    return cli.command(name=kind)(command)


for _kind in KINDS:
    if _kind not in ("events", "actors", "event_records"):  # these have their own commands below
        _list_command(_kind, LIST_FILTERS.get(_kind, ()))


@cli.command(name="event-records")
@db_option
@click.option("--format", "fmt", type=click.Choice((*FORMATS, "acled-csv")), default="table", show_default=True)
@click.option("--article", "article_ids", multiple=True, help="Only from this article id (repeatable).")
@click.option("--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="Only this PLOVER type.")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only this modality (acled-csv then writes it too).")
def event_records(db, fmt, article_ids, type_, modality) -> None:
    """List the stored event records: one per real-world event in a report, its mentions grouped.

    Each argument (actor, target, place, date, counts) says where in the report it was found:
    its clause, sentence, paragraph, the lead, dateline, headline, or the publication date.
    acled-csv writes one ACLED row per record, only those that happened unless --modality is given.

    Example: wirescope event-records --type COERCE --format acled-csv
    """
    from wirescope.query.browse import filtered
    from wirescope.query.event_records import write_acled_csv

    settings = load_settings({"db": db})
    wanted = Filter(type=type_, modality=modality, article_ids=tuple(article_ids))
    with open_store(settings.db, create=False) as store:
        found = filtered(store, "event_records", wanted)
    if fmt == "acled-csv":
        write_acled_csv(found, sys.stdout, only_happened=modality is None)
    else:
        write(found, "event_records", fmt, sys.stdout)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--article", "article_ids", multiple=True, help="Only from this article id (repeatable).")
@click.option(
    "--name",
    help="Only actors so named (a whole word of a name or alias, or an id); the table "
    "then shows each one and how they differ.",
)
def actors(db, fmt, article_ids, name) -> None:
    """List the stored actors: name, type, roles, relations, article and mention counts.

    Example: wirescope actors --name Massoud
    """
    from wirescope.query.actors import compare, matches_name, table_rows

    settings = load_settings({"db": db})
    with open_store(settings.db, create=False) as store:
        every = records(store, "actors", list(article_ids) or None)
    found = [r for r in every if matches_name(r, name)] if name else every
    if name and fmt == "table":
        click.echo("\n".join(compare(found, every)))
    else:
        write(table_rows(found, every) if fmt == "table" else found, "actors", fmt, sys.stdout)


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*FORMATS, "acled-csv")),
    default="table",
    show_default=True,
    help="acled-csv: one ACLED row per event record holding the events listed; only records that "
    "happened unless --modality is given.",
)
@click.option("--article", "article_ids", multiple=True, help="Only from this article id (repeatable).")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(PLOVER_TYPES, case_sensitive=False),
    help="Only this PLOVER type (repeatable).",
)
@click.option("--actor", help="Only events whose actor or target is this actor (an id, name or alias; see --match).")
@click.option(
    "--match",
    type=click.Choice(MATCHES),
    default="exact",
    show_default=True,
    help="How --actor matches names: exact (a name or alias, any case) or substring (part of a name).",
)
@click.option(
    "--modality",
    "modalities",
    multiple=True,
    type=click.Choice(MODALITIES),
    help="Only this modality (repeatable): asserted, negated, claimed...",
)
@click.option("--since", callback=_iso_date, help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help="Only events on or before this day (YYYY-MM-DD).")
def events(db, fmt, article_ids, types, actor, match, modalities, since, until) -> None:
    """List the stored events, each with how many independent sources report it.

    An event's day is its own time when the text gives one, else its article's publication day.
    acled-csv writes one row per event record (docs/events.md) holding the events listed, its
    arguments read from the whole report.

    Example: wirescope events --type ASSAULT --modality asserted --since 2021-08-15 --format acled-csv
    """
    from wirescope.query.event_groups import list_events

    settings = load_settings({"db": db})
    # One Filter per --type and --modality asked for (store/filters.py); an event passes any of them.
    wanted = [
        Filter(actor=actor, type=t, modality=m, since=since, until=until, match=match, article_ids=tuple(article_ids))
        for t in (types or (None,))
        for m in (modalities or (None,))
    ]
    with open_store(settings.db, create=False) as store:
        found = list_events(store, wanted)
        if fmt == "acled-csv":
            _write_records_acled(store, found, only_happened=not modalities)
            return
    write(found, "events", fmt, sys.stdout)


def _write_records_acled(store, mentions, only_happened: bool) -> None:
    """ACLED rows for a listing of event mentions: one per event record holding them (ACLED codes
    events, not mentions), and only records that happened unless a modality was asked for."""
    from wirescope.query.browse import filtered
    from wirescope.query.event_records import records_of_mentions, write_acled_csv

    articles = tuple(dict.fromkeys(m["article_id"] for m in mentions))
    every = filtered(store, "event_records", Filter(article_ids=articles)) if articles else []
    if only_happened:
        every = [r for r in every if r["happened"]]
    write_acled_csv(records_of_mentions(mentions, every), sys.stdout, only_happened=only_happened)


@cli.command()
@click.argument("article_id")
@db_option
def show(article_id, db) -> None:
    """Print an article's clean text with its annotations marked.

    Example: wirescope show art_0123456789abcdef
    """
    from rich.console import Console

    from wirescope.query.show import legend, marked_text

    settings = load_settings({"db": db})
    with open_store(settings.db, create=False) as store:
        article = store.article(article_id)
    console = Console(highlight=False)
    title, publisher = one_line(article.title or "(no title)"), one_line(article.publisher or "")
    heading = f"{title}  {publisher} {article.published or ''}"
    console.print(heading, style="bold", markup=False)
    console.print(marked_text(article))
    console.print()
    for line in legend(article):
        console.print(one_line(line), markup=False)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=900,
    show_default=True,
    help="Seconds between polls of every feed.",
)
@click.option("--polls", type=click.IntRange(min=1), help="Stop after this many rounds (default: never).")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let feeds and pages be fetched from loopback, private and link-local addresses.",
)
def watch(feeds, db, interval, polls, allow_private) -> None:
    """Poll RSS/Atom feeds on an interval and ingest only the entries not seen before.

    Each poll is a conditional request (ETag / Last-Modified), so an unchanged feed costs a 304.
    What was seen is kept in the store, so a restarted watch goes on where it stopped.

    Example: wirescope watch https://example.org/world.rss --interval 600
    """
    from wirescope.run.watch import watch as run_watch

    settings = load_settings({"db": db})
    with (
        Fetcher(allow_private=allow_private, max_bytes=settings.max_bytes) as fetcher,
        open_store(settings.db) as store,
    ):
        print_rejected = lambda r: click.echo(one_line(str(r)), err=True)  # noqa: E731
        run_watch(feeds, store, fetcher, settings, interval, polls, report=print_rejected)


@cli.command()
@db_option
def summary(db) -> None:
    """Count what the store holds and say where it is.

    Example: wirescope summary --db wirescope.db
    """
    settings = load_settings({"db": db})
    with open_store(settings.db, create=False) as store:
        counts = store.counts()
    click.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    click.echo(f"the record is in {settings.db}; list it with: wirescope articles --db {settings.db}")


def scope_options(func):
    """--since, --until, --place and --actor: what a report or an export covers."""
    for option in reversed(
        (
            click.option("--since", callback=_iso_date, help="From this day (YYYY-MM-DD), inclusive."),
            click.option("--until", callback=_iso_date, help="Up to this day (YYYY-MM-DD), inclusive."),
            click.option("--place", help="Only this place (id or name)."),
            click.option("--actor", help="Only this actor (id, name or alias)."),
        )
    ):
        func = option(func)
    return func


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", envvar="WIRESCOPE_TOKEN", help="Secret every request must carry; required off loopback.")
def serve(db, host, port, token) -> None:
    """Serve the web UI and the JSON API (OpenAPI schema at /openapi.json).

    Example: wirescope serve --db wirescope.db   (then open http://127.0.0.1:8000/)
    """
    from wirescope.errors import MissingExtra

    try:
        from wirescope.web.app import serve as run_server
    except ModuleNotFoundError as exc:
        raise MissingExtra("wirescope serve", "web") from exc
    run_server(load_settings({"db": db}).db, host, port, token)


@cli.command()
@db_option
@scope_options
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default stdout).")
@click.option("--format", "fmt", type=click.Choice(("html", "md", "pdf")), default="html", show_default=True)
def report(db, since, until, place, actor, out, fmt) -> None:
    """Write a self-contained situation report: summary, key events, charts, a map, contested
    points, key quotes, a methods note, sources. PDF needs the `pdf` extra and --out.

    Example: wirescope report --since 2021-09-01 --place Panjshir --format pdf --out report.pdf
    """
    from wirescope.query.browse import Filters
    from wirescope.query.report import render_pdf, render_report

    if fmt == "pdf" and out is None:
        fail("--format pdf writes a binary file: give it --out report.pdf")
    settings = load_settings({"db": db})
    scope = Filters(actor=actor, place=place, since=since, until=until)
    with open_store(settings.db, create=False) as store:
        if fmt == "pdf":
            _write_bytes(render_pdf(store, scope), out)
            return
        text = render_report(store, scope, fmt)
    _write_text(text, out)


def _write_bytes(data: bytes, out: str) -> None:
    try:
        with open(out, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")
    click.echo(f"wrote {out}", err=True)


@cli.command()
@db_option
@scope_options
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(("jsonl", "csv", "parquet", "geojson", "gexf", "ftm", "acled-csv")),
)
@click.option(
    "--kind",
    type=click.Choice((*KINDS, "claims")),
    default="events",
    show_default=True,
    help="The records csv and parquet hold.",
)
@click.option("--type", "type_", help="Only records of this type (events: PLOVER type).")
@click.option("--modality", help="Only events with this modality.")
@click.option(
    "--include-unasserted",
    is_flag=True,
    help="acled-csv: also events that did not happen (notes open with their modality).",
)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default stdout).")
def export(db, since, until, place, actor, fmt, kind, type_, modality, include_unasserted, out) -> None:
    """Export the record: Web Annotation JSONL, CSV, Parquet, GeoJSON, GEXF, FollowTheMoney, ACLED CSV.

    Example: wirescope export --format geojson --out events.geojson
    """
    from wirescope.query.browse import Filters
    from wirescope.query.export import BINARY_FORMATS
    from wirescope.query.export import export as run_export

    if fmt in BINARY_FORMATS and not out:
        fail(
            f"--format {fmt} is binary: give --out FILE", "e.g. wirescope export --format parquet --out events.parquet"
        )
    settings = load_settings({"db": db})
    f = Filters(actor=actor, place=place, type=type_, modality=modality, since=since, until=until)
    with open_store(settings.db, create=False) as store:
        if out and fmt in BINARY_FORMATS:
            with open(out, "wb") as binary:
                run_export(store, fmt, binary, f, kind, not include_unasserted)
        elif out:
            with open(out, "w", encoding="utf-8", newline="") as text:
                run_export(store, fmt, text, f, kind, not include_unasserted)
        else:
            run_export(store, fmt, sys.stdout, f, kind, not include_unasserted)


@cli.command()
@db_option
@click.option("--claimant", help="Only claims by this claimant (name or actor id, any case).")
@click.option("--place", help="Only claims about this place (name; 'Panjshir' also finds 'Panjshir Valley').")
@click.option("--since", callback=_iso_date, help="Only claims made on or after this day (YYYY-MM-DD).")
@click.option("--contested", is_flag=True, help="Only claims of propositions the sources contradict each other on.")
@click.option(
    "--format", "fmt", type=click.Choice(("table", "json", "jsonl", "csv")), default="table", show_default=True
)
def claims(db, claimant, place, since, contested, fmt) -> None:
    """List the stored claims: claimant, stance, proposition, place, date, and how it is contested.

    Example: wirescope claims --place Panjshir --contested
    """
    from wirescope.query.claims import ClaimFilter
    from wirescope.query.claims import claims as claim_records

    settings = load_settings({"db": db})
    with open_store(settings.db, create=False) as store:
        found = claim_records(store, ClaimFilter(claimant, place, since, contested))
    if fmt != "table":
        write(found, "claims", fmt, sys.stdout)
        return
    for c in found:
        who = c["claimant"]["name"] if c["claimant"] else "(unattributed)"
        where = f" @ {c['place']['name']}" if c["place"] else ""
        what = c["predicate"] or c["kind"]
        words = one_line(c["evidence"]["text"])[:90]
        click.echo(f"{c['date'] or '?':10}  {who[:30]:30}  {c['stance']:9}  {what}{where}: {words}")


def _write_text(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        with open(out, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")
    click.echo(f"wrote {out}", err=True)


from wirescope.eval.cli import eval_group  # noqa: E402  (the group's commands import their work lazily)

cli.add_command(eval_group)


@cli.group("train")
def train_group() -> None:
    """Refit the weights a learned component ships with, from public training sets.

    Example: wirescope train stance ../shared/eval/stance-fnc1 ../shared/eval/stance-emergent
    """


@train_group.command("stance")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the weights (default: the packaged stance_model.npz).",
)
@click.option("--limit", type=int, help="Train on the first N training pairs of each set only (a quick test).")
@click.option(
    "--corrections",
    "correction_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also train on the reviewed stance examples of this `corrections export --format training` file.",
)
def train_stance(
    paths: tuple[Path, ...], out: Path | None, limit: int | None, correction_files: tuple[Path, ...]
) -> None:
    """Refit the stance classifier on the train splits of FNC-1 and/or Emergent folders, and on
    reviewers' corrections (--corrections).

    Example: wirescope train stance ../shared/eval/stance-fnc1 ../shared/eval/stance-emergent
    """
    try:  # scikit-learn and the encoder stack are the `models` extra: loaded only for this command
        from wirescope.annotate.claims.train import MODEL_FILE, train
    except ImportError as exc:
        raise MissingExtra("training the stance classifier", "models") from exc
    summary = train(
        list(paths),
        out or MODEL_FILE,
        limit=limit,
        threads=load_settings().embed_threads,
        corrections=list(correction_files),
    )
    pairs = ", ".join(f"{name} {n}" for name, n in summary.pairs.items())
    click.echo(f"trained on {pairs} pairs; wrote {summary.path}")


@train_group.command("casing")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the table (default: the packaged annotate/entities/casing.json.gz).",
)
def train_casing(paths: tuple[Path, ...], out: Path | None) -> None:
    """Rebuild the table of words news writes with capitals, from mixed-case news: folders of .txt
    files, or CoNLL-2003 files (a token a line); the parse reads reports written in capitals in
    those words' usual case.

    Example: wirescope train casing ../shared/eval/quotes-polnear/data/train/text
    ../shared/eval/ner-conll2003/train/eng.train
    """
    from wirescope.annotate.actors.dictionary import person_names
    from wirescope.annotate.entities.casing import CASING_TABLE, casing_forms, count_forms, write_table
    from wirescope.eval.ner import read_conll

    texts: list[str] = []
    sources: list[str] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.rglob("*.txt"))
            texts += [f.read_text(encoding="utf-8", errors="replace") for f in files]
            sources.append(f"{path.as_posix()}: {len(files)} .txt files")
        else:
            documents = read_conll(path)
            texts += [d.text for d in documents]
            sources.append(f"{path.as_posix()}: {len(documents)} CoNLL documents")
    if not texts:
        raise click.UsageError(f"no text found in {', '.join(map(str, paths))}")
    forms = count_forms(texts)
    names = person_names()
    table = casing_forms(forms, names)
    sources.append(f"the packaged actor dictionary: {len(names)} person names")
    written = write_table(table, sources, out or CASING_TABLE)
    click.echo(f"read {len(texts)} texts, {len(forms)} words; {len(table)} written with capitals; wrote {written}")


@train_group.command("coref")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the weights (default: the packaged data/event_coref.json).",
)
def train_coref(path: Path, out: Path | None) -> None:
    """Refit the event coreference weights on the ECB+ train topics (dev is never read).

    Example: wirescope train coref ../shared/eval/coref-ecbplus
    """
    try:  # scikit-learn and the encoder stack are the `models` extra: loaded only for this command
        from wirescope.resolve.event_training import train
        from wirescope.resolve.events import MODEL_FILE
    except ImportError as exc:
        raise MissingExtra("training event coreference", "models") from exc
    summary = train(path, out or MODEL_FILE, threads=load_settings().embed_threads)
    model = summary.model
    click.echo(
        f"trained on {summary.documents} documents, {summary.mentions} event mentions, {summary.pairs} pairs; "
        f"document distance {model.document_distance}, {model.cluster_linkage} linkage at {model.cluster_threshold} "
        f"(train CoNLL F1 {summary.train_conll:.3f}), link threshold {model.link_threshold}; wrote {summary.path}"
    )


@train_group.command("ner")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--work",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("/tmp/wirescope-ner-training"),
    show_default=True,
    help="Where the relabelled training documents are kept (never inside the package).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the NER component (default: the packaged annotate/entities/trained/ner).",
)
@click.option(
    "--with-dev",
    is_flag=True,
    help="Train on the dev file (eng.testa) too; needs --epochs, and the last epoch is written.",
)
@click.option("--epochs", type=click.IntRange(min=1), help="Train exactly this many epochs (no epoch chosen on dev).")
def train_ner(path: Path, work: Path, out: Path | None, with_dev: bool, epochs: int | None) -> None:
    """Fine-tune the sm model's NER on a CoNLL-2003 folder's eng.train (best epoch on its dev file).

    Example: nice -n 10 wirescope train ner ../shared/eval/ner-conll2003
    (or, on eng.train and eng.testa, the epoch count chosen before: ... --with-dev --epochs 10)
    """
    from wirescope.annotate.entities.model import TRAINED_NER
    from wirescope.annotate.entities.train import train

    if with_dev and epochs is None:
        raise click.UsageError("--with-dev needs --epochs: no epoch can be chosen on a file trained on")
    run = train(path, work, out or TRAINED_NER, log=click.echo, with_dev=with_dev, epochs=epochs)
    click.echo(
        f"trained on {run.train_documents} documents in {run.minutes} min; kept epoch {run.best_epoch} "
        f"(dev F1 {run.dev_f1:.4f} on {run.dev_documents} documents); wrote {run.out}"
    )


def main() -> None:
    cli(prog_name="wirescope")


# --- corrections (corrections/, query/corrections.py) -------------------------------------------


def _author(author: str | None) -> str:
    import getpass

    try:
        return author or getpass.getuser()
    except (KeyError, OSError):
        return "anonymous"


def _span_option(_ctx, _param, value: str | None):
    if value is None:
        return None
    from wirescope.record import Span

    try:
        start, end = (int(x) for x in value.split(":"))
        return Span(start, end)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not START:END, like 120:164") from None


@cli.command()
@click.argument("target_id", metavar="ID")
@db_option
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE", help="Set a field (repeatable).")
@click.option("--reject", is_flag=True, help="This is not a real annotation (not an event, not a quote...).")
@click.option("--confirm", is_flag=True, help="The annotation is right as it is: mark it reviewed.")
@click.option(
    "--add", "add_kind", metavar="KIND", help="Add a missed event, quote, time, mention or place to article ID."
)
@click.option("--span", callback=_span_option, metavar="START:END", help="With --add: the offsets of its text.")
@click.option("--reason", default="", help="Why: kept with the correction in the audit log.")
@click.option("--author", help="Who corrects (default: the login name).")
def correct(target_id, db, assignments, reject, confirm, add_kind, span, reason, author) -> None:
    """Correct the record: set fields of an annotation, reject it, confirm it, or add a missed one.
    The correction is kept apart from machine output and re-applied after every re-run.

    ID is an event, quote or time id, ARTICLE/mention/START-END, ARTICLE/place/START-END, or an
    actor id (--set merged_into=OTHER merges it, --set merged_into= splits it off).

    Example: wirescope correct evt_1a2b3c4d5e6f7a8b --set modality=claimed --reason "the army says so"
    """
    from wirescope.query.corrections import add, correct, parse_value

    fields = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep:
            fail(f"--set {assignment!r} is not FIELD=VALUE", "e.g. --set modality=claimed")
        fields[name.strip()] = parse_value(value)
    if sum(bool(x) for x in (fields and not add_kind, reject, confirm, add_kind)) != 1:
        fail("give one of --set, --reject, --confirm or --add", "wirescope correct --help shows examples")
    who = _author(author)
    with open_store(load_settings({"db": db}).db, create=False) as store:
        if add_kind:
            if span is None:
                fail("--add needs --span START:END", "the offsets are in `wirescope show ARTICLE`")
            made = [add(store, target_id, add_kind, span, fields, author=who, reason=reason)]
        elif reject or confirm:
            made = [correct(store, target_id, "reject" if reject else "confirm", author=who, reason=reason)]
        else:
            made = [correct(store, target_id, "set", k, v, author=who, reason=reason) for k, v in fields.items()]
    for c in made:
        click.echo(f"recorded {c.id}: {c.action} {c.kind} {c.annotation_id or target_id} {c.field}")


@cli.group("corrections")
def corrections_group() -> None:
    """The corrections log: list, export (JSONL, W3C Web Annotations, Label Studio, training data), import.

    Example: wirescope corrections list --status orphaned
    """


@corrections_group.command("list")
@db_option
@click.option(
    "--status", type=click.Choice(("applied", "orphaned", "unmatched")), help="Only corrections in this state."
)
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table", show_default=True)
def corrections_list(db, status, fmt) -> None:
    """Every correction with what it does now: applied, orphaned (its text is gone), unmatched.

    Example: wirescope corrections list --status orphaned
    """
    import json

    from wirescope.query.corrections import correction_records

    with open_store(load_settings({"db": db}).db, create=False) as store:
        found = correction_records(store, status)
    for r in found:
        if fmt == "jsonl":
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            exact = one_line((r["anchor"] or {}).get("exact") or "")[:40]
            click.echo(f"{r['id']}\t{r['status']}\t{r['action']} {r['kind']}.{r['field']}\t{r['author']}\t{exact}")


@corrections_group.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "w3c", "label-studio", "training")),
    default="jsonl",
    show_default=True,
)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file (default stdout).")
def corrections_export(db, fmt, out) -> None:
    """Write the corrections: the log as JSONL or W3C Web Annotations, Label Studio tasks, or the
    reviewed annotations as training examples. One JSON object a line.

    Example: wirescope corrections export --format w3c --out corrections.jsonl
    """
    import json

    from wirescope.query.corrections import export_corrections

    with open_store(load_settings({"db": db}).db, create=False) as store:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in export_corrections(store, fmt))
    _write_text(text, out)


@corrections_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(("jsonl", "w3c", "label-studio")), default="jsonl", show_default=True
)
def corrections_import(path, db, fmt) -> None:
    """Read corrections (JSONL, W3C Web Annotations, or Label Studio's JSON export) into the log and
    apply them; those the log holds already are skipped.

    Example: wirescope corrections import reviewed.json --format label-studio
    """
    import json

    from wirescope.query.corrections import import_corrections

    text = path.read_text(encoding="utf-8")
    try:
        items = (
            json.loads(text)
            if text.lstrip().startswith("[")
            else [json.loads(x) for x in text.splitlines() if x.strip()]
        )
    except ValueError as exc:
        fail(f"{path}: not JSON or JSON lines ({exc})")
    with open_store(load_settings({"db": db}).db, create=False) as store:
        fresh = import_corrections(store, fmt, items)
    click.echo(f"recorded {len(fresh)} new correction(s) from {path}", err=True)


@cli.command()
@db_option
@click.option("--stale", is_flag=True, help="Only articles stored by another pipeline version (resumes a run).")
@click.option("--batch-size", type=int, help="Articles per spaCy batch (default 16).")
def reprocess(db, stale, batch_size) -> None:
    """Run the pipeline again over the stored articles, from their stored input, and re-apply the
    corrections. Idempotent; after a crash, run it again (--stale skips what is done).

    Example: wirescope reprocess --stale
    """
    from wirescope.run.reprocess import reprocess as run_reprocess

    settings = load_settings({"db": db, "batch_size": batch_size})
    with open_store(settings.db, create=False) as store, _progress() as tick:
        report = run_reprocess(store, settings, stale_only=stale, on_done=lambda item: _report_item(item, tick))
    click.echo(f"reprocessed {len(report.stored)} article(s) in {settings.db}; {len(report.rejected)} failed", err=True)
    sys.exit(0 if report.ok else 1)
