"""Writing a draft claim file from the mentions `extract` found."""

from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostics import ClaimcheckError
from ..reading.changes import CHANGE_NOUNS, COMPARATIVE_DIRECTIONS, PREFIX_VERBS
from ..reading.words import MULTIPLES
from .dates import CALENDAR_WORDS
from .mentions import NUMBER_WORDS, STOPWORDS, WIRES, Draft, Mention
from .scaffold import yaml_string

_KINDS = {"[mass]": "mass", "[length]": "distance", "[length] ** 3": "volume",
          "[time]": "period", "[percentage_point]": "points", "[length] ** 2": "area",
          "[length] ** 2 * [mass] / [time] ** 2": "energy",
          "[length] ** 2 * [mass] / [time] ** 3": "power"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _base_name(m: Mention, previous: str = "") -> tuple[str, str]:
    """A figure's name: the noun it counts ('61,000 eligible voters', '3.7 million tons of
    coal', 'a cut of 5% in costs'), else the noun of its clause ('Coal exports fell 5%'),
    with its kind when the kind says something ('exports_growth', 'voters_share') and the
    year its words give ('exports_2023').  Never a number word, a fraction, a unit or a
    month: 'About two-thirds of the 61,000 eligible voters' names 'eligible_voters'.
    ``previous`` is the noun of the figure before it in the sentence, for ', up 12%'.
    Returns the name and its noun."""
    if m.comma:
        return "figure", ""
    kind = _kind(m)
    counted = _counted(m)
    noun = _slug(counted or _subject(m, previous) or "")
    # a counted noun says what a plain count is: 'voters', not 'voters_figure'
    keep = kind in _GENERIC and not (counted and kind == "figure") and kind != noun
    parts = [noun, kind if keep or not noun else "", _year(m)]
    return "_".join(p for p in parts if p), noun


def _kind(m: Mention) -> str:
    from ..quantities import unit_math

    reading = m.reading
    if reading is None:
        return "figure"
    if any("is a change" in n for n in reading.notes):
        return "growth" if reading.quantity.central >= 0 else "fall"
    label = reading.quantity.label or ""
    if reading.period is not None:
        return "period"
    if reading.unit_text.startswith("%"):
        return "share"
    dims = unit_math.dimension_text(reading.quantity.unit)
    if "currency" in dims:
        return "amount"
    if label in ("times", "fold"):
        return "multiple"
    if label.startswith("per "):
        return "rate"
    return _KINDS.get(dims, "figure")


#: how far before a figure its noun is looked for (a sentence can be an article long)
MAX_CONTEXT = 300
#: kinds that say little on their own: kept beside the noun ('exports_share')
_GENERIC = {"share", "growth", "fall", "amount", "figure", "period", "points", "multiple"}
_NOT_SUBJECTS = {"is", "was", "were", "are", "be", "been", "that", "this", "it", "there",
                 "said", "says", "show", "shows", "showed", "total", "average", "record",
                 "estimated", "some", "about", "around", "nearly", "almost", "over", "more",
                 "than", "up", "down", "by", "to", "of", "from", "in", "on", "at", "for",
                 "with", "and", "or", "a", "an", "the", "its", "their", "his", "her",
                 "rose", "fell", "grew", "increased", "decreased", "dropped", "declined",
                 "rise", "fall", "increase", "decrease", "drop", "decline", "cut", "reached",
                 "hit", "stood", "totalled", "totaled", "exported", "imported", "last",
                 "next", "previous", "latest", "same", "other", "another", "these", "those",
                 "while", "whereas", "year", "period", "decade", "terms", "basis", "high",
                 "low", "highest", "lowest", "top", "worst", "best", "least", "no", "term",
                 "away", "apart", "nationwide", "worldwide", "overall", "earlier", "later",
                 "out", "off", "till", "time", "end", "start", "beginning", "middle",
                 "close", "quite", "rather", "seeing", "saying", "paying", "buying", "giving",
                 "going", "doing", "using", "however", "meanwhile", "instead", "despite",
                 "short", "stands", "remains", "totals", "reaches", "represents", "accounts",
                 "amounts", "exceeds", "tops", "hits", "equals", "means", "implies",
                 "suggests", "includes", "contains", "receives", "employs", "handles",
                 # what frames a figure, not what it measures: 'in December alone', 'set
                 # aside', 'an additional', 'per capita', 'a head', 'a 12-month high of'
                 "alone", "aside", "additional", "extra", "further", "capita", "head",
                 "apiece", "month", "months", "week", "weeks", "day", "days", "hour",
                 "hours", "years", "decades", "peak", "peaks", "highs", "lows", "records",
                 "levels", *WIRES}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "which", "who", "that", "this"}
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’]s\b)?|\d[\d,.]*|\S")


