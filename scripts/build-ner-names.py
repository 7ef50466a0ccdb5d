#!/usr/bin/env python3
"""Builds the entity recogniser's name lists (training/names.tsv; `faultline train ner` compiles them into ner.bin).

Derived facts only: place names from GeoNames (countries, first-level regions, cities over 15,000
people; CC BY 4.0) in ../shared/data/geonames, the names and aliases of our own actor files
(Sources/FaultlineKnowledge/Resources/actors), and organisation names from the Phoenix actor
dictionaries shipped with PETRARCH2 (MIT; companies, international and non-state groups). One line per name: TYPE<TAB>name, TYPE one of
LOC, ORG, PER, FIRST (a first name of a person in our people file).

usage: scripts/build-ner-names.py [--data ../shared/data]
"""
import argparse, csv, json, os, re, sys

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

# Phoenix actor dictionaries: a block is a name line, its "+" synonyms and its [CODE] lines.
# Only organisations are taken, and only where the entry says so: a company code (MNC) without
# a person's title in the comment, or a name ending in (or made of) an organisation's kind of
# word, or an acronym. People in these files share the codes, so the rest is left out.
ORG_WORDS = set("""ORGANIZATION ORGANISATION COUNCIL PARTY FRONT ARMY BRIGADE BRIGADES MOVEMENT UNION
ASSOCIATION BANK FUND COMMITTEE COMMISSION AGENCY INSTITUTE INSTITUTION FOUNDATION CORPORATION
COMPANY INC LTD GROUP FORCES FORCE LEAGUE ALLIANCE PROGRAMME PROGRAM CONFERENCE COURT OFFICE
NETWORK SOCIETY CENTER CENTRE TRUST FEDERATION COALITION CONGRESS ASSEMBLY AUTHORITY BUREAU
SERVICE SERVICES MINISTRY DEPARTMENT UNIVERSITY COLLEGE ACADEMY WATCH INTERNATIONAL CROSS
CRESCENT JIHAD BATTALION BATTALIONS MILITIA LEGION GUARD COMMAND HOLDINGS AIRLINES AIRWAYS
INDUSTRIES SYSTEMS TECHNOLOGIES ENERGY PETROLEUM OIL MOTORS NEWS PRESS TIMES POST""".split())
LEGAL = {"INC", "INC.", "CORP", "CORP.", "CORPORATION", "CO", "CO.", "COMPANY", "LTD", "LTD.", "LIMITED",
         "LLC", "PLC", "INCORPORATED", "HOLDINGS", "GROUP", "SA", "AG", "NV", "THE"}
PERSON = re.compile(r"spokes|CEO|chair|president|executive|director|founder|minister|secretary|leader|head of", re.I)
phoenix = os.path.join(a.data, "petrarch2", "petrarch2", "data", "dictionaries")

def phoenix_blocks(path):
    names, codes, comment = [], [], ""
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        body, _, note = line.partition("#")
        if not body.strip():
            continue
        if body[0] in " \t":
            codes += re.findall(r"\[([A-Z]+)", body)
            comment += note
            continue
        if body.startswith("+"):
            names.append(body[1:].split("[")[0].strip())
            codes += re.findall(r"\[([A-Z]+)", body)
            continue
        if names:
            yield names, codes, comment
        names, codes, comment = [body.split("[")[0].strip()], re.findall(r"\[([A-Z]+)", body), note
    if names:
        yield names, codes, comment

def phoenix_names(raw):
    words = raw.replace("_", " ").split()
    text = " ".join(words)
    inner = re.findall(r"\(([A-Z0-9.&/-]{2,})\)", text)
    text = " ".join(re.sub(r"\([^)]*\)", " ", text).split())
    out = [text] + inner
    core = text.split()
    while len(core) > 1 and core[-1].upper() in LEGAL:
        core = core[:-1]
    if core != text.split():
        out.append(" ".join(core))
    return [n for n in out if n]

def organisation(name, codes, comment):
    words = name.upper().split()
    if not words:
        return False
    if any(c.startswith("MNC") for c in codes) and not PERSON.search(comment):
        return True
    if len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,7}", words[0]) and "." not in words[0][:-1]:
        return True  # an acronym: UN, NATO, OPEC
    return any(w.strip(".,") in ORG_WORDS for w in words[1:]) or words[0] in ORG_WORDS

# Single words used mostly in lowercase in UD English EWT train (aid, ace, alloy, target) are
# common words first; a mark on every use of them would only teach the model to ignore marks.
lower, upper = {}, {}
for line in open(os.path.join(a.data, "ud-english-ewt", "en_ewt-ud-train.conllu"), encoding="utf-8"):
    cols = line.split("\t")
    if len(cols) > 2 and cols[0].isdigit() and cols[0] != "1":
        k = cols[1].lower()
        counts = lower if cols[1] == k else upper
        counts[k] = counts.get(k, 0) + 1

def common(name):
    k = name.lower()
    return " " not in k and lower.get(k, 0) >= upper.get(k, 0) and lower.get(k, 0) > 0

for file in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt"):
    path = os.path.join(phoenix, file)
    if not os.path.exists(path):
        sys.exit(f"missing {path}")
    for names_, codes, comment in phoenix_blocks(path):
        for raw in names_:
            for n in phoenix_names(raw):
                # In the countries file single words are mostly surnames and places.
                if organisation(n, codes, comment) and (file != "Phoenix.Countries.actors.txt" or len(n.split()) > 1) and not common(n):
                    add("ORG", n.title() if n.isupper() and len(n) > 5 else n)

out = os.path.join(root, "training", "names.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Name lists for the entity recogniser, derived by scripts/build-ner-names.py from GeoNames\n")
    f.write("# (CC BY 4.0, geonames.org), Faultline's own actor files and the Phoenix actor dictionaries\n")
    f.write("# of PETRARCH2 (MIT, Open Event Data Alliance). TYPE<TAB>name.\n")
    for kind, n in sorted(names):
        f.write(f"{kind}\t{n}\n")
print(f"wrote {out}: {len(names)} names", file=sys.stderr)
