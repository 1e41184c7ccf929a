"""`wirescope eval coref PATH`: event coreference on ECB+ (../shared/eval/coref-ecbplus).

Two settings, each scored within documents and across them (the whole split as one key, so
within-document links count too, as Cybulska & Vossen 2015 and Barhom et al. 2019 score it):

- gold mentions: the ACTION mentions of the selected sentences (ecbplus_data.py) are given;
- end-to-end: the events are wirescope's own triggers (ecbplus_reports.py), against every gold
  mention (a gold mention we do not find costs recall, a trigger the gold lacks costs precision).

Ours: documents are first grouped by content (resolve/documents.py), then the event mentions of a
group are clustered by the pairwise model (resolve/events.py). The lemma baseline, printed in the
same run, joins mentions of one group whose trigger lemma is the same. Neither ever sees the gold
topic or sub-topic. MUC, B-cubed, CEAF-e and CoNLL F1 are eval/coref_metrics.py's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click
import numpy as np

from wirescope.eval.coref_metrics import CorefScores, score
from wirescope.eval.ecbplus_data import SPLITS, EcbDocument, read_split
from wirescope.eval.ecbplus_reports import Mentions, gold_mentions, parse_documents, predicted_mentions
from wirescope.resolve.documents import document_groups
from wirescope.resolve.events import CorefModel, cluster_probabilities, pairwise_features, shipped_model
from wirescope.settings import load_settings

Clusters = list[frozenset[Hashable]]


@dataclass(frozen=True)
class CorefRun:
    split: str
    documents: int
    mentions: int
    results: dict[tuple[str, str, str], CorefScores]  # (setting, system, scope) -> scores


def gold_clusters(documents: Sequence[EcbDocument]) -> Clusters:
    groups: dict[str, set[Hashable]] = defaultdict(set)
    for document in documents:
        for mention in document.events:
            groups[mention.cluster].add(mention.key)
    return [frozenset(g) for g in groups.values()]


def within_documents(clusters: Clusters) -> Clusters:
    """Each cluster cut by document: the within-document clustering it implies."""
    out: Clusters = []
    for cluster in clusters:
        by_document: dict[str, set[Hashable]] = defaultdict(set)
        for key in cluster:
            by_document[key[0]].add(key)  # type: ignore[index]
        out += [frozenset(g) for g in by_document.values()]
    return out


def group_indices(mentions: Mentions, groups: list[int]) -> list[list[int]]:
    """Mention indices per document group."""
    out: dict[int, list[int]] = defaultdict(list)
    for i, document in enumerate(mentions.documents):
        out[groups[document]].append(i)
    return list(out.values())


def group_features(mentions: Mentions, members: list[list[int]]) -> list[np.ndarray]:
    return [pairwise_features([mentions.reports[i] for i in m]) for m in members]


def model_clusters(
    mentions: Mentions, members: list[list[int]], features: list[np.ndarray], model: CorefModel, threshold: float
) -> Clusters:
    out: Clusters = []
    for indices, matrix in zip(members, features, strict=True):
        probabilities = model.probabilities(matrix) if len(matrix) else np.zeros(0)
        labels = cluster_probabilities(probabilities, len(indices), threshold, model.cluster_linkage)
        by_label: dict[int, set[Hashable]] = defaultdict(set)
        for i, label in zip(indices, labels, strict=True):
            by_label[label].add(mentions.keys[i])
        out += [frozenset(g) for g in by_label.values()]
    return out


def lemma_clusters(mentions: Mentions, members: list[list[int]]) -> Clusters:
    out: Clusters = []
    for indices in members:
        by_lemma: dict[str, set[Hashable]] = defaultdict(set)
        for i in indices:
            by_lemma[mentions.reports[i].trigger].add(mentions.keys[i])
        out += [frozenset(g) for g in by_lemma.values()]
    return out


def _scores(key: Clusters, response: Clusters) -> dict[str, CorefScores]:
    return {
        "within": score(within_documents(key), within_documents(response)),
        "across": score(key, response),
    }


def evaluate(
    path: Path, split: str = "dev", *, model: CorefModel | None = None, end_to_end: bool = True, threads: int = 1
) -> CorefRun:
    model = model or shipped_model()
    documents = read_split(path, split)
    parsed = parse_documents(documents, threads)
    groups = document_groups([d.text for d in documents], model_document_distance(model))
    key = gold_clusters(documents)
    results: dict[tuple[str, str, str], CorefScores] = {}
    settings = [("gold mentions", gold_mentions(parsed, threads))]
    if end_to_end:
        settings.append(("end-to-end", predicted_mentions(parsed, threads)))
    for setting, mentions in settings:
        members = group_indices(mentions, groups)
        ours = model_clusters(mentions, members, group_features(mentions, members), model, model.cluster_threshold)
        for system, response in (("lemma", lemma_clusters(mentions, members)), ("ours", ours)):
            for scope, scores in _scores(key, response).items():
                results[(setting, system, scope)] = scores
    return CorefRun(split, len(documents), sum(len(d.events) for d in documents), results)


def model_document_distance(model: CorefModel) -> float:
    return model.document_distance


def format_run(run: CorefRun) -> str:
    lines = [
        f"ECB+ {run.split}: {run.documents} documents, {run.mentions} gold event mentions (singletons kept)",
        f"{'setting':<14} {'scope':<7} {'system':<6} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}"
        f"   (F1; R/P: MUC, B3, CEAF-e)",
    ]
    for (setting, system, scope), s in sorted(
        run.results.items(), key=lambda kv: (kv[0][0] != "gold mentions", kv[0][2], kv[0][1])
    ):
        detail = "  ".join(f"{x.recall:.3f}/{x.precision:.3f}" for x in (s.muc, s.b3, s.ceaf_e))
        lines.append(
            f"{setting:<14} {scope:<7} {system:<6} {s.muc.f1:6.3f} {s.b3.f1:6.3f} {s.ceaf_e.f1:6.3f} {s.conll:6.3f}"
            f"   {detail}"
        )
    return "\n".join(lines)


@click.command("coref")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--split", type=click.Choice(sorted(SPLITS)), default="dev", show_default=True, help="ECB+ topics to score."
)
@click.option("--gold-only", is_flag=True, help="Score with gold mentions only (skip the end-to-end setting).")
def coref_command(path: Path, split: str, gold_only: bool) -> None:
    """Score cross-document event coreference on ECB+, ours beside the lemma baseline.

    Example: wirescope eval coref ../shared/eval/coref-ecbplus --split dev
    """
    run = evaluate(path, split, end_to_end=not gold_only, threads=load_settings().embed_threads)
    click.echo(format_run(run))


__all__ = ["CorefRun", "coref_command", "evaluate", "format_run", "gold_clusters", "within_documents"]
