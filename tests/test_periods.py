"""Calendar periods: whole months and years, read as inclusive day counts."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.reading.periods import read_period

PERIODS = [
    ("January to August 2019", date(2019, 1, 1), date(2019, 8, 31), 243),
    ("From January to August of 2019", date(2019, 1, 1), date(2019, 8, 31), 243),
    ("from january to august, 2019", date(2019, 1, 1), date(2019, 8, 31), 243),
    ("Jan–Mar 2020", date(2020, 1, 1), date(2020, 3, 31), 91),
    ("Jan-Mar 2019", date(2019, 1, 1), date(2019, 3, 31), 90),
    ("January through December 2019", date(2019, 1, 1), date(2019, 12, 31), 365),
    ("December 2018 to February 2019", date(2018, 12, 1), date(2019, 2, 28), 90),
    ("March 2020", date(2020, 3, 1), date(2020, 3, 31), 31),
    ("in March 2020", date(2020, 3, 1), date(2020, 3, 31), 31),
    ("March of 2020", date(2020, 3, 1), date(2020, 3, 31), 31),
    ("April 2020", date(2020, 4, 1), date(2020, 4, 30), 30),
    ("Feb 2020", date(2020, 2, 1), date(2020, 2, 29), 29),
    ("Feb. 2020", date(2020, 2, 1), date(2020, 2, 29), 29),
    ("February 2019", date(2019, 2, 1), date(2019, 2, 28), 28),
    ("February 2000", date(2000, 2, 1), date(2000, 2, 29), 29),
    ("February 1900", date(1900, 2, 1), date(1900, 2, 28), 28),
    ("Sep 2019", date(2019, 9, 1), date(2019, 9, 30), 30),
    ("2018 to 2019", date(2018, 1, 1), date(2019, 12, 31), 730),
    ("2018-2019", date(2018, 1, 1), date(2019, 12, 31), 730),
    ("from 2019 to 2020", date(2019, 1, 1), date(2020, 12, 31), 731),
    ("2019 to 2019", date(2019, 1, 1), date(2019, 12, 31), 365),
]


@pytest.mark.parametrize(("text", "start", "end", "days"), PERIODS,
                         ids=[p[0] for p in PERIODS])
def test_periods(text, start, end, days):
    p = read_period(text)
    assert p is not None
    assert (p.start, p.end, p.days) == (start, end, days)


def test_note_spells_out_the_reading():
    p = read_period("January to August 2019")
    assert p is not None
    assert p.note == ("read as 1 January 2019 to 31 August 2019, 243 days (whole months)")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2019",
        "3.7 million tons",
        "January",
        "January to August",
        "August to January 2019",   # backwards
        "2019 to 2018",             # backwards
        "Smarch 2019",
        "about 370 voyages",
        "January 19",
        "January 2019 extra",
    ],
)
def test_not_periods(text):
    assert read_period(text) is None


def test_sept_abbreviation():
    p = read_period("Sept 2019")
    assert p is not None
    assert p.days == 30
