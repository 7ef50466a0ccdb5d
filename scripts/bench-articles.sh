#!/usr/bin/env bash
# Speed of Faultline's main-text extractor beside trafilatura's, on the same 119 pages, one
# process on one core each, in pages per CPU second.
#
#   scripts/bench-articles.sh [PASSES]
#
# Installs trafilatura from PyPI into .build-venv/ (git-ignored) on first use; Faultline
# itself needs no Python. Both sides read the inflated page bytes from memory, so file reading
# and gzip are outside the timings; both are timed with getrusage (CPU, not wall clock).
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-5}
data=../shared/data/article-extraction/html
if [ ! -d "$data" ]; then
    echo "missing $data: check out the project with ../shared beside it" >&2
    exit 1
fi
if [ ! -x .build-venv/bin/python ]; then
    python3 -m venv .build-venv
    # lxml 5.2+ moved lxml.html.clean, which trafilatura's jusText import needs, to its own package.
    .build-venv/bin/pip install --quiet trafilatura lxml_html_clean
fi
swift build -c release --product faultline

trafilatura=$(.build-venv/bin/python - "$data" "$passes" <<'PY'
import gzip, os, resource, sys
import trafilatura
folder, passes = sys.argv[1], int(sys.argv[2])
pages = [gzip.open(os.path.join(folder, f)).read() for f in sorted(os.listdir(folder)) if f.endswith(".html.gz")]
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
for page in pages:  # one untimed pass, as the Swift side does
    trafilatura.extract(page)
start = cpu()
for _ in range(passes):
    for page in pages:
        trafilatura.extract(page)
print(f"{len(pages) * passes / (cpu() - start):.1f}")
PY
)
faultline=$("$(swift build -c release --show-bin-path)/faultline" bench extract --data "$data" --passes "$passes" --json)
echo "faultline: $faultline"
python3 - "$trafilatura" "$faultline" <<'PY'
import json, sys
traf = float(sys.argv[1])
ours = json.loads(sys.argv[2])
print(f"pages per CPU second, {ours['pages']} pages, {ours['repeats']} passes:")
print(f"  libxml2 parse alone                {ours['parse_pages_per_cpu_second']:8.1f}")
print(f"  faultline extract                  {ours['extract_pages_per_cpu_second']:8.1f}")
print(f"  faultline extract + metadata       {ours['extract_metadata_pages_per_cpu_second']:8.1f}")
print(f"  trafilatura extract()              {traf:8.1f}")
print(f"  ratio faultline / trafilatura      {ours['extract_pages_per_cpu_second'] / traf:8.1f}x"
      f"  (with metadata {ours['extract_metadata_pages_per_cpu_second'] / traf:.1f}x)")
PY
