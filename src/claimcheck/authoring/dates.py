"""Dates in an article: the one it was published on, read from its header lines, and the
dates its text mentions, which `extract` lists but never drafts as figures.

The forms news copy uses: "November 15, 2023", "15 November 2023", "Nov. 15, 2023",
"Nov 15 2023", "15th Nov 2023", ISO "2023-11-15", each perhaps after a weekday and
before a time ("10:32 GMT", "3:00 p.m. ET"); a month and year ("in October 2023"); a
dateline's "Nov 15", listed as written (its year is not the next year the text names);
"15/11/2023", read only when one order can be meant (a part above 12, or both the same).
Times are dates too, never figures: "10:30 a.m.", "10:30", "1030 GMT", "0900", "1030 local
time".
Month names are matched with their capital ("may 5" is a verb and a number), and a day
with no year is not a day when a counted word follows it: "In May 5 million tonnes",
"In March 40 people".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
MONTH_NUMBERS: dict[str, int] = {
    **{name: i for i, name in enumerate(_FULL, 1)},
    **{name[:3]: i for i, name in enumerate(_FULL, 1)}, "Sept": 9}
#: words of the calendar: never what a figure measures
CALENDAR_WORDS = frozenset({*(w.lower() for w in MONTH_NUMBERS), "monday", "tuesday",
                            "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                            "yesterday", "tomorrow", "tonight"})

_MONTH = "|".join(sorted({*MONTH_NUMBERS, *(w.upper() for w in MONTH_NUMBERS)},
                         key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
_ZONE = r"(?:GMT|UTC|BST|CES?T|[ECMP][SD]T|[EP]T|IST|JST|KST|HKT|SGT|AES?T|AEDT|WIB)"
_TIME = (rf"\d{{1,2}}[:.]\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\b\.?)?(?:\s*{_ZONE}\b"
         r"(?:[+-]\d{1,2}(?::?\d\d)?)?)?")
_DATE = re.compile(
    rf"(?<![\w$€£¥.,-])(?:"
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY})(?![.,]?\d)(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?(?:(?:\s+of)?,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH})\b\.?(?:\s+of)?,?\s+(?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR})-(?P<m4>0[1-9]|1[0-2])-(?P<d4>0[1-9]|[12]\d|3[01])(?![\d-])"
    rf"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<n3>\d{4}|\d\d)(?![\d/])"
    r"|(?P<y5>\d{4})/(?P<m5>\d{1,2})/(?P<d5>\d{1,2})(?![\d/])"
    rf")(?:,?\s+(?:at\s+)?{_TIME})?"
    rf"|(?<![\w.,:])\d{{1,2}}(?:[:.]\d\d(?::\d\d)?)?\s*(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)"
    rf"(?:\s*{_ZONE}\b)?"
    rf"|(?<![\w.,:])\d{{1,2}}[:.]\d\d(?::\d\d)?\s*{_ZONE}\b"
    # "1030 GMT", "0900 local time": a time of day written the wire's way
    rf"|(?<![\w.,:$€£¥+-])(?:[01]\d|2[0-3])[0-5]\d\s*(?:{_ZONE}\b|local\s+time\b)"
    # "10:30", "at 0900": hours and minutes (no amount is printed with a leading zero)
    r"|(?<![\w.,:$€£¥+-])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|0\d[0-5]\d(?![\d.,]?\d))")
_COUNTED_NEXT = re.compile(r"\s*(?:%|-?(?:per|percent|million|billion|thousand|trillion|"
                           r"hundred|bn|mn|times)\b|([A-Za-z]+))")


def find_dates(text: str, counted: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """The dates and times in a sentence, as matches; ``counted(word)`` says whether a
    word after a number makes it a count ('5 million', '40 people'), not a day."""
    for m in _DATE.finditer(text):
        if m.group("d1") and not m.group("y1"):
            after = _COUNTED_NEXT.match(text, m.end())
            if after and (not after.group(1) or counted(after.group(1))):
                continue  # "In May 5 million tonnes": a figure after a month
        yield m


def _valid(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""  # "February 30"


def numeric_date(m: re.Match[str]) -> tuple[str, str]:
    """'03/03/2024' as YYYY-MM-DD when only one order can be meant: a part above 12 is
    the day, and two equal parts are the same date either way; else '' and why."""
    if not m.group("n1"):
        return "", ""
    first, second, year = (int(m.group(g)) for g in ("n1", "n2", "n3"))
    written = m.group().split()[0]
    if len(m.group("n3")) == 2:
        return "", f"'{written}' has a two-digit year"
    if first == second or (first > 12) != (second > 12):
        day, month = (first, second) if first > 12 or first == second else (second, first)
        found = _valid(year, month, day)
        return found, "" if found else f"'{written}' is not a date"
    if first > 12:
        return "", f"'{written}' is not a date"
    return "", (f"'{written}' could be {_valid(year, second, first)} (day first) or "
                f"{_valid(year, first, second)} (month first)")


def iso_date(m: re.Match[str]) -> str:
    """A match of ``find_dates`` as YYYY-MM-DD, or '' when it is not a whole date (or a
    numeric one that could be two dates)."""
    if m.group("y5"):
        return _valid(int(m.group("y5")), int(m.group("m5")), int(m.group("d5")))
    if m.group("n1"):
        return numeric_date(m)[0]
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d4", "m4", "y4")):
        if m.group(d) and m.group(y):
            month = m.group(mo)
            number = int(month) if month.isdigit() else MONTH_NUMBERS[month.title()]
            return _valid(int(m.group(y)), number, int(m.group(d)[:2].rstrip("snrt")))
    return ""


_URL = re.compile(r"https?://\S+")
_LEAD = r"\b\W*(?:on\W+)?(?:[A-Za-z]+day\W*)?\Z"  # "Published: Wednesday, ..."
_PUBLISHED = re.compile(r"\b(?:published|posted|released|dated?)" + _LEAD, re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|revised|edited)" + _LEAD, re.I)
#: lines read for the date, at most: headline, standfirst, address, byline, date
MAX_HEADER_LINES = 10
#: a line is the article's first paragraph, not its header, from this many words on
BODY_WORDS = 15
_DATELINE = re.compile(r"(.{0,60}?)\s*(?:\s[-–—]\s|\()")


def _header(lines: list[str]) -> Iterator[str]:
    """The lines above the text, and the dateline of its first paragraph ('WASHINGTON,
    Nov. 15, 2023 - ...')."""
    for line in [line for line in lines if line.strip()][:MAX_HEADER_LINES]:
        words = len(line.split())
        if words >= BODY_WORDS or (words >= BODY_WORDS // 2 and line.rstrip("\"”’)").endswith(
                (".", "!", "?"))):
            dateline = _DATELINE.match(line)
            if dateline:
                yield dateline.group(1)
            return
        yield line


def published_date(lines: list[str]) -> tuple[str, str]:
    """The date the header gives the article, as YYYY-MM-DD, or '' and why not when the
    header's only date could be two ('Published: 04/03/2024').  A date said to be when it
    was published ('Published 14 Nov 2023') comes before one with no word, and that before
    an update's ('Updated ...')."""
    found: list[tuple[int, str]] = []
    unread: list[tuple[int, str]] = []
    for header in _header(lines):
        line = _URL.sub(" ", header)
        for m in find_dates(line, lambda word: False):
            before = line[max(0, m.start() - 30) : m.start()]
            rank = 0 if _PUBLISHED.search(before) else 2 if _UPDATED.search(before) else 1
            if iso := iso_date(m):
                found.append((rank, iso))
            elif why := numeric_date(m)[1]:
                unread.append((rank, why))
            elif (m.group("d1") and not m.group("y1")) or (m.group("d2") and not m.group("y2")):
                unread.append((rank, f"'{m.group()}' has no year"))  # a dateline's 'March 3'
    if found:
        return min(found, key=lambda f: f[0])[1], ""
    return "", min(unread, key=lambda f: f[0])[1] if unread else ""
