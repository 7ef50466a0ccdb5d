#!/usr/bin/env bash
# Scores Faultline's main-text extractor on the article-extraction benchmark (119 pages).
#
#   scripts/eval-articles.sh
#
# Builds the release binary, writes out/articles.jsonl with `faultline extract --json` and
# prints the scorer's precision, recall, F1 and accuracy. Run from anywhere; paths are
# relative to the repository root, with ../shared beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/article-extraction
if [ ! -d "$data/html" ]; then
    echo "missing $data: check out the project with ../shared beside it" >&2
    exit 1
fi
swift build -c release --product faultline
mkdir -p out
"$(swift build -c release --show-bin-path)/faultline" extract "$data/html" --json > out/articles.jsonl
python3 ../shared/eval/score_articles.py "$data/ground-truth.json" out/articles.jsonl
