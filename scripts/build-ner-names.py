#!/usr/bin/env python3
"""Builds the entity recogniser's name lists (training/names.tsv; `faultline train ner` compiles them into ner.bin).

Derived facts only: place names from GeoNames (countries, first-level regions, cities over 15,000
people; CC BY 4.0) in ../shared/data/geonames, and the names and aliases of our own actor files
(Sources/FaultlineKnowledge/Resources/actors). One line per name: TYPE<TAB>name, TYPE one of
LOC, ORG, PER, FIRST (a first name of a person in our people file).

usage: scripts/build-ner-names.py [--data ../shared/data]
"""
import argparse, csv, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
a = ap.parse_args()
geo = os.path.join(a.data, "geonames")
actors = os.path.join(root, "Sources", "FaultlineKnowledge", "Resources", "actors")
names = set()

def add(kind, name):
    name = " ".join(name.split())
    if len(name) >= 2 and not name.isdigit():
        names.add((kind, name))

for c in json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8")).values():
    add("LOC", c["name"])
    if c.get("capital"):
        add("LOC", c["capital"])
for city in json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values():
    add("LOC", city["name"])
for line in open(os.path.join(geo, "admin1CodesASCII.txt"), encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) >= 3:
        add("LOC", cols[1])
        add("LOC", cols[2])

def rows(name):
    with open(os.path.join(actors, name), encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols))

for r in rows("countries.tsv"):
    for field in ("name", "aliases", "capitals", "former_names"):
        for n in r.get(field, "").split("|"):
            if n:
                add("LOC", n)
for r in rows("organisations.tsv"):
    for field in ("name", "aliases"):
        for n in r.get(field, "").split("|"):
            if n:
                add("ORG", n)
for r in rows("people.tsv"):
    for field in ("name", "aliases"):
        for n in r.get(field, "").split("|"):
            if n:
                add("PER", n)
                parts = n.split()
                if len(parts) >= 2:
                    add("FIRST", parts[0])
                    add("PER", parts[-1])

out = os.path.join(root, "training", "names.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Name lists for the entity recogniser, derived by scripts/build-ner-names.py from GeoNames\n")
    f.write("# (CC BY 4.0, geonames.org) and Faultline's own actor files. TYPE<TAB>name.\n")
    for kind, n in sorted(names):
        f.write(f"{kind}\t{n}\n")
print(f"wrote {out}: {len(names)} names", file=sys.stderr)
