"""`claimcheck extract`: numeric mentions from articles, as a draft claim file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.api import check_file
from claimcheck.authoring.drafting import render_draft
from claimcheck.authoring.extract import find_mentions, load_article, sentences
from claimcheck.authoring.lint import lint_text
from claimcheck.cli import app
from claimcheck.diagnostics import Severity

from .conftest import ROOT

runner = CliRunner()
FIXTURES = ROOT / "tests" / "fixtures"
EXPORT = FIXTURES / "asiapress-forpro3-2020-04-30.wp.json"
ARTICLES = FIXTURES / "articles"


def _draft(path: Path):  # type: ignore[no-untyped-def]
    return find_mentions(load_article(path.read_text(encoding="utf-8", errors="replace")))


def test_broken_wordpress_export_is_read_with_its_metadata() -> None:
    article = load_article(EXPORT.read_text(encoding="utf-8"))
    assert article.title.startswith("＜N. Korea Pro Report (Part 3)＞ How is N. Korea’s Economy")
    assert article.url == ("https://www.02.asiapress.org/rimjin-gang/2020/04/"
                           "recommendations/forpro3/")
    assert article.published == "2020-04-30" and article.publisher == "ASIAPRESS"
    assert "about 3.7 million tons of coal" in article.text and "<p>" not in article.text


def test_every_figure_the_bundled_claims_use_is_found() -> None:
    mentions = _draft(EXPORT).mentions
    found = {(m.reading.quantity.central, m.reading.unit_text.split("/")[0])
             for m in mentions if m.reading}
    claims = check_file(ROOT / "claims" / "asiapress-2020-04-30-state-smuggling.yaml")
    for figure in claims.figures:
        if figure.kind != "figure":
            continue
        assert figure.value is not None
        key = (figure.value.central, figure.value.unit.split("/")[0])
        assert key in found, (figure.name, figure.stated)


def test_quotes_are_whole_sentences_of_the_article() -> None:
    article = load_article(EXPORT.read_text(encoding="utf-8"))
    for mention in find_mentions(article).mentions:
        assert mention.quote in article.text
        assert mention.stated.lower() in mention.quote.lower()


def test_the_draft_passes_lint() -> None:
    draft = render_draft(_draft(EXPORT))
    result = lint_text("draft.yaml", draft)
    assert result.readable
    assert [d for d in result.all_diagnostics if d.severity is Severity.ERROR] == []


@pytest.mark.parametrize(("name", "expected", "absent"), [
    # "nearly 40% more than planned": a rise, drafted as such
    ("markets.html", ["€2.5bn", "nearly 40% more", "About one in five", "a third", "5,000-tonne",
                      "3 million people"], []),
    # a change is drafted with its direction words: "rose 26%", "rose to 4.2 million tonnes"
    ("budget.txt", ["£300m", "US$1.2 trillion", "Dozens of councils", "12 widgets", "rose 26%",
                    "$4.5 billion", "up 1.25 percentage points"], []),
    # "in March 2021" is a date, listed under dates, never a figure
    ("covid.txt", ["1,234 patients", "845 patients", "almost triple"],
     ["19", "101", "March 2021"]),
    ("broken.wp.json", ["rose to 4.2 million tonnes", "about $870 million"], []),
    ("control.txt", ["rose 6.0%", "6.6%", "13.1%", "two months"], []),
])
def test_snippets_with_tricky_numbers(name: str, expected: list[str], absent: list[str]) -> None:
    draft = _draft(ARTICLES / name)
    stated = [m.stated + (f" {m.todo}" if m.todo else "") for m in draft.mentions]
    for text in expected:
        assert text in stated, (text, stated)
    for text in absent:
        assert all(not s.startswith(text) for s in stated), stated


def test_unknown_units_are_kept_with_a_todo() -> None:
    text = render_draft(_draft(ARTICLES / "budget.txt"))
    assert 'stated: "12 widgets"  # TODO' in text


def test_sentences_do_not_break_at_abbreviations() -> None:
    assert sentences("N. Korea sold 3 t. The U.S. bought 2 t.") == [
        "N. Korea sold 3 t.", "The U.S. bought 2 t."]


def test_cli_writes_atomically_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(EXPORT), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "figures" in result.output and out.read_text(encoding="utf-8").count("stated:") > 15
    assert runner.invoke(app, ["extract", str(EXPORT), "-o", str(out)]).exit_code == 2
    assert runner.invoke(app, ["extract", str(tmp_path / "missing.txt")]).exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_extracted_without_crashing(text: str) -> None:
    render_draft(find_mentions(load_article(text)))


def test_html_metadata_and_no_scripts() -> None:
    draft = _draft(ARTICLES / "ledger.html")
    a = draft.article
    assert (a.title, a.publisher, a.published) == ("Rice prices soar", "The Daily Ledger",
                                                   "2023-06-14")
    assert a.url == "https://dailyledger.example.com/2023/06/rice"
    stated = [m.stated for m in draft.mentions]
    assert "12345" not in stated and "3.7 million tons" not in stated  # script, not article
    assert "between January and March 2023" in stated  # the whole period, not "March 2023"
    assert "Two dozen schools" in stated or "Two dozen" in stated
    assert not any(s in stated for s in ("44", "20", "7946", "0958", "0800", "123"))
    assert "15 March 2023" in draft.dates
    comma = next(m for m in draft.mentions if m.stated.startswith("12,5"))
    assert comma.comma and "decimal comma" in render_draft(draft)


def test_publisher_from_a_second_level_domain() -> None:
    from claimcheck.authoring.extract import publisher_from

    assert publisher_from("https://news.example.com.au/x") == "EXAMPLE"
    assert publisher_from("https://www.bbc.co.uk/news") == "BBC"


def test_plain_text_gives_headline_address_and_date_and_no_figures_from_urls() -> None:
    from claimcheck.authoring.extract import find_mentions, load_article

    article = load_article("Coal exports jump a fifth\nhttps://example.com/2024/03/coal-2023\n"
                           "2024-03-15\n\nExports rose to 4.2 million tonnes in 2023 from 3.5 "
                           "million tonnes in 2022 (https://example.gov/stats/2023/table-12).\n")
    assert article.title == "Coal exports jump a fifth"
    assert article.url == "https://example.com/2024/03/coal-2023"
    assert article.published == "2024-03-15"
    stated = [m.stated for m in find_mentions(article).mentions]
    assert stated == ["rose to 4.2 million tonnes", "3.5 million tonnes"]  # nothing from URLs


def test_names_come_from_the_nearest_noun() -> None:
    from claimcheck.authoring.drafting import render_draft
    from claimcheck.authoring.extract import find_mentions, load_article

    article = load_article("Exports rose to 4.2 million tonnes in 2023 from 3.5 million "
                           "tonnes in 2022. That is a rise of 20%. Imports fell 5%.\n")
    draft = render_draft(find_mentions(article))
    for name in ("exports_2023:", "exports_2022:", "growth:", "imports_fall:"):
        assert f"  {name}" in draft, draft
    assert "share_" not in draft


# --- names --------------------------------------------------------------------------------

def _names(text: str) -> dict[str, str]:
    """stated -> name, as the draft of a one-paragraph article writes them."""
    draft = render_draft(find_mentions(load_article(f"Headline\n\n{text}\n")))
    return dict((stated, name) for name, stated in re.findall(
        r'^  (\w+):\n    stated: "([^"]*)"', draft, re.M))


@pytest.mark.parametrize(("text", "expected"), [
    # the noun the figure counts comes first, never the fraction before it
    ("About two-thirds of the 61,000 eligible voters in the port district backed it.",
     {"About two-thirds": "eligible_voters_share", "61,000 eligible voters": "eligible_voters"}),
    ("Inspectors visited half of 300 schools.",
     {"half": "schools_share", "300 schools": "schools"}),
    ("A quarter of the 2,000 nurses left.",
     {"A quarter": "nurses_share", "2,000 nurses": "nurses"}),
    ("In all, £2.1m was spent on 4,500 average households.",
     {"4,500 average households": "households"}),
    ("Wisconsin had 3.2 million voters, for 71% voter turnout.",
     {"3.2 million voters": "voters", "71%": "voter_turnout_share"}),
    ("The company plans a cut of 5% in costs.", {"a cut of 5%": "costs_fall"}),
    # then the subject of the clause: 'exports of coal', not 'third'
    ("Exports of coal fell by a third to 1.1 million tonnes.",
     {"fell by a third": "coal_exports_fall", "1.1 million tonnes": "coal_exports"}),
    ("Fatalities were 31 per 100,000 residents.", {"31 per 100,000 residents": "fatalities"}),
    ("Electricity use hit 780 TWh, up 2.1 points.",
     {"780 TWh": "electricity_use", "up 2.1 points": "electricity_use_growth"}),
    # a clause with no noun takes the noun of the figure before it
    ("China's LNG imports rose to 7.2 million tonnes in October, up 12% from a year earlier.",
     {"rose to 7.2 million tonnes": "lng_imports", "up 12%": "lng_imports_growth"}),
    ("Crude oil imports averaged 11.5 million barrels per day (bpd), or 48.7 million tonnes "
     "in the month.", {"48.7 million tonnes": "oil_imports"}),
    # a verb is not a noun: 'handles', 'plans'; a month is not either
    ("The terminal handles 2.5 million tonnes a year.",
     {"2.5 million tonnes a year": "terminal_figure"}),
    ("The company's capacity is 6.5 MTPA, and it plans a cut of 5%.",
     {"6.5 MTPA": "capacity_figure", "a cut of 5%": "capacity_fall"}),
    ("May exports of 5 million tonnes rose.", {"5 million tonnes": "exports"}),
    # and with no noun at all, the kind
    ("In May 5 million tonnes were sold.", {"5 million tonnes": "mass"}),
])
def test_names_come_from_the_counted_noun_then_the_subject(
        text: str, expected: dict[str, str]) -> None:
    names = _names(text)
    for stated, name in expected.items():
        assert names.get(stated) == name, (stated, names)


AUDIT = """China's LNG imports jump 12% as new terminals open
https://www.example-energy.com/2023/11/15/china-lng-imports-2023-up-12pct
By Jane Doe
November 15, 2023

