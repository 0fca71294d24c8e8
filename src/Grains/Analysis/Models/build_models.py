#!/usr/bin/python3
"""Builds MindPeeker's four deterministic reference models (one per session type).

Run with Debian's interpreter, which has python3-onnx (1.12) and python3-numpy:

    /usr/bin/python3 src/Grains/Analysis/Models/build_models.py [--out DIR]

Writes <session_type>.onnx and reference_outputs.json into DIR (default: this folder).
The output is byte-for-byte reproducible: fixed seeds, fixed metadata, no timestamps.
A test rebuilds everything into a temp dir and compares the bytes with the committed files.

What the models are: a fixed-weight two-layer network (MatMul + Tanh, then one MatMul + Softmax
head per analysis type) over a hashed bag of character n-grams of the cue. The weights are
pseudo-random numbers drawn from a fixed seed. They are NOT trained on anything and predict
nothing; they exist so the real inference path (features -> tensor -> ONNX Runtime -> scores ->
threshold -> results) runs end to end. See docs/analysis.md.

The featurizer below must stay identical to src/Grains/Analysis/CueFeaturizer.cs.
"""
import argparse
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# ---- featurizer (mirror of CueFeaturizer.cs) ----------------------------------------------
FEATURIZER = "mindpeeker-char-ngram-v1"
FEATURE_BUCKETS = 256
NGRAM_MIN = 2
NGRAM_MAX = 4
MAX_CODE_POINTS = 16384
WHITESPACE = {" ", "\t", "\n", "\r", "\v", "\f"}

# ---- network ----------------------------------------------------------------------------
HIDDEN_UNITS = 32
HIDDEN_WEIGHT_STD = 3.0
HEAD_WEIGHT_STD = 0.6
BIAS_STD = 0.1
OPSET = 13
IR_VERSION = 8
MODEL_VERSION = "1.0.0-reference"
INPUT_NAME = "features"
PRODUCER = "mindpeeker build_models.py"
DOC = (
    "Deterministic reference model, not a trained predictor: fixed pseudo-random weights "
    "(seed {seed}) over hashed character n-grams of the cue. Its scores only exercise the "
    "inference path; they carry no information about the cue's target."
)

