"""The MiniLM (BERT) encoder written out as an ONNX graph from the package's safetensors weights.

all-MiniLM-L6-v2 is a 6-layer BERT (hidden 384, 12 heads, exact-erf GELU, LayerNorm eps 1e-12)
followed by mean pooling over the attention mask and L2 normalisation (its modules.json and
1_Pooling/config.json). Writing the graph ourselves with the `onnx` helpers means the build needs
neither torch nor transformers, and the same weights always give byte-identical graphs.

Inputs: `input_ids` and `attention_mask` (int64, batch x tokens). Token types are all 0 for a
single sentence, so row 0 of the token-type table is added as a constant. Output:
`sentence_embedding` (float32, batch x 384), unit vectors.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file

OPSET = 17  # LayerNormalization is a standard op from opset 17 on


class _Graph:
    """Accumulates nodes and initializers with unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, inputs: list[str], name: str = "", **attrs: Any) -> str:
        self._count += 1
        out = f"{kind.lower()}_{self._count}"
        node_name = name or f"n{self._count}_{kind}"
        self.nodes.append(helper.make_node(kind, inputs, [out], name=node_name, **attrs))
        return out


def _linear(g: _Graph, x: str, w: dict[str, np.ndarray], prefix: str) -> str:
    # safetensors holds torch's (out, in) layout; MatMul wants (in, out).
    weight = g.const(f"{prefix}.weight_t", w[f"{prefix}.weight"].T)
    product = g.op("MatMul", [x, weight], name=f"{prefix}.matmul")
    return g.op("Add", [product, g.const(f"{prefix}.bias", w[f"{prefix}.bias"])])


def _layer_norm(g: _Graph, x: str, w: dict[str, np.ndarray], prefix: str, eps: float) -> str:
    scale = g.const(f"{prefix}.weight", w[f"{prefix}.weight"])
    bias = g.const(f"{prefix}.bias", w[f"{prefix}.bias"])
    return g.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=eps)


def _gelu(g: _Graph, x: str) -> str:
    # BERT's "gelu" is the exact erf form, not the tanh approximation.
    inv_sqrt2 = g.const(f"{x}.inv_sqrt2", np.array(1 / math.sqrt(2), np.float32))
    half = g.const(f"{x}.half", np.array(0.5, np.float32))
    one = g.const(f"{x}.one", np.array(1.0, np.float32))
    erf = g.op("Erf", [g.op("Mul", [x, inv_sqrt2])])
    return g.op("Mul", [g.op("Mul", [x, half]), g.op("Add", [erf, one])])


def _attention(g: _Graph, x: str, bias: str, w: dict[str, np.ndarray], prefix: str, heads: int, size: int) -> str:
    split = g.const(f"{prefix}.split_shape", np.array([0, 0, heads, size // heads], np.int64))
    merge = g.const(f"{prefix}.merge_shape", np.array([0, 0, size], np.int64))

    def project(name: str, perm: list[int]) -> str:
        return g.op("Transpose", [g.op("Reshape", [_linear(g, x, w, f"{prefix}.self.{name}"), split])], perm=perm)

    query = project("query", [0, 2, 1, 3])
    key = project("key", [0, 2, 3, 1])
    value = project("value", [0, 2, 1, 3])
    scale = g.const(f"{prefix}.scale", np.array(1 / math.sqrt(size // heads), np.float32))
    scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [query, key]), scale]), bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), value])
    merged = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge])
    return _linear(g, merged, w, f"{prefix}.output.dense")


def _embeddings(g: _Graph, w: dict[str, np.ndarray], eps: float) -> str:
    words = g.op("Gather", [g.const("word_embeddings", w["embeddings.word_embeddings.weight"]), "input_ids"])
    # The first `tokens` rows of the position table; a 1-D Slice (rather than Gather over a Range)
    # is the form onnxruntime's graph optimiser handles.
    length = g.op("Shape", ["input_ids"], start=1, end=2)
    position = g.op(
        "Slice",
        [
            g.const("position_embeddings", w["embeddings.position_embeddings.weight"]),
            g.const("starts_0", np.array([0], np.int64)),
            length,
            g.const("slice_axis_0", np.array([0], np.int64)),
        ],
    )
    token_type = g.const("token_type_0", w["embeddings.token_type_embeddings.weight"][0])
    summed = g.op("Add", [g.op("Add", [words, position]), token_type])
    return _layer_norm(g, summed, w, "embeddings.LayerNorm", eps)


def _mask_bias(g: _Graph) -> str:
    # Padding positions get a large negative score so softmax gives them no weight.
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    inverted = g.op("Sub", [g.const("one_f", np.array(1.0, np.float32)), mask])
    bias = g.op("Mul", [inverted, g.const("neg_large", np.array(-10000.0, np.float32))])
    return g.op("Unsqueeze", [bias, g.const("axes_1_2", np.array([1, 2], np.int64))])


def _mean_pool_normalised(g: _Graph, hidden: str) -> str:
    mask = g.op(
        "Unsqueeze",
        [g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT), g.const("axes_2", np.array([2], np.int64))],
    )
    axis = g.const("axes_tokens", np.array([1], np.int64))
    total = g.op("ReduceSum", [g.op("Mul", [hidden, mask]), axis], keepdims=0)
    count = g.op("Max", [g.op("ReduceSum", [mask, axis], keepdims=0), g.const("min_count", np.array(1e-9, np.float32))])
    return g.op("LpNormalization", [g.op("Div", [total, count])], axis=1, p=2)


def build_graph(model_dir: Path) -> onnx.ModelProto:
    """The fp32 ONNX model of the sentence encoder whose weights and config are in `model_dir`."""
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    weights = load_file(str(model_dir / "model.safetensors"))
    eps, heads, size = config["layer_norm_eps"], config["num_attention_heads"], config["hidden_size"]
    g = _Graph()
    hidden = _embeddings(g, weights, eps)
    bias = _mask_bias(g)
    for layer in range(config["num_hidden_layers"]):
        prefix = f"encoder.layer.{layer}"
        attended = _attention(g, hidden, bias, weights, f"{prefix}.attention", heads, size)
        hidden = _layer_norm(g, g.op("Add", [attended, hidden]), weights, f"{prefix}.attention.output.LayerNorm", eps)
        inner = _gelu(g, _linear(g, hidden, weights, f"{prefix}.intermediate.dense"))
        out = _linear(g, inner, weights, f"{prefix}.output.dense")
        hidden = _layer_norm(g, g.op("Add", [out, hidden]), weights, f"{prefix}.output.LayerNorm", eps)
    pooled = _mean_pool_normalised(g, hidden)
    g.nodes.append(helper.make_node("Identity", [pooled], ["sentence_embedding"], name="output"))
    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
        for name in ("input_ids", "attention_mask")
    ]
    outputs = [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", size])]
    graph = helper.make_graph(g.nodes, "all_minilm_l6_v2", inputs, outputs, g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="wirescope")
    model.ir_version = 8  # readable by every onnxruntime since 1.10
    onnx.checker.check_model(model)
    return model
