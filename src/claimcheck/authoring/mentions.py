"""What `extract` finds in an article and `drafting` writes out: the article, each
numeric mention, and the draft; with the word lists and tests both use to tell a noun from
a function word or a number word.  Its own module so that the finder and the writer import
it, not each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import ClaimcheckError
from ..reading.figures import Reading
from ..reading.words import CARDINALS, MULTIPLES


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    url: str = ""
    published: str = ""
    publisher: str = ""
    wire: str = ""            # the wire its dateline names: "Reuters", "AP"
    published_note: str = ""  # why its header's date was not read: "'4/3/24' has a two-digit year"


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


#: news agencies, as a dateline names them ("LONDON (Reuters) -"): who wrote the story,
#: never what a figure measures ("Economists polled by Reuters expected a rise of 3.2%")
WIRES = frozenset({"reuters", "ap", "afp", "bloomberg", "xinhua", "dpa", "ani", "pti",
                   "ians", "kyodo", "yonhap", "upi", "tass", "efe", "ansa", "bernama",
                   "aap", "anadolu", "interfax", "argus", "platts"})

MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                   r"October|November|December)\b")

STOPWORDS = {"of", "to", "and", "or", "in", "on", "at", "by", "for", "from", "the", "a",
             "an", "that", "which", "who", "is", "was", "were", "are", "be", "have", "has",
             "had", "with", "as", "than", "per", "it", "its", "this", "these", "those",
             "such", "more", "less", "over", "under", "about", "worth", "percent", "them",
             "us", "you", "times", "into", "up", "down", "ago", "later", "earlier"}

#: words that say how many, never of what: numbers, fractions, ordinals, scales, per cent,
#: and the nouns of quantity ('the number of', 'a total of', 'the share of')
NUMBER_WORDS = frozenset({
    *(w for w in CARDINALS if " " not in w), *MULTIPLES, "dozen", "dozens", "hundreds",
    "thousands", "millions", "billions", "score", "scores", "several", "few", "couple",
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
    "fifths", "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth",
    "ninths", "tenth", "tenths", "first", "second", "eleventh", "twelfth", "twentieth",
    "hundredth", "thousandth", "millionth", "hundred", "thousand", "million", "billion",
    "trillion", "bn", "mn", "mln", "bln", "tn", "lakh", "lakhs", "crore", "crores", "percent",
    "cent", "pct", "per", "point", "points", "times", "fold", "number", "numbers", "total",
    "amount", "share", "proportion", "percentage", "majority", "minority", "figure",
    "figures", "rest", "bulk", "part", "portion", "record", "level", "all", "some", "no"})


def ambiguous_unit(word: str) -> bool:
    """A unit word claimcheck refuses as ambiguous ('MT', 'pounds'): kept with its TODO."""
    from ..quantities import units

    try:
        units.resolve_word(word, {}, frozenset())
    except ClaimcheckError:
        return True
    return False


def noun_like(word: str) -> bool:
    """A plural noun ('positions', 'Americans'), or one claimcheck counts: what can follow
    a number as the thing counted, unlike 'wrote', 'set' or 'since'."""
    from ..quantities import units

    lowered = word.lower()
    return units.is_count(word) or (lowered.endswith("s") and len(lowered) > 3
                                    and lowered not in STOPWORDS
                                    and not lowered.endswith(("ss", "us", "is")))


def counted_word(word: str) -> bool:
    """A word after a number that makes it a count or an amount ('40 people', '5 kg'),
    so that 'In May 40 people' is no date."""
    from ..quantities import units

    return noun_like(word) or units.resolve_known(word, {}, frozenset())
