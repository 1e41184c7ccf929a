"""The int8 ONNX MiniLM: unit vectors, paraphrases closer than unrelated text, one pass per sentence."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import numpy as np
import pytest

from wirescope.annotate.embeddings import DIMENSIONS, encode, sentence_vectors
from wirescope.annotate.embeddings.build import build, ensure_built
from wirescope.api import as_given
from wirescope.record import Span


def test_vectors_are_unit_rows_of_384_floats():
    vectors = encode(["Taliban fighters entered Bazarak on Monday.", "A short one.", "x" * 3000])
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_no_sentences_give_an_empty_array():
    assert encode([]).shape == (0, DIMENSIONS)


# (sentence, a paraphrase of it, a sentence about something else), all written for this test.
PARAPHRASES = [
    (
        "The Taliban captured the Panjshir valley on Monday.",
        "On Monday Taliban fighters took control of the Panjshir valley.",
        "The central bank left interest rates unchanged.",
    ),
    (
        "Two soldiers were killed when a roadside bomb exploded near the convoy.",
        "A roadside bomb blew up beside the convoy, killing two soldiers.",
        "The festival drew thousands of visitors to the old town.",
    ),
    (
        "The spokesman denied that there had been any exchange of gunfire.",
        "There was no exchange of fire, the spokesman said.",
        "Heavy rain flooded several villages in the south.",
    ),
    (
        "Rebels shelled the airport overnight.",
        "The airport came under rebel artillery fire during the night.",
        "The minister opened a new school in the capital.",
    ),
]


@pytest.mark.parametrize(("sentence", "paraphrase", "unrelated"), PARAPHRASES)
def test_a_paraphrase_is_closer_than_an_unrelated_sentence(sentence, paraphrase, unrelated):
    a, p, u = encode([sentence, paraphrase, unrelated])
    assert a @ p > 0.5 and a @ u < 0.2 and a @ p - a @ u > 0.4


def test_a_vector_is_the_same_whatever_else_is_embedded_in_the_same_call():
    # The int8 model quantises activations per tensor: in a batch, batch-mates would move a row.
    sentences = [s for row in PARAPHRASES for s in row]
    together = encode(sentences)
    alone = np.stack([encode([s])[0] for s in sentences])
    assert np.array_equal(together, alone)
    assert np.array_equal(encode(sentences[3:5])[1], together[4])


TEXT = "Fighting went on in Panjshir. The Taliban said they had taken the valley. The NRF denied it."


def test_article_sentences_are_embedded_once_and_only_when_asked():
    article = as_given(TEXT)
    first = Span(0, TEXT.index(".") + 1)
    third = Span(TEXT.index("The NRF"), len(TEXT))
    asked = sentence_vectors(article, [third, first, third])
    assert set(article.vectors) == {first, third}  # the middle sentence was never asked for
    assert np.allclose(asked[0], asked[2]) and np.allclose(asked[1], encode([first.of(TEXT)])[0], atol=0.02)
    later = replace(article, title="the pipeline's next step")  # the cache travels with the article
    cached = later.vectors[first]
    assert sentence_vectors(later, [first])[0] is not None and later.vectors[first] is cached


def test_no_spans_give_an_empty_array():
    assert sentence_vectors(as_given(TEXT), []).shape == (0, DIMENSIONS)


def test_the_build_is_deterministic(tmp_path):
    shipped = ensure_built().read_bytes()
    rebuilt = build(tmp_path / "model.onnx").read_bytes()
    assert hashlib.sha256(rebuilt).hexdigest() == hashlib.sha256(shipped).hexdigest()


def test_a_short_text_is_run_at_its_own_length_not_padded():
    # The package's tokenizer.json pads every input to 128 word pieces; a sentence run alone
    # needs no padding, and padding made a trigger word cost as much as a long sentence.
    from wirescope.annotate.embeddings.encoder import encoder

    assert encoder().tokenizer.encode("attacked").ids == [101, 4457, 102]