def _bare(token: str) -> str:
    return re.sub(r"['’]s$", "", token)


def _namable(token: str) -> bool:
    """A word that can name what a figure measures: not a number word, a fraction, a unit,
    a month, a verb or a function word; every part of 'voting-age'."""
    word = _bare(token)
    lowered = word.lower()
    if "-" in word:
        return all(_namable(part) for part in word.split("-"))
    return (word.isalpha() and lowered not in NUMBER_WORDS and lowered not in STOPWORDS
            and lowered not in _NOT_SUBJECTS and lowered not in PREFIX_VERBS
            and lowered not in CHANGE_NOUNS and lowered not in CALENDAR_WORDS
            and _nounish(word) and not _is_unit(word))


def _counted(m: Mention) -> str | None:
    """The noun a figure counts: its unread unit word ('12 widgets'), its count label
    ('4,500 average households'), or what follows 'of' ('3.7 million tons of coal', 'half
    of 300 schools'), and after a change noun 'in' ('a cut of 5% in costs')."""
    if m.todo is not None and m.todo.lower() not in NUMBER_WORDS and not _is_unit(m.todo):
        return m.todo
    label = m.reading.quantity.label if m.reading is not None else None
    if label:  # 'deaths per 100,000 people': the deaths; 'per shift': none
        head = re.split(r"\b(?:per|and|or|of|in|for|from|at|by|with|every|a|an)\b", label)[0]
        found = _noun_phrase(re.sub(r"^(?:more|fewer|less)\s", "", head))
        if found:
            return found
    context = m.context[:160]
    if m.todo is not None:  # "5 MT of coal": the words after the unit word
        context = context.lstrip()[len(m.todo) :]
    context = re.sub(r"^\s*\([^()]*\)", "", context)  # "two in three (68%) of"
    after = re.match(r"\s*(?:(of|in)\s|(?=[A-Za-z]))", context)
    if not after or (after.group(1) == "in" and not any(
            w in CHANGE_NOUNS for w in m.stated.lower().split())):
        return None
    if not after.group(1) and m.todo is not None:
        return None  # "2015 figures reports": no noun after an unread word
    # "half the prisons", "doubled our debt": past 'the' after a fraction or a multiple
    whole = m.stated.rsplit(None, 1)[-1].lower() in _WHOLE_OF
    found = _noun_phrase(context[after.end() :], after.group(1) is not None or whole)
    # "71% voter turnout", but not "a 143% fuel increase in Nigeria"
    return None if found and after.group(1) == "in" and found[:1].isupper() else found


_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "these", "those", "each"}
_WHOLE_OF = {*MULTIPLES, "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
             "tenth", "tenths", "times"}
#: words that end a noun phrase: 'voters in ...', 'coal exported to ...', 'gas rose'
_PHRASE_ENDS = STOPWORDS | {"is", "was", "were", "are", "be", "been", "said", "says", "while",
                            "whereas", "last", "next", "this", "that", "than", "when", "where",
                            "excluding", "including", "except", "despite", "amid",
                            *COMPARATIVE_DIRECTIONS}


