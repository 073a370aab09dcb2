"""The one pint registry, and newsroom unit words resolved before pint ever sees them.

pint is imported lazily (it costs ~200 ms) and only here.  Words a reporter writes are
looked up in claimcheck's own tables first, because pint's defaults are wrong for news:
its ``ton`` is the 2,000 lb short ton and its ``barrel`` is 31.5 US gallons.  Each word
resolved by such a convention carries a note that the output shows.

Arithmetic on the registry's units (dimensions, factors, units as written) is in
``unit_math``; the catalogue of every word, for docs/units.md, in ``unit_catalogue``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from ..diagnostics import ClaimcheckError, did_you_mean, fail
from .currencies import GLUED_PREFIXES, ISO_CODES

Unit = Any  # a pint Unit; kept opaque so that pint stays out of the type signatures


@cache
def registry() -> Any:
    import pint

    # Fractions throughout: every conversion factor is exact (1 m³ is 1,000 L, not
    # 999.9999999999999 L), so that a conversion can never move a value across the edge
    # of a verdict.
    # pint's disk cache (pickles, in the user's cache folder: ~/.cache/pint on Linux)
    # halves start-up; CLAIMCHECK_PINT_CACHE=off does without it (a CI job that shares
    # no cache with anyone has nothing to gain, and nothing then unpickles a file)
    cache = None if os.environ.get("CLAIMCHECK_PINT_CACHE", "").lower() == "off" else ":auto:"
    try:
        ureg: Any = pint.UnitRegistry(cache_folder=cache, non_int_type=Fraction)
    except OSError:  # unusable cache dir (read-only home, odd XDG_CACHE_HOME)
        ureg = pint.UnitRegistry(non_int_type=Fraction)
    from importlib import resources  # ~9 ms: only when the registry is built

    definitions = resources.files(__package__).joinpath("newsroom_units.txt")
    with resources.as_file(definitions) as path:
        ureg.load_definitions(str(path))
    return ureg


@cache  # pint parses the name on every call; its Units never change
def dimensionless() -> Unit:
    return registry().Unit("dimensionless")


@lru_cache(maxsize=2048)  # names come from claim files: bounded
def pint_unit(name: str) -> Unit:
    return registry().Unit(name)


# --- conventions ---------------------------------------------------------------------

CURRENCIES = ISO_CODES

#: ambiguous word -> (allowed choices -> pint name), and claimcheck's default choice
CONVENTIONS: dict[str, dict[str, str]] = {
    "ton": {"tonne": "metric_ton", "metric_ton": "metric_ton", "short_ton": "short_ton",
            "long_ton": "long_ton"},
    "barrel": {"oil_barrel": "oil_barrel", "us_liquid_barrel": "barrel",
               "beer_barrel": "beer_barrel"},
    "dollar": {c: c for c in ("USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "ZWG")},
    "rupee": {c: c for c in ("INR", "PKR", "LKR", "NPR", "MUR", "SCR")},
    "mt": {"megatonne": "megatonne", "metric_ton": "metric_ton"},
    "points": {"percentage_points": "percentage_point", "index_points": "index_point"},
}
DEFAULT_CONVENTIONS = {"ton": "tonne", "barrel": "oil_barrel", "dollar": "USD", "rupee": "INR",
                       "points": "percentage_points"}
_CONVENTION_NOTES = {
    ("ton", "tonne"): "'{w}' read as metric tonnes (claimcheck's default)",
    ("barrel", "oil_barrel"): "'{w}' read as 42-US-gallon oil barrels (claimcheck's default)",
    ("dollar", "USD"): "'{w}' read as US dollars (USD)",
    ("rupee", "INR"): "'{w}' read as Indian rupees (INR) (claimcheck's default; a file can "
                      "choose PKR, LKR, NPR, ... under `conventions: {{rupee: ...}}`)",
    ("points", "percentage_points"): "'{w}' read as percentage points (claimcheck's "
                                     "default; `conventions: {{points: index_points}}` for "
                                     "an index)",
}

_CHOICE_WORDS = {"tonne": "metric tonnes", "metric_ton": "metric tonnes",
                 "short_ton": "short tons (2,000 lb)", "long_ton": "long tons (2,240 lb)",
                 "oil_barrel": "oil barrels (42 US gallons)",
                 "us_liquid_barrel": "US liquid barrels (31.5 US gallons)",
                 "beer_barrel": "beer barrels (31 US gallons)",
                 "megatonne": "million tonnes (megatonnes)",
                 "percentage_points": "percentage points", "index_points": "index points"}

SYMBOL_CURRENCIES = {"$": "dollar", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                     "₩": "KRW", "₹": "INR", "C$": "CAD", "A$": "AUD", "HK$": "HKD",
                     "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "₦": "NGN",
                     "₱": "PHP", "₺": "TRY", "₫": "VND", "₴": "UAH", "₪": "ILS", "₵": "GHS",
                     "AU$": "AUD", "SG$": "SGD", "CA$": "CAD", "MX$": "MXN"}

#: spellings whose case matters: 'Mt' is a megatonne, 'MT' could be either
_CASED: dict[str, str] = {"Mt": "megatonne", "Gt": "gigametric_ton", "kt": "kilotonne",
                          "MT": "@mt", "MMT": "megatonne", "mmt": "megatonne",
                          "MTPA": "megatonne / year", "mtpa": "megatonne / year",
                          "Mtpa": "megatonne / year", "Mtoe": "megatoe", "ktoe": "kilotoe",
                          "Mcf": "thousand_cubic_feet", "MMcf": "million_cubic_feet",
                          "Bcf": "billion_cubic_feet", "Tcf": "trillion_cubic_feet",
                          "MMBtu": "MMBtu", "MBtu": "@ambiguous_mbtu",
                          # the US industry's M is a thousand, the IEA's mb/d a million
                          "Mb/d": "@ambiguous_mbd", "Mbbl": "@ambiguous_mbbl",
                          "MMb/d": "mega_oil_barrel/day", "MMbbl": "mega_oil_barrel",
                          "J": "joule", "kJ": "kilojoule", "MJ": "megajoule", "GJ": "gigajoule",
                          "TJ": "terajoule", "PJ": "petajoule", "EJ": "exajoule",
                          "W": "watt", "Wh": "watt_hour", "TW": "terawatt", "g": "gram",
                          "Rs": "@rupee", "GHC": "GHS", "NM": "nautical_mile",
                          "SFr": "CHF", "KSh": "KES", "Ksh": "KES",
                          # emissions: a mass of CO2 (or its equivalent), the gas in the unit
                          "tCO2": "metric_ton", "tCO2e": "metric_ton", "ktCO2": "kilotonne",
                          "MtCO2": "megatonne", "MtCO2e": "megatonne",
                          "GtCO2": "gigametric_ton", "GtCO2e": "gigametric_ton",
                          "Calorie": "kilocalorie", "PS": "metric_horsepower"}

#: lower-case singular word -> pint name, or "@convention" for an ambiguous word
_WORDS: dict[str, str] = {
    "ton": "@ton", "tonne": "metric_ton", "t": "metric_ton", "metric ton": "metric_ton",
    "metric tonne": "metric_ton", "short ton": "short_ton", "long ton": "long_ton",
    "u.s. ton": "short_ton", "us ton": "short_ton", "kilotonne": "kilotonne",
    "megatonne": "megatonne", "gigatonne": "gigametric_ton", "dwt": "metric_ton",
    "barrel": "@barrel", "bbl": "@barrel", "oil barrel": "oil_barrel",
    "kilometer": "kilometer", "kilometre": "kilometer", "km": "kilometer",
    "m": "meter", "meter": "meter", "metre": "meter", "mile": "mile", "mi": "mile",
    "nautical mile": "nautical_mile", "nmi": "nautical_mile", "knot": "knot", "kn": "knot",
    "kilogram": "kilogram", "kg": "kilogram", "gram": "gram", "lb": "pound",
    "troy ounce": "troy_ounce", "ozt": "troy_ounce", "carat": "carat", "ct": "carat",
    "liter": "liter", "litre": "liter", "l": "liter", "gallon": "gallon",
    "h": "hour", "hr": "hour", "s": "second", "second": "second", "minute": "minute",
    "min": "minute", "hour": "hour", "day": "day", "d": "day",
    "week": "week", "month": "month", "year": "year", "yr": "year", "decade": "news_decade",
    "quarter": "news_quarter",
    "century": "century",
    "percent": "percent", "per cent": "percent", "%": "percent",
    "dollar": "@dollar", "us dollar": "USD", "u.s. dollar": "USD", "euro": "EUR",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "yen": "JPY", "rouble": "RUB", "ruble": "RUB", "rupee": "@rupee", "cedi": "GHS",
    "naira": "NGN", "rand": "ZAR", "lira": "TRY", "rupiah": "IDR", "ringgit": "MYR",
    "baht": "THB", "dong": "VND", "zloty": "PLN", "hryvnia": "UAH", "shekel": "ILS",
    "birr": "ETB", "taka": "BDT", "forint": "HUF", "koruna": "CZK", "reais": "BRL",
    "kwanza": "AOA",
    # symbols and abbreviations newsrooms use; pint's own symbols are never guessed at
    "mm": "millimeter", "cm": "centimeter", "millimetre": "millimeter", "centimetre": "centimeter",
    "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "yard": "yard",
    "lbs": "pound", "oz": "ounce", "ounce": "ounce", "ml": "milliliter", "hectare": "hectare",
    "ha": "hectare", "acre": "international_acre", "mph": "mile / hour",
    "kph": "kilometer / hour", "km/h": "kilometer / hour", "mpg": "mile / gallon",
    "square kilometre": "kilometer ** 2", "square kilometer": "kilometer ** 2",
    "sq km": "kilometer ** 2", "km2": "kilometer ** 2", "km²": "kilometer ** 2",
    "square mile": "mile ** 2", "square metre": "meter ** 2", "square meter": "meter ** 2",
    "m2": "meter ** 2", "m²": "meter ** 2",
    "cubic metre": "meter ** 3", "cubic meter": "meter ** 3", "m3": "meter ** 3",
    "m³": "meter ** 3", "cubic foot": "foot ** 3", "cubic feet": "foot ** 3",
    "ft³": "foot ** 3", "cu ft": "foot ** 3", "bcm": "bcm", "bcf": "billion_cubic_feet",
    "tcf": "trillion_cubic_feet", "mmcf": "million_cubic_feet",
    "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt_hour",
    "mwh": "megawatt_hour", "gwh": "gigawatt_hour", "twh": "terawatt_hour",
    "kilowatt hour": "kilowatt_hour", "megawatt hour": "megawatt_hour",
    "gigawatt hour": "gigawatt_hour", "terawatt hour": "terawatt_hour",
    "watt hour": "watt_hour", "hp": "horsepower", "kcal": "kilocalorie",
    "btu": "Btu_it", "mmbtu": "MMBtu", "quad": "quad_it", "therm": "therm_it",
    "tce": "tce", "tonne of coal equivalent": "tce", "cal": "calorie", "calorie": "calorie",
    "kilocalorie": "kilocalorie", "mg": "milligram", "milligram": "milligram",
    "mcg": "microgram", "µg": "microgram", "microgram": "microgram",
    "fl oz": "fluid_ounce", "floz": "fluid_ounce", "fluid ounce": "fluid_ounce",
    "gal": "gallon", "yd": "yard", "imperial gallon": "imperial_gallon",
    "uk gallon": "imperial_gallon", "metric horsepower": "metric_horsepower",
    "sq mi": "mile ** 2", "square foot": "foot ** 2", "square feet": "foot ** 2",
    "sq ft": "foot ** 2", "ccf": "hundred_cubic_feet", "furlong": "news_furlong",
    "fathom": "news_fathom", "stone": "stone",
    "toe": "toe", "tonne of oil equivalent": "toe", "boe": "boe",
    "barrel of oil equivalent": "boe",
    "bpd": "@barrel/day", "b/d": "@barrel/day", "kb/d": "kilo_oil_barrel/day",
    "kbd": "kilo_oil_barrel/day", "mbd": "mega_oil_barrel/day",
    "mb/d": "mega_oil_barrel/day", "bcf/d": "billion_cubic_feet/day",
    "mbpd": "mega_oil_barrel/day", "mmb/d": "mega_oil_barrel/day",
    "kbpd": "kilo_oil_barrel/day", "boe/d": "boe/day", "kboe/d": "kilo_boe/day",
    "mboe/d": "mega_boe/day", "boepd": "boe/day", "kboepd": "kilo_boe/day",
    "bcm/y": "bcm/year", "bcm/a": "bcm/year", "bcma": "bcm/year", "annum": "year",
    "troy oz": "troy_ounce", "ft3": "foot ** 3",
    "mmbbl": "mega_oil_barrel", "pc": "percent",
    "pp": "percentage_point", "percentage point": "percentage_point",
    "index point": "index_point", "point": "@points", "pts": "@points",
    "bp": "basis_point", "bps": "basis_point", "basis point": "basis_point",
}
_AMBIGUOUS = {
    "pound": "'pound' is a weight and a currency: write 'lb' for weight or 'GBP' for money",
    "won": "'won' is the South or the North Korean currency: write 'KRW' or 'KPW'",
    "mt": "'mt' means megatonnes or metric tons: write 'Mt' (million tonnes) or 'tonnes'",
    "peso": "'peso' is the currency of several countries: write its code (MXN, PHP, ARS, ...)",
    "franc": "'franc' is the currency of several countries: write CHF, XOF, XAF, ...",
    "krone": "'krone' is Danish or Norwegian: write DKK or NOK",
    "krona": "'krona' is Swedish or Icelandic: write SEK or ISK",
    "shilling": "'shilling' is Kenyan, Ugandan, Tanzanian or Somali: write KES, UGX, TZS, SOS",
    "riyal": "'riyal' is Saudi, Qatari, Omani, Iranian or Yemeni: write SAR, QAR, OMR, ...",
    "dinar": "'dinar' is the currency of several countries: write its code (KWD, JOD, ...)",
    "dirham": "'dirham' is Emirati or Moroccan: write AED or MAD",
    "cwt": "'cwt' is the US hundredweight (100 lb) or the British one (112 lb): write 'lb'",
    "hundredweight": "a hundredweight is 100 lb in the US and 112 lb in Britain: write 'lb'",
    "pt": "'pt' is a point or a pint: write 'percentage points' (pp) or 'pints'",
    "ambiguous_mbtu": "'MBtu' means a thousand Btu in US industry but a million elsewhere: "
                      "write 'MMBtu' or 'thousand Btu'",
    "ambiguous_mbd": "'Mb/d' is a thousand barrels a day in US usage (EIA: M = thousand, "
                     "MM = million) but a million in the IEA's 'mb/d': write 'kb/d', "
                     "'MMb/d' or 'million b/d'",
    "ambiguous_mbbl": "'Mbbl' is a thousand barrels in US usage (EIA) but a million "
                      "elsewhere: write 'MMbbl', 'thousand barrels' or 'million barrels'",
}
_UNIT_NOTES = {"ounce": "'{w}' read as the avoirdupois ounce (28.35 g); gold and silver are "
                        "priced by the troy ounce (31.10 g): write 'troy ounce'",
               "oz": "'{w}' read as the avoirdupois ounce (28.35 g); gold and silver are "
                     "priced by the troy ounce (31.10 g): write 'troy oz'",
               "pc": "'{w}' read as per cent", "bpd": "'{w}' read as oil barrels per day",
               "b/d": "'{w}' read as oil barrels per day",
               "dwt": "'{w}' (deadweight tonnage) read as metric tonnes",
               "GHC": "'{w}' read as Ghanaian cedis (GHS): the old code, still written for "
                      "the cedi",
               "boe": "'{w}' read as 5.8 million Btu (US EIA)",
               "barrel of oil equivalent": "'{w}' read as 5.8 million Btu (US EIA)"}

#: nouns for counted things: dimensionless, kept as a label ("370 voyages")
COUNT_NOUNS = frozenset({
    "voyage", "trip", "ship", "vessel", "shipload", "boat", "truck", "vehicle", "car", "flight",
    "person", "people", "individual", "resident", "worker", "interpreter", "official", "refugee",
    "time", "item", "case", "death", "household", "family", "company", "country", "river",
    "mine", "port", "container", "cargo", "load", "smuggler", "child", "children", "fold",
    "patient", "student", "job", "home", "house", "vote", "voter", "arrest", "attack",
    # the newsroom's other counted things
    "adult", "man", "men", "woman", "women", "male", "female", "boy", "girl", "baby", "babies",
    "birth", "pupil", "teacher", "school", "doctor", "nurse", "hospital", "bed", "clinic",
    "elector", "ballot", "seat", "candidate", "member", "constituency", "district",
    "murder", "homicide", "killing", "rape", "robbery", "burglary", "assault", "crime",
    "offence", "offense", "victim", "suspect", "prisoner", "inmate", "prison", "conviction",
    "suicide", "infection", "hospitalisation", "hospitalization", "admission", "dose",
    "vaccination", "test", "operation", "visit", "passenger", "tourist", "visitor", "migrant",
    "immigrant", "emigrant", "asylum", "applicant", "application", "soldier", "troop",
    "protester", "employee", "vacancy", "business", "firm", "farm", "property", "dwelling",
    "flat", "carrier", "tanker", "barge", "aircraft", "plane", "train", "bus", "shipment",
    "consignment", "cargoes", "incident", "accident", "fire", "strike", "raid", "bomb",
    "casualty", "casualties", "survivor", "citizen", "customer", "user", "subscriber",
    "account", "teu", "village", "town", "city", "province", "state", "region", "event", "game",
    "match", "day-trip", "staff", "officer", "police", "policeman", "judge",
    "lawyer", "graduate", "learner", "entrant", "respondent", "participant",
    "animal", "tree", "bird", "cow", "pig", "sheep", "chicken", "well", "rig", "plant",
    "factory", "store", "shop", "restaurant", "bank", "branch", "tablet", "pill", "shift",
    "position", "jail", "american", "fatality", "fatalities",
    # everyday nouns that pint defines as units of other trades: "1,200 bags of rice" is
    # a count, not 1,200 x 94 lb of cement; "shots", "links", "particles" too (a cup and a
    # grain stay units: recipes and bullets, as numbat and GNU units read them)
    "capita", "head",  # "$65,000 per capita", "per head", "a head"
    "bag", "sack", "shot", "link", "shake", "particle", "strain", "grade", "jute",
    "gamma", "lambda", "galileo", "franklin", "gilbert", "henry", "buckingham",
    "aberdeen", "townsend", "octave", "slug", "molar", "zeta", "thou", "fifth", "peck",
    "gill",
})
RATE_WORDS = {"annual": "year", "annually": "year", "yearly": "year", "daily": "day",
              "monthly": "month", "weekly": "week"}


@dataclass(frozen=True)
class ResolvedUnit:
    unit: Unit
    label: str | None = None  # a count noun, as written
    note: str | None = None   # a convention that decided the reading


class ConventionNote(str):
    """The note that an ambiguous word ('tons', '$', 'points') was read by a convention.
    A str, so every renderer shows it as the sentence it is; it also says which word, which
    convention (`key`) and whether the choice was claimcheck's default rather than the
    file's, so that lint and the text report act on data, never on the wording."""

    word: str
    key: str
    choice: str
    default: bool

    def __new__(cls, text: str, *, word: str, key: str, choice: str,
                default: bool) -> ConventionNote:
        note = super().__new__(cls, text)
        note.word, note.key, note.choice, note.default = word, key, choice, default
        return note

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        # pickled to and from worker processes with its data
        return (str(self),), {"word": self.word, "key": self.key, "choice": self.choice,
                              "default": self.default}

    def retext(self, text: str) -> ConventionNote:
        """The same note in other words (made printable, say)."""
        return ConventionNote(text, word=self.word, key=self.key, choice=self.choice,
                              default=self.default)


