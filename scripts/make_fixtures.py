#!/usr/bin/env python3
"""Writes the LibreOffice fixtures of tests/fixtures/libreoffice/.

Each workbook is described here as a flat OpenDocument spreadsheet (.fods: merged cells, hidden sheets,
formulas, dates), then converted by LibreOffice itself (`soffice --headless --convert-to`), so the files the
tests read were written by a real producer, not by veille's own writer. The outputs are committed: CI does not
need LibreOffice. To regenerate (Debian: apt-get install libreoffice-calc):

    python3 scripts/make_fixtures.py

Every name in these files is invented.
"""
import os
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "libreoffice")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text>
  <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="N37"/>
 <style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


def cell(value):
    """A cell from a Python value: str, int/float, ("date", "2020-05-11"), ("formula", "=1/0"),
    ("merge", rows, cols, value), "^" for a cell covered by a merge, None for an empty cell."""
    if value is None:
        return "<table:table-cell/>"
    if value == "^":
        return "<table:covered-table-cell/>"
    if isinstance(value, tuple) and value[0] == "merge":
        _, rows, cols, inner = value
        spans = f'table:number-rows-spanned="{rows}" table:number-columns-spanned="{cols}"'
        return cell(inner).replace("<table:table-cell", f"<table:table-cell {spans}", 1)
    if isinstance(value, tuple) and value[0] == "date":
        return (f'<table:table-cell table:style-name="date" office:value-type="date" '
                f'office:date-value="{value[1]}"><text:p>{value[1]}</text:p></table:table-cell>')
    if isinstance(value, tuple) and value[0] == "formula":
        return f'<table:table-cell table:formula="of:{escape(value[1])}"/>'
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    lines = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell office:value-type="string">{lines}</table:table-cell>'


def sheet(name, rows, hidden=False):
    style = "hidden" if hidden else "shown"
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>\n"
                   for row in rows)
    if not rows:
        body = "<table:table-row><table:table-cell/></table:table-row>\n"
    return f'<table:table table:name="{escape(name)}" table:style-name="{style}">\n{body}</table:table>\n'


