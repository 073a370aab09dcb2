"""Figures as reporters print them (issue 8): every phrase read as printed, with its
reading; each value below is worked out by hand from the rules in docs/claim-format.md."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.reading.figures import ReadContext, read_figure

CTX = ReadContext()
M, B = 10**6, 10**9

# as printed -> (central, rounding low, rounding high, unit shown, a fragment of its notes)
PHRASES = [
    # direction and change: the sign and whether it is a level or a change
    ("up 3%", (3, F(5, 2), F(7, 2), "%", "a rise")),
    ("down 2.1 points", (F(-21, 10), F(-43, 20), F(-41, 20), "pp", "a fall")),
    ("fell by a third", (F(-100, 3), F(-425, 12), F(-95, 3), "%", "a fall")),
    ("a cut of 5%", (-5, F(-11, 2), F(-9, 2), "%", "a fall")),
    ("rose to 4.2 million", (42 * 10**5, 415 * 10**4, 425 * 10**4, "", "level reached")),
    ("an increase of 12,000", (12_000, 11_500, 12_500, "", "a rise")),  # two figures
    ("a 4% increase", (4, F(7, 2), F(9, 2), "%", "a rise")),
    ("an 11.5 percent drop", (F(-23, 2), F(-231, 20), F(-229, 20), "%", "a fall")),
    ("50 per cent higher", (50, F(99, 2), F(101, 2), "%", "a rise")),
    ("232 more people", (232, 232, 232, "people", "a rise")),
    ("fall of 84,000", (-84_000, -84_500, -83_500, "", "a fall")),
    ("plus 248,000", (248_000, 247_500, 248_500, "", "a rise")),
    ("up from 3.5 million", (35 * 10**5, 345 * 10**4, 355 * 10**4, "", "level before")),
    ("fell from 4 t", (4, F(7, 2), F(9, 2), "t", "level before")),
    ("an additional 12,000", (12_000, 11_500, 12_500, "", "a rise")),
    ("a further 5%", (5, F(9, 2), F(11, 2), "%", "a rise")),
    ("lower by 5%", (-5, F(-11, 2), F(-9, 2), "%", "a fall")),
    ("higher by 2 points", (2, F(3, 2), F(5, 2), "pp", "a rise")),
    ("down 2.1 pts", (F(-21, 10), F(-43, 20), F(-41, 20), "pp", "a fall")),
    # an article where the number would be, before a unit: one of it
    ("a decade", (1, F(1, 2), F(3, 2), "decade", "")),
    ("an hour", (1, F(1, 2), F(3, 2), "h", "")),
    ("ten-fold", (10, F(19, 2), F(21, 2), "times", "")),
    # what a figure is, then 'of': the '12-month' there is no duration
    ("a 12-month high of 4.5%", (F(9, 2), F(89, 20), F(91, 20), "%", "")),
    ("a 7-day average of 300 cases", (300, 295, 305, "cases", "")),
    ("a 10-year bond yield of 4.2%", (F(21, 5), F(83, 20), F(17, 4), "%", "")),
    ("an all-time high of 4.2 million", (42 * 10**5, 415 * 10**4, 425 * 10**4, "", "")),
    ("rose to a record 4.2 million", (42 * 10**5, 415 * 10**4, 425 * 10**4, "",
                                      "level reached")),
    # a fraction of a point is a number of points, not a share less a point
    ("a quarter-point", (F(1, 4), F(49, 200), F(51, 200), "pp", "")),
    ("half a percentage point", (F(1, 2), F(9, 20), F(11, 20), "pp", "")),
    ("a quarter of a percentage point", (F(1, 4), F(49, 200), F(51, 200), "pp", "")),
    # everyday nouns pint defines as units of other trades are counts; a quarter is 3 months
    ("1,200 bags", (1200, 1150, 1250, "bags", "")),
    ("2 quarters", (2, F(3, 2), F(5, 2), "quarter", "")),
    # ranges as printed: the unit or scale repeated, 'between ... and', in words
    ("10% to 20%", (15, F(19, 2), F(41, 2), "%", "")),
    ("2 million to 3 million tonnes", (25 * 10**5, 195 * 10**4, 305 * 10**4, "t", "")),
    ("between 2 and 3 million tonnes", (25 * 10**5, 195 * 10**4, 305 * 10**4, "t", "")),
    ("two to three million tonnes", (25 * 10**5, 195 * 10**4, 305 * 10**4, "t", "")),
    # scale words one after another; Indian amounts as printed
    ("Rs 5 lakh crore", (5 * 10**12, 495 * 10**10, 505 * 10**10, "INR", "rupees")),
    ("Rs. 500 crore", (5 * B, 495 * 10**7, 505 * 10**7, "INR", "rupees")),
    ("Rs 500 cr", (5 * B, 495 * 10**7, 505 * 10**7, "INR", "rupees")),
    # direction with a particle; a multiple that names the level reached
    ("edged up 0.1%", (F(1, 10), F(1, 20), F(3, 20), "%", "a rise")),
    ("doubled to 4 million", (4 * M, 395 * 10**4, 405 * 10**4, "", "level reached")),
    # per head and how often
    ("$65,000 per capita", (65_000, 64_500, 65_500, "USD per capita", "")),
    ("$65,000 a head", (65_000, 64_500, 65_500, "USD per head", "")),
    ("twice a week", (2, F(3, 2), F(5, 2), "per week", "")),
    ("three times a day", (3, F(5, 2), F(7, 2), "times/day", "")),  # occurrences, no multiple
    ("one every two weeks", (F(1, 2), F(2, 5), F(2, 3), "per week", "every 2")),
    # 'm': a million after a currency or before a unit, spaced and alone the metre
    ("£3.7 m", (37 * 10**5, 365 * 10**4, 375 * 10**4, "GBP", "")),
    ("3.7 m people", (37 * 10**5, 365 * 10**4, 375 * 10**4, "people", "")),
    ("1,609.344 m", (F(1609344, 1000), F(16093435, 10000), F(16093445, 10000), "m", "")),
    # Indian digit grouping; more currency abbreviations; emissions units
    ("Rs 1,00,000", (100_000, 95_000, 105_000, "INR", "rupees")),
    ("Rs 12,34,56,789", (123_456_789, F(246913577, 2), F(246913579, 2), "INR", "rupees")),
    ("SFr 40", (40, F(79, 2), F(81, 2), "CHF", "")),
    ("KSh 2 billion", (2 * B, F(195, 100) * B, F(205, 100) * B, "KES", "")),
    ("5 MtCO2e", (5, F(9, 2), F(11, 2), "Mt", "")),
    # the oil and gas press
    ("2.3m b/d", (23 * 10**5, 225 * 10**4, 235 * 10**4, "bbl/day", "barrels per day")),
    ("30 bcm/y", (30, F(59, 2), F(61, 2), "bcm/year", "")),
    # what a change is measured against; an amount restated in another currency
    ("rose 3.4% year-on-year", (F(17, 5), F(67, 20), F(69, 20), "%", "a rise")),
    ("up 3.4% y/y", (F(17, 5), F(67, 20), F(69, 20), "%", "a rise")),
    # "a year earlier" says when, not per year
    ("up from 55% a year earlier", (55, F(109, 2), F(111, 2), "%", "level before")),
    ("1.3 trillion yuan ($180 billion)", (13 * 10**11, 125 * 10**10, 135 * 10**10, "CNY",
                                          "restated")),
    # a rate per a round base as claimcheck writes it
    ("6.5 L/(100 km)", (F(13, 2), F(129, 20), F(131, 20), "L/(100 km)", "")),
    ("up by 9.3m tonnes", (93 * 10**5, 925 * 10**4, 935 * 10**4, "t", "a rise")),
    # words between the number and its unit
    ("96 LNG carriers", (96, 96, 96, "LNG carriers", "")),
    ("4,500 average households", (4500, 4450, 4550, "average households", "")),
    ("61,000 eligible voters", (61_000, 60_500, 61_500, "eligible voters", "")),
    ("12 tanker loads", (12, 12, 12, "tanker loads", "")),
    # numbers
    ("six-and-a-half", (F(13, 2), F(129, 20), F(131, 20), "", "")),
    ("three and a half", (F(7, 2), F(69, 20), F(71, 20), "", "")),
    ("two-thirds", (F(200, 3), F(775, 12), F(205, 3), "%", "")),
    ("1/500th", (F(1, 5), F(20, 101), F(20, 99), "%", "")),
    ("1 in 4,000", (F(1, 40), F(2, 81), F(2, 79), "%", "")),
    ("48 000", (48_000, 47_500, 48_500, "", "")),
    ("48\u2009000", (48_000, 47_500, 48_500, "", "")),
    ("1.5bn", (F(3, 2) * B, F(29, 20) * B, F(31, 20) * B, "", "")),
    ("2 bln", (2 * B, F(39, 20) * B, F(41, 20) * B, "", "")),
    ("3 mln", (3 * M, F(59, 20) * M, F(61, 20) * M, "", "")),
    ("4tn", (4 * 10**12, 395 * 10**10, 405 * 10**10, "", "")),
    ("> 612.5", (F(1225, 2), F(1225, 2), F(1225, 2), "", "")),
    ("USD 240", (240, 235, 245, "USD", "")),
    ("US$240", (240, 235, 245, "USD", "")),
    ("USD $240", (240, 235, 245, "USD", "")),
    ("240 US dollars", (240, 235, 245, "USD", "")),
    ("C$5", (5, F(9, 2), F(11, 2), "CAD", "")),
    ("HK$5", (5, F(9, 2), F(11, 2), "HKD", "")),
    ("€3bn", (3 * B, F(59, 20) * B, F(61, 20) * B, "EUR", "")),
    ("£2.1m", (21 * 10**5, 205 * 10**4, 215 * 10**4, "GBP", "")),
    ("GHS9.7 billion", (97 * 10**8, 965 * 10**7, 975 * 10**7, "GHS", "")),
    ("Rs14,000", (14_000, 13_500, 14_500, "INR", "Indian rupees")),
    # rates as stated figures
    ("31 per 100,000 residents", (31, F(61, 2), F(63, 2), "per 100,000 residents", "")),
    ("3 a day", (3, F(5, 2), F(7, 2), "per day", "")),
    ("1.2 million barrels per day", (12 * 10**5, 115 * 10**4, 125 * 10**4, "bbl/day",
                                     "oil barrels")),
    ("2 b/d", (2, F(3, 2), F(5, 2), "bbl/day", "oil barrels per day")),
    ("2 bpd", (2, F(3, 2), F(5, 2), "bbl/day", "oil barrels per day")),
    ("2 kb/d", (2, F(3, 2), F(5, 2), "thousand bbl/day", "")),
    ("1.2 mb/d", (F(6, 5), F(23, 20), F(5, 4), "million bbl/day", "")),
    # units of the trade and energy press
    ("5 short tons", (5, F(9, 2), F(11, 2), "short ton", "")),
    ("5 U.S. tons", (5, F(9, 2), F(11, 2), "short ton", "")),
    ("5 long tons", (5, F(9, 2), F(11, 2), "long ton", "")),
    ("3 mmt", (3, F(5, 2), F(7, 2), "Mt", "")),
    ("134.6Mt", (F(673, 5), F(2691, 20), F(2693, 20), "Mt", "")),
    ("40 kt", (40, F(79, 2), F(81, 2), "kt", "")),
    ("7.5 MTPA", (F(15, 2), F(149, 20), F(151, 20), "Mt/year", "")),
    ("2,117,700 TEU", (2_117_700, 2_117_650, 2_117_750, "TEU", "")),
    ("300,000 dwt", (300_000, 295_000, 305_000, "t", "deadweight")),
    ("3 bcm", (3, F(5, 2), F(7, 2), "bcm", "")),
    ("3 bcf", (3, F(5, 2), F(7, 2), "bcf", "")),
    ("3 tcf", (3, F(5, 2), F(7, 2), "tcf", "")),
    ("3 Bcf/d", (3, F(5, 2), F(7, 2), "bcf/day", "")),
    ("10 cubic feet", (10, F(19, 2), F(21, 2), "ft³", "")),
    ("10 ft³", (10, F(19, 2), F(21, 2), "ft³", "")),
    ("10 m³", (10, F(19, 2), F(21, 2), "m³", "")),
    ("5 MMBtu", (5, F(9, 2), F(11, 2), "MMBtu", "")),
    ("5 gigawatt-hours", (5, F(9, 2), F(11, 2), "GWh", "")),
    ("5 TWh", (5, F(9, 2), F(11, 2), "TWh", "")),
    ("5 Mtoe", (5, F(9, 2), F(11, 2), "Mtoe", "")),
    ("5 boe", (5, F(9, 2), F(11, 2), "boe", "5.8 million Btu")),
    ("5 g", (5, F(9, 2), F(11, 2), "g", "")),
    ("5 troy ounces", (5, F(9, 2), F(11, 2), "ozt", "")),
    ("5 carats", (5, F(9, 2), F(11, 2), "ct", "")),
    ("12 knots", (12, F(23, 2), F(25, 2), "kn", "")),
    ("12 nautical miles", (12, F(23, 2), F(25, 2), "nmi", "")),
    ("12 acres", (12, F(23, 2), F(25, 2), "acre", "")),
    ("12 hectares", (12, F(23, 2), F(25, 2), "ha", "")),
    ("5 PJ", (5, F(9, 2), F(11, 2), "PJ", "")),
    ("5 kcal", (5, F(9, 2), F(11, 2), "kcal", "")),
    ("5 hp", (5, F(9, 2), F(11, 2), "hp", "")),
    ("5 mpg", (5, F(9, 2), F(11, 2), "mi/gal", "")),
    ("5 min", (5, F(9, 2), F(11, 2), "min", "")),
    ("2 decades", (2, F(3, 2), F(5, 2), "decade", "")),
    ("5 kg/m^3", (5, F(9, 2), F(11, 2), "kg/m³", "")),
    ("8 million tonnes (MT)", (8 * M, F(159, 20) * M, F(161, 20) * M, "t", "abbreviation")),
]


@pytest.mark.parametrize(("text", "want"), PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase_is_read_as_printed(text: str, want: tuple[object, ...]) -> None:
    central, low, high, unit, note = want
    r = read_figure(text, CTX)
    q = r.quantity
    assert (q.central, q.rounding.lo, q.rounding.hi) == (central, low, high)
    assert r.unit_text == unit
    if note:
        assert any(note in n for n in r.notes), r.notes


def test_every_phrase_is_shown_with_its_reading_in_explain() -> None:
    from claimcheck.checking.engine import analyse_text
    from claimcheck.checking.explain import explain_env

    body = "\n".join(f"  f{i}: {{stated: \"{p}\", quote: q}}" for i, (p, _) in
                     enumerate(PHRASES[:12]))
    text = ("source: {publisher: W, title: T, url: https://x.org, published: 2024}\n"
            f"figures:\n{body}\nchecks:\n"
            + "".join(f"  - {{id: c{i}, claim: x, assert: f{i} == f{i}}}\n"
                      for i in range(12)))
    result, env = analyse_text("p.yaml", text)
    assert env is not None
    for e in explain_env(env, result.checks):
        assert e.computed is not None and e.computed.stated is not None
        assert e.computed.precision  # how the rounding was decided, in words
        assert any("a rise" in n or "a fall" in n or "level" in n for n in e.computed.notes) \
            or e.check.id not in {f"c{i}" for i in range(12) if i not in (0, 1)}


@pytest.mark.parametrize(("text", "hint"), [
    ("3.7 tonns", "did you mean 'tonne'?"),
    ("3 milion tonnes", "did you mean 'million'?"),
    ("1.2 mb", "did you mean 'mb/d'?"),
    ("300 barns", "counts:"),
    ("3 MT", "conventions: {mt"),
    ("5 pesos", "MXN"),
    ("5 gigawat", "did you mean 'gigawatt'?"),
    ("2 blns", "did you mean 'bln'?"),
])
def test_suggestions_point_where_a_newsroom_would(text: str, hint: str) -> None:
    with pytest.raises(ClaimcheckError) as err:
        read_figure(text, CTX)
    assert hint in (err.value.diagnostic.hint or ""), err.value.diagnostic


@pytest.mark.parametrize(("text", "described"), [
    ("more than 5%", "above the stated number itself; no upper limit"),
    # a fall's words bound its size: 'fell more than 5%' is below -5%
    ("fell more than 5%", "below the stated number itself; no lower limit (a fall: on the "
                          "signed value)"),
    ("fell nearly 5%", "up to 10% towards zero beyond rounding (a fall: on the signed value)"),
])
def test_a_hedge_is_described_in_the_direction_of_the_figure(text: str, described: str) -> None:
    r = read_figure(text, CTX)
    assert r.hedge is not None and r.hedge.rule.describe(r.fall) == described
