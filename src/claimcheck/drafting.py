"""Writing a draft claim file from the mentions `extract` found."""

from __future__ import annotations

import json
import re

from .diagnostics import ClaimcheckError
from .extract import _STOPWORDS, Draft, Mention

_KINDS = {"[mass]": "mass", "[length]": "distance", "[length] ** 3": "volume",
          "[time]": "period", "[percentage_point]": "points"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _base_name(m: Mention) -> str:
    from . import units

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
    words = re.findall(r"[A-Za-z]+", m.context.split(",")[0])
    if words[:1] == ["of"]:
        noun = next((w for w in words[1:] if w.lower() not in _STOPWORDS), None)
        if noun:
            return f"{_slug(noun)}_{kind}" if kind != _slug(noun) else kind
    return kind


def _todo_advice(word: str) -> str:
    from . import units

    try:
        units.resolve_word(word, {}, frozenset())
    except ClaimcheckError as err:
        return err.diagnostic.hint or err.diagnostic.message
    return f"'{word}' is not a unit claimcheck reads; list it under counts: or rewrite"


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


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
             f"  publisher: {_yaml_string(a.publisher or 'TODO')}",
             f"  title: {_yaml_string(a.title or 'TODO')}",
             f"  url: {_yaml_string(a.url or 'TODO')}",
             f"  published: {a.published or 'TODO'}", ""]
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
        lines.append(f"    stated: {_yaml_string(stated)}")
        if m.comma:
            lines[-1] += "  # TODO: a decimal comma? write the figure with a decimal point"
        elif m.todo is not None:
            lines[-1] += f"  # TODO: {_todo_advice(m.todo)}"
        lines.append(f"    quote: {_yaml_string(m.quote)}")
    lines += ["", "checks: []", "# To add checks, replace the line above with a list:",
              "# checks:", "#   - id: first-check", "#     claim: \"...\"",
              "#     assert: part / total == stated_share", "#     expect: consistent", ""]
    return "\n".join(lines)