#: phrases of two words ("cubic metres") that the reader tries before single words
def word_table() -> frozenset[str]:
    """Every unit word and phrase claimcheck reads (lower case, singular)."""
    return frozenset(_WORDS)


def _singulars(word: str) -> list[str]:
    if len(word) <= 3:
        return [word]
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def resolve_word(
    word: str, conventions: Mapping[str, str], counts: frozenset[str]
) -> ResolvedUnit | None:
    """A unit word as a reporter writes it, or None when claimcheck does not know it."""
    if word in CURRENCIES:
        return ResolvedUnit(pint_unit(word))
    if word in _CASED:
        return _resolved(word, word, _CASED[word], conventions)
    lowered = word.lower()
    for form in _singulars(lowered):
        if form in _AMBIGUOUS:
            raise fail("ambiguous-unit", f"'{word}' is ambiguous", hint=_AMBIGUOUS[form])
        if form in COUNT_NOUNS or form in counts:
            return ResolvedUnit(dimensionless(), label=word)
        target = _WORDS.get(form)
        if target is not None:
            return _resolved(word, form, target, conventions)
    return _pint_fallback(word)


def _resolved(word: str, form: str, target: str,
              conventions: Mapping[str, str]) -> ResolvedUnit:
    note = _UNIT_NOTES[form].format(w=word) if form in _UNIT_NOTES else None
    if not target.startswith("@"):
        return ResolvedUnit(pint_unit(target), note=note)
    key, _, per = target[1:].partition("/")
    if key not in CONVENTIONS:
        raise fail("ambiguous-unit", f"'{word}' is ambiguous", hint=_AMBIGUOUS[key])
    if key not in conventions and key not in DEFAULT_CONVENTIONS:
        choices = ", ".join(CONVENTIONS[key])
        raise fail("ambiguous-unit", f"'{word}' is ambiguous",
                   hint=f"say what it means in this file: `conventions: {{{key}: ...}}` "
                        f"({choices}), or write the unit in full")
    choice = conventions.get(key, DEFAULT_CONVENTIONS.get(key, ""))
    unit = pint_unit(CONVENTIONS[key][choice])
    if note is None:
        template = _CONVENTION_NOTES.get((key, choice))
        if key in conventions and key != "dollar":
            template = (f"'{{w}}' read as {_CHOICE_WORDS.get(choice, choice)} "
                        "(a chosen convention)")
        elif key == "dollar" and template is None:  # "240 dollars" under dollar: CAD
            template = f"'{{w}}' read as {choice}"
        if template:
            # the dollar's default note does not say "default": USD is no surprise
            default = key not in conventions and key != "dollar"
            note = ConventionNote(template.format(w=word), word=word, key=key, choice=choice,
                                  default=default)
    return ResolvedUnit(unit / pint_unit(per) if per else unit, note=note)


