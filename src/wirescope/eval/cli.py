"""`wirescope eval ...`: one subcommand per evaluation, each defined in its own module.

Registration is this one explicit list.
"""

from __future__ import annotations

import click

from wirescope.eval.ecbplus import coref_command
from wirescope.eval.events import events_command
from wirescope.eval.geo import geo_command
from wirescope.eval.muc import muc_command
from wirescope.eval.ner import ner_command
from wirescope.eval.plover import plover_command
from wirescope.eval.quotes import quotes_command
from wirescope.eval.rams import rams_command
from wirescope.eval.stance import stance_command
from wirescope.eval.time import time_command
from wirescope.eval.wikievents import wikievents_command


@click.group("eval")
def eval_group() -> None:
    """Score wirescope against gold data sets and print the figures.

    Example: wirescope eval time ../shared/eval/time-timebank/TBAQ-cleaned/TimeBank
    """


for _command in (
    time_command,
    geo_command,
    quotes_command,
    ner_command,
    events_command,
    muc_command,
    rams_command,
    wikievents_command,
    plover_command,
    stance_command,
    coref_command,
):
    eval_group.add_command(_command)