def _noun_phrase(text: str, skip: bool = True) -> str | None:
    """The noun a phrase opens with (its last word, up to four, or its first plural), with
    the noun before it: 'the 61,000 eligible voters in the port district' ->
    'eligible_voters', 'liquefied natural gas' -> 'natural_gas', 'registered voters cast
    ballots' -> 'voters'; none for 'this financial year'.  ``skip``: past 'the', numbers and
    'all' ('of the 61,000 ...'), which end a phrase right after a figure ('10% this time')."""
    run: list[re.Match[str]] = []
    for t in _TOKEN.finditer(text):
        word = t.group().lower()
        if not run and (word[0].isdigit() or word in NUMBER_WORDS or word in _DETERMINERS):
            if skip:
                continue
            break
        if not word[0].isalpha() or word in _PHRASE_ENDS or word in _NOT_NOUNS or (
                word in PREFIX_VERBS) or (run and word.endswith("ed") and _namable(
                run[-1].group())):
            break  # 'in', 'rose', 'coal exported by sea'; not 'fully vaccinated adults'
        run.append(t)  # 'average', 'U.S.', 'liquefied', 'natural', 'gas'
        if len(run) == 4 or (_plural(t.group()) and _namable(t.group())):
            break
    if run and _namable(run[-1].group()):
        return _compound(text, run, len(run) - 1)
    return None


def _plural(token: str) -> bool:
    word = token.lower()
    return len(word) > 3 and word.endswith("s") and not word.endswith(
        ("ss", "us", "is", "'s", "’s"))


def _compound(text: str, tokens: list[re.Match[str]], i: int) -> str:
    """A noun with the noun it depends on: 'Exports of coal' -> 'coal_exports'; or with the
    noun before it: 'electricity use' -> 'electricity_use', not after 'China's'."""
    word = _bare(tokens[i].group())

    def joined(a: int, b: int) -> bool:
        return not text[tokens[a].end() : tokens[b].start()].strip()

    j = i - 1  # back over the words between 'of' and the noun: 'of liquefied natural gas'
    while j >= 0 and i - j <= 3 and joined(j, j + 1) and tokens[j].group().lower() != "of" and (
            tokens[j].group()[0].isalpha()) and tokens[j].group().lower() not in STOPWORDS - {
            "the", "its", "their"}:
        j -= 1
    if (j >= 1 and tokens[j].group().lower() == "of" and joined(j - 1, j) and joined(j, j + 1)
            and _namable(tokens[j - 1].group()) and "'" not in tokens[j - 1].group()):
        return f"{word}_{tokens[j - 1].group()}"
    prev = tokens[i - 1].group() if i >= 1 else ""
    if prev and joined(i - 1, i) and _namable(prev) and not re.search(r"['’-]", prev) and (
            prev.lower() != word.lower() and (prev[0].isupper() or not word[0].isupper())):
        return f"{prev}_{word}"  # not 'means Trump', nor before "China's"
    return word


def _subject(m: Mention, previous: str = "") -> str | None:
    """The noun of the figure's clause: the nearest before it ('Exports rose to 4.2 million
    tonnes' -> 'exports'), not the verb of 'the terminal handles 40 ships'.  In a clause
    with none (', up 12%', ', or 48.7 million tonnes'), that of the clause before it (up
    to a ';'): the noun of its figure (``previous``), else its subject, else its last
    noun ('while they were brisk at river ports, swelling 8.7%')."""
    at = m.quote.find(m.stated)
    if at < 0:
        return None
    # asides out: "(excluding anthracite)", "— with a stray character —"
    # and "spend (£500 billion": the noun before the bracket
    before = re.sub(r"\([^()]*\)|\s(?:--?|[–—])\s[^()–—]*?\s(?:--?|[–—])\s|\(\s*$", " ",
                    m.quote[max(0, at - MAX_CONTEXT) : at].rsplit(";", 1)[-1])
    for k, whole in enumerate(reversed(re.split(r"[:()]|,(?!\d)|\s(?:--?|[–—])\s", before))):
        if k and previous and re.search(r"\d", whole):
            return previous  # "7.2 million tonnes of LNG in October, up 12%"
        if k and (found := _noun_phrase(whole)):
            return found
        clause = re.split(r"\d|[$€£¥]", whole)[0] if k else whole  # in front of its figure
        tokens = list(_TOKEN.finditer(clause))
        for i in range(len(tokens) - 1, -1, -1):
            if not _namable(tokens[i].group()):
                continue
            if not k and i == len(tokens) - 1 and _verb_before(clause, tokens, m.stated):
                continue  # 'the terminal handles', 'it plans'
            return _compound(clause, tokens, i)
    return None