def is_slash_unit(text: str) -> bool:
    """A unit whose name has a slash in it: 'b/d', 'mb/d' (not 'km/h', read as a rate)."""
    return "/" in text and text.lower() in _WORDS and text.lower() != "km/h"


def currency_word(word: str, conventions: Mapping[str, str]) -> ResolvedUnit | None:
    """A currency written before the digits: an ISO code ('USD 240'), 'Rs', 'GHC'."""
    if word in CURRENCIES:
        return ResolvedUnit(pint_unit(word))
    if word in GLUED_PREFIXES:
        return _resolved(word, word, _CASED[word], conventions)
    return None


def is_count(word: str) -> bool:
    """Whether ``word`` is one of the built-in count nouns (singular or plural)."""
    return any(form in COUNT_NOUNS for form in _singulars(word.lower()))


def resolve_known(word: str, conventions: Mapping[str, str], counts: frozenset[str]) -> bool:
    """Whether ``word`` is a unit claimcheck reads (ambiguous words count as known)."""
    try:
        return resolve_word(word, conventions, counts) is not None
    except ClaimcheckError:
        return True


_PINT_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _pint_fallback(word: str) -> ResolvedUnit | None:
    # Only plain identifiers reach pint: on pint 0.25 '$' and friends silently become
    # dimensionless, so every symbol is handled above.
    if not _PINT_SAFE.match(word):
        return None
    ureg = registry()
    try:
        candidates = ureg.parse_unit_name(word)
        unit = ureg.Unit(word) if candidates else None
    except Exception:  # pint raises several unrelated types for unknown names
        return None
    # pint reads symbols and prefixes into anything it can: 'de' is deci-elementary-charge,
    # 'pc' a parsec, 'kt' a knot, 'pts' pints.  Only a unit's full name, with a whole-word
    # prefix and a plural ending, is taken from pint ('hectares', 'kilowatts', 'inches');
    # the symbols newsrooms use are in the table above.
    lowered = word.lower()
    if unit is None or not any(lowered in (p + n, p + n + x) for p, n, x in candidates
                               for x in ("s", "es", x) if x is not None):
        return None
    trade = next((n for _, n, _ in candidates if n in _PINT_WORDS_OF_OTHER_TRADES), None)
    if trade is not None:
        raise fail("ambiguous-unit", f"'{word}' is a unit of another trade in pint "
                   f"({_PINT_WORDS_OF_OTHER_TRADES[trade]})",
                   hint=f"if '{word}' counts things, list it under `counts:` in the claim "
                        "file; otherwise write the unit meant")
    return ResolvedUnit(unit)


