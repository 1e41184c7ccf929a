"""Sentences in, unit vectors out: the int8 ONNX MiniLM behind one session per process.

The tokenizer is the package's own tokenizer.json (BERT uncased WordPiece) read by `tokenizers`;
sentences are cut at 256 word pieces, the model's max_seq_length. Batches are formed after sorting
by length so that short sentences are not padded to the longest of the whole call.
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
BATCH_SIZE = 32

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
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch

    def encode(self, sentences: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """One L2-normalised float32 row per sentence, in input order."""
        out = np.zeros((len(sentences), DIMENSIONS), np.float32)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._batch([sentences[i] for i in chunk])
        return out

    def _batch(self, sentences: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(sentences)
        ids = np.array([e.ids for e in encodings], np.int64)
        mask = np.array([e.attention_mask for e in encodings], np.int64)
        return self.session.run(["sentence_embedding"], {"input_ids": ids, "attention_mask": mask})[0]


def encoder(threads: int = 1) -> Encoder:
    """The process's encoder for this thread count, loaded once (about 0.3 s) and then reused."""
    with _lock:
        if threads not in _sessions:
            _sessions[threads] = Encoder(threads)
        return _sessions[threads]


def encode(sentences: Sequence[str], *, threads: int = 1, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Embed `sentences` with all-MiniLM-L6-v2: an array of shape (len(sentences), 384), unit rows."""
    if not sentences:
        return np.zeros((0, DIMENSIONS), np.float32)
    return encoder(threads).encode(list(sentences), batch_size)
