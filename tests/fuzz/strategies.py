"""Hypothesis strategies for what strangers send claimcheck: figure texts, expressions,
claim files, articles, lock files and configuration.

The generators follow the grammar closely enough to reach deep code (a figure that reads,
a claim file that validates) and stray from it often enough to find the edges: hostile
characters, huge and tiny numbers, wrong types, odd nesting.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

HOSTILE_CHARS = ["\x1b[31m", "\x00", "\u202e", "\u2028", "\ufeff", "\x85", "\ud800", "²",
                 "٣", "½", "\t", "\r", "🙂", "'", '"', "\\", "{", "}", "[", "]", "#", "&a", "*a"]

HEDGES = ["", "about ", "nearly ", "more than ", "at least ", "up to ", "less than ",
          "roughly ", "exactly ", "well over ", "just under ", "some ", "an estimated ",
          "almost ", "over ", "under ", "~"]
NUMBERS = ["0", "1", "3.7", "10,000", "370", "2.5e6", "1e-90", "1e99", "0.0001", "12",
           "-6", "7.2 to 7.6", "-2 to 3", "5 ± 0.5", "three", "a third", "nine in ten",
           "1 in 4,000", "1/4", "twice", "several", "half a million", "three and a half",
           "99999999999999999999", "1,234.5", "٣٧٠", "١٢", "2,5"]
SCALES = ["", " million", " billion", " trillion", " thousand", "m", "bn", " lakh",
          " crore", " hundred"]
UNITS = ["", " t", " tons", " tonnes", " barrels", " bbl", " people", " voyages", "%",
         " percent", " percentage points", " pp", " km", " km^2", " km²", " hectares",
         " USD", " times", " hours", " days", " kg", " MW", " GWh", " per cent", " ships",
         " metres", " decades", " widgets", " degrees", " °C", " mph", " L/(100 km)"]
RATES = ["", " a year", " per day", " per 100,000 people", " every 40 seconds", "/t",
         " per tonne", " annually", " a day"]
CURRENCIES = ["", "$", "US$", "€", "£", "Rs", "USD ", "¥"]
TAILS = ["", " of coal", " in 2019", " worth $370 million", ".", ", about 4.1 million t",
         " aged 18 to 64", " (MT)", " more", " than before"]


@st.composite
def figure_texts(draw: st.DrawFn) -> str:
    """A figure as a report might state it, or something close to one."""
    text = (draw(st.sampled_from(HEDGES)) + draw(st.sampled_from(CURRENCIES))
            + draw(st.sampled_from(NUMBERS)) + draw(st.sampled_from(SCALES))
            + draw(st.sampled_from(UNITS)) + draw(st.sampled_from(RATES))
            + draw(st.sampled_from(TAILS)))
    if draw(st.integers(0, 9)) == 0:  # now and then, something hostile inside it
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE_CHARS)) + text[at:]
    return text


NAMES = ["a", "b", "c", "total", "share"]
FUNCTIONS = ["min", "max", "abs", "sum", "mean", "ratio", "share", "pct_change", "pp_change",
             "compound", "annualize", "cagr", "per", "percent_of", "possible_share", "grim"]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    """An expression over the names a, b, c, total and share, with literals, operators,
    powers, functions and display units."""
    choice = draw(st.integers(0, 9 if depth < 4 else 2))
    if choice <= 1:
        return draw(st.sampled_from(NAMES))
    if choice == 2:
        return draw(figure_texts())
    if choice <= 5:
        op = draw(st.sampled_from(["+", "-", "*", "/", " per "]))
        return f"{draw(expressions(depth + 1))} {op} {draw(expressions(depth + 1))}"
    if choice == 6:
        exponent = draw(st.sampled_from(["2", "-1", "12", "13", "0", "2.5"]))
        return f"({draw(expressions(depth + 1))})^{exponent}"
    if choice == 7:
        args = draw(st.lists(expressions(depth + 1), min_size=1, max_size=4))
        return f"{draw(st.sampled_from(FUNCTIONS))}({', '.join(args)})"
    if choice == 8:
        return f"-{draw(expressions(depth + 1))}"
    unit = draw(st.sampled_from(["%", "t", "USD/t", "km^2", "pp", "people per day", "x"]))
    return f"{draw(expressions(depth + 1))} in {unit}"


RELATIONS = ["==", "<", "<=", ">", ">="]


@st.composite
def claim_files(draw: st.DrawFn) -> str:
    """A claim file: mostly valid structure, figures and checks from the strategies above,
    sometimes with a section of the wrong type or a hostile key."""
    figures = {name: draw(figure_texts()) for name in ["a", "b", "c", "total", "share"]
               if draw(st.booleans())}
    lines = ["source: {publisher: Wire, url: 'https://example.org/a', published: 2024}",
             "figures:"]
    lines += [f"  {name}: {{stated: {json.dumps(text, ensure_ascii=False)}}}"
              for name, text in figures.items()] or ["  a: {stated: 1 t}"]
    if draw(st.booleans()):
        lines.append("derived:")
        lines += [f"  d{i}: {{expr: {json.dumps(draw(expressions()), ensure_ascii=False)}}}"
                  for i in range(draw(st.integers(1, 3)))]
    lines.append("checks:")
    for i in range(draw(st.integers(1, 3))):
        left, right = draw(expressions()), draw(expressions())
        assertion = f"{left} {draw(st.sampled_from(RELATIONS))} {right}"
        lines.append(f"  - {{id: c{i}, claim: x, assert: "
                     f"{json.dumps(assertion, ensure_ascii=False)}}}")
    text = "\n".join(lines) + "\n"
    mutation = draw(st.integers(0, 14))
    if mutation == 0:
        text = text.replace("figures:", "figures: 5\nx:")
    elif mutation == 1:
        text = text.replace("checks:", "checks: {a: 1}\nnot_checks:")
    elif mutation == 2:
        text = "&x [" * draw(st.integers(1, 40)) + text
    elif mutation == 3:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE_CHARS)) + text[at:]
    return text


WORDPRESS_FIELDS = [json.dumps("T"), "5", "null", "[1]", json.dumps({"rendered": "T"}),
                    json.dumps({"rendered": 7}), '"\\ud800"']


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Article text, HTML or a WordPress export, with figures, months and abbreviations."""
    words = draw(st.lists(st.one_of(
        figure_texts(), st.sampled_from(["In", "January", "to", "August", "2019", "Feb.",
                                         "Mr.", "U.S.", "the", "ship", "said", "on", "March",
                                         "4", ".", "\n\n", "<p>", "</p>", "&amp;"])),
        max_size=60))
    body = " ".join(words)
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return body
    if kind == 1:
        return f"<html><head><title>{body[:30]}</title></head><body><p>{body}</p></body></html>"
    title, content = draw(st.sampled_from(WORDPRESS_FIELDS)), json.dumps({"rendered": body})
    link, date = draw(st.sampled_from(WORDPRESS_FIELDS)), draw(st.sampled_from(WORDPRESS_FIELDS))
    return (f'{{"title": {title}, "content": {content}, "link": {link}, "date": {date}, '
            '"og_site_name": "Wire"}')