#: pint units that share their name with an everyday word of the news: read as the unit,
#: "300 barns" or "50 hands" would silently become an area or a length
_PINT_WORDS_OF_OTHER_TRADES = {
    "barn": "a nuclear cross-section", "hand": "a horse's height, 4 inches",
    "pica": "a printer's measure", "point": "a printer's point", "pixel": "a screen's dot",
    "didot": "a printer's point", "cicero": "a printer's measure", "rod": "5.5 yards",
    "chain": "22 yards", "league": "3 miles", "cable": "a nautical length",
    "degree": "an angle; claimcheck does not read temperatures, whose degrees convert "
              "one way as a temperature (30 °C is 86 °F) and another as a change (a rise of "
              "1 °C is 1.8 °F)", "bit": "a binary digit",
    "gauss": "a magnetic field", "poise": "a viscosity", "stokes": "a viscosity",
    "count": "a count", "sample": "a sample", "event": "an event", "cycle": "a cycle",
    "turn": "a turn", "revolution": "a turn",
}


#: the units a newsroom writes most, tried first when a word is misspelt
_COMMON = ("tonne", "ton", "barrel", "bbl", "percent", "km", "kilometre", "mile", "kg",
           "metre", "litre", "gallon", "hectare", "acre", "year", "month", "week", "day",
           "hour", "minute", "dollar", "euro", "yuan", "rupee", "kwh", "mwh", "gwh", "twh",
           "mw", "gw", "bcm", "bcf", "mmbtu", "b/d", "bpd", "mb/d", "kb/d", "people",
           "person", "percentage point", "ship", "vessel", "voter", "vote", "death", "case")
