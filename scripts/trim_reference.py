#!/usr/bin/env python3
"""Trim the national files of ../shared/reference/ into schemas/reference/france.zip (what the binary embeds).

Run from the repository root: python3 scripts/trim_reference.py ../shared/reference
Only the columns veille uses are kept; see schemas/reference/PROVENANCE.md. The archive is written with fixed
timestamps and sorted rows, so running the script twice gives the same bytes.
"""
import csv
import io
import sys
import zipfile
from pathlib import Path

src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
out = Path("schemas/reference/france.zip")

KINDS = {"commune-actuelle": "c", "commune-deleguee": "d", "commune-associee": "a", "arrondissement-municipal": "m"}
# Arrondissements municipaux count under their city; the COG gives them no chef-lieu.
ARRONDISSEMENT_CITY = {"751": "75056", "693": "69123", "132": "13055"}


def read(name, sep=","):
    text = (src / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=sep))


def table(header, rows):
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def communes():
    rows, former = [], []
    for r in read("communes_france_decoupage_administratif.csv"):
        kind = KINDS[r["type"]]
        parent = r["chef_lieu"] if kind in "da" else ARRONDISSEMENT_CITY.get(r["code"][:3], "") if kind == "m" else ""
        rows.append([r["code"], r["nom"], kind, parent, r["codes_postaux"], r["population"]])
        former += [[code, "", r["code"]] for code in r["anciens_codes"].split()]
    return sorted(rows), former


def former_names(former_codes):
    named = {(r["code_ancien"], r["code_actuel"]) for r in read("communes_france_anciens_noms.csv")}
    rows = [[r["code_ancien"], r["nom_ancien"], r["code_actuel"]] for r in read("communes_france_anciens_noms.csv")]
    # Former codes the COG lists without a name in the older file are kept as codes only.
    rows += [row for row in former_codes if (row[0], row[2]) not in named]
    return sorted(rows)


def colleges():
    official = {r["numero_uai"]: r for r in read("colleges_france_geolocalisation.csv")}
    rows = {}
    for r in read("colleges_france_dnb_effectifs_rep.csv"):
        uai = r["numero_college"]
        geo = official.get(uai)
        name = geo["appellation_officielle"] if geo else "Collège " + r["patronyme"].title()
        sector = "prive" if r["secteur_d_enseignement"].upper().startswith("PRIV") else "public"
        rows[uai] = [uai, name, r["commune"], r["rep"], r["rep_plus"], r["nombre_eleves_total"], sector]
    for uai, geo in official.items():
        if uai not in rows:
            sector = "prive" if geo["secteur_public_prive_libe"].lower().startswith("priv") else "public"
            rows[uai] = [uai, geo["appellation_officielle"], geo["code_commune"], "0", "0", "", sector]
    return sorted(rows.values())


def ecoles():
    return sorted([r["uai"], r["nom"], r["code_commune"]] for r in read("ecoles_france_ips_2021-2022.csv"))


def main():
    commune_rows, former_codes = communes()
    entries = {
        "communes.csv": table(["code", "name", "kind", "parent", "postal_codes", "population"], commune_rows),
        "former.csv": table(["code", "name", "current"], former_names(former_codes)),
        "colleges.csv": table(["uai", "name", "insee", "rep", "rep_plus", "pupils", "sector"], colleges()),
        "ecoles.csv": table(["uai", "name", "insee"], ecoles()),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=9)
    for name, data in entries.items():
        rows = data.count(b"\n") - 1
        print(f"{name}: {rows} rows, {len(data)} bytes")
    print(f"{out}: {out.stat().st_size} bytes")


main()
