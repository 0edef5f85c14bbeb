"""The loans aggregate of the prefecture bench in Python, for comparison: fastexcel reads loans.xlsx
(calamine underneath), polars sums the quantities per commune, lender and device and writes them as CSV.

    python3 examples/bench_prefecture/polars_fastexcel.py LOANS.xlsx OUT.csv

Needs `pip install polars fastexcel`; bench_prefecture runs it when both are installed.
"""
import sys

import fastexcel
import polars as pl


def main(loans: str, out: str) -> None:
    sheet = fastexcel.read_excel(loans).load_sheet(0, header_row=2)
    frame = sheet.to_polars()
    totals = (
        frame.group_by(["Commune", "Prêteur", "Matériel"])
        .agg(pl.col("Quantité").sum().alias("quantite"), pl.len().alias("prets"))
        .sort(["Commune", "Prêteur", "Matériel"])
    )
    totals.write_csv(out)
    print(f"{frame.height} rows, {totals.height} groups")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
