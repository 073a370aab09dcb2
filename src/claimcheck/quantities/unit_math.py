"""Arithmetic on pint units: dimensions, conversion factors, simplification, and units
as the report writes them ('USD/t', 'tonnes per year').

Every function takes the registry's Units (``units.pint_unit``) and caches by unit: a
file's checks ask the same few questions of the same few units many times over.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Any

from .units import Unit, dimensionless, pint_unit, registry


def exactly_one(unit: Unit) -> Any:
    """One of ``unit``, exactly: a pint Quantity of magnitude Fraction(1)."""
    return registry().Quantity(Fraction(1), unit)


@lru_cache(maxsize=1024)
def dimension_text(unit: Unit) -> str:
    """pint's dimensionality as text, '[length] ** 3 / [time]' (pint's own formatter
    cannot print the Fraction exponents of claimcheck's exact registry)."""
    items = sorted(exactly_one(unit).dimensionality.items())

    def one(name: str, power: Any) -> str:
        p = abs(power)
        shown = str(int(p)) if p == int(p) else f"{float(p):g}"
        return name if p == 1 else f"{name} ** {shown}"

    top = " * ".join(one(n, p) for n, p in items if p > 0)
    bottom = " / ".join(one(n, p) for n, p in items if p < 0)
    if not top and not bottom:
        return "dimensionless"
    return f"{top or '1'} / {bottom}" if bottom else top


@lru_cache(maxsize=1024)
def dimensionality(unit: Unit) -> str:
    text = dimension_text(unit)
    if text in ("", "dimensionless"):
        return "a pure number"
    # "[currency_USD] / [mass]" -> "money / mass"
    text = re.sub(r"\[currency_[A-Z]{3}\]", "money", text)
    text = text.replace("[percentage_point]", "percentage points")
    return text.replace("[", "").replace("]", "").replace(" ** ", "^")


def is_currency(unit: Unit) -> bool:
    """One currency and nothing else: 'USD', not 'USD/t'."""
    items = list(exactly_one(unit).dimensionality.items())
    return len(items) == 1 and items[0][0].startswith("[currency_") and items[0][1] == 1


def currencies_in(unit: Unit) -> dict[str, int]:
    """The currency dimensions of a unit and their powers: {'[currency_USD]': 1} for USD/t."""
    return {dim: int(p) for dim, p in exactly_one(unit).dimensionality.items()
            if dim.startswith("[currency_")}


def is_pure_count(unit: Unit) -> bool:
    """No unit at all: what a count noun ('12 warehouses') is measured in."""
    return not dict(unit._units)


def is_percent(unit: Unit) -> bool:
    """Exactly '%' (a share or a rate of change), not '%/year' or a percentage point."""
    return dict(unit._units) == {"percent": 1}


def is_points(unit: Unit) -> bool:
    """Exactly percentage points."""
    return dict(unit._units) == {"percentage_point": 1}


@lru_cache(maxsize=1024)
def is_dimensionless(unit: Unit) -> bool:
    return bool(exactly_one(unit).dimensionless)


@lru_cache(maxsize=1024)
def same_dimension(a: Unit, b: Unit) -> bool:
    return bool(exactly_one(a).dimensionality == exactly_one(b).dimensionality)


@lru_cache(maxsize=1024)
def reciprocal(a: Unit, b: Unit) -> bool:
    """Whether ``a`` measures the reciprocal of what ``b`` measures (mpg and L/100 km)."""
    return not is_dimensionless(a) and bool(
        exactly_one(a).dimensionality == (1 / exactly_one(b)).dimensionality)


@lru_cache(maxsize=1024)
def differ_only_in_currency(a: Unit, b: Unit) -> bool:
    """USD/t and EUR/t: the same kind of quantity in two currencies, which claimcheck
    never converts without a rate the claim file declares."""
    def generic(unit: Unit) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for dim, power in exactly_one(unit).dimensionality.items():
            key = "[money]" if dim.startswith("[currency_") else dim
            found[key] = found.get(key, 0) + power
        return found

    return not same_dimension(a, b) and generic(a) == generic(b)


@lru_cache(maxsize=1024)
def factor(source: Unit, target: Unit) -> Fraction:
    """How many ``target`` in one ``source``: exact, from pint's rational registry."""
    return Fraction(exactly_one(source).to(target).magnitude)