def convert(fods, name, targets, work):
    for target, filter_name in targets:
        subprocess.run(["soffice", "--headless", "--convert-to", filter_name, "--outdir", work, fods],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = os.path.join(work, f"{name}.{target}")
        shutil.move(produced, os.path.join(OUT, f"{name}.{target}"))


LOAN_HEADER = ["Date du prêt", "Date de retour", "Prêteur", "Matériel", "Quantité", "Élève",
               "Établissement", "Commune"]

LOANS = [
    [("merge", 1, 8, "Prêts de matériel informatique – suivi de la cellule")],
    ["Mise à jour du 19/05/2020"],
    [],
    LOAN_HEADER,
    [("date", "2020-05-11"), None, "CD91", "Tablette", 2, "Léa Martinot", "Collège Pablo Neruda", ("merge", 3, 1, "Grigny")],
    [("date", "2020-05-12"), ("date", "2020-05-18"), "Mairie", "PC portable", 1, "Noé Petitjean", "0911036G", "^"],
    [("date", "2020-05-12"), None, "Caisse des écoles", "clé 4G", ("formula", "=1/0"), "Inès Moreaux", None, "^"],
    [],
    LOAN_HEADER,
    [("date", "2020-05-14"), None, "Département", "tablettes", "une dizaine", "Adam Rouxel", None, "Viry-Châtillon"],
    [None, None, "CD91", "Tablette", 1, "Jade Blancart", None, "Grigny"],
    ["TOTAL", None, None, None, ("formula", "=SUM(E5:E11)")],
]

ARCHIVE = [
    LOAN_HEADER,
    [("date", "2020-04-20"), ("date", "2020-05-04"), "CD91", "Tablette", 3, "Léa Martinot", None, "Grigny"],
    [("date", "2020-04-21"), None, "Région", "Ordinateur", 1, "Sami Ferrand", None, "Grigny"],
]

REGISTER = [
    ["Élève", "Établissement", "Niveau", "Date de signalement", "Adhésion famille", "Statut"],
    ["Tom Garnier", "0911253T", "6e", ("date", "2020-05-04"), "oui", "renoué"],
    ["Lina Boucher", "0911253T", "5e", ("date", "2020-05-05"), "non", "en cours"],
    ["GARNIER Tom", "0911253T", "6e", ("date", "2020-05-15"), "oui", "sans contact"],
]

FORM = [
    ["Questionnaire de la préfecture – continuité éducative"],
    ["Commune : Grigny"],
    ["Structure", "Centre social des Tuileries"],
    ["Date", ("date", "2020-05-20")],
    ["Courriel", "accueil@centre-social.example"],
    [],
    ["Question", "Réponse"],
    ["Q1 Les partenaires ont-ils pu réaliser un travail commun pour maintenir la continuité éducative ?", "Oui"],
    ["Si oui, lequel ?", "Distribution des devoirs imprimés avec la mairie"],
    ["Q2 Quels accompagnements ont été proposés aux élèves en difficulté ?", "Soutien scolaire par téléphone\net visites à domicile"],
    ["Q3 Du matériel informatique a-t-il été prêté ?", "oui"],
    ["Par qui ?", "Conseil départemental; Mairie"],
    ["Q4 En quelle quantité ?", "6 tablettes et 2 ordinateurs"],
    ["Q5 Combien d'élèves n'ont pas répondu aux sollicitations ?", "une douzaine"],
    ["Quels élèves ?", "surtout des 6e du collège Jean Vilar"],
    ["Q6 Quelles actions remarquables méritent d'être amplifiées ?", "Les ateliers parents-enfants"],
    ["Q7 Quels projets doivent être financés rapidement pour le soutien scolaire ?", "Aide aux devoirs en juillet"],
    ["Q8 Quels projets visant à réduire la fracture numérique doivent être financés rapidement ?", "Des clés 4G"],
    ["Q9 Quelles activités éducatives, sportives et culturelles sont envisagées durant l'été ?", "Sorties à la base de loisirs"],
]

QUESTIONNAIRE_TABLE = [
    ["Questionnaires saisis par la MJC"],
    ["Date", "Commune", "Structure", "Q1", "Q3", "Par qui ?", "Q4", "Q5", "Q6"],
    [("date", "2020-05-18"), "Viry-Châtillon", "MJC Aimé Césaire", "oui", "non", None, None, "5", "Les ateliers d'écriture,\nà poursuivre"],
    [("date", "2020-05-19"), "91687", "Association Réussir", "non", "oui", "Région", "3 ordinateurs", "aucun", "Pas d'avis ; « néant »"],
]


def main():
    os.makedirs(OUT, exist_ok=True)
    books = {
        "prets_grigny": ([sheet("Prêts", LOANS), sheet("Archive", ARCHIVE, hidden=True), sheet("Registre", REGISTER)],
                         [("xlsx", "xlsx"), ("xls", "xls"), ("ods", "ods")]),
        "questionnaire_formulaire_grigny": ([sheet("Questionnaire", FORM)], [("xlsx", "xlsx"), ("ods", "ods")]),
        # Text CSV filter options: separator ; (59), quote " (34), Windows-1252 (1), first line 1.
        "questionnaires_mjc": ([sheet("Questionnaires", QUESTIONNAIRE_TABLE)],
                               [("csv", 'csv:Text - txt - csv (StarCalc):59,34,1,1')]),
    }
    with tempfile.TemporaryDirectory() as work:
        for name, (sheets, targets) in books.items():
            fods = os.path.join(work, f"{name}.fods")
            with open(fods, "w", encoding="utf-8") as f:
                f.write(HEAD + "".join(sheets) + TAIL)
            convert(fods, name, targets, work)
    print("fixtures written to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
