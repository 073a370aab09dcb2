"""The one pint registry, and newsroom unit words resolved before pint ever sees them.

pint is imported lazily (it costs ~200 ms) and only here.  Words a reporter writes are
looked up in claimcheck's own tables (``vocabulary``) first, because pint's defaults are
wrong for news: its ``ton`` is the 2,000 lb short ton and its ``barrel`` is 31.5 US
gallons.  Each word resolved by such a convention carries a note that the output shows.

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
from .currencies import GLUED_PREFIXES
from .vocabulary import (
    AMBIGUOUS,
    CASED,
    CHOICE_WORDS,
    CONVENTION_NOTES,
    CONVENTIONS,
    COUNT_NOUNS,
    CURRENCIES,
    DEFAULT_CONVENTIONS,
    SYMBOL_CURRENCIES,
    UNIT_NOTES,
    WORDS,
)

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
    return frozenset(WORDS)


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
    if word in CASED:
        return _resolved(word, word, CASED[word], conventions)
    lowered = word.lower()
    for form in _singulars(lowered):
        if form in AMBIGUOUS:
            raise fail("ambiguous-unit", f"'{word}' is ambiguous", hint=AMBIGUOUS[form])
        if form in COUNT_NOUNS or form in counts:
            return ResolvedUnit(dimensionless(), label=word)
        target = WORDS.get(form)
        if target is not None:
            return _resolved(word, form, target, conventions)
    return _pint_fallback(word)


def _resolved(word: str, form: str, target: str,
              conventions: Mapping[str, str]) -> ResolvedUnit:
    note = UNIT_NOTES[form].format(w=word) if form in UNIT_NOTES else None
    if not target.startswith("@"):
        return ResolvedUnit(pint_unit(target), note=note)
    key, _, per = target[1:].partition("/")
    if key not in CONVENTIONS:
        raise fail("ambiguous-unit", f"'{word}' is ambiguous", hint=AMBIGUOUS[key])
    if key not in conventions and key not in DEFAULT_CONVENTIONS:
        choices = ", ".join(CONVENTIONS[key])
        raise fail("ambiguous-unit", f"'{word}' is ambiguous",
                   hint=f"say what it means in this file: `conventions: {{{key}: ...}}` "
                        f"({choices}), or write the unit in full")
    choice = conventions.get(key, DEFAULT_CONVENTIONS.get(key, ""))
    unit = pint_unit(CONVENTIONS[key][choice])
    if note is None:
        template = CONVENTION_NOTES.get((key, choice))
        if key in conventions and key != "dollar":
            template = (f"'{{w}}' read as {CHOICE_WORDS.get(choice, choice)} "
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
    return "/" in text and text.lower() in WORDS and text.lower() != "km/h"


def currency_word(word: str, conventions: Mapping[str, str]) -> ResolvedUnit | None:
    """A currency written before the digits: an ISO code ('USD 240'), 'Rs', 'GHC'."""
    if word in CURRENCIES:
        return ResolvedUnit(pint_unit(word))
    if word in GLUED_PREFIXES:
        return _resolved(word, word, CASED[word], conventions)
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
    slashed = sorted(w for w in WORDS if w.startswith(f"{lowered}/"))
    suggestion = f"did you mean '{slashed[0]}'?" if slashed else (
        did_you_mean(lowered.rstrip("s"), _COMMON, 0.8)
        or did_you_mean(word, [*CASED, *CURRENCIES], 0.8))
    if suggestion is None and len(word) > 3:  # a short word is close to everything
        # a misspelling keeps its first letter: 'lorries' is no 'calorie'
        pool = [w for w in (*WORDS, *_PREFIXED, *COUNT_NOUNS, *counts)
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
    return [(w, t, False) for w, t in sorted(WORDS.items())] + [
        (w, t, True) for w, t in sorted(CASED.items())]


def ambiguity(key: str) -> str:
    """Why a word with no convention for ``key`` is refused."""
    return AMBIGUOUS[key]
