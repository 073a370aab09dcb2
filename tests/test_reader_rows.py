"""Figure-reader rows for the paths mutation testing found unchecked: rates spread over
an interval ("one every 40 seconds"), periods, vague multiples, and the errors a reader
gets for two currencies or a hedge before a number, each with its span."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.quantities.intervals import INF, Region
from claimcheck.reading.cursor import ReadContext
from claimcheck.reading.figures import check_precision, read_figure
from claimcheck.reading.lexer import TextError

EVERY_40 = "every 40: ±0.5 (its last significant digit); the count of events is exact"


def read(text: str):  # type: ignore[no-untyped-def]
    return read_figure(text, ReadContext())


@pytest.mark.parametrize("text", ["one every 40 seconds", "1 every 40 seconds"])
def test_a_count_every_interval_takes_the_intervals_rounding(text: str) -> None:
    r = read(text)
    q = r.quantity
    assert (q.central, q.rounding.lo, q.rounding.hi) == (F(1, 40), F(2, 81), F(2, 79))
    assert r.notes == (EVERY_40,)


def test_a_bound_on_a_rate_every_interval_keeps_its_region() -> None:
    r = read("more than one every 40 seconds")
    assert r.region == (Region(F(1, 40), INF, lo_open=True),) * 2
    assert r.quantity.hedged.hi == INF


def test_a_round_interval_is_read_to_two_figures() -> None:
    r = read("3 every 400 seconds")
    assert (r.quantity.rounding.lo, r.quantity.rounding.hi) == (F(1, 135), F(3, 395))
    assert r.notes == ("every 400: ±5 (its last significant digit); the count of events is "
                       "exact",)


def test_a_period_says_how_it_was_read() -> None:
    r = read("January to August 2019")
    assert r.quantity.central == 243
    assert r.precision == "exact (a calendar period)"
    assert r.notes == ("read as 1 January 2019 to 31 August 2019, 243 days (whole months)",)


def test_several_times_a_figure_is_a_region_of_multiples() -> None:
    r = read("several times 500,000 barrels")
    assert r.quantity.central == 1_500_000
    assert r.region == (Region(F(1_485_000), F(4_545_000)),) * 2
    assert r.precision == ("±5,000 (a round number: read to two significant figures); "
                           "'several times': 3 to 9 times")


@pytest.mark.parametrize(("text", "message", "start", "end"), [
    ("several 500,000 barrels", "'several' before a number", 8, 15),
    ("$5 EUR", "two currencies in one figure", 3, 6),
])
def test_reading_errors_point_at_the_words(text: str, message: str, start: int,
                                           end: int) -> None:
    with pytest.raises(ClaimcheckError) as caught:
        read(text)
    err = caught.value
    assert isinstance(err, TextError)
    assert (err.diagnostic.code, err.diagnostic.message, err.start, err.end) == (
        "figure-syntax", message, start, end)


def test_a_lone_month_is_not_a_figure() -> None:
    with pytest.raises(ClaimcheckError, match="not a period claimcheck can read"):
        read("March")


@pytest.mark.parametrize(("precision", "problem"), [
    ("exact", None), ("  EXACT ", None), ("± 500", None), ("0.5 t", None),
    ("bogus", "write 'exact', 'two-figures', 'one-figure', 'digits' or a margin such as "
              "'± 500' or '± 5%'"),
])
def test_a_precision_value_is_checked(precision: str, problem: str | None) -> None:
    assert check_precision(precision) == problem


@pytest.mark.parametrize(("text", "precision", "low", "high"), [
    # the precision sentence names the scale word the rounding is in, or none
    ("3.7 million t", "±0.05 million (last significant digit)", 3_650_000, 3_750_000),
    ("370 million t", "±5 million (last significant digit)", 365_000_000, 375_000_000),
    ("3 to 4 million t", "a stated range, each end as written (±0.05 million)",
     2_950_000, 4_050_000),
    ("7.2 to 7.6", "a stated range, each end as written (±0.05)", F(143, 20), F(153, 20)),
    ("300 t", "±5 (a round number: read to two significant figures)", 295, 305),
])
def test_the_precision_sentence_names_its_scale(text: str, precision: str, low: object,
                                                high: object) -> None:
    r = read(text)
    assert r.precision == precision
    assert (r.quantity.rounding.lo, r.quantity.rounding.hi) == (low, high)


def test_the_coarser_reading_exists_only_for_two_figure_rounding() -> None:
    assert read("300 t").coarse is not None
    assert read_figure("300 t", ReadContext(), "digits").coarse is None


@pytest.mark.parametrize("text", [
    "0.001e101 t",                        # an exponent beyond 100, whatever the value
    "0." + "0" * 50 + "1" * 70 + " t",    # more than 120 digits, whatever the value
])
def test_numbers_beyond_the_bounds_are_refused(text: str) -> None:
    with pytest.raises(TextError) as caught:
        read(text)
    assert caught.value.diagnostic.code == "out-of-range"


def test_a_range_is_read_in_the_files_precision_mode() -> None:
    r = read_figure("300 to 400 t", ReadContext(), "digits")
    assert r.precision == "a stated range, each end as written (±0.5)"
    assert (r.quantity.rounding.lo, r.quantity.rounding.hi) == (F(599, 2), F(801, 2))
