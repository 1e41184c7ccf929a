"""Several ingesters writing one store at once lose nothing and store nothing twice.

Two separate processes open the same empty store at the same moment (so they also race to
migrate it) and each saves the same articles, in opposite orders, twice over. Every article
adds its own alias to every actor, so a lost read-modify-write of the actor registry shows; and
all are copies of one text, so two writers that missed each other's copy would split the story.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

from sqlalchemy import func, select

from tests.conftest import copy_of_article
from wirescope.store import open_store
from wirescope.store.schema import mentions

COPIES = 8

WRITER = """
import pickle, sys
from wirescope.store import open_store
articles = pickle.load(open(sys.argv[2], "rb"))
if sys.argv[3] == "reversed":
    articles = articles[::-1]
with open_store(sys.argv[1]) as store:
    for _ in range(2):
        for article in articles:
            store.save(article, ["test@1"])
"""


def copies(article, n: int):
    return [copy_of_article(article, i, f"alias {i}") for i in range(n)]


def test_two_processes_writing_the_same_articles_at_once(any_store_url, seed_article, tmp_path):
    articles = copies(seed_article, COPIES)
    batch = tmp_path / "articles.pickle"
    batch.write_bytes(pickle.dumps(articles))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, any_store_url, str(batch), order], stderr=subprocess.PIPE, text=True
        )
        for order in ("forward", "reversed")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err

    with open_store(any_store_url) as store:
        assert sorted(store.article_ids()) == sorted(a.id for a in articles)
        with store.engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(mentions)) == COPIES * len(seed_article.mentions)
        assert store.counts()["actors"] == len(seed_article.actors)
        every_alias = {f"alias {i}" for i in range(COPIES)}
        for row in store.actor_rows():
            assert every_alias <= set(row["aliases"]), row["name"]
        for article in articles:
            assert store.article(article.id).mentions == article.mentions
        # The copies have one text: whichever process stored each, they are one story.
        assert len(set(store.story_ids().values())) == 1
