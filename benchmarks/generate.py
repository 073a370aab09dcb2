"""A seeded generator of realistic claim files, for benchmarks (issue 12).

    python benchmarks/generate.py OUT_FOLDER --files 10000 [--seed 7]

Each file reads like one news story's claims: about 20 figures and 10 checks built from
four kinds of story (trade volumes and prices, shares of a population, change between two
years, daily rates over a year), with the variety real claim files have: scale words
(million, bn, thousand), hedges (about, more than, nearly, up to, roughly, at least),
currency signs and codes, conventions (short tons, index points), derived figures, `in`
conversions, functions (`share`, `pct_change`), and about one check in five inconsistent.
The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

HEDGES = ["", "", "", "about ", "roughly ", "nearly ", "more than ", "almost ", "some "]
SHIPS = [5000, 10000, 20000, 50000, 100000]
COUNTRIES = ["Ruritania", "Freedonia", "Latveria", "Genovia", "Elbonia", "Sokovia"]
GOODS = [("coal", "tons"), ("iron ore", "tonnes"), ("rice", "tonnes"), ("copper", "t"),
         ("wheat", "tonnes"), ("LNG", "tonnes")]


def _round(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    from math import floor, log10

    scale = 10 ** (digits - 1 - floor(log10(abs(x))))
    return round(x * scale) / scale


def _amount(x: float, rng: random.Random, unit: str, money: bool = False) -> str:
    """``x`` written as a reporter would: rounded, with a scale word, maybe a hedge."""
    digits = rng.choice([2, 2, 3, 3, 4])
    value = _round(x, digits)
    hedge = rng.choice(HEDGES)
    if value >= 1e9:
        number, scale = value / 1e9, rng.choice(["billion", "bn"])
    elif value >= 1e6:
        number, scale = value / 1e6, "million"
    elif value >= 1e4 and rng.random() < 0.5:
        number, scale = value / 1e3, "thousand"
    else:
        number, scale = value, ""
    text = f"{number:,.{max(0, digits - len(str(int(number))))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if money:
        sign = rng.choice(["$", "US$", "USD "])
        return f"{hedge}{sign}{text} {scale}".strip() if scale else f"{hedge}{sign}{text}"
    return f"{hedge}{text} {scale} {unit}".replace("  ", " ").strip()


def _quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


class Story:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng, self.index = rng, index
        self.figures: list[str] = []
        self.derived: list[str] = []
        self.checks: list[str] = []
        self.n = 0

    def name(self, base: str) -> str:
        self.n += 1
        return f"{base}_{self.n}"

    def figure(self, base: str, stated: str, quote: str, extra: str = "") -> str:
        name = self.name(base)
        self.figures.append(f"  {name}:\n    stated: {_quote(stated)}\n"
                            f"    quote: {_quote(quote)}\n{extra}")
        return name

    def check(self, name: str, claim: str, assertion: str, off: bool) -> None:
        expect = "    expect: inconsistent\n" if off else ""
        self.checks.append(f"  - id: {name}-{len(self.checks) + 1}\n    claim: {_quote(claim)}\n"
                           f"    assert: {_quote(assertion)}\n{expect}")

    def trade(self) -> None:
        rng = self.rng
        good, unit = rng.choice(GOODS)
        tonnes = rng.uniform(0.2, 9) * 10 ** rng.choice([5, 6, 7])
        price = rng.uniform(40, 900)
        off = rng.random() < 0.2
        value = tonnes * price * (rng.choice([0.5, 1.6]) if off else 1)
        mass = self.figure("mass", _amount(tonnes, rng, unit), f"{good} exports")
        money = self.figure("value", _amount(value, rng, "", money=True), f"worth of {good}")
        ship = rng.choice(SHIPS)
        voyages = round(tonnes / ship)
        voyages_off = rng.random() < 0.2
        trips = self.figure("voyages", f"{voyages * (2 if voyages_off else 1):,} voyages",
                            f"{voyages} voyages of a {ship:,}-ton ship")
        size = self.figure("ship", f"{ship:,} tonnes", "the ship's capacity",
                           "    precision: exact\n" if rng.random() < 0.5 else "")
        derived = self.name("price")
        self.derived.append(f"  {derived}:\n    expr: {money} / {mass}\n    unit: USD per tonne\n")
        self.check("price", f"{good} sold for about ${price:.0f} a tonne",
                   f"{derived} == about {_round(price, 2):g} USD/t", off)
        self.check("voyages", "the voyages carried the exports",
                   f"{mass} / {size} == {trips}", voyages_off)

    def share(self) -> None:
        rng = self.rng
        total = rng.uniform(1, 90) * 10 ** rng.choice([4, 5, 6])
        part = total * rng.uniform(0.05, 0.9)
        off = rng.random() < 0.2
        pct = part / total * 100 * (rng.choice([0.7, 1.35]) if off else 1)
        country = rng.choice(COUNTRIES)
        whole = self.figure("population", _amount(total, rng, "people"), f"{country}'s people")
        some = self.figure("group", _amount(part, rng, "people"), "those affected")
        said = self.figure("share", f"{rng.choice(HEDGES)}{_round(pct, 2):g}%",
                           "the share affected")
        self.check("share", f"{_round(pct, 2):g}% of {country}",
                   f"share({some}, {whole}) == {said}", off)

    def change(self) -> None:
        rng = self.rng
        old = rng.uniform(1, 50) * 10 ** rng.choice([3, 6, 9])
        growth = rng.uniform(-40, 120)
        new = old * (1 + growth / 100)
        off = rng.random() < 0.2
        said_growth = growth + (rng.choice([-15, 15]) if off else 0)
        money = rng.random() < 0.5
        unit = "" if money else rng.choice(["tonnes", "cases", "visitors"])
        before = self.figure("year_2019", _amount(old, rng, unit, money), "in 2019")
        after = self.figure("year_2023", _amount(new, rng, unit, money), "in 2023")
        word = "up" if said_growth >= 0 else "down"
        said = self.figure("change", f"{word} {abs(_round(said_growth, 2)):g}%", "the change")
        self.check("change", "the change since 2019", f"pct_change({before}, {after}) == {said}",
                   off)

    def rate(self) -> None:
        rng = self.rng
        daily = rng.uniform(20, 900) * 1000
        off = rng.random() < 0.2
        yearly = daily * 365 * (rng.choice([0.5, 2]) if off else 1)
        per_day = self.figure("daily", _amount(daily, rng, "barrels per day"), "a day")
        per_year = self.figure("yearly", _amount(yearly, rng, "barrels"), "a year")
        self.check("annual", "a year of output", f"{per_day} * exactly 365 days == {per_year}",
                   off)
        days = self.figure("days", f"{rng.randint(20, 300)} days", "the embargo lasted")
        self.derived.append(f"  lost_{self.n}:\n    expr: {per_day} * {days}\n"
                            f"    unit: barrels\n")

    def text(self) -> str:
        kinds = [self.trade, self.share, self.change, self.rate]
        while len(self.figures) < 18 or len(self.checks) < 9:
            self.rng.choice(kinds)()
        conventions = "conventions:\n  ton: short_ton\n" if self.rng.random() < 0.2 else ""
        return (f"# generated by benchmarks/generate.py (story {self.index})\n"
                f"source:\n  publisher: Example Wire\n  title: Story {self.index}\n"
                f"  url: https://example.org/story/{self.index}\n"
                f"  published: 2024-0{1 + self.index % 9}-1{self.index % 10}\n"
                f"{conventions}figures:\n" + "".join(self.figures) +
                ("derived:\n" + "".join(self.derived) if self.derived else "")
                + "checks:\n" + "".join(self.checks))


def generate(folder: Path, files: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(files):
        path = folder / f"story-{i:05d}.yaml"
        path.write_text(Story(random.Random(seed * 1_000_003 + i), i).text(), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    opts = parser.parse_args()
    generate(opts.folder, opts.files, opts.seed)


if __name__ == "__main__":
    main()