LOCK_VALUES = ["1.0", "-inf", "inf", "nan", "1e308", "9" * 30, "true", '"consistent"',
               '"t\\u001b[5m"', "[]", "{}", "0.5", '"maybe"']


@st.composite
def locks(draw: st.DrawFn) -> str:
    """A lock file, as claimcheck writes it or as a hostile pull request might."""
    lines = [f"version = {draw(st.sampled_from(['1', '2', 'true', '1.0']))}"]
    for kind in ("derived", "checks"):
        lines.append(f'[files."a.yaml".{kind}.p]')
        for key in draw(st.lists(st.sampled_from(
                ["value", "low", "high", "hedged_low", "hedged_high", "unit", "verdict",
                 "stated_value", "error", "other"]), max_size=6, unique=True)):
            lines.append(f"{key} = {draw(st.sampled_from(LOCK_VALUES))}")
    return "\n".join(lines) + "\n"


CONFIG_LINES = ["fail-on = \"hedge\"", "fail-on = 3", "strict = true", "strict = \"yes\"",
                "claimcheck = 1", "[claimcheck]", "tool = 1", "[tool]", "[tool.claimcheck]",
                "x = " + "9" * 30, "unknown = 1", "fail-on = \"never\""]


@st.composite
def configs(draw: st.DrawFn) -> tuple[str, str]:
    """A claimcheck.toml or pyproject.toml: (file name, text)."""
    name = draw(st.sampled_from(["claimcheck.toml", "pyproject.toml"]))
    return name, "\n".join(draw(st.lists(st.sampled_from(CONFIG_LINES), max_size=5))) + "\n"