# session type -> (model name, seed, [(analysis type, labels)])
MODELS = [
    ("remote_viewing", "mindpeeker-reference-remote-viewing", 1001, [
        ("visual", ["structure", "water", "vegetation", "terrain", "light", "motion"]),
        ("spatial", ["indoor", "outdoor", "elevated", "underground", "enclosed", "open"]),
        ("geographical", ["urban", "rural", "coastal", "mountain", "desert", "forest"]),
        ("object", ["building", "vehicle", "person", "tool", "container", "natural_feature"]),
    ]),
    ("dowsing", "mindpeeker-reference-dowsing", 2002, [
        ("yes_no", ["no", "yes"]),
        ("location", ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"]),
    ]),
    ("precognition", "mindpeeker-reference-precognition", 3003, [
        ("temporal", ["hours", "days", "weeks", "months", "years"]),
        ("trend", ["rising", "stable", "falling"]),
    ]),
    ("intuitive_analysis", "mindpeeker-reference-intuitive-analysis", 4004, [
        ("pattern", ["cyclical", "directional", "anomalous", "clustered", "scattered"]),
        ("multidimensional", ["physical", "emotional", "symbolic", "relational", "temporal"]),
    ]),
]

# Cues the tests featurize and score in C# and compare with the numbers computed here.
REFERENCE_CUES = [
    "Describe the target location",
    "  A tall   STRUCTURE\tnear\nwater  ",
    "Will the lost ring be found in the garden?",
    "What happens to the harbour next spring?",
    "Café, naïve façade: Ünïcödé ☀ and 日本語 🌊",
    "x",
    "",
    # an encrypted cue (metadata.encrypted = true) is opaque text, featurized like any other
    "U2FsdGVkX1+3r7Qk9yJ0bWluZHBlZWtlcg==:AES-GCM:9f8e7d6c",
]


def normalize(text):
    """ASCII lower-case, whitespace runs -> one space, trimmed, lone surrogates -> U+FFFD, capped."""
    out = []
    pending_space = False
    for ch in text:
        if ch in WHITESPACE:
            pending_space = len(out) > 0
            continue
        if len(out) == MAX_CODE_POINTS:
            break
        if pending_space:
            out.append(" ")
            pending_space = False
            if len(out) == MAX_CODE_POINTS:
                break
        code = ord(ch)
        if 0x41 <= code <= 0x5A:
            ch = chr(code + 32)
        elif 0xD800 <= code <= 0xDFFF:
            ch = "\ufffd"
        out.append(ch)
    return "".join(out)


def fnv1a32(data):
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def featurize(text):
    padded = " " + normalize(text) + " "
    counts = np.zeros(FEATURE_BUCKETS, dtype=np.int64)
    for n in range(NGRAM_MIN, NGRAM_MAX + 1):
        for i in range(len(padded) - n + 1):
            counts[fnv1a32(padded[i:i + n].encode("utf-8")) % FEATURE_BUCKETS] += 1
    norm = np.sqrt(float(np.sum(counts * counts)))
    if norm == 0.0:
        return np.zeros(FEATURE_BUCKETS, dtype=np.float32)
    return (counts.astype(np.float64) / norm).astype(np.float32)


def weights(seed, heads):
    rng = np.random.RandomState(seed)
    w1 = (rng.standard_normal((FEATURE_BUCKETS, HIDDEN_UNITS)) * HIDDEN_WEIGHT_STD).astype(np.float32)
    b1 = (rng.standard_normal(HIDDEN_UNITS) * BIAS_STD).astype(np.float32)
    per_head = []
    for _, labels in heads:
        w = (rng.standard_normal((HIDDEN_UNITS, len(labels))) * HEAD_WEIGHT_STD).astype(np.float32)
        b = (rng.standard_normal(len(labels)) * BIAS_STD).astype(np.float32)
        per_head.append((w, b))
    return w1, b1, per_head


def build_model(session_type, name, seed, heads):
    w1, b1, per_head = weights(seed, heads)
    initializers = [numpy_helper.from_array(w1, "hidden_w"), numpy_helper.from_array(b1, "hidden_b")]
    nodes = [
        helper.make_node("MatMul", [INPUT_NAME, "hidden_w"], ["hidden_mm"], name="hidden_matmul"),
        helper.make_node("Add", ["hidden_mm", "hidden_b"], ["hidden_pre"], name="hidden_add"),
        helper.make_node("Tanh", ["hidden_pre"], ["hidden"], name="hidden_tanh"),
    ]
    outputs = []
    for (head, labels), (w, b) in zip(heads, per_head):
        initializers += [numpy_helper.from_array(w, head + "_w"), numpy_helper.from_array(b, head + "_b")]
        nodes += [
            helper.make_node("MatMul", ["hidden", head + "_w"], [head + "_mm"], name=head + "_matmul"),
            helper.make_node("Add", [head + "_mm", head + "_b"], [head + "_logits"], name=head + "_add"),
            helper.make_node("Softmax", [head + "_logits"], [head], name=head + "_softmax", axis=-1),
        ]
        outputs.append(helper.make_tensor_value_info(head, TensorProto.FLOAT, ["N", len(labels)]))
    graph = helper.make_graph(
        nodes, name.replace("-", "_"),
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", FEATURE_BUCKETS])],
        outputs, initializer=initializers)
    model = helper.make_model(
        graph, producer_name=PRODUCER, producer_version=MODEL_VERSION,
        opset_imports=[helper.make_opsetid("", OPSET)], doc_string=DOC.format(seed=seed))
    model.ir_version = IR_VERSION
    model.model_version = 1
    props = {
        "mindpeeker.model_name": name,
        "mindpeeker.model_version": MODEL_VERSION,
        "mindpeeker.session_type": session_type,
        "mindpeeker.kind": "deterministic-reference (untrained, fixed pseudo-random weights)",
        "mindpeeker.seed": str(seed),
        "mindpeeker.input": INPUT_NAME,
        "mindpeeker.featurizer": FEATURIZER,
        "mindpeeker.feature_buckets": str(FEATURE_BUCKETS),
        "mindpeeker.ngram_range": "%d-%d" % (NGRAM_MIN, NGRAM_MAX),
        "mindpeeker.max_code_points": str(MAX_CODE_POINTS),
        "mindpeeker.analysis_types": ",".join(head for head, _ in heads),
    }
    for head, labels in heads:
        props["mindpeeker.labels." + head] = ",".join(labels)
    helper.set_model_props(model, props)
    onnx.checker.check_model(model, full_check=True)
    return model


def softmax(logits):
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def reference_scores(seed, heads, features):
    w1, b1, per_head = weights(seed, heads)
    hidden = np.tanh(features.astype(np.float64) @ w1.astype(np.float64) + b1)
    return {head: softmax(hidden @ w.astype(np.float64) + b) for (head, _), (w, b) in zip(heads, per_head)}


def rounded(values):
    return [float("%.9g" % v) for v in values]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    features = np.stack([featurize(cue) for cue in REFERENCE_CUES])
    reference = {
        "featurizer": FEATURIZER,
        "feature_buckets": FEATURE_BUCKETS,
        "cues": [{"cue": cue, "features": rounded(row)} for cue, row in zip(REFERENCE_CUES, features)],
        "models": {},
    }
    for session_type, name, seed, heads in MODELS:
        model = build_model(session_type, name, seed, heads)
        with open(os.path.join(args.out, session_type + ".onnx"), "wb") as f:
            f.write(model.SerializeToString())
        scores = reference_scores(seed, heads, features)
        reference["models"][session_type] = {
            "name": name,
            "version": MODEL_VERSION,
            "outputs": {
                head: {"labels": labels, "scores": [rounded(row) for row in scores[head]]}
                for head, labels in heads
            },
        }
    with open(os.path.join(args.out, "reference_outputs.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(reference, f, ensure_ascii=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