def _verb_before(clause: str, tokens: list[re.Match[str]], stated: str) -> bool:
    """The clause ends in a verb just before the figure: a word in -s after a noun or a
    pronoun ('the terminal handles one ship', 'it plans a cut of 5%'; not 'natural gas
    rose to ...', whose figure starts with its verb)."""
    last, word = tokens[-1], tokens[-1].group().lower()
    if clause[last.end() :].strip() or len(tokens) < 2 or not word.endswith("s") or (
            word.endswith(("ss", "us", "is", "as", "'s", "’s"))) or (
            stated.lstrip().partition(" ")[0].lower() in PREFIX_VERBS):
        return False
    prev = tokens[-2].group()
    # 'the terminal handles', 'Mexico receives': a determiner or a name first; not 'has
    # seen coal exports more than double'
    article = tokens[-3].group() if len(tokens) > 2 else ""
    return not clause[tokens[-2].end() : last.start()].strip() and (
        prev.lower() in _PRONOUNS or (_namable(prev) and "'" not in prev and "’" not in prev
                                      and (article.lower() in _DETERMINERS | {"a", "an"}
                                           or article.endswith(("'s", "’s"))
                                           or not article or prev[0].isupper())))


_NOT_NOUNS = {"along", "but", "make", "made", "take", "taken", "think", "get", "got", "go",
              "went", "gone", "come", "came", "see", "saw", "seen", "say", "tell", "told",
              "give", "gave", "given", "know", "knew", "known", "find", "found", "like",
              "just", "only", "also", "still", "even", "well", "now", "then", "when",
              "where", "while", "after", "before", "since", "until", "into", "onto", "upon",
              "across", "against", "between", "among", "through", "during", "within",
              "without", "because", "although", "though", "if", "whether", "would", "could",
              "should", "will", "can", "may", "might", "must", "has", "have", "had", "not",
              "than", "very", "much", "many", "most", "least", "each", "every", "per",
              "which", "who", "whom", "whose", "what", "how", "why", "so", "such", "ago",
              "spent", "paid", "sold", "bought", "held", "built", "won", "lost", "cost",
              "left", "kept", "led", "meant", "met", "ran", "sent", "took", "brought",
              "thought", "caught", "fought", "sought", "felt", "dealt", "lent", "shot",
              "struck", "spoke", "wrote", "drove", "put", "set", "became", "began", "drew",
              "flew", "shown", "grown", "being", "having", "making", "taking", "rising",
              "falling", "growing", "standing", "reaching", "including", "according",
              "compared", "hovering", "totalling", "totaling", "averaging", "exceeding",
              "representing", "accounting", "bringing", "leaving", "getting", "says",
              "did", "does", "done", "ended", "versus", "via", "almost"}


def _nounish(word: str) -> bool:
    """A word that can name what a figure measures: not a past tense ('filmed'), an
    adverb ('nearly') or a function word ('along', 'but')."""
    lowered = word.lower()
    return len(lowered) > 2 and lowered not in _NOT_NOUNS and not lowered.endswith(
        ("ed", "ly")) and not (lowered.endswith("ing") and len(lowered) > 6)


