"""Writing a draft claim file from the mentions `extract` found."""

from __future__ import annotations

import re

from ..diagnostics import ClaimcheckError
from .mentions import MONTH, STOPWORDS, Draft, Mention
from .scaffold import yaml_string

_KINDS = {"[mass]": "mass", "[length]": "distance", "[length] ** 3": "volume",
          "[time]": "period", "[percentage_point]": "points"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _base_name(m: Mention) -> str:
    from ..quantities import units

    reading = m.reading
    if m.comma:
        return "figure"
    if m.todo is not None:
        return _slug(m.todo)  # "12 widgets": the noun names it
    kind = "figure"
    if reading is not None:
        unit = reading.quantity.unit
        dims = units.dimension_text(unit)
        if reading.period is not None:
            kind = "period"
        elif reading.unit_text.startswith("%"):
            kind = "share"
        elif "currency" in dims:
            kind = "amount"
        elif reading.quantity.label:
            kind = _slug(reading.quantity.label)
        else:
            kind = _KINDS.get(dims, "figure")
    if reading is not None and any("is a change" in n for n in reading.notes):
        kind = "growth" if reading.quantity.central >= 0 else "fall"
    words = re.findall(r"[A-Za-z]+", m.context.split(",")[0])
    noun = None
    if words[:1] == ["of"]:  # "3.7 million tons of coal"
        noun = next((w for w in words[1:] if w.lower() not in STOPWORDS), None)
    noun = noun or _subject(m)
    year = _year(m)
    parts = [p for p in (_slug(noun) if noun else "", kind if kind in _GENERIC or not noun
                         else "", year) if p]
    if noun and _slug(noun) == kind:
        parts = [kind, year] if year else [kind]
    if kind in ("growth", "fall") and noun:
        parts = [_slug(noun), kind, year] if year else [_slug(noun), kind]
    return "_".join(parts) if parts else kind


#: kinds that say little on their own: kept beside the noun ('exports_share')
_GENERIC = {"share", "growth", "fall", "amount", "figure", "period", "points"}
_NOT_SUBJECTS = {"is", "was", "were", "are", "be", "been", "that", "this", "it", "there",
                 "said", "says", "show", "shows", "showed", "total", "average", "record",
                 "estimated", "some", "about", "around", "nearly", "almost", "over", "more",
                 "than", "up", "down", "by", "to", "of", "from", "in", "on", "at", "for",
                 "with", "and", "or", "a", "an", "the", "its", "their", "his", "her",
                 "rose", "fell", "grew", "increased", "decreased", "dropped", "declined",
                 "rise", "fall", "increase", "decrease", "drop", "decline", "cut", "reached",
                 "hit", "stood", "totalled", "totaled", "exported", "imported"}


def _subject(m: Mention) -> str | None:
    """The nearest noun before the figure in its clause: 'Exports rose to 4.2 million
    tonnes' -> 'exports'."""
    at = m.quote.find(m.stated)
    if at < 0:
        return None
    clause = re.split(r"[,;:()]", m.quote[:at])[-1]
    words = [w for w in re.findall(r"[A-Za-z]+", clause)
             if w.lower() not in _NOT_SUBJECTS and w.lower() not in STOPWORDS
             and not _is_unit(w) and not MONTH.fullmatch(w) and _nounish(w)]
    return words[-1] if words else None


_NOT_NOUNS = {"along", "but", "make", "made", "take", "taken", "think", "get", "got", "go",
              "went", "gone", "come", "came", "see", "saw", "seen", "say", "tell", "told",
              "give", "gave", "given", "know", "knew", "known", "find", "found", "like",
              "just", "only", "also", "still", "even", "well", "now", "then", "when",
              "where", "while", "after", "before", "since", "until", "into", "onto", "upon",
              "across", "against", "between", "among", "through", "during", "within",
              "without", "because", "although", "though", "if", "whether", "would", "could",
              "should", "will", "can", "may", "might", "must", "has", "have", "had", "not",
              "than", "very", "much", "many", "most", "least", "each", "every", "per",
              "which", "who", "whom", "whose", "what", "how", "why", "so", "such", "ago"}


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
    if draft.dates:
        lines.append("# Dates mentioned (not figures): " + ", ".join(draft.dates))
        lines.append("")
    lines.append("figures:")
    for m in draft.mentions:
        base = _base_name(m)
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
