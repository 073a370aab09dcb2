"""Reading an article for `extract`: plain text, HTML, or a WordPress REST export,
including broken exports (raw control characters, stripped tags that leave the JSON
unterminated), as plain text with its headline, address, date and publisher.

The publisher is what the page says it is (its site name), else the wire its dateline
names ("LONDON, March 3 (Reuters) - ..."), else the name in its web address; the date is
the one its header lines give.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from .dates import published_date
from .mentions import Article


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


#: a dateline: the place in capitals, perhaps a date, the wire in brackets, a dash:
#: "LONDON, March 3 (Reuters) -", "SÃO PAULO (AP) —", "(Bloomberg) --"
_DATELINE = re.compile(r"(?P<place>[^\W\d_][^()\n]{0,60}?)?\s*"
                       r"\((?P<wire>[A-Z][\w.&’' -]{0,30}?)\)\s*[-–—]")
#: lines read for a dateline: the header's, then the first paragraphs
MAX_DATELINE_LINES = 12


def dateline_wire(lines: list[str]) -> str:
    """The wire a dateline names, as written: 'LONDON, March 3 (Reuters) - ...' ->
    'Reuters', 'WASHINGTON (AP) — ...' -> 'AP'; '' when the article has none."""
    for line in [line for line in lines if line.strip()][:MAX_DATELINE_LINES]:
        m = _DATELINE.match(line.strip())
        if m and (not m.group("place") or m.group("place").split(",")[0].isupper()):
            return m.group("wire").strip()
    return ""


#: an article read by `extract`: a long feature is some 100 KB of HTML
MAX_ARTICLE_BYTES = 5_000_000
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
    text = html_to_text(content)
    wire = dateline_wire(text.splitlines())
    return Article(text, html.unescape(html_to_text(title)), link,
                   date[:10], site or wire or publisher_from(link), wire=wire)


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
        lines = text.splitlines()
        published = (meta.get("article:published_time") or meta.get("date") or "")[:10]
        header, why = ("", "") if published else published_date(lines)
        wire = dateline_wire(lines)
        publisher = meta.get("og:site_name") or wire or publisher_from(url)
        return Article(text, " ".join(title.split()), url, published or header, publisher,
                       wire=wire, published_note=why)
    return _plain_text(raw)


URL = re.compile(r"https?://[^\s<>\"')\]]+")
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
            not URL.fullmatch(body[0])):
        title = body[0]
    url = URL.search(text)
    iso = _ISO_DATE.search(text)
    address = url.group().rstrip(".,;") if url else ""
    header, why = published_date(lines)
    wire = dateline_wire(lines)
    return Article(text, title, address, header or (iso.group(1) if iso else ""),
                   wire or (publisher_from(address) if address else ""), wire=wire,
                   published_note="" if header or iso else why)