@lru_cache(maxsize=1024)
def simplify(unit: Unit) -> tuple[Fraction, Unit]:
    """Fold units of one dimension together (t/short_ton -> 1.10) and percent into numbers."""
    ureg = registry()
    names = dict(unit._units)
    scale = Fraction(1)
    if "percent" in names and (len(names) > 1 or names["percent"] < 0):  # 10 / 50% is 20
        power = names.pop("percent")
        scale *= Fraction(1, 100) ** int(power)
        unit = ureg.Unit(ureg.UnitsContainer(names)) if names else dimensionless()
    elif names.get("percent", 1) > 1:  # 50% * 50% is 25%, not 2,500 percent squared
        scale *= Fraction(1, 100) ** int(names["percent"] - 1)
        unit = ureg.Unit("percent")
    if len(names) > 1:
        # Only units of one dimension are folded together (km with miles, t with short
        # tons), exactly: pint's own reduction would turn L/km into an area and mpg into a
        # fractional power of the gallon.
        first: dict[str, str] = {}
        for name in list(names):
            dims = _dimension_of(name)
            if dims in first:
                keep = first[dims]
                power = names.pop(name)
                scale *= factor(pint_unit(name), pint_unit(keep)) ** int(power)
                names[keep] = names.get(keep, 0) + power
                if names[keep] == 0:
                    del names[keep]
            else:
                first[dims] = name
        unit = ureg.Unit(ureg.UnitsContainer(names)) if names else dimensionless()
        if names and exactly_one(unit).dimensionless and not any(n.startswith("per_")
                                                          for n in names):
            scale *= factor(unit, dimensionless())
            unit = dimensionless()
    return scale, unit


@lru_cache(maxsize=256)
def _dimension_of(name: str) -> str:
    return dimension_text(pint_unit(name))


_SYMBOLS = {"Btu_it": "Btu", "international_british_thermal_unit": "Btu",
            "tonne_of_oil_equivalent": "toe", "kilo_boe": "thousand boe",
            "mega_boe": "million boe", "quad_it": "quad", "therm_it": "therm", "tce": "tce",
            "milligram": "mg", "microgram": "µg", "fluid_ounce": "fl oz",
            "imperial_gallon": "imp gal", "metric_horsepower": "PS", "yard": "yd",
            "hundred_cubic_feet": "ccf", "news_furlong": "furlong", "news_fathom": "fathom",
            "calorie": "cal", "megametric_ton": "Mt", "kilometric_ton": "kt",
            "gigametric_ton": "Gt",
            "international_acre": "acre", "news_decade": "decade", "news_quarter": "quarter",
            "thousand_cubic_feet": "Mcf", "million_cubic_feet": "MMcf",
            "billion_cubic_feet": "bcf", "trillion_cubic_feet": "tcf", "megatoe": "Mtoe",
            "kilotoe": "ktoe", "knot": "kn", "nautical_mile": "nmi", "troy_ounce": "ozt",
            "carat": "ct", "kilocalorie": "kcal", "horsepower": "hp", "joule": "J",
            "kilojoule": "kJ", "megajoule": "MJ", "gigajoule": "GJ", "terajoule": "TJ",
            "petajoule": "PJ", "exajoule": "EJ", "watt": "W", "watt_hour": "Wh",
            "terawatt": "TW", "minute": "min", "second": "s",
            "mega_oil_barrel": "million bbl", "index_point": "index points",
            "kilo_oil_barrel": "thousand bbl", "gallon": "gal",
            "metric_ton": "t", "oil_barrel": "bbl", "kilometer": "km", "meter": "m",
            "kilogram": "kg", "gram": "g", "percent": "%", "liter": "L", "hour": "h",
            "mile": "mi", "short_ton": "short ton", "ton": "short ton", "long_ton": "long ton",
            "barrel": "US liquid bbl", "pound": "lb", "kilowatt_hour": "kWh",
            "megawatt_hour": "MWh", "gigawatt_hour": "GWh", "terawatt_hour": "TWh",
            "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW", "foot": "ft",
            "millimeter": "mm", "centimeter": "cm", "hectare": "ha", "milliliter": "mL",
            "ounce": "oz", "percentage_point": "pp", "basis_point": "bp"}
_SUPERSCRIPTS = {2: "²", 3: "³"}


def per_base(base: int) -> Unit:
    """The dimensionless unit of a rate's round base: per_base(100000) is 1e-5."""
    return pint_unit(f"per_{base}")


def _base_of(name: str) -> int | None:
    return int(name[4:]) if name.startswith("per_") and name[4:].isdigit() else None


def without_bases(unit: Unit) -> tuple[Fraction, Unit]:
    """A unit with its rates' round bases taken out, and the factor they stood for:
    (31 per 100,000) is 0.00031."""
    names = dict(unit._units)
    scale = Fraction(1)
    for name in [n for n in names if _base_of(n) is not None]:
        scale /= Fraction(_base_of(name) or 1) ** int(names.pop(name))
    if scale == 1:
        return scale, unit
    return scale, (registry().Unit(registry().UnitsContainer(names)) if names
                   else dimensionless())


