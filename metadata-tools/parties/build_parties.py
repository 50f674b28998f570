#!/usr/bin/env python3
"""Builds the West Bengal party table (code, name, colour, aliases) that tallycast loads.

Why: the 2021 results name parties by short code (AITC) or, for small parties, by full name, the 2016
results and the ECI pages by full name in varying case and spacing. Every spelling must resolve to one
party, so the table lists each party once with all its spellings as aliases. Colours come from the two
third-party palettes beside this script (ElectionLens first, then 143prudhvi), else a neutral grey.

Usage: python3 build_parties.py RESULTS_2021.csv RESULTS_2016.csv > parties.csv
"""
import csv, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))

# Full names for the 2021 short codes, as the ECI site spells them.
CODE_NAMES = {
    "AITC": "All India Trinamool Congress", "BJP": "Bharatiya Janata Party", "IND": "Independent",
    "SUCI": "Socialist Unity Centre Of India (COMMUNIST)", "BSP": "Bahujan Samaj Party",
    "CPM": "Communist Party of India (Marxist)", "INC": "Indian National Congress",
    "RSSCMJP": "Rashtriya Secular Majlis Party", "AIFB": "All India Forward Bloc",
    "JD(U)": "Janata Dal (United)", "CPI(ML)(L)": "Communist Party of India (Marxist-Leninist) (Liberation)",
    "RSP": "Revolutionary Socialist Party", "LJP": "Lok Jan Shakti Party", "CPI": "Communist Party of India",
    "AIMIM": "All India Majlis-E-Ittehadul Muslimeen", "SDPI": "Social Democratic Party Of India",
    "RPI(A)": "Republican Party of India (A)", "IUML": "Indian Union Muslim League",
    "NPP": "National People's Party", "HAM": "Hindustani Awam Morcha (Secular)", "AJSUP": "AJSU Party",
    "NOTA": "None of the Above", "GJM": "Gorkha Janmukti Morcha", "JD(S)": "Janata Dal (Secular)",
    "SP": "Samajwadi Party", "JMM": "Jharkhand Mukti Morcha", "AAP": "Aam Aadmi Party",
    "NCP": "Nationalist Congress Party", "RJD": "Rashtriya Janata Dal", "RLD": "Rashtriya Lok Dal",
    "SHS": "Shivsena",
}
# Spellings of the same party that differ by more than case and spacing.
EXTRA_ALIASES = {"CPM": ["CPI(M)"], "AITC": ["TMC"], "GJM": ["GOJAM"], "HAM": ["HAMS"],
                 "JD(U)": ["JDU"], "JD(S)": ["JDS"], "AJSUP": ["Ajsu Party"], "SHS": ["Shiv Sena", "SS"]}
# The palettes disagree; these few are set on purpose so the big parties stay apart on a map.
COLOUR_OVERRIDES = {"AITC": "#20C646", "IND": "#808080", "NOTA": "#5A5A5A", "RSSCMJP": "#7986CB"}


def norm(s):
    s = s.replace("\u2019", "'").strip().rstrip(",").strip()
    return re.sub(r"\s+", " ", re.sub(r"\s*\(\s*", " (", s)).lower().replace(" (", "(")


def acronym(name):
    words = re.findall(r"[A-Za-z]+", name)
    return "".join(w[0] for w in words if w.lower() not in ("of", "and", "the", "for")).upper()


def main(r2021, r2016):
    colours = {}
    with open(os.path.join(HERE, "colors-143prudhvi.csv")) as f:
        for row in csv.DictReader(f):
            colours[row["code"]] = row["color"]
            colours[norm(row["name"])] = row["color"]
    with open(os.path.join(HERE, "colors-electionlens.csv")) as f:
        for row in csv.DictReader(f):
            colours[row["key"]] = row["color"]
            colours[norm(row["name"])] = row["color"]

    parties = {}  # code -> {name, aliases:set}
    by_alias = {}

    def add(code, name):
        p = parties.setdefault(code, {"name": name, "aliases": set()})
        for a in [code, name] + EXTRA_ALIASES.get(code, []):
            p["aliases"].add(a)
            by_alias[norm(a)] = code

    for code, name in CODE_NAMES.items():
        add(code, name)

    def resolve(label):
        label = label.strip()
        if norm(label) in by_alias:
            return by_alias[norm(label)]
        name = label.rstrip(",").strip().replace("\u2019", "'")
        # a label that is already a code (BAHUMP) stays as it is
        code = name if re.fullmatch(r"[A-Z()]+", name) else (acronym(name) or name.upper())
        base, n = code, 2
        while code in parties and norm(parties[code]["name"]) != norm(name):
            code, n = f"{base}{n}", n + 1
        add(code, name)
        p = parties[code]
        p["aliases"].add(label)
        by_alias[norm(label)] = code
        return code

    with open(r2021) as f:
        for row in csv.DictReader(f):
            resolve(row["party"])
    with open(r2016) as f:
        for row in csv.DictReader(f):
            resolve(row["party"])

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "color", "aliases"])
    for code in sorted(parties):
        p = parties[code]
        colour = COLOUR_OVERRIDES.get(code) or colours.get(code) or colours.get(norm(p["name"])) or "#9E9E9E"
        aliases = sorted({a for a in p["aliases"] if a != code and a != p["name"]}, key=str.lower)
        out.writerow([code, p["name"], colour.upper(), "|".join(aliases)])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