BEIJING, Nov 15 (Wire) - China's imports of liquefied natural gas rose to 7.2 million tonnes \
in October, up 12% from a year earlier, customs data showed on Wednesday.

Exports of coal fell by a third to 1.1 million tonnes, while 96 LNG carriers called at \
Chinese ports, an increase of 12,000 tonnes of capacity.

Crude oil imports averaged 11.5 million barrels per day (bpd), or 48.7 million tonnes in \
the month, and pipeline gas deliveries reached 3 bcm.

Prices rose to US$240 per tonne; electricity use hit 780 TWh, up 2.1 points in share terms. \
About two-thirds of the 61,000 eligible voters in the port district backed the expansion, \
and the terminal handles one ship every 40 seconds.

The company's capacity is 6.5 MTPA, and it plans a cut of 5% in costs. Fatalities were 31 \
per 100,000 residents. Investment reached €3bn and £2.1m was spent on 4,500 average \
households.
"""
#: what a name never is: a fraction, a number, a unit, a month, a verb before the figure
NOT_NAMES = {"third", "thirds", "half", "two", "one", "million", "tonnes", "cent", "per",
             "november", "october", "mass", "spent", "handles", "plans", "figure"}


def test_no_name_is_a_fraction_a_number_a_unit_or_a_verb() -> None:
    draft = render_draft(find_mentions(load_article(AUDIT)))
    names = re.findall(r"^  (\w+):$", draft, re.M)
    assert len(names) == len(set(names)) == 21, names  # unique, as before
    for name in names:
        assert not set(name.split("_")) & NOT_NAMES - {"figure"} and name not in NOT_NAMES, name
    assert {"eligible_voters", "households", "coal_exports", "oil_imports", "ship",
            "costs_fall", "fatalities"} <= set(names), names


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "published"), [
    ("November 15, 2023", "2023-11-15"),
    ("15 November 2023", "2023-11-15"),
    ("Nov. 15, 2023", "2023-11-15"),
    ("Nov 15 2023", "2023-11-15"),
    ("Sept. 5, 2023", "2023-09-05"),
    ("15th Nov 2023", "2023-11-15"),
    ("Wednesday, November 15, 2023", "2023-11-15"),
    ("2023-11-15", "2023-11-15"),
    ("2023-11-15T10:32:00Z", "2023-11-15"),
    ("Updated Nov 15, 2023 10:32 GMT", "2023-11-15"),
    ("Published: Wednesday, 15 November 2023", "2023-11-15"),
    ("Wed 15 Nov 2023 10.32 GMT", "2023-11-15"),
    ("By Jane Doe | November 15, 2023", "2023-11-15"),
    # the publication date before an update's, whichever comes first
    ("Updated 16 Nov 2023\nPublished 15 Nov 2023", "2023-11-15"),
    ("BEIJING, Nov. 15, 2023 - Exports rose 5% on 3 March 2021, data showed on 1 June 2022, "
     "in a survey of some 40 ports and many more.", "2023-11-15"),  # a dateline
    # not a whole date, or not a date at all: left for the author
    ("November 2023", ""),
    ("15/11/2023", ""),
    ("Feb 30, 2023", ""),
    ("By Jane Doe", ""),
])
def test_the_header_date_is_the_publication_date(header: str, published: str) -> None:
    body = ("Exports rose 5% on 3 March 2021, data showed on 1 June 2022, in a survey of some "
            "40 ports and many more besides.")
    article = load_article(f"Coal exports jump\n{header}\n\n{body}\n")
    assert article.published == published  # never a date from the text


def test_the_audit_article_is_dated_from_its_header() -> None:
    assert load_article(AUDIT).published == "2023-11-15"
    assert "published: \"2023-11-15\"" in render_draft(find_mentions(load_article(AUDIT)))


@pytest.mark.parametrize(("text", "dates", "figures"), [
    ("November 15, 2023", ["November 15, 2023"], []),
    ("Nov. 15, 2023", ["Nov. 15, 2023"], []),
    ("15 November 2023", ["15 November 2023"], []),
    ("BEIJING, Nov 15 (Wire) - Imports rose 12%.", ["Nov 15"], ["rose 12%"]),
    ("On 15 November 2023 the firm sold 40 ships.", ["15 November 2023"], ["40 ships"]),
    ("Imports rose 5% in October 2023.", ["October 2023"], ["rose 5%"]),
    ("In October of 2023 and Oct. 2023, 40 ships docked.", ["October of 2023", "Oct. 2023"],
     ["40 ships"]),
    ("On Sept. 5, 2023, 7 ships docked at 3:00 p.m.", ["Sept. 5, 2023", "3:00 p.m."],
     ["7 ships"]),
    ("It sailed on 31 August of 2020 and on the 15th November 2023.",
     ["31 August of 2020", "15th November 2023"], []),
    ("Updated 15/11/2023 10:32 GMT", ["15/11/2023 10:32 GMT"], []),
    # a year alone is still a date, and a period is still a figure
    ("Exports fell in 2023 to 5 tonnes.", ["2023"], ["5 tonnes"]),
    ("From January to August 2019 exports fell 5%.", [],
     ["From January to August 2019", "fell 5%"]),
    # a figure beside a month name is still a figure
    ("May exports of 5 million tonnes rose.", [], ["5 million tonnes"]),
    ("In May 5 million tonnes were sold.", [], ["5 million tonnes"]),
    ("In March 40 people died.", [], ["40 people"]),
    ("In May 5,000 people voted.", [], ["5,000 people"]),
    ("Nov 15% of voters stayed home.", [], ["15%"]),
])
def test_dates_are_listed_never_drafted(text: str, dates: list[str], figures: list[str]) -> None:
    draft = find_mentions(load_article(f"Headline\n\n{text}\n"))
    assert draft.dates == dates
    assert [m.stated for m in draft.mentions] == figures
