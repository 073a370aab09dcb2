"""Money over time: the bundled, dated, cited US CPI-U table, read once and offline."""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from importlib import resources

SOURCE = ("US CPI-U annual averages (BLS series CUUR0000SA0, 1982-84 = 100), "
          "as bundled with claimcheck on 2026-11-28")


@cache
def cpi() -> dict[int, Fraction]:
    text = resources.files(__package__).joinpath("data", "cpi_u_annual.csv").read_text(
        encoding="utf-8")
    table: dict[int, Fraction] = {}
    for line in text.splitlines():
        if not line or line.startswith(("#", "year")):
            continue
        year, index = line.split(",")
        table[int(year)] = Fraction(index)
    return table


def factor(start: int, end: int) -> Fraction:
    """How many end-year dollars one start-year dollar is worth."""
    table = cpi()
    for year in (start, end):
        if year not in table:
            raise KeyError(year)
    return table[end] / table[start]


def note(start: int, end: int) -> str:
    table = cpi()
    return (f"inflated from {start} to {end} dollars with {SOURCE}: "
            f"{float(table[start]):g} -> {float(table[end]):g}"
            if start in table and end in table else "")