def rate_numerator(label: str | None) -> str | None:
    """What a rate counts: 'deaths' of 'deaths per 100,000 residents'; None for
    'per 100,000 residents' or a label that is no rate."""
    if not label or " per " not in f" {label} ":
        return None
    head = f" {label} ".split(" per ", 1)[0].strip()
    return head or None


def is_count_label(label: str | None) -> bool:
    """A count noun ('voyages'), not the counted denominator of a rate ('per person')."""
    return bool(label) and " per " not in f" {label} "


def format_unit(unit: Unit, label: str | None = None) -> str:
    """A unit as readers know it: 'USD/t', 'bbl/year', '%', a count label, or a rate's
    base: 'per 100,000 residents', 'L/(100 km)', 'USD per person'."""
    return _format_unit(unit._units, label)


@lru_cache(maxsize=4096)  # a check formats the same few units dozens of times
def _format_unit(container: Any, label: str | None) -> str:
    names = sorted(dict(container).items())
    bases = [(_base_of(n), p) for n, p in names if _base_of(n) is not None]
    names = [(n, p) for n, p in names if _base_of(n) is None]
    base = bases[0][0] if len(bases) == 1 and bases[0][1] == 1 else None
    if bases and base is None:  # an odd power of a base: show it as pint has it
        names = sorted(dict(container).items())
    if not names:
        if label:
            return label
        return f"per {base:,}" if base else ""
    num = [(n, p) for n, p in names if p > 0]
    den = [(n, -p) for n, p in names if p < 0]
    text = _format_parts(num, den, label, base)
    if label and not is_count_label(label) and label.startswith("per "):
        return f"{text} {label}"
    return text


def _format_parts(num: list[tuple[str, Any]], den: list[tuple[str, Any]], label: str | None,
                  base: int | None) -> str:
    def power(p: object) -> str:
        if p == 1:
            return ""
        if p == int(p):  # type: ignore[call-overload]
            return _SUPERSCRIPTS.get(int(p), f"^{int(p)}")  # type: ignore[call-overload]
        return f"^{float(p):g}"  # type: ignore[arg-type]

    def part(items: list[tuple[str, object]]) -> str:
        return "·".join(_SYMBOLS.get(n, n) + power(p) for n, p in items)

    top = part(num) if num else (label if label and is_count_label(label) else "")
    if not den:
        return f"{top} per {base:,}" if base else top
    bottom = part(den)
    if not top:  # "3 a day": 3 per day, not "3 1/day"
        return f"per {base:,} {bottom}" if base else f"per {bottom}"
    if base:
        return f"{top}/({base:,} {bottom})"
    return f"{top}/({bottom})" if len(den) > 1 else f"{top}/{bottom}"


_NOUNS = {
    (): "a pure number", (("[mass]", 1),): "a mass", (("[length]", 1),): "a length",
    (("[length]", 2),): "an area", (("[length]", 3),): "a volume",
    (("[time]", 1),): "a duration", (("[percentage_point]", 1),): "a number of percentage points",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "an energy",
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "a power",
    (("[length]", 1), ("[time]", -1)): "a speed",
}


def _noun(unit: Unit) -> str | None:
    dims = tuple(sorted((k, int(v)) for k, v in exactly_one(unit).dimensionality.items()))
    if len(dims) == 1 and dims[0][0].startswith("[currency_") and dims[0][1] == 1:
        return f"an amount of money ({dims[0][0][10:-1]})"
    return _NOUNS.get(dims)


def dimension_noun(unit: Unit, label: str | None = None) -> str:
    """What a quantity is, in words: 'a volume', 'a volume per day', 'a percentage'."""
    if is_percent(unit):
        return "a percentage"
    if label and is_dimensionless(unit):
        return f"a count of {label}"
    whole = _noun(unit)
    if whole is not None and (whole != "a pure number" or not dict(unit._units)):
        return whole
    items = dict(unit._units).items()
    top = [(n, p) for n, p in items if p > 0]
    bottom = [(n, -p) for n, p in items if p < 0]
    ureg = registry()
    if top and bottom:
        upper = ureg.Unit(ureg.UnitsContainer(dict(top)))
        lower = ureg.Unit(ureg.UnitsContainer(dict(bottom)))
        noun = _noun(upper)
        if noun is not None:
            return f"{noun} per {format_unit(lower)}"
    return f"a quantity in {format_unit(unit, label) or 'no unit'} ({dimensionality(unit)})"
