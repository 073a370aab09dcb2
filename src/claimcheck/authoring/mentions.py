"""What `extract` finds in an article and `drafting` writes out: the article, each
numeric mention, and the draft; with the word lists both use to tell a noun from a
function word.  Its own module so that the finder and the writer import it, not each
other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reading.figures import Reading


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    url: str = ""
    published: str = ""
    publisher: str = ""


@dataclass(frozen=True)
class Mention:
    stated: str
    quote: str
    reading: Reading | None
    todo: str | None = None   # a word claimcheck could not read as a unit
    context: str = ""         # the words after the figure, for naming
    comma: bool = False       # written with a decimal comma: flagged, never guessed


@dataclass
class Draft:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                   r"October|November|December)\b")

STOPWORDS = {"of", "to", "and", "or", "in", "on", "at", "by", "for", "from", "the", "a",
             "an", "that", "which", "who", "is", "was", "were", "are", "be", "have", "has",
             "had", "with", "as", "than", "per", "it", "its", "this", "these", "those",
             "such", "more", "less", "over", "under", "about", "worth", "percent", "them",
             "us", "you", "times", "into", "up", "down", "ago", "later", "earlier"}
