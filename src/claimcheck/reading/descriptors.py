"""What a figure describes: the words after its unit ("of coal", "in 2019", "for
export"), kept as its label, with a rate that ends them ("of coal a year") read into the
unit and a second number in them refused.  A mixin of the figure reader."""

from __future__ import annotations

import re

from ..quantities import units
from .lexer import Kind, TextError
from .unit_phrases import UnitReader

#: a year in a descriptor ('in 2019') is a date, not a second figure
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")

#: words after which numbers in a descriptor name a group or a time, not a second figure
_CATEGORY_WORDS = frozenset({"aged", "age", "ages", "under", "over", "between", "born",
                             "since", "until", "before", "after", "grade", "year", "class"})


class DescriptorReader(UnitReader):
    """Reads the descriptor after a figure's unit."""

    _what: str | None  # a descriptor read already, after a compound adjective
    rate: units.Unit | None  # a rate after the descriptor: 'of coal a year'
    rate_notes: list[str]

    def _descriptor(self) -> str | None:
        """'of coal' after the unit: kept as a label. A rate that ends the text ('of coal
        a year') still belongs to the unit, so it is read into ``self.rate``."""
        if self._what:
            return self._what
        if self.embedded or not self.at_descriptor() or self.ahead().kind is Kind.END:
            return None
        start = self.ahead().start
        first = self.pos + 1
        found = self.trailing_rate(self.pos + 2)
        if found is not None:
            self.rate, self.rate_notes, end = found
            self._one_figure(first, end)
            return self.text[start:end].strip()
        self.pos = len(self.toks) - 1
        self._one_figure(first, len(self.text))
        return self.text[start:].strip()

    def _one_figure(self, first: int, end: int) -> None:
        """A descriptor says what the figure counts ('of coal', 'in 2019'); another number
        in it is a second figure, which would be silently left unread."""
        for tok in self.toks[first:]:
            if tok.start >= end or tok.lower in _CATEGORY_WORDS:
                break  # 'adults aged 18 to 64': the numbers that follow name a group
            if tok.kind is Kind.NUM and not _YEAR.fullmatch(tok.text):
                raise TextError(
                    "two-figures", f"a second number, '{tok.text}', after the figure: "
                    "`stated:` holds one figure as the report writes it", tok.start, tok.end,
                    hint="put the sentence under `quote:` and give each figure its own entry, "
                         "e.g. stated: about 4.1 million tonnes")
