"""Sentence-encoder benchmark: speed on 1 and 2 threads, agreement with fp32, cost per article.

    .venv/bin/python benchmarks/embeddings.py ../shared/eval/quotes-polnear/data/dev/text --n 40 \
        [--dump-sentences /tmp/sents.txt] [--reference /tmp/ref.npy]

Over the first N articles (annotated by the default pipeline, text as given):
- sentences per second of the int8 encoder on every sentence, with 1 and with 2 threads;
- cosine of each int8 vector with the fp32 ONNX graph's (built into a temporary folder from the
  same weights), and, with --reference, with vectors computed by sentence-transformers on torch
  (benchmarks/embeddings_reference.py, run by hand in a separate venv: torch is no dependency);
- what embedding only the sentences that hold quotes costs per article, next to bare spaCy's
  parse of the same articles.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort

import wirescope
from wirescope.annotate.embeddings import encode, encoder, sentence_vectors
from wirescope.annotate.embeddings.build import write_fp32
from wirescope.annotate.entities import load_model
from wirescope.settings import Settings


def timed_encode(sentences: list[str], threads: int) -> float:
    encoder(threads).encode(sentences[:64])  # warm the session
    start = time.perf_counter()
    encode(sentences, threads=threads)
    return time.perf_counter() - start


def fp32_vectors(sentences: list[str]) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        session = ort.InferenceSession(str(write_fp32(Path(tmp) / "fp32.onnx")), providers=["CPUExecutionProvider"])
    tokenizer = encoder(1).tokenizer
    rows = []
    for start in range(0, len(sentences), 32):
        enc = tokenizer.encode_batch(sentences[start : start + 32])
        feed = {
            "input_ids": np.array([e.ids for e in enc], np.int64),
            "attention_mask": np.array([e.attention_mask for e in enc], np.int64),
        }
        rows.append(session.run(["sentence_embedding"], feed)[0])
    return np.concatenate(rows)


def agreement(name: str, a: np.ndarray, b: np.ndarray) -> None:
    cos = (a * b).sum(axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    print(
        f"cosine int8 vs {name}: mean {cos.mean():.4f}, min {cos.min():.4f}, "
        f"share >= 0.99: {(cos >= 0.99).mean():.3f} over {len(cos)} sentences"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--dump-sentences", type=Path, help="write the sentences, one a line, for the reference")
    parser.add_argument("--reference", type=Path, help="vectors from benchmarks/embeddings_reference.py")
    args = parser.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in sorted(args.texts.iterdir())[: args.n]]
    articles = list(wirescope.process_many(texts))
    sentences = [" ".join(a.text_of(s).split()) for a in articles for s in a.sentences]
    sentences = [s for s in sentences if s]
    if args.dump_sentences:
        args.dump_sentences.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {len(sentences)} sentences")
    for threads in (1, 2):
        seconds = timed_encode(sentences, threads)
        print(f"int8, {threads} thread(s): {seconds:.1f} s, {len(sentences) / seconds:.0f} sentences/s")

    int8 = encode(sentences)
    agreement("fp32 ONNX", int8, fp32_vectors(sentences))
    if args.reference:
        agreement("sentence-transformers fp32 (torch)", int8, np.load(args.reference))

    nlp = load_model(Settings().model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse = (time.perf_counter() - start) / len(texts)
    fresh = [wirescope.api.as_given(t) for t in texts]
    start = time.perf_counter()
    quoted = 0
    for article, annotated in zip(fresh, articles, strict=True):
        spans = list(dict.fromkeys(s for q in annotated.quotes if (s := annotated.sentence_of(q.span))))
        quoted += len(spans)
        sentence_vectors(article, spans)
    cost = (time.perf_counter() - start) / len(texts)
    print(
        f"bare spaCy parse: {parse * 1000:.0f} ms/article; embedding the {quoted / len(texts):.1f} quote "
        f"sentences per article: {cost * 1000:.0f} ms/article ({cost / parse:.0%} of the parse)"
    )
    total = sum(len(a.sentences) for a in articles) / len(texts)
    per_sentence = cost / max(quoted / len(texts), 1e-9)
    print(f"every sentence ({total:.1f}/article) would cost about {per_sentence * total * 1000:.0f} ms/article")


if __name__ == "__main__":
    main()
