"""`claimcheck extract ARTICLE`: every numeric mention in an article, as a draft claim file.

Articles come as plain text, HTML, or a WordPress REST export, including broken exports
(raw control characters, stripped tags that leave the JSON unterminated).  Each mention
is read by the same number reader as claim files, so the draft says what claimcheck will
understand; a unit word it cannot read is kept with a TODO, never dropped.

quantulum3 0.10 was measured on the bundled article and not taken: 2.65 s for the first
parse against 0.14 s here; 33 "quantities" including "a ramp" as south-african-rand
amperes, "January 4 2020" as 42020 and every year; "370 voyages" lost its noun, "several
times" and the period were missed, hedges were dropped, and "2.5bn euros" became 2.5 barn
newton.  The claimcheck reader found every figure the bundled claims use, with no noise
beyond one bare number, and it is the reader verify uses (README, "Adding a claim file").
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from itertools import islice

from ..diagnostics import ClaimcheckError
from ..reading.changes import CHANGE_NOUNS, PREFIX_VERBS
from ..reading.figures import ReadContext, Reading, read_figure
from ..reading.hedges import DEFAULT_HEDGES, match_hedge
from ..reading.periods import read_period
from ..reading.words import CARDINALS, MULTIPLES, VAGUE
from .dates import find_dates, published_date
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


# --- reading the article ---------------------------------------------------------------

class _Text(HTMLParser):
    BREAKS = frozenset({"p", "br", "div", "h1", "h2", "h3", "h4", "li", "tr", "blockquote"})
    HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = found.get("property") or found.get("name") or ""
            if key and "content" in found:
                self.meta.setdefault(key.lower(), found["content"])
        elif tag == "link" and found.get("rel") == "canonical":
            self.meta.setdefault("canonical", found.get("href", ""))
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _parse_html(markup: str) -> _Text:
    parser = _Text()
    parser.feed(markup)
    return parser


def html_to_text(markup: str) -> str:
    text = "".join(_parse_html(markup).parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


_SECOND_LEVEL = {"com", "co", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


def publisher_from(url: str) -> str:
    """'https://news.example.com.au/x' -> 'EXAMPLE'."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    labels = [x for x in host.split(".") if x and x != "www"]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-2].upper() if len(labels) >= 2 else ""


#: an article read by `extract`: a long feature is some 100 KB of HTML
MAX_ARTICLE_BYTES = 5_000_000
#: "from 1 January 2019 to 31 August of 2020" and the like fit in this many characters
MAX_PERIOD_CHARS = 60

_ESCAPES = re.compile(r"\\u([0-9a-fA-F]{4})|\\(.)", re.S)


def _unescape_json(raw: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return {"n": "\n", "t": "\t", "r": "", "/": "/", '"': '"', "\\": "\\"}.get(
            m.group(2), m.group(2))

    return _ESCAPES.sub(one, raw)


def _field(raw: str, name: str) -> str:
    m = re.search(rf'"{name}"\s*:\s*(?:\{{\s*"rendered"\s*:\s*)?"((?:[^"\\]|\\.)*)"', raw)
    return _unescape_json(m.group(1)) if m else ""


def _valid_text(text: str) -> str:
    """JSON escapes may pair into characters or stand alone: a lone surrogate (which no
    file can hold) becomes U+FFFD, a pair the character it encodes."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _text_field(data: object, *keys: str) -> str:
    """data[key][key]... when every step is there and the end is text; else ''."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, str) else ""


def _wordpress(raw: str) -> Article:
    try:
        data = json.loads(raw, strict=False)
        if not isinstance(data, dict):
            raise TypeError("not an export")
        title, content = _text_field(data, "title", "rendered"), _text_field(
            data, "content", "rendered")
        link, date = _text_field(data, "link"), _text_field(data, "date")
        if not content:
            raise KeyError("content")
    except (ValueError, KeyError, TypeError, RecursionError):
        # A broken export: take the fields by pattern, and the content to its end.
        title, link, date = _field(raw, "title"), _field(raw, "link"), _field(raw, "date")
        start = raw.find('"rendered":"', raw.find('"content"'))
        body = raw[start + len('"rendered":"'):] if start >= 0 else ""
        end = body.find('","protected"')
        content = _unescape_json(body[:end] if end >= 0 else body)
    title, content, link, date = (_valid_text(x) for x in (title, content, link, date))
    content = "".join(ch for ch in content if ch == "\n" or ch >= " ")
    site = _valid_text(_field(raw, "og_site_name") or _field(raw, "site_name"))
    return Article(html_to_text(content), html.unescape(html_to_text(title)), link,
                   date[:10], site or publisher_from(link))


def load_article(raw: str) -> Article:
    """Text, HTML or a WordPress export (even a broken one), as plain text with metadata."""
    stripped = raw.lstrip()
    if stripped.startswith("{") and '"rendered"' in stripped:
        return _wordpress(stripped)
    if re.search(r"<(p|div|br|h[1-6]|article|body|html)\b", raw, re.I):
        page = _parse_html(raw)
        meta = page.meta
        title_tag = re.search(r"<title>(.*?)</title>", raw, re.I | re.S)
        title = meta.get("og:title") or (html.unescape(title_tag.group(1).strip())
                                         if title_tag else "")
        url = meta.get("og:url") or meta.get("canonical", "")
        text = html_to_text(raw)
        published = (meta.get("article:published_time") or meta.get("date") or "")[:10]
        publisher = meta.get("og:site_name") or publisher_from(url)
        return Article(text, " ".join(title.split()), url,
                       published or published_date(text.splitlines()), publisher)
    return _plain_text(raw)


_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def _plain_text(raw: str) -> Article:
    """A plain-text article: the first line is its headline when it reads like one (short,
    not ending a sentence); its first web address is its source's, and its date the one
    its header lines give ("November 15, 2023", "Updated 15 Nov 2023"), else its first
    ISO date."""
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    text = "\n".join(lines)
    body = [line for line in lines if line]
    title = ""
    if body and len(body[0]) <= 200 and not body[0].endswith((".", "?", "!", ":")) and (
            not _URL.fullmatch(body[0])):
        title = body[0]
    url = _URL.search(text)
    iso = _ISO_DATE.search(text)
    address = url.group().rstrip(".,;") if url else ""
    return Article(text, title, address, published_date(lines) or (iso.group(1) if iso else ""),
                   publisher_from(address) if address else "")


# --- sentences and mentions -------------------------------------------------------------

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
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
    r"|(?<![\w,.+-])(?:US\$|[$€£¥₩₹₦₱₺₫₴₪₵+]|(?:[A-Z]{3}|Rs)(?=\d))?"
    r"(?:\d+,\d{1,2}(?!\d)|\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\.\d+)?"
    r"|(?<![\w-])(?:" + "|".join(re.escape(w) for w in _NUMBER_WORDS) + r")\b", re.I)
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?(?:[ .-]\d{3,4}){2,}\b")


