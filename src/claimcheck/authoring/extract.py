"""`claimcheck extract ARTICLE`: every numeric mention in an article, as a draft claim file.

Articles come as plain text, HTML, or a WordPress REST export (read in `articles`).  Each
mention is read by the same number reader as claim files, so the draft says what claimcheck
will understand; a unit word it cannot read is kept with a TODO, never dropped.  A figure
is drafted as the longest phrase the reader reads to it: its currency ('USD 2.4 billion'),
its unit ('30 bcm/y', '$65,000 per head') and its hedge, direction or framing words
('about', 'rose by', 'an additional', 'a 12-month high of').

quantulum3 0.10 was measured on the bundled article and not taken: 2.65 s for the first
parse against 0.14 s here; 33 "quantities" including "a ramp" as south-african-rand
amperes, "January 4 2020" as 42020 and every year; "370 voyages" lost its noun, "several
times" and the period were missed, hedges were dropped, and "2.5bn euros" became 2.5 barn
newton.  The claimcheck reader found every figure the bundled claims use, with no noise
beyond one bare number, and it is the reader verify uses (README, "Adding a claim file").
"""

from __future__ import annotations

import re
from itertools import islice

from ..diagnostics import ClaimcheckError
from ..reading.changes import CHANGE_NOUNS, PREFIX_VERBS, starts_change
from ..reading.figures import ReadContext, Reading, read_figure, starts_framed
from ..reading.hedges import DEFAULT_HEDGES, match_hedge
from ..reading.lexer import tokenize
from ..reading.periods import read_period
from ..reading.words import CARDINALS, MULTIPLES, VAGUE
from .articles import MAX_ARTICLE_BYTES, URL, load_article, publisher_from
from .dates import find_dates
from .mentions import (
    MONTH,
    STOPWORDS,
    Article,
    Draft,
    Mention,
    ambiguous_unit,
    counted_word,
    noun_like,
)

MAX_WORDS_AFTER = 8


#: "from 1 January 2019 to 31 August of 2020" and the like fit in this many characters
MAX_PERIOD_CHARS = 60


# --- sentences and mentions -------------------------------------------------------------

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "rs", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
                  "co", "corp", "ltd", "gov", "gen", "col", "lt", "sgt", "approx"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(＜]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    found: list[str] = []
    for paragraph in text.splitlines():
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            before = paragraph[start : m.start()].rsplit(None, 1)
            word = before[-1].rstrip(".") if before else ""
            if word.lower().split(".")[-1] in _ABBREVIATIONS or re.fullmatch(
                    r"(?:[A-Z]\.)*[A-Z]", word):
                continue  # "N. Korea", "U.S.", "Mr." do not end sentences
            found.append(paragraph[start : m.end()].strip())
            start = m.end()
        if paragraph[start:].strip():
            found.append(paragraph[start:].strip())
    return found


_NUMBER_WORDS = sorted({*CARDINALS, *(w.split()[0] for w in VAGUE), *MULTIPLES, "several",
                        "half"} - {"zero", "a"}, key=len, reverse=True)
_START = re.compile(
    r"(?<![\w-])(?:a|one|two|three|four)[ -](?:third|thirds|quarter|quarters|fifth|fifths"
    r"|tenth|tenths)\b"
    r"|(?<![\w-])(?:half )?an? (?:hundred|thousand|million|billion|trillion)\b"
    # a currency before the digits: a sign ('$', 'A$', 'US$ '), a code ('USD 2.4', 'CHF40',
    # 'Rs. 500'); a word that is no currency ('The 5') is left out below
    r"|(?<![\w,.+-])(?P<cur>[A-Z][A-Za-z]{0,2}\$ ?|[$€£¥₩₹₦₱₺₫₴₪₵+]"
    r"|[A-Z][A-Za-z]{1,2}\.? ?(?=\d))?"
    r"(?P<num>(?:\d+,\d{1,2}(?!\d)|\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\.\d+)?)"
    r"|(?<![\w-])(?:" + "|".join(re.escape(w) for w in _NUMBER_WORDS) + r")\b", re.I)
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?(?:[ .-]\d{3,4}){2,}\b")


