#!/usr/bin/env python3
"""Lok Sabha 2024 maps: the national map and one map per state and union territory, from DataMeet's 2008 PC file.

The boundary file keys its 543 parliamentary constituencies (PCs) by the 2008 states (st_code 1..37, J&K with
Ladakh, Daman & Diu apart from Dadra & Nagar Haveli) and, in Assam and J&K, by the constituencies before the 2023
and 2022 redrawing. This script gives each shape the seat it stands for in 2024: ECI's state code (S01..S29,
U01..U09) and the 2024 PC number, written as properties of a temporary GeoJSON per map (in --work, never
committed), then runs `tallycast masks` on each, and writes maps/ls2024/seats.csv, the table of what was drawn:

    python3 metadata-tools/ls2024-maps.py --jar target/tallycast.jar \
        --geojson ../shared/data/lok-sabha-2024/parliamentary-constituencies-2008-delimitation.geojson \
        --out maps/ls2024

Standard library only. Deterministic: the same file gives the same maps, byte for byte.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

# the file's st_name -> ECI's 2024 state code and name (results.eci.gov.in, PcResultGenJune2024)
STATES = {
    "Andhra Pradesh": ("S01", "ANDHRA PRADESH"), "Arunachal Pradesh": ("S02", "ARUNACHAL PRADESH"),
    "Assam": ("S03", "ASSAM"), "Bihar": ("S04", "BIHAR"), "Goa": ("S05", "GOA"), "Gujarat": ("S06", "GUJARAT"),
    "Haryana": ("S07", "HARYANA"), "Himachal Pradesh": ("S08", "HIMACHAL PRADESH"),
    "Karnataka": ("S10", "KARNATAKA"), "Kerala": ("S11", "KERALA"), "Madhya Pradesh": ("S12", "MADHYA PRADESH"),
    "Maharashtra": ("S13", "MAHARASHTRA"), "Manipur": ("S14", "MANIPUR"), "Meghalaya": ("S15", "MEGHALAYA"),
    "Mizoram": ("S16", "MIZORAM"), "Nagaland": ("S17", "NAGALAND"), "Orissa": ("S18", "ODISHA"),
    "Punjab": ("S19", "PUNJAB"), "Rajasthan": ("S20", "RAJASTHAN"), "Sikkim": ("S21", "SIKKIM"),
    "Tamil Nadu": ("S22", "TAMIL NADU"), "Tripura": ("S23", "TRIPURA"), "Uttar Pradesh": ("S24", "UTTAR PRADESH"),
    "West Bengal": ("S25", "WEST BENGAL"), "Chhattisgarh": ("S26", "CHHATTISGARH"),
    "Jharkhand": ("S27", "JHARKHAND"), "Uttarakhand": ("S28", "UTTARAKHAND"), "Telangana": ("S29", "TELANGANA"),
    "Andaman & Nicobar": ("U01", "ANDAMAN & NICOBAR ISLANDS"), "Chandigarh": ("U02", "CHANDIGARH"),
    "Delhi": ("U05", "DELHI"), "Lakshadweep": ("U06", "LAKSHADWEEP"), "Puducherry": ("U07", "PUDUCHERRY"),
    # merged in 2020 into one union territory, U03, of two PCs: 1 Daman & Diu, 2 Dadra & Nagar Haveli (ECI 2024)
    "Daman & Diu": ("U03", "DADRA & NAGAR HAVELI AND DAMAN & DIU"),
    "Dadra & Nagar Haveli": ("U03", "DADRA & NAGAR HAVELI AND DAMAN & DIU"),
    # the state of 2008, split in 2019: Ladakh (its PC 4) is U09, the rest U08 (see SEATS)
    "Jammu & Kashmir": ("U08", "JAMMU & KASHMIR"),
}

# (the file's st_name, pc_no) -> (ECI state code, 2024 PC number, 2024 name, note): the shapes whose seat differs in
# 2024. Assam was redrawn in 2023 and J&K in 2022: the file's shapes are the older PCs, each given to the 2024 PC
# that succeeded it (same name, or the renamed successor), so they are drawn approximately, renumbered.
REDRAWN_ASSAM = "2023 delimitation: drawn with the pre-2023 shape of"
REDRAWN_JK = "2022 delimitation: drawn with the pre-2022 shape of"
SEATS = {
    ("Daman & Diu", 1): ("U03", 1, "Daman & Diu", "merged UT U03 since 2020; shape from the file's Daman & Diu"),
    ("Dadra & Nagar Haveli", 1): ("U03", 2, "Dadra & Nagar Haveli",
                                  "merged UT U03 since 2020; shape from the file's Dadra & Nagar Haveli"),
    ("Jammu & Kashmir", 1): ("U08", 1, "Baramulla", REDRAWN_JK + " Baramulla (1)"),
    ("Jammu & Kashmir", 2): ("U08", 2, "Srinagar", REDRAWN_JK + " Srinagar (2)"),
    ("Jammu & Kashmir", 3): ("U08", 3, "Anantnag-Rajouri", REDRAWN_JK + " Anantnag (3)"),
    ("Jammu & Kashmir", 4): ("U09", 1, "Ladakh", "UT U09 since 2019; shape from the file's J&K PC 4 Ladakh"),
    ("Jammu & Kashmir", 5): ("U08", 4, "Udhampur", REDRAWN_JK + " Udhampur (5)"),
    ("Jammu & Kashmir", 6): ("U08", 5, "Jammu", REDRAWN_JK + " Jammu (6)"),
    ("Assam", 1): ("S03", 7, "Karimganj", REDRAWN_ASSAM + " Karimganj (1)"),
    ("Assam", 2): ("S03", 8, "Silchar", REDRAWN_ASSAM + " Silchar (2)"),
    ("Assam", 3): ("S03", 6, "Diphu", REDRAWN_ASSAM + " Autonomous District (3)"),
    ("Assam", 4): ("S03", 2, "Dhubri", REDRAWN_ASSAM + " Dhubri (4)"),
    ("Assam", 5): ("S03", 1, "Kokrajhar", REDRAWN_ASSAM + " Kokrajhar (5)"),
    ("Assam", 6): ("S03", 3, "Barpeta", REDRAWN_ASSAM + " Barpeta (6)"),
    ("Assam", 7): ("S03", 5, "Guwahati", REDRAWN_ASSAM + " Gauhati (7)"),
    ("Assam", 8): ("S03", 4, "Darrang-Udalguri", REDRAWN_ASSAM + " Mangaldoi (8)"),
    ("Assam", 9): ("S03", 11, "Sonitpur", REDRAWN_ASSAM + " Tezpur (9)"),
    ("Assam", 10): ("S03", 9, "Nagaon", REDRAWN_ASSAM + " Nowgong (10)"),
    ("Assam", 11): ("S03", 10, "Kaziranga", REDRAWN_ASSAM + " Kaliabor (11)"),
    ("Assam", 12): ("S03", 14, "Jorhat", REDRAWN_ASSAM + " Jorhat (12)"),
    ("Assam", 13): ("S03", 13, "Dibrugarh", REDRAWN_ASSAM + " Dibrugarh (13)"),
    ("Assam", 14): ("S03", 12, "Lakhimpur", REDRAWN_ASSAM + " Lakhimpur (14)"),
}
SEATS[("Maharashtra", 30)] = ("S13", 30, "Mumbai South Central", "the file names it Mumbai South, like PC 31")
STATE_NAMES = {"U09": "LADAKH"}

# the national map's insets: these seats are drawn in India's panel and again, enlarged, in a labelled panel of their
# own (a seat in two panels is one seat: its fill shows in both), where the national scale leaves them a few pixels
INSETS = {"DELHI": ("U05", range(1, 8)), "MUMBAI": ("S13", range(26, 32)), "KOLKATA": ("S25", (16, 22, 23, 24, 25)),
          "CHENNAI": ("S22", (2, 3, 4))}


def seats(features):
    """One row per feature: its 2024 state code and PC number, names, and where it came from."""
    rows = []
    for f in features:
        p = f["properties"]
        st, pc = p["st_name"], int(p["pc_no"])
        code, state = STATES[st]
        code, no, name, note = SEATS.get((st, pc), (code, pc, p["pc_name"], ""))
        rows.append({"state_code": code, "state": STATE_NAMES.get(code, state), "pc_no": no, "pc_name": name,
                     "source_st_name": st, "source_pc_no": pc, "source_pc_name": p["pc_name"], "note": note,
                     "geometry": f["geometry"]})
    rows.sort(key=lambda r: (r["state_code"], r["pc_no"]))
    keys = [(r["state_code"], r["pc_no"]) for r in rows]
    if len(set(keys)) != len(keys):
        sys.exit("two shapes for one 2024 seat: " + str([k for k in keys if keys.count(k) > 1]))
    for i, r in enumerate(rows, 1):
        r["national_no"] = i
    return rows


# Puducherry's one PC lies in four enclaves hundreds of km apart (one MultiPolygon in the file): its state map draws
# each enclave in a labelled panel of its own, like maps/puducherry/ (the polygon's first point says which)
ENCLAVES = (("MAHE", lambda lon, lat: lon < 77), ("YANAM", lambda lon, lat: lat > 15),
            ("KARAIKAL", lambda lon, lat: lat < 11.3), ("PUDUCHERRY", lambda lon, lat: True))


ORDER = ("PUDUCHERRY", "KARAIKAL", "MAHE", "YANAM")  # the first (the town) is the main panel


def enclaves(row):
    """The seat as one feature per enclave, each with its INSET name."""
    parts = {}
    for polygon in row["geometry"]["coordinates"]:
        lon, lat = polygon[0][0]
        name = next(n for n, inside in ENCLAVES if inside(lon, lat))
        parts.setdefault(name, []).append(polygon)
    return [{"type": "Feature", "properties": {"SEAT": row["pc_no"], "NAME": row["pc_name"], "STATE": row["state"],
                                               "INSET": name},
             "geometry": {"type": "MultiPolygon", "coordinates": parts[name]}} for name in ORDER if name in parts]


def write_geojson(path, rows, id_field, insets=None):
    features = []
    for r in rows:
        props = {"SEAT": r[id_field], "NAME": r["pc_name"], "STATE": r["state"]}
        if insets is not None:
            props["INSET"] = "INDIA"
        features.append({"type": "Feature", "properties": props, "geometry": r["geometry"]})
        for panel, (code, numbers) in (insets or {}).items():
            if r["state_code"] == code and r["pc_no"] in numbers:
                features.append({"type": "Feature", "properties": dict(props, INSET=panel), "geometry": r["geometry"]})
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out)


def masks(jar, geojson, out, width, extra):
    cmd = ["java", "-jar", jar, "masks", "--geojson", geojson, "--id-field", "SEAT", "--name-field", "NAME",
           "--group-field", "STATE", "--no-districts", "--no-progress", "--width", str(width), "--out", out] + extra
    print("$ " + " ".join(cmd[3:]), flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    return done.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True)
    ap.add_argument("--geojson", required=True)
    ap.add_argument("--out", default="maps/ls2024")
    ap.add_argument("--width", type=int, default=1080)
    ap.add_argument("--work", help="folder for the temporary GeoJSON files (default: a temporary folder)")
    args = ap.parse_args()
    with open(args.geojson, encoding="utf-8") as f:
        rows = seats(json.load(f)["features"])
    work = args.work or tempfile.mkdtemp(prefix="ls2024-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    summaries = []
    national = os.path.join(work, "national.geojson")
    write_geojson(national, rows, "national_no", INSETS)
    summaries.append(("national", masks(args.jar, national, os.path.join(args.out, "national"), args.width,
                                        ["--insets-by", "INSET"])))
    codes = sorted({r["state_code"] for r in rows})
    for code in codes:
        part = [r for r in rows if r["state_code"] == code]
        path = os.path.join(work, code + ".geojson")
        extra = []
        if code == "U07":
            with open(path, "w", encoding="utf-8") as out:
                json.dump({"type": "FeatureCollection", "features": enclaves(part[0])}, out)
            extra = ["--insets-by", "INSET"]
        else:
            write_geojson(path, part, "pc_no")
        summaries.append((code, masks(args.jar, path, os.path.join(args.out, code.lower()), args.width, extra)))
    with open(os.path.join(args.out, "seats.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        cols = ["national_no", "state_code", "state", "pc_no", "pc_name", "source_st_name", "source_pc_no",
                "source_pc_name", "note"]
        w.writerow(cols)
        for r in rows:
            w.writerow([r[c] for c in cols])
    for name, text in summaries:
        print("== " + name)
        print(text)
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
