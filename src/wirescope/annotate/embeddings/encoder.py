"""Sentences in, unit vectors out: the int8 ONNX MiniLM behind one session per process.

The tokenizer is the package's own tokenizer.json (BERT uncased WordPiece) read by `tokenizers`;
sentences are cut at 256 word pieces, the model's max_seq_length. That file also pads every input
to 128 word pieces; the padding is turned off, since a sentence run alone needs none: padded, a
three-word trigger cost as much as a 128-piece sentence (3.2x the time over real sentences), and
the padded positions entered the int8 activation ranges (unpadded is nearer the fp32 model).

Each sentence is run alone. The int8 model quantises its activations dynamically, with one scale
per tensor: in a batch, a sentence's vector depends on the sentences beside it (up to 0.016 in a
coordinate), so the same article gave different vectors, links and scores depending on what it was
ingested with, or whether a killed run was resumed. Alone, a sentence always gets the same vector;
on these cores it is as fast as batches of 32 (no padding to run through the model).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from wirescope.annotate.embeddings.build import ensure_built, source_dir

DIMENSIONS = 384
MAX_TOKENS = 256

_lock = threading.Lock()
_sessions: dict[int, Encoder] = {}


class Encoder:
    """One onnxruntime session and its tokenizer; build it through `encoder(threads)`."""

    def __init__(self, threads: int) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(ensure_built()), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(source_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per sentence, in input order, each run alone."""
        out = np.zeros((len(sentences), DIMENSIONS), np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(list(sentences))):
            ids = np.array([encoding.ids], np.int64)
            mask = np.array([encoding.attention_mask], np.int64)
            out[i] = self.session.run(["sentence_embedding"], {"input_ids": ids, "attention_mask": mask})[0][0]
        return out


def encoder(threads: int = 1) -> Encoder:
    """The process's encoder for this thread count, loaded once (about 0.3 s) and then reused."""
    with _lock:
        if threads not in _sessions:
            _sessions[threads] = Encoder(threads)
        return _sessions[threads]


def encode(sentences: Sequence[str], *, threads: int = 1) -> np.ndarray:
    """Embed `sentences` with all-MiniLM-L6-v2: an array of shape (len(sentences), 384), unit rows.
    A sentence's vector depends on that sentence only, never on the others in the call."""
    if not sentences:
        return np.zeros((0, DIMENSIONS), np.float32)
    return encoder(threads).encode(list(sentences))
