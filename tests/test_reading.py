"""Reading stated figures: value, rounding interval, hedged interval, unit, notes, errors."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.quantities import unit_math, units
from claimcheck.quantities.intervals import INF
from claimcheck.reading.figures import ReadContext, read_figure
from claimcheck.reading.lexer import TextError

CTX = ReadContext()
M = 10**6
B = 10**9

# as written -> (central, low, high, hedged_low, hedged_high, unit_text)
TABLE = [
    # plain digits, separators, decimals, trailing zeros
    ("7", (7, F(13, 2), F(15, 2), F(13, 2), F(15, 2), "")),
    ("370", (370, 365, 375, 365, 375, "")),
    ("375", (375, F(749, 2), F(751, 2), F(749, 2), F(751, 2), "")),
    ("10,000", (10_000, 9_500, 10_500, 9_500, 10_500, "")),
    ("10,500", (10_500, 10_450, 10_550, 10_450, 10_550, "")),
    ("1,234,567", (1_234_567, F(2469133, 2), F(2469135, 2), F(2469133, 2), F(2469135, 2), "")),
    ("1_000", (1000, 950, 1050, 950, 1050, "")),
    ("3.7", (F(37, 10), F(365, 100), F(375, 100), F(365, 100), F(375, 100), "")),
    ("3.70", (F(37, 10), F(3695, 1000), F(3705, 1000), F(3695, 1000), F(3705, 1000), "")),
    ("0.5", (F(1, 2), F(45, 100), F(55, 100), F(45, 100), F(55, 100), "")),
    ("1,000.5", (F(2001, 2), F(20009, 20), F(20011, 20), F(20009, 20), F(20011, 20), "")),
    ("1e3", (1000, 950, 1050, 950, 1050, "")),
    ("2019", (2019, F(4037, 2), F(4039, 2), F(4037, 2), F(4039, 2), "")),
    # scale words
    ("3.7 million", (37 * 10**5, 365 * 10**4, 375 * 10**4, 365 * 10**4, 375 * 10**4, "")),
    ("3.70 million", (37 * 10**5, 3_695_000, 3_705_000, 3_695_000, 3_705_000, "")),
    ("5 thousand", (5000, 4950, 5050, 4950, 5050, "")),
    ("5k", (5000, 4950, 5050, 4950, 5050, "")),
    ("2.5 billion", (25 * 10**8, 245 * 10**7, 255 * 10**7, 245 * 10**7, 255 * 10**7, "")),
    ("3 trillion", (3 * 10**12, 295 * 10**10, 305 * 10**10, 295 * 10**10, 305 * 10**10, "")),
    ("22 mn", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "")),
    ("10 mln", (10 * M, F(19, 2) * M, F(21, 2) * M, F(19, 2) * M, F(21, 2) * M, "")),
    ("22 million", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "")),
    # currencies
    ("$22m", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "USD")),
    ("$3.7m", (37 * 10**5, 365 * 10**4, 375 * 10**4, 365 * 10**4, 375 * 10**4, "USD")),
    ("$5B", (5 * B, F(99, 20) * B, F(101, 20) * B, F(99, 20) * B, F(101, 20) * B, "USD")),
    ("US$22 million", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "USD")),
    ("US$ 5", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "USD")),
    ("USD 22 million", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "USD")),
    ("22 million USD", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M, "USD")),
    ("22 million dollars", (22 * M, F(43, 2) * M, F(45, 2) * M, F(43, 2) * M, F(45, 2) * M,
                            "USD")),
    ("€5bn", (5 * B, F(99, 20) * B, F(101, 20) * B, F(99, 20) * B, F(101, 20) * B, "EUR")),
    ("€ 2.5 billion", (25 * 10**8, 245 * 10**7, 255 * 10**7, 245 * 10**7, 255 * 10**7, "EUR")),
    ("£3.5 bn", (35 * 10**8, 345 * 10**7, 355 * 10**7, 345 * 10**7, 355 * 10**7, "GBP")),
    ("CNY 100", (100, 95, 105, 95, 105, "CNY")),
    ("HK$5", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "HKD")),
    ("100 yuan", (100, 95, 105, 95, 105, "CNY")),
    # percent
    ("70%", (70, F(139, 2), F(141, 2), F(139, 2), F(141, 2), "%")),
    ("70 percent", (70, F(139, 2), F(141, 2), F(139, 2), F(141, 2), "%")),
    ("70 per cent", (70, F(139, 2), F(141, 2), F(139, 2), F(141, 2), "%")),
    ("5.5%", (F(11, 2), F(545, 100), F(555, 100), F(545, 100), F(555, 100), "%")),
    # units, plural and singular, compound adjectives
    ("1 ton", (1, F(1, 2), F(3, 2), F(1, 2), F(3, 2), "t")),
    ("3 tons", (3, F(5, 2), F(7, 2), F(5, 2), F(7, 2), "t")),
    ("3 tonnes", (3, F(5, 2), F(7, 2), F(5, 2), F(7, 2), "t")),
    ("3 t", (3, F(5, 2), F(7, 2), F(5, 2), F(7, 2), "t")),
    ("5 metric tons", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "t")),
    ("5 long tons", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "long ton")),
    ("2 barrels", (2, F(3, 2), F(5, 2), F(3, 2), F(5, 2), "bbl")),
    ("1 barrel", (1, F(1, 2), F(3, 2), F(1, 2), F(3, 2), "bbl")),
    ("5 bbl", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "bbl")),
    ("100 km", (100, 95, 105, 95, 105, "km")),
    ("100 kilometres", (100, 95, 105, 95, 105, "km")),
    ("100 km/h", (100, 95, 105, 95, 105, "km/h")),
    ("10,000-ton", (10_000, 9_500, 10_500, 9_500, 10_500, "t")),
    ("10,000-tonne", (10_000, 9_500, 10_500, 9_500, 10_500, "t")),
    ("500,000-barrel", (500_000, 495_000, 505_000, 495_000, 505_000, "bbl")),
    ("3.7 million t", (37 * 10**5, 365 * 10**4, 375 * 10**4, 365 * 10**4, 375 * 10**4, "t")),
    # rates
    ("5 t per year", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "t/year")),
    ("5 t a year", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "t/year")),
    ("5 t annual", (5, F(9, 2), F(11, 2), F(9, 2), F(11, 2), "t/year")),
    ("3.7 million tons annually", (37 * 10**5, 365 * 10**4, 375 * 10**4, 365 * 10**4,
                                   375 * 10**4, "t/year")),
    ("2 barrels per day", (2, F(3, 2), F(5, 2), F(3, 2), F(5, 2), "bbl/day")),
    ("2 barrels a day", (2, F(3, 2), F(5, 2), F(3, 2), F(5, 2), "bbl/day")),
    ("2 barrels daily", (2, F(3, 2), F(5, 2), F(3, 2), F(5, 2), "bbl/day")),
    ("370 voyages a year", (370, 365, 375, 365, 375, "voyages/year")),
    # stated ranges and tolerances
    # a range's ends are numbers as written: 2.7 is 2.65 to 2.75
    ("2.7 to 2.9 million tonnes", (28 * 10**5, 265 * 10**4, 295 * 10**4, 265 * 10**4,
                                   295 * 10**4, "t")),
    ("2.7-2.9 million tonnes", (28 * 10**5, 265 * 10**4, 295 * 10**4, 265 * 10**4,
                                295 * 10**4, "t")),
    ("7.2 to 7.6", (F(37, 5), F(143, 20), F(153, 20), F(143, 20), F(153, 20), "")),
    ("$2 to $3 million", (F(5, 2) * M, F(39, 20) * M, F(61, 20) * M, F(39, 20) * M,
                          F(61, 20) * M, "USD")),
    ("3.7 ± 0.1 million tonnes", (37 * 10**5, 36 * 10**5, 38 * 10**5, 36 * 10**5, 38 * 10**5,
                                  "t")),
    ("3.7 +/- 0.1 million tonnes", (37 * 10**5, 36 * 10**5, 38 * 10**5, 36 * 10**5,
                                    38 * 10**5, "t")),
    # hedges
    ("about 3.7 million tons", (37 * 10**5, 365 * 10**4, 375 * 10**4, 3_285_000, 4_125_000, "t")),
    # "about": ±10% beyond rounding (69.5 - 6.95 = 62.55, 70.5 + 7.05 = 77.55)
    ("about 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(1551, 20), "")),
    ("around 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(1551, 20), "")),
    ("roughly 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(1551, 20), "")),
    # a count stays whole: 500 is 495 to 505 trucks, hedged 445.5 to 555.5
    ("some 500 trucks", (500, 495, 505, F(891, 2), F(1111, 2), "trucks")),
    ("an estimated 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(1551, 20), "")),
    ("About 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(1551, 20), "")),
    ("about $370 million", (370 * M, 365 * M, 375 * M, F(3285, 10) * M, F(4125, 10) * M, "USD")),
    # "nearly": widened towards zero only
    ("nearly 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(141, 2), "")),
    ("almost 70", (70, F(139, 2), F(141, 2), F(1251, 20), F(141, 2), "")),
    ("nearly -5%", (-5, F(-11, 2), F(-9, 2), F(-11, 2), F(-81, 20), "%")),
    # bounds sit at the stated number itself; "just" and "well" by 10% of it
    ("just under 70", (70, 70, 70, 63, 70, "")),
    ("just over 70", (70, 70, 70, 70, 77, "")),
    ("well over 70", (70, 70, 70, 70, INF, "")),
    ("a full 70", (70, 70, F(141, 2), 70, F(141, 2), "")),
    ("at least 70", (70, 70, 70, 70, INF, "")),
    ("more than 70", (70, 70, 70, 70, INF, "")),
    ("over 70", (70, 70, 70, 70, INF, "")),
    ("up to 70", (70, 70, 70, 0, 70, "")),
    ("less than 70", (70, 70, 70, 0, 70, "")),
    ("as many as 70", (70, 70, 70, 0, 70, "")),
    ("exactly 70", (70, 70, 70, 70, 70, "")),
    ("precisely 3.7 million tons", (37 * 10**5,) * 5 + ("t",)),
    ("about 2.7 to 2.9 million t", (28 * 10**5, 265 * 10**4, 295 * 10**4, 2_385_000, 3_245_000,
                                    "t")),
    ("several times", (3, 3, 3, 3, 9, "times")),
    ("several", (3, 3, 3, 3, 9, "")),
    # count nouns
    ("370 voyages", (370, 365, 375, 365, 375, "voyages")),
    ("about 370 voyages", (370, 365, 375, F(657, 2), F(825, 2), "voyages")),
    ("1 ship", (1, 1, 1, 1, 1, "ship")),
    ("12 vessels", (12, 12, 12, 12, 12, "vessels")),
    # a leading article
    ("a 100 km", (100, 95, 105, 95, 105, "km")),
    # number words read like their digits; multiples like a round multiple
    ("three hours", (3, F(5, 2), F(7, 2), F(5, 2), F(7, 2), "h")),
    ("three ships", (3, 3, 3, 3, 3, "ships")),
    ("twenty tonnes", (20, F(39, 2), F(41, 2), F(39, 2), F(41, 2), "t")),
    ("a hundred km", (100, 95, 105, 95, 105, "km")),
    ("three million people", (3 * M, F(59, 20) * M, F(61, 20) * M, F(59, 20) * M,
                              F(61, 20) * M, "people")),
    ("doubled", (2, F(39, 20), F(41, 20), F(39, 20), F(41, 20), "times")),
    ("twice", (2, F(39, 20), F(41, 20), F(39, 20), F(41, 20), "times")),
    ("2 times", (2, F(39, 20), F(41, 20), F(39, 20), F(41, 20), "times")),
    ("two times", (2, F(39, 20), F(41, 20), F(39, 20), F(41, 20), "times")),
    ("tripled", (3, F(59, 20), F(61, 20), F(59, 20), F(61, 20), "times")),
    ("tenfold", (10, F(19, 2), F(21, 2), F(19, 2), F(21, 2), "times")),
    ("halved", (F(1, 2), F(20, 41), F(20, 39), F(20, 41), F(20, 39), "times")),
    ("nearly doubled", (2, F(39, 20), F(41, 20), F(351, 200), F(41, 20), "times")),
    ("more than tripled", (3, 3, 3, 3, INF, "times")),
    # fractions: halfway to the neighbouring simple fractions (denominators up to 10)
    ("a quarter", (25, F(425, 18), F(375, 14), F(425, 18), F(375, 14), "%")),
    ("one in four", (25, F(425, 18), F(375, 14), F(425, 18), F(375, 14), "%")),
    ("1 in 4", (25, F(425, 18), F(375, 14), F(425, 18), F(375, 14), "%")),
    ("a third", (F(100, 3), F(95, 3), F(425, 12), F(95, 3), F(425, 12), "%")),
    ("half", (50, F(425, 9), F(475, 9), F(425, 9), F(475, 9), "%")),
    ("two-thirds", (F(200, 3), F(775, 12), F(205, 3), F(775, 12), F(205, 3), "%")),
    # "1 in N" with a larger N reads N as written: 50 is 49.5 to 50.5
    ("1 in 50", (2, F(200, 101), F(200, 99), F(200, 101), F(200, 99), "%")),
    ("about 1 in 50", (2, F(200, 101), F(200, 99), F(180, 101), F(220, 99), "%")),
    ("1 in 4,000", (F(1, 40), F(2, 81), F(2, 79), F(2, 81), F(2, 79), "%")),
    # ... N in words or with a scale word, read as the number it writes
    ("1 in a million", (F(1, 10000), F(1, 10500), F(1, 9500), F(1, 10500), F(1, 9500), "%")),
    ("one in a hundred", (1, F(20, 21), F(20, 19), F(20, 21), F(20, 19), "%")),
    ("1 in 10 million", (F(1, 100000), F(1, 105000), F(1, 95000), F(1, 105000),
                         F(1, 95000), "%")),
    ("1 in 2.5 million", (F(1, 25000), F(1, 25500), F(1, 24500), F(1, 25500), F(1, 24500),
                          "%")),
    # a count over a round base of 100 or more: the count was rounded, not the base
    ("99 in 100", (99, F(197, 2), F(199, 2), F(197, 2), F(199, 2), "%")),
    ("15 in 1,000", (F(3, 2), F(29, 20), F(31, 20), F(29, 20), F(31, 20), "%")),
    # a hedged share stops at all of them
    ("about nine out of ten", (90, F(805, 9), 95, F(161, 2), 100, "%")),
    ("about 99 in 100", (99, F(197, 2), F(199, 2), F(1773, 20), 100, "%")),
    # a vague count
    ("dozens of ships", (24, 24, 24, 24, 99, "ships")),
    # ... of a scale: the scale applies to both ends (a few hundred tonnes is not 2 t)
    ("a few hundred t", (200, 200, 200, 200, 500, "t")),
    ("a few thousand", (2000, 2000, 2000, 2000, 5000, "")),
    ("hundreds of thousands of people", (200_000, 200_000, 200_000, 200_000, 999_000,
                                         "people")),
    ("hundreds of millions of dollars", (200_000_000, 200_000_000, 200_000_000,
                                         200_000_000, 999_000_000, "USD")),
    ("several hundred ships", (300, 300, 300, 300, 900, "ships")),
    ("several thousand t", (3000, 3000, 3000, 3000, 9000, "t")),
    ("several million barrels", (3_000_000, 3_000_000, 3_000_000, 3_000_000, 9_000_000,
                                 "bbl")),
    # rates with a round base
    ("31 per 100,000 residents", (31, F(61, 2), F(63, 2), F(61, 2), F(63, 2),
                                  "per 100,000 residents")),
    # any script's digits follow the same rules
    ("\u0667\u0660 km", (70, F(139, 2), F(141, 2), F(139, 2), F(141, 2), "km")),
]


@pytest.mark.parametrize(("text", "want"), TABLE, ids=[t for t, _ in TABLE])
def test_read_table(text, want):
    r = read_figure(text, CTX)
    qty = r.quantity
    got = (qty.central, qty.rounding.lo, qty.rounding.hi, qty.hedged.lo, qty.hedged.hi,
           r.unit_text)
    assert got == want
    assert isinstance(qty.central, F)
    assert r.text == text


def test_table_is_big_and_distinct():
    texts = [t for t, _ in TABLE]
    assert len(texts) == len(set(texts))
    assert len(texts) > 80


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("370", "±5 (last significant digit)"),
        ("10,000", "±500 (a round number: read to two significant figures)"),
        ("1 million", "±0.05 million (a round number: read to two significant figures)"),
        ("3.70", "±0.005 (last significant digit)"),
        ("3.7 million t", "±0.05 million (last significant digit)"),
        ("2.7 to 2.9 million tonnes", "a stated range, each end as written (±0.05 million)"),
        ("3.7 ± 0.1 million tonnes", "±0.1 million (stated)"),
        ("exactly 70", "exact ('exactly')"),
    ],
)
def test_precision_wording(text, precision):
    assert read_figure(text, CTX).precision == precision


def test_yaml_precision_trap_trailing_decimal_zero_matters():
    a = read_figure("3.70 million t", CTX).quantity
    b = read_figure("3.7 million t", CTX).quantity
    assert a.central == b.central
    assert a.rounding != b.rounding
    assert a.rounding.width * 10 == b.rounding.width
    assert b.rounding.lo < a.rounding.lo < a.rounding.hi < b.rounding.hi


def test_plain_flag():
    assert read_figure("370", CTX).plain
    assert read_figure("3.70", CTX).plain
    for text in ("370 t", "3.7 million", "$5", "about 5", "5%"):
        assert not read_figure(text, CTX).plain, text


def test_compound_adjective_descriptor():
    r = read_figure("10,000-ton cargo ship", CTX)
    assert r.unit_text == "t"
    assert r.what == "cargo ship"
    assert r.quantity.central == 10_000
    r = read_figure("500,000-barrel oil tanker", CTX)
    assert r.unit_text == "bbl"
    assert r.what == "oil tanker"


def test_of_descriptor():
    r = read_figure("3.7 million t of coal", CTX)
    assert r.what == "coal"
    assert r.unit_text == "t"


def test_rate_after_of_descriptor():
    r = read_figure("3.7 million tons of coal a year", CTX)
    assert r.unit_text == "t/year"


def test_hedge_recorded():
    r = read_figure("about 3.7 million tons", CTX)
    assert r.hedge is not None
    assert r.hedge.words == "about"
    assert read_figure("3.7 million tons", CTX).hedge is None
    assert read_figure("at least 70", CTX).hedge.rule.is_bound
    assert read_figure("up to 70", CTX).hedge.rule.is_bound
    assert not read_figure("about 70", CTX).hedge.rule.is_bound


# --- conventions and notes -------------------------------------------------------------


def test_tons_default_to_metric_with_note():
    r = read_figure("3.7 million tons", CTX)
    assert unit_math.format_unit(r.quantity.unit) == "t"
    assert any("'tons' read as metric tonnes" in n for n in r.notes)


def test_tonnes_and_t_carry_no_note():
    assert read_figure("3.7 million tonnes", CTX).notes == ()
    assert read_figure("3.7 million t", CTX).notes == ()


def test_barrels_default_to_oil_barrel_with_note():
    r = read_figure("500,000 barrels", CTX)
    assert r.quantity.unit == units.pint_unit("oil_barrel")
    assert any("'barrels' read as 42-US-gallon oil barrels" in n for n in r.notes)


def test_dollar_sign_note():
    r = read_figure("$22m", CTX)
    assert r.quantity.unit == units.pint_unit("USD")
    assert "'$' read as USD" in r.notes
    assert read_figure("US$22m", CTX).notes == ()


def test_dollar_convention():
    r = read_figure("$22m", ReadContext(conventions={"dollar": "CAD"}))
    assert r.quantity.unit == units.pint_unit("CAD")


def test_short_ton_convention_reads_short_tons():
    ctx = ReadContext(conventions={"ton": "short_ton"})
    r = read_figure("3.7 million tons", ctx)
    assert r.quantity.unit == units.pint_unit("short_ton")
    assert unit_math.factor(r.quantity.unit, units.pint_unit("metric_ton")) == F("0.90718474")
    assert any("short tons" in n and "convention" in n for n in r.notes)
    # explicit tonnes are unaffected by the convention
    assert read_figure("3 t", ctx).quantity.unit == units.pint_unit("metric_ton")


def test_short_ton_convention_displays_short_ton():
    ctx = ReadContext(conventions={"ton": "short_ton"})
    r = read_figure("3.7 million tons", ctx)
    assert unit_math.format_unit(r.quantity.unit) == "short ton"
    assert r.unit_text == "short ton"


def test_explicit_short_tons_display():
    assert read_figure("5 short tons", CTX).unit_text == "short ton"


def test_count_nouns_from_context():
    ctx = ReadContext(counts=frozenset({"widget"}))
    r = read_figure("370 widgets", ctx)
    assert r.unit_text == "widgets"
    assert unit_math.is_dimensionless(r.quantity.unit)
    assert r.quantity.label == "widgets"
    with pytest.raises(TextError) as err:
        read_figure("370 widgets", CTX)
    assert err.value.diagnostic.code == "unknown-unit"


def test_period_reads_as_days():
    r = read_figure("January to August 2019", CTX)
    assert r.quantity.central == 243
    assert r.quantity.rounding.width == 0
    assert r.unit_text == "days"
    assert r.period is not None


# --- precision overrides -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "want"),
    [
        ("10,000 t", "exact", (10_000, 10_000, 10_000, 10_000)),
        ("10,000 t", "digits", (F(19999, 2), F(20001, 2), F(19999, 2), F(20001, 2))),
        ("10,000 t", "± 500", (9_500, 10_500, 9_500, 10_500)),
        ("10,000 t", "500", (9_500, 10_500, 9_500, 10_500)),
        ("10,000 t", "±5 kg", (F(1999999, 200), F(2000001, 200), F(1999999, 200),
                               F(2000001, 200))),
        ("3.7 million t", "digits", (3_650_000, 3_750_000, 3_650_000, 3_750_000)),
        ("3.70 million t", "digits", (3_695_000, 3_705_000, 3_695_000, 3_705_000)),
        ("about 3.7 million t", "exact", (3_700_000, 3_700_000, 3_330_000, 4_070_000)),
        ("about 3.7 million t", "± 500", (3_699_500, 3_700_500, 3_329_550, 4_070_550)),
        ("370", "exact", (370, 370, 370, 370)),
        ("370", "digits", (F(739, 2), F(741, 2), F(739, 2), F(741, 2))),
    ],
)
def test_precision_override(text, precision, want):
    qty = read_figure(text, CTX, precision=precision).quantity
    assert (qty.rounding.lo, qty.rounding.hi, qty.hedged.lo, qty.hedged.hi) == want


def test_precision_override_wording():
    assert read_figure("10,000 t", CTX, precision="exact").precision.startswith("exact")
    assert "every digit significant" in read_figure("10,000 t", CTX, "digits").precision
    assert "stated" in read_figure("10,000 t", CTX, "± 500").precision


def test_precision_override_wrong_dimension():
    with pytest.raises(ClaimcheckError) as err:
        read_figure("10,000 t", CTX, precision="± 1 km")
    assert err.value.diagnostic.code == "dimension-mismatch"


# --- errors -----------------------------------------------------------------------------

ERRORS = [
    # text, code, start, end
    ("3.7 tonns", "unknown-unit", 4, 9),
    ("3.7 million tonns", "unknown-unit", 12, 17),
    ("3,7 million", "figure-syntax", 1, 2),
    ("5 pounds", "ambiguous-unit", 2, 8),
    ("5 won", "ambiguous-unit", 2, 5),
    ("10m", "ambiguous-unit", 2, 3),
    ("3.7m", "ambiguous-unit", 3, 4),
    ("", "figure-syntax", 0, 1),
    ("   ", "figure-syntax", 0, 1),
    ("$", "figure-syntax", 1, 2),
    ("about", "figure-syntax", 5, 6),
    ("about about 5", "figure-syntax", 6, 11),
    ("3 to 2 t", "figure-syntax", 0, 1),
    ("10 km foo", "unknown-unit", 6, 9),
    ("(5)", "figure-syntax", 0, 1),
    ("3.7 million t.", "unexpected-character", 13, 14),
    ("5 t per", "unknown-unit", 4, 7),
    ("x" * 501, "too-long", 500, 501),
]


@pytest.mark.parametrize(("text", "code", "start", "end"), ERRORS,
                         ids=[e[0][:20] or "empty" for e in ERRORS])
def test_read_errors(text, code, start, end):
    with pytest.raises(TextError) as err:
        read_figure(text, CTX)
    assert isinstance(err.value, ClaimcheckError)
    assert err.value.diagnostic.code == code
    assert (err.value.start, err.value.end) == (start, end)


def test_unknown_unit_did_you_mean():
    with pytest.raises(TextError) as err:
        read_figure("3.7 tonns", CTX)
    hint = err.value.diagnostic.hint
    assert hint is not None
    assert "did you mean 'tonne'" in hint
    assert "counts:" in hint


def test_unknown_unit_without_close_match_still_explains_counts():
    with pytest.raises(TextError) as err:
        read_figure("10 km zzqx", CTX)
    hint = err.value.diagnostic.hint
    assert "did you mean" not in hint
    assert "'zzqx'" in hint


def test_decimal_comma_hint():
    with pytest.raises(TextError) as err:
        read_figure("3,7 million", CTX)
    assert "3.7, not 3,7" in err.value.diagnostic.hint


def test_pounds_hint():
    with pytest.raises(TextError) as err:
        read_figure("5 pounds", CTX)
    assert "lb" in err.value.diagnostic.hint
    assert "GBP" in err.value.diagnostic.hint


def test_m_without_currency_hint():
    with pytest.raises(TextError) as err:
        read_figure("10m", CTX)
    assert "million" in err.value.diagnostic.hint
    # ... while after a currency it is a scale
    assert read_figure("$10m", CTX).quantity.central == 10 * M


def test_spaced_capital_b_is_not_bytes():
    try:
        r = read_figure("$5 B", CTX)
    except ClaimcheckError:
        return
    assert r.unit_text == "USD"


@pytest.mark.parametrize("text", ["11 in 10", "6 out of 5", "three in two", "2 in 1",
                                  "about 11 in 10", "about 2 in 1"])
def test_a_ratio_above_one_is_no_share_and_is_not_capped(text: str) -> None:
    q = read_figure(text, CTX).quantity
    assert q.central > 100 and q.rounding.lo <= q.central <= q.rounding.hi
    assert q.hedged.lo <= q.rounding.lo and q.rounding.hi <= q.hedged.hi