_SCALES = ("thousand", "million", "billion", "trillion", "bln", "mln", "tln")
#: prefixed units pint reads by their full name, for a misspelt one ('gigawat')
_PREFIXED = tuple(p + b for p in ("kilo", "mega", "giga", "tera", "peta")
                  for b in ("watt", "joule", "tonne", "gram", "metre", "meter", "litre"))


@lru_cache(maxsize=4096)  # extract asks again for every word of an article
def unknown_unit_hint(word: str, counts: frozenset[str]) -> str:
    """'did you mean ...?' for a misspelt unit: scale words first ('milion'), then the
    units newsrooms use most, then every unit, count noun and currency; and the counts:
    advice only for a word that reads like a noun."""
    lowered = word.lower()
    if lowered == "to":  # '0 t to 1 t': a range repeats no unit inside it
        return "write a range with the unit once, at the end: '0 to 1 t'"
    scale = did_you_mean(lowered, _SCALES, 0.8)
    if scale:
        return scale
    slashed = sorted(w for w in _WORDS if w.startswith(f"{lowered}/"))
    suggestion = f"did you mean '{slashed[0]}'?" if slashed else (
        did_you_mean(lowered.rstrip("s"), _COMMON, 0.8)
        or did_you_mean(word, [*_CASED, *CURRENCIES], 0.8))
    if suggestion is None and len(word) > 3:  # a short word is close to everything
        # a misspelling keeps its first letter: 'lorries' is no 'calorie'
        pool = [w for w in (*_WORDS, *_PREFIXED, *COUNT_NOUNS, *counts)
                if w[:1] == lowered[:1]]
        suggestion = (did_you_mean(lowered.rstrip("s"), pool)
                      or did_you_mean(lowered, pool))
    noun = word.isalpha() and len(word) >= 4 and word[0].islower()
    declare = f"if '{word}' counts things, list it under `counts:` in the claim file"
    if not noun:
        return suggestion or "write the unit in full, e.g. 'million barrels per day'"
    return f"{suggestion} ({declare})" if suggestion else declare


def currency_for_symbol(symbol: str, conventions: Mapping[str, str]) -> ResolvedUnit:
    target = SYMBOL_CURRENCIES[symbol]
    if target == "dollar":
        choice = conventions.get("dollar", DEFAULT_CONVENTIONS["dollar"])
        return ResolvedUnit(pint_unit(choice), note=ConventionNote(
            f"'$' read as {choice}", word=symbol, key="dollar", choice=choice,
            default="dollar" not in conventions))
    if symbol == "¥":
        return ResolvedUnit(pint_unit(target), note="'¥' read as Japanese yen (JPY); "
                            "write CNY for Chinese yuan")
    return ResolvedUnit(pint_unit(target))


def unit_words() -> list[tuple[str, str, bool]]:
    """Every word of claimcheck's unit tables: (as written, what it is read as, whether its
    case matters); a target '@key' is read by a convention or refused as ambiguous."""
    return [(w, t, False) for w, t in sorted(_WORDS.items())] + [
        (w, t, True) for w, t in sorted(_CASED.items())]


def ambiguity(key: str) -> str:
    """Why a word with no convention for ``key`` is refused."""
    return _AMBIGUOUS[key]
