"""The unit catalogue of docs/units.md: every unit word claimcheck reads, what it reads it
as and from whose definition (claimcheck's newsroom_units.txt or pint's)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from fractions import Fraction

from .unit_math import exactly_one, format_unit
from .units import ambiguity, pint_unit, registry, unit_words
from .vocabulary import CONVENTIONS, DEFAULT_CONVENTIONS


def newsroom_definitions() -> dict[str, str]:
    """The units newsroom_units.txt defines, each with the comment above it."""
    from importlib import resources

    definitions = resources.files(__package__).joinpath("newsroom_units.txt")
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in definitions.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif "=" in line:
            found[line.split("=")[0].strip()] = " ".join(comment)
        else:
            comment = []
    return found


def _pint_names(target: str) -> set[str]:
    """The names pint's definitions give a unit (its name, symbol and aliases, and their
    plurals), lower-case: a word among them is pint's own, not claimcheck's reading."""
    definition = registry()._units.get(target)
    names = {target} if definition is None else {
        target, definition.symbol or target, *definition.aliases}
    # NFKC: the micro sign and the Greek mu are one letter (pint's versions differ in it)
    lowered = {unicodedata.normalize("NFKC", n).lower() for n in names}
    return lowered | {f"{n}s" for n in lowered}


def unit_catalogue(own: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(written as, read as, value in SI base units, source) for each unit word."""
    rows = []
    for written, target, cased in unit_words():
        shown = f"`{written}`" + (" (*case matters*)" if cased else "")
        if target.startswith("@") and target[1:].split("/")[0] not in CONVENTIONS:
            hint = ambiguity(target[1:].split("/")[0])
            rows.append((shown, f"refused as ambiguous: {hint}", "", "claimcheck"))
            continue
        if target.startswith("@"):
            key = target[1:].split("/")[0]
            choices = ", ".join(f"`{c}`" for c in CONVENTIONS.get(key, {}))
            default = DEFAULT_CONVENTIONS.get(key)
            rows.append((shown, f"by `conventions: {{{key}: …}}` ({choices}); default "
                         f"`{default}`" if default else f"by `conventions: {{{key}: …}}` "
                         f"({choices}); no default", "", "claimcheck"))
            continue
        unit = pint_unit(target)
        base = exactly_one(unit).to_base_units()
        magnitude = Fraction(base.magnitude)
        value = f"{magnitude.numerator}" if magnitude.denominator == 1 else (
            f"{magnitude.numerator}/{magnitude.denominator}")
        base_units = " ".join(f"{n}^{int(p)}" if p != 1 else n
                              for n, p in sorted(dict(base.units._units).items()))
        names = [n for n, _ in dict(unit._units).items()]
        source = "; ".join(f"newsroom_units.txt: {own[n]}" if own.get(n) else
                           "newsroom_units.txt" for n in names if n in own) or "pint"
        if source == "pint" and unicodedata.normalize("NFKC", written).lower() not in (
                _pint_names(target)):
            # the definition is pint's, the reading of the word claimcheck's ('kt' is a
            # kilotonne here, pint's is the knot; 'dwt' deadweight tonnes, not pint's
            # pennyweight); said the same whatever pint's version reads
            source = f"pint's `{target}`; the word read so by claimcheck"
        rows.append((shown, format_unit(unit) or target, f"{value} {base_units}".strip(),
                     source))
    rows.append(("`TEU` (*case matters*)", "a count of twenty-foot equivalent units "
                 "(containers), kept as a label", "", "claimcheck"))
    return rows
