"""The command line: each command parses its options and calls the public API in a few lines."""

from __future__ import annotations

import sys
from datetime import date
from functools import wraps

import click

from wirescope.errors import Rejected, WirescopeError
from wirescope.query import KINDS, records
from wirescope.query.formats import FORMATS, write
from wirescope.settings import load_settings
from wirescope.sources import Metadata, read_paths
from wirescope.store import open_store


def fail(message: str, hint: str | None = None) -> None:
    click.echo(f"error: {message}", err=True)
    if hint:
        click.echo(f"hint: {hint}", err=True)
    sys.exit(2)


def handle_errors(func):
    """Turn wirescope's own errors into one line and a hint, without a traceback."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except WirescopeError as exc:
            fail(str(exc), exc.hint)

    return wrapper


def db_option(func):
    return click.option("--db", default=None, metavar="PATH|URL",
                        help="The store: a SQLite file (default wirescope.db), or postgresql://...")(func)


def _iso_date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-08-25") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirescope")
def cli() -> None:
    """wirescope: news reports of a conflict in, a sourced record of who said and did what out.

    Example: wirescope ingest articles/ && wirescope events --format jsonl
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD) for every document given.")
@click.option("--url", help="The document's URL.")
@click.option("--publisher", help="The publisher's name.")
@click.option("--title", help="The title, when the document does not show it.")
@click.option("--encoding", help="Read the files with this encoding instead of detecting it.")
@click.option("--max-bytes", type=int, help="Reject documents larger than this (default 10 MB).")
@click.option("--batch-size", type=int, help="Articles per spaCy batch (default 16).")
@handle_errors
def ingest(paths, db, published, url, publisher, title, encoding, max_bytes, batch_size) -> None:
    """Read documents (files, folders, or - for stdin), extract the record, and store it.

    Plain-text scrapes and HTML pages are told apart by their content. Bad documents are
    reported one per line and skipped; the exit code is 1 if any failed.

    Example: wirescope ingest ../shared/seed/panjshir_dailybeast_2021.txt --published 2021-08-25
    """
    from wirescope.run import ingest as run_ingest

    settings = load_settings({"db": db, "max_bytes": max_bytes, "batch_size": batch_size})
    meta = Metadata(title=title, url=url, publisher=publisher, published=published)
    documents = read_paths(paths, meta, encoding, settings.max_bytes)
    with open_store(settings.db) as store, _progress() as tick:
        report = run_ingest(documents, store, settings, on_done=lambda item: _report_item(item, tick))
    click.echo(f"stored {len(report.stored)} article(s) in {settings.db}; {len(report.rejected)} failed", err=True)
    sys.exit(0 if report.ok else 1)


def _report_item(item, tick) -> None:
    if isinstance(item, Rejected):
        click.echo(f"error: {item}", err=True)
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


def _list_command(kind: str):
    @db_option
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
    @click.option("--article", "article_ids", multiple=True, help="Only from this article id (repeatable).")
    @handle_errors
    def command(db, fmt, article_ids) -> None:
        settings = load_settings({"db": db})
        with open_store(settings.db) as store:
            write(records(store, kind, list(article_ids) or None), kind, fmt, sys.stdout)

    command.__doc__ = f"List the stored {kind}.\n\nExample: wirescope {kind} --format jsonl"
    return cli.command(name=kind)(command)


for _kind in KINDS:
    _list_command(_kind)


@cli.command()
@click.argument("article_id")
@db_option
@handle_errors
def show(article_id, db) -> None:
    """Print an article's clean text with its annotations marked.

    Example: wirescope show art_0123456789abcdef
    """
    from rich.console import Console

    from wirescope.query.show import legend, marked_text

    settings = load_settings({"db": db})
    with open_store(settings.db) as store:
        article = store.article(article_id)
    console = Console(highlight=False)
    console.print(f"[bold]{article.title or '(no title)'}[/bold]  {article.publisher or ''} {article.published or ''}")
    console.print(marked_text(article))
    console.print()
    for line in legend(article):
        console.print(line, markup=False)


@cli.command()
@db_option
@handle_errors
def summary(db) -> None:
    """Count what the store holds and say where it is.

    Example: wirescope summary --db wirescope.db
    """
    settings = load_settings({"db": db})
    with open_store(settings.db) as store:
        counts = store.counts()
    click.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    click.echo(f"the record is in {settings.db}; list it with: wirescope articles --db {settings.db}")


def main() -> None:
    cli(prog_name="wirescope")
