#!/usr/bin/env python3
"""Trim ../shared/reference/ into schemas/reference/ (the copy the binary embeds).

Run from the repository root: python3 scripts/trim_reference.py ../shared/reference
Only the columns veille uses are kept; see schemas/reference/PROVENANCE.md.
"""
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
out = Path("schemas/reference")


def read(name, sep=","):
    text = (src / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=sep))


def write(name, header, rows):
    with open(out / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


populations = {r["COM"]: r["PMUN"] for r in read("insee_populations_legales_communes_91.csv", ";")}
postal = defaultdict(set)
for r in read("communes_91_datasfun.csv"):
    postal[r["insee_com"]].add(r["code_postal"])
communes = []
for r in read("cog2026_communes_91.csv"):
    if r["TYPECOM"] != "COM":
        continue
    code = r["COM"]
    communes.append([code, r["LIBELLE"], " ".join(sorted(postal[code])), populations.get(code, "")])
write("communes.csv", ["insee", "name", "postal_codes", "population"], sorted(communes))

official = {r["numero_uai"]: r for r in read("colleges_91_geolocalisation.csv", ";")}
colleges = {}
for r in read("colleges_91_dnb_effectifs_rep.csv"):
    uai = r["numero_college"]
    geo = official.get(uai)
    name = geo["appellation_officielle"] if geo else "Collège " + r["patronyme"].title()
    sector = "prive" if r["secteur_d_enseignement"].upper().startswith("PRIV") else "public"
    colleges[uai] = [uai, name, r["commune"], r["rep"], r["rep_plus"], r["nombre_eleves_total"], sector]
for uai, geo in official.items():
    if uai not in colleges:
        sector = "prive" if geo["secteur_public_prive_libe"].lower().startswith("priv") else "public"
        colleges[uai] = [uai, geo["appellation_officielle"], geo["code_commune"], "0", "0", "", sector]
write("colleges.csv", ["uai", "name", "insee", "rep", "rep_plus", "pupils", "sector"], sorted(colleges.values()))

ecoles = [[r["UAI"], r["Nom de l'établissment"], r["Code INSEE de la commune"]]
          for r in read("ecoles_91_ips_2021-2022.csv", ";")]
write("ecoles.csv", ["uai", "name", "insee"], sorted(ecoles))
print(f"{len(communes)} communes, {len(colleges)} collèges, {len(ecoles)} écoles")