def _is_unit(word: str) -> bool:
    """'tonnes', 'million', 'USD': words of a figure, not of what it measures."""
    from ..quantities import units

    if word.lower() in {"thousand", "million", "billion", "trillion", "bn", "mn"}:
        return True
    try:
        found = units.resolve_word(word, {}, frozenset())
    except ClaimcheckError:
        return True
    return found is not None and found.label is None


def _year(m: Mention) -> str:
    """The year the figure is for, when its own words name one: 'in 2023', '2022's'."""
    found = re.match(r"\s*(?:in|for|of|during)\s+((?:19|20)\d\d)\b", m.context)
    return found.group(1) if found else ""


def _todo_advice(word: str) -> str:
    from ..quantities import units

    try:
        units.resolve_word(word, {}, frozenset())
    except ClaimcheckError as err:
        return err.diagnostic.hint or err.diagnostic.message
    return f"'{word}' is not a unit claimcheck reads; list it under counts: or rewrite"


def _unnamed(m: Mention, wire: str) -> Mention:
    """The mention with the wire its article's dateline names blanked out, for naming: a
    wire is who wrote the story ('(Wire)'), never what a figure measures."""
    if not wire:
        return m
    blank = re.compile(rf"(?<!\w){re.escape(wire)}(?!\w)", re.I)
    return replace(m, quote=blank.sub(lambda w: "·" * len(w.group()), m.quote),
                   context=blank.sub(lambda w: "·" * len(w.group()), m.context))


def render_draft(draft: Draft, schema: str | None = None) -> str:
    a = draft.article
    names: dict[str, int] = {}
    lines = [f"# yaml-language-server: $schema={schema}" if schema else
             "# Draft written by `claimcheck extract`: check every figure against the article,",
             "# Draft written by `claimcheck extract`: check every figure against the article,"
             if schema else "# resolve the TODOs, remove what is not arithmetic, then add checks.",
             "# resolve the TODOs, remove what is not arithmetic, then add checks." if schema
             else "# Format: docs/claim-format.md",
             "claimcheck: 1", "", "source:",
             f"  publisher: {yaml_string(a.publisher or 'TODO')}",
             f"  title: {yaml_string(a.title or 'TODO')}",
             f"  url: {yaml_string(a.url or 'TODO')}",
             f"  published: {yaml_string(a.published or 'TODO')}", ""]
    if a.published_note and not a.published:
        lines[-2] += f"  # TODO: {a.published_note}; write it as YYYY-MM-DD"
    if draft.dates:  # as written, apart: "March 3; 2023" is no "March 3, 2023"
        lines.append("# Dates mentioned (not figures): " + "; ".join(draft.dates))
        lines.append("")
    lines.append("figures:")
    previous = ("", "")  # the last figure's quote and noun
    for m in draft.mentions:
        base, noun = _base_name(_unnamed(m, a.wire),
                                previous[1] if previous[0] == m.quote else "")
        previous = (m.quote, noun or (previous[1] if previous[0] == m.quote else ""))
        names[base] = names.get(base, 0) + 1
        name = base if names[base] == 1 else f"{base}_{names[base]}"
        lines.append(f"  {name}:")
        stated = m.stated if m.todo is None else f"{m.stated} {m.todo}"
        lines.append(f"    stated: {yaml_string(stated)}")
        if m.comma:
            lines[-1] += "  # TODO: a decimal comma? write the figure with a decimal point"
        elif m.todo is not None:
            lines[-1] += f"  # TODO: {_todo_advice(m.todo)}"
        lines.append(f"    quote: {yaml_string(m.quote)}")
    lines += ["", "checks: []", "# To add checks, replace the line above with a list:",
              "# checks:", "#   - id: first-check", "#     claim: \"...\"",
              "#     assert: part / total == stated_share", "#     expect: consistent", ""]
    return "\n".join(lines)