_WORD_OR_PLUS = re.compile(r"[A-Za-z]+|\+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: what a mention keeps of the text after it, to name it by the nearest noun
MAX_AFTER_CHARS = 200
_NON_SPACE = re.compile(r"\S+")


def _currency(sign: str, ctx: ReadContext) -> bool:
    """A sign or a code the reader takes for a currency before the digits: '$', 'A$',
    'USD', 'Rs.'; not 'The' of 'The 5 ships'."""
    from ..quantities import units, vocabulary

    word = sign.strip().rstrip(".")
    if not word[:1].isalpha():
        return True
    if word.endswith("$"):
        return word.upper() in vocabulary.SYMBOL_CURRENCIES
    return units.currency_word(word, ctx.conventions) is not None


def _begins(sentence: str, start: int, ctx: ReadContext) -> list[int]:
    """Where the figure may begin, the furthest first: at its hedge ('about'), its
    direction ('rose by', 'a fall of', 'an additional', 'edged up'), or both ('fell more
    than'), read back from the number; and at the number itself."""
    return [*_hedge_before(sentence, start, ctx), start]


def _hedge_before(sentence: str, start: int, ctx: ReadContext) -> list[int]:
    """The starts of the hedge and direction words before the number, the furthest
    first: words the extract knows ('about', 'rose by', 'a record') or the reader does
    (`_reader_starts`)."""
    # six words back at most: a window, not the whole sentence (long ones are common)
    window = max(0, start - 80)
    words = list(_WORD_OR_PLUS.finditer(sentence, window, start))[-6:]
    texts = [w.group().lower() for w in words]
    if texts[-2:] == ["total", "of"]:  # "an estimated total of $370 million"
        words = words[:-3] if texts[-3:-2] == ["a"] else words[:-2]
        texts = [w.group().lower() for w in words]
    if not words or sentence[words[-1].end():start].strip():
        return []  # something other than words stands between them and the number
    first = len(words) - 1  # the run of words with spaces or hyphens between them
    while first > 0 and sentence[words[first - 1].end():words[first].start()].strip() in (
            "", "-"):
        first -= 1
    # never inside a word ('all-time'), nor at the clause's verb ('were up 3%' is 'up
    # 3%'); not 'fell from': the level before a change is drafted as its number
    return [words[k].start() for k in range(first, len(words))
            if sentence[words[k].start() - 1 : words[k].start()] != "-" and (
                _prefix(texts[k:]) or (texts[-1] != "from" and texts[k] not in _COPULAS
                                       and _reader_starts(
                                           sentence[words[k].start() : start + 1], ctx)))]


_COPULAS = frozenset({"is", "was", "were", "are", "be", "been", "being"})


def _reader_starts(text: str, ctx: ReadContext) -> bool:
    """Whether the reader takes a figure to begin here, as the expression parser asks it:
    at a direction ('edged up', 'an additional', 'lower by') or at framing words ('a
    record high of')."""
    try:
        tokens = tokenize(text, grouping=True)
        return starts_change(tokens, 0) or starts_framed(text, tokens, 0, ctx)
    except ClaimcheckError:
        return False


def _prefix(phrase: list[str]) -> bool:
    """A hedge, a direction, or a direction then a hedge: 'about', 'rose by', 'fell more
    than', 'an increase of', 'an average of', 'a', '+'."""
    if phrase in (["a"], ["an"], ["+"], ["an", "average", "of"], ["a", "total", "of"],
                  ["on", "average"], ["a", "record"]):
        return True
    found = match_hedge(phrase, DEFAULT_HEDGES)
    if found and len(found[0].split()) == len(phrase):
        return True
    for n in range(1, len(phrase) + 1):  # a direction, then perhaps a hedge
        head, rest = phrase[:n], phrase[n:]
        if _direction(head) and (not rest or (_prefix(rest) and rest[0] not in ("a", "an"))):
            return True
    return False


def _direction(words: list[str]) -> bool:
    if len(words) == 1 and words[0] in PREFIX_VERBS:
        return True
    if len(words) == 2 and words[0] in PREFIX_VERBS and words[1] in ("by", "to"):
        return True
    article = 1 if words[:1] in (["a"], ["an"]) else 0
    return len(words) == article + 2 and words[article] in CHANGE_NOUNS and words[-1] == "of"


def _best_reading(sentence: str, start: int, ctx: ReadContext,
                  ranges: bool = True) -> tuple[str, Reading | None, int]:
    """The longest text from ``start`` (up to a few words on) that reads as a figure."""
    ends = [m.end() - start for m in islice(_NON_SPACE.finditer(sentence, start),
                                            MAX_WORDS_AFTER + 1)]
    best: tuple[str, Reading | None, int] = ("", None, start)
    for end in ends:
        text = sentence[start : start + end].rstrip(".,;:!?”’\"")
        if text.count(")") > text.count("("):
            text = text.rstrip(")")  # "(the 3.7 million tons)", not "(bpd)"
        try:
            reading = read_figure(text, ctx)
        except (ClaimcheckError, ValueError, ArithmeticError):
            continue
        stated_range = reading.precision.startswith("a stated range")
        if reading.what is None and (ranges or not stated_range):
            best = (text, reading, start + len(text))
    return best


class _Covered:
    """The characters of a sentence already read as something: a mark per character, so
    that asking is O(1) however many figures a long sentence holds."""

    def __init__(self, length: int) -> None:
        self.mask = bytearray(length + 1)

    def append(self, span: tuple[int, int]) -> None:
        a, b = span
        self.mask[a:b] = b"\x01" * max(0, b - a)

    def free(self, at: int) -> bool:
        return not self.mask[at]


def find_mentions(article: Article, ctx: ReadContext | None = None) -> Draft:
    ctx = ctx or ReadContext()
    draft = Draft(article)
    for sentence in sentences(article.text):
        if sentence == article.title:
            continue  # the headline is the title, not a claim
        covered = _Covered(len(sentence))
        for found in (*_PHONE.finditer(sentence), *URL.finditer(sentence)):
            covered.append(found.span())  # no figures from phone numbers and addresses
        free = covered.free

        for month in MONTH.finditer(sentence):  # periods first: "January to August of 2019"
            head = sentence[max(0, month.start() - 10) : month.start()].lower()
            begin = month.start() - next(
                (len(w) for w in ("from ", "between ") if head.endswith(w)), 0)
            # a period is a short phrase: trying every end to the sentence's end would be
            # quadratic in a long sentence (an article without full stops)
            last = min(len(sentence), month.end() + MAX_PERIOD_CHARS)
            for end in range(last, month.end(), -1):
                text = sentence[begin:end].rstrip(".,;:")
                if (period := read_period(text)) and free(month.start()):
                    if period.start.strftime("%Y%m") != period.end.strftime("%Y%m"):
                        draft.mentions.append(Mention(text, sentence, read_figure(text, ctx)))
                        covered.append((begin, begin + len(text)))
                    break  # one month ("in October 2023") is a date, below
        for date in find_dates(sentence, counted_word):
            if free(date.start()):  # "Nov. 15, 2023", "15 November 2023": never figures
                draft.dates.append(date.group())
                covered.append(date.span())
        for m in _START.finditer(sentence):
            sign, token = m.group("cur") or "", m.group("num") or m.group()
            at = m.start() if not sign or _currency(sign, ctx) else m.start("num")
            if not free(at) or (at > m.start() and not sign.endswith(" ")):
                continue  # "EU8", "G20": a name, not a currency and a number
            if re.fullmatch(r"\d+,\d{1,2}", token):  # a decimal comma: keep it for lint
                words = sentence[at : at + 40].split()
                stated = " ".join(words[:2]).rstrip(".,;:")
                draft.mentions.append(Mention(stated, sentence, None, None, "", comma=True))
                covered.append((at, at + len(stated)))
                continue
            counted = _NEXT_WORD.match(sentence, m.end())
            money = at == m.start() and sign not in ("", "+")
            if _YEAR.fullmatch(token) and not money and not (
                    counted and noun_like(counted.group(1))):
                draft.dates.append(token)  # "in 2019", not "1932 people" nor "USD 2019"
                covered.append((at, m.end()))
                continue
            text, reading, end = "", None, at
            for begin in _begins(sentence, at, ctx):  # the furthest start the reader reads
                if not free(begin):
                    continue  # 'fell by a third to 1.1 million': the third is drafted
                # "from 62 to 93": two figures, not a stated range
                ranges = not re.search(r"\bfrom\s*$", sentence[max(0, begin - 20) : begin],
                                       re.I)
                text, reading, end = _best_reading(sentence, begin, ctx, ranges)
                if reading is not None and end > at:
                    break
                reading = None
            if reading is None:
                continue
            before = sentence[max(0, begin - 80) : begin].split()
            if (reading.unit_text == "" and len(before) > 1
                    and before[-1].lstrip("“\"‘(")[:1].isupper()
                    and not before[-1].endswith(("'s", "’s", ",", ";", ":"))):
                continue  # "Room 39", "Part 4": a name, not a quantity (not "Singapore's")
            after = sentence[end : end + MAX_AFTER_CHARS].strip()
            todo = None
            nxt = re.match(r"([A-Za-z]+)", after)
            if (reading.unit_text in ("", "times") and nxt and nxt.group(1).lower() not in
                    STOPWORDS and (noun_like(nxt.group(1)) or ambiguous_unit(nxt.group(1)))):
                todo = nxt.group(1)  # "12 widgets": a counted noun claimcheck does not know
            draft.mentions.append(Mention(text, sentence, reading, todo, after))
            covered.append((begin, end))
    draft.dates = list(dict.fromkeys(draft.dates))
    seen: set[tuple[str, str]] = set()
    unique = []
    for mention in draft.mentions:  # captions repeat: one figure per (text, sentence)
        if (mention.stated, mention.quote) not in seen:
            seen.add((mention.stated, mention.quote))
            unique.append(mention)
    draft.mentions = unique
    return draft


__all__ = ["MAX_ARTICLE_BYTES", "Article", "Draft", "Mention", "find_mentions", "load_article",
           "publisher_from", "sentences"]