_WORD_OR_PLUS = re.compile(r"[A-Za-z]+|\+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: what a mention keeps of the text after it, to name it by the nearest noun
MAX_AFTER_CHARS = 200
_NON_SPACE = re.compile(r"\S+")


def _hedge_before(sentence: str, start: int) -> int:
    """Where the figure begins: its hedge ('about'), its direction ('rose by', 'a fall
    of', 'plus'), or both ('fell more than'), read back from the number."""
    # six words back at most: a window, not the whole sentence (long ones are common)
    window = max(0, start - 80)
    words = list(_WORD_OR_PLUS.finditer(sentence, window, start))[-6:]
    texts = [w.group().lower() for w in words]
    if texts[-2:] == ["total", "of"]:  # "an estimated total of $370 million"
        words = words[:-3] if texts[-3:-2] == ["a"] else words[:-2]
        texts = [w.group().lower() for w in words]
    if not words or sentence[words[-1].end():start].strip():
        return start  # something other than words stands between them and the number
    first = len(words) - 1  # the run of words with nothing but spaces between them
    while first > 0 and not sentence[words[first - 1].end():words[first].start()].strip():
        first -= 1
    for k in range(first, len(words)):  # the longest run of hedge and direction words
        if _prefix(texts[k:]):
            return words[k].start()
    return start


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
        for found in (*_PHONE.finditer(sentence), *_URL.finditer(sentence)):
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
            if not free(m.start()):
                continue
            token = re.sub(r"^(?:US\$|[$€£¥₩₹₦₱₺₫₴₪₵+]|[A-Z]{3}|Rs)", "", m.group())
            if re.fullmatch(r"\d+,\d{1,2}", token):  # a decimal comma: keep it for lint
                words = sentence[m.start() : m.start() + 40].split()
                stated = " ".join(words[:2]).rstrip(".,;:")
                draft.mentions.append(Mention(stated, sentence, None, None, "", comma=True))
                covered.append((m.start(), m.start() + len(stated)))
                continue
            counted = _NEXT_WORD.match(sentence, m.end())
            if _YEAR.fullmatch(token) and not (counted and noun_like(counted.group(1))):
                draft.dates.append(token)  # "in 2019", not "1932 people"
                covered.append((m.start(), m.end()))
                continue
            begin = _hedge_before(sentence, m.start())
            # "from 62 to 93": two figures, not a stated range
            ranges = not re.search(r"\bfrom\s*$", sentence[max(0, begin - 20) : begin], re.I)
            text, reading, end = _best_reading(sentence, begin, ctx, ranges)
            if reading is None and begin != m.start():
                text, reading, end = _best_reading(sentence, m.start(), ctx, ranges)
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


__all__ = ["Article", "Draft", "Mention", "find_mentions", "load_article", "sentences"]
