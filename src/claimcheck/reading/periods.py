"""Calendar periods as reports state them: "January to August 2019" -> 243 days.

A period written in whole months is read as running from the first day of the first
month to the last day of the last month; the note in the output says so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9  # AP style
MONTH_WORDS = frozenset(_MONTHS)
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SEP = r"\s*(?:to|through|until|till|-|–|—)\s*"
_SPAN = re.compile(
    rf"(?:from\s+|between\s+)?{_MONTH}(?:\s+(\d{{4}}))?(?:{_SEP}|\s+and\s+){_MONTH}"
    rf"(?:\s+of)?,?\s+(\d{{4}})\Z", re.I
)
_ONE_MONTH = re.compile(rf"(?:in\s+)?{_MONTH}(?:\s+of)?,?\s+(\d{{4}})\Z", re.I)
_YEARS = re.compile(r"(?:from\s+)?(\d{4})" + _SEP + r"(\d{4})\Z", re.I)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def note(self) -> str:
        return (f"read as {self.start:%-d %B %Y} to {self.end:%-d %B %Y}, "
                f"{self.days} days (whole months)")


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def read_period(text: str) -> Period | None:
    """The period a text names, or None when it is not a calendar period."""
    if m := _SPAN.match(text):
        m1, y1, m2, y2 = m.groups()
        end_year = int(y2)
        start = date(int(y1) if y1 else end_year, _MONTHS[m1.lower()], 1)
        end = _last_day(end_year, _MONTHS[m2.lower()])
    elif m := _ONE_MONTH.match(text):
        month, year = _MONTHS[m.group(1).lower()], int(m.group(2))
        start, end = date(year, month, 1), _last_day(year, month)
    elif m := _YEARS.match(text):
        start, end = date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31)
    else:
        return None
    return Period(start, end) if start <= end else None
