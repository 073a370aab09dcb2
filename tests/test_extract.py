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
    # never a word that frames a figure ('alone', 'aside', 'an additional', 'per capita',
    # 'a head', 'a 12-month high'), nor a wire: the real noun of the clause
    ("Economists polled by Reuters had expected a rise of 3.2%.",
     {"a rise of 3.2%": "economists_growth"}),
    ("Imports in December alone slipped 0.5% from a year earlier to 10.9 million bpd.",
     {"slipped 0.5%": "imports_fall", "10.9 million bpd": "imports_figure"}),
    ("Exports of refined fuel rose by an additional 2 million tonnes, to 62 million tonnes.",
     {"an additional 2 million tonnes": "fuel_exports_growth",
      "62 million tonnes": "fuel_exports"}),
    ("India set aside Rs 500 crore.", {"Rs 500 crore": "india_amount"}),
    ("GDP per capita was $65,000 per capita.", {"$65,000 per capita": "gdp_amount"}),
    ("Income was $65,000 per head.", {"$65,000 per head": "income_amount"}),
    ("Inflation hit a 12-month high of 4.5% in March.",
     {"a 12-month high of 4.5%": "inflation_share"}),
    ("Cases hit a 7-day average of 300 in the month.", {"a 7-day average of 300": "cases_figure"}),
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
    # a numeric date only one order can mean (a part above 12): read
    ("15/11/2023", "2023-11-15"),
    # not a whole date, or not a date at all: left for the author
    ("November 2023", ""),
    ("04/03/2024", ""),
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
    # a time of day is never a figure: the wire's "1030 GMT", "0900", "10:30 a.m."
    ("Brent fell 2% to $82.50 a barrel by 1030 GMT on Monday.", ["1030 GMT"],
     ["fell 2%", "$82.50 a barrel"]),
    ("Trading opened at 0900 GMT with 40 ships waiting.", ["0900 GMT"], ["40 ships"]),
    ("Trading opened at 0900 with 40 ships waiting.", ["0900"], ["40 ships"]),
    ("Trading opened at 10:30 a.m. with 40 ships waiting.", ["10:30 a.m."], ["40 ships"]),
    ("Trading opened at 10:30 with 40 ships waiting.", ["10:30"], ["40 ships"]),
    ("It closed at 1600 local time, up 0.5%.", ["1600 local time"], ["up 0.5%"]),
    ("Updated 10:42 AM GMT, 4 March 2024", ["10:42 AM GMT", "4 March 2024"], []),
    # an amount is not a year: "USD 2019"
    ("The fee was USD 2019 in 2019.", ["2019"], ["USD 2019"]),
])
def test_dates_are_listed_never_drafted(text: str, dates: list[str], figures: list[str]) -> None:
    draft = find_mentions(load_article(f"Headline\n\n{text}\n"))
    assert draft.dates == dates
    assert [m.stated for m in draft.mentions] == figures


# --- the wire-story audit -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "figures"), [
    # a currency code with a space before the number, a rupee abbreviation, a unit of flow
    ("Exports were worth USD 2.4 billion.", ["USD 2.4 billion"]),
    ("The deal was worth GBP 3m.", ["GBP 3m"]),
    ("Fees were CHF 40.", ["CHF 40"]),
    ("The bond raised EUR 1.2bn.", ["EUR 1.2bn"]),
    ("India set aside Rs 500 crore.", ["Rs 500 crore"]),
    ("India set aside Rs. 500 crore.", ["Rs. 500 crore"]),
    ("India set aside INR 500 crore.", ["INR 500 crore"]),
    ("Sales were A$5 billion, or NZ$40 each.", ["A$5 billion", "NZ$40"]),
    ("Aid totalled US$240 million and loans USD240 million.",
     ["US$240 million", "USD240 million"]),
    ("Output was 2.3m b/d.", ["2.3m b/d"]),
    ("Pipeline gas arrived at 2.3m b/d of oil equivalent.", ["2.3m b/d"]),
    # the longest phrase the reader reads: its unit, its 'per head', its change words
    ("Gas flows were 30 bcm/y.", ["30 bcm/y"]),
    ("Income was $65,000 per head.", ["$65,000 per head"]),
    ("Exports rose by an additional 2 million tonnes, to 62 million tonnes.",
     ["an additional 2 million tonnes", "62 million tonnes"]),
    ("Jobs grew by a further 12,000.", ["a further 12,000"]),
    ("Prices edged up 0.1%, lower by 3% than in March.", ["edged up 0.1%", "lower by 3%"]),
    ("Inflation hit a 12-month high of 4.5% in March.", ["a 12-month high of 4.5%"]),
    ("A 12-month high of 4.5% was hit.", ["A 12-month high of 4.5%"]),
    ("Cases hit a record high of 300.", ["a record high of 300"]),
    ("Yields hit an all-time high of 4.5%.", ["an all-time high of 4.5%"]),
    ("Prices were up 3.1% year-on-year.", ["up 3.1% year-on-year"]),
    # a figure already drafted is not drafted again inside the next one's words
    ("Exports of coal fell by a third to 1.1 million tonnes.",
     ["fell by a third", "1.1 million tonnes"]),
    # the level before a change is drafted as its number
    ("Admissions fell from 1,234 patients to 845 patients.", ["1,234 patients", "845 patients"]),
    # letters before a number that are no currency: a name, or left out
    ("The 5 ships docked.", ["5 ships"]),
    ("EU8 citizens left.", []),
])
def test_figures_are_drafted_whole(text: str, figures: list[str]) -> None:
    draft = find_mentions(load_article(f"Headline\n\n{text}\n"))
    assert [m.stated for m in draft.mentions] == figures


def _dates_comment(text: str) -> str:
    draft = render_draft(find_mentions(load_article(text)))
    return next(line for line in draft.splitlines() if line.startswith("# Dates mentioned"))


@pytest.mark.parametrize(("text", "dates"), [
    # a dateline's month and day has no year: listed as written, never with a later year
    ("Headline here\n\nMarch 3, 2024\n\nLONDON, March 3 (Reuters) - Prices rose 3.4% in "
     "February.\n\nThe bank raised rates in 2023.\n", "March 3, 2024; March 3; 2023"),
    ("Oil falls\n\nLONDON, March 3 (Reuters) - Brent fell 2% on Sunday.\n\nPrices rose 10% in "
     "2023.\n", "March 3; 2023"),
    ("Oil falls\n\nMarch 3, 2024\n\nBrent fell 2% on March 3 after output hit 5 million bpd in "
     "2023.\n", "March 3, 2024; March 3; 2023"),
])
def test_a_dateline_day_is_never_given_a_year(text: str, dates: str) -> None:
    comment = _dates_comment(text)
    assert comment == f"# Dates mentioned (not figures): {dates}"
    assert "March 3, 2023" not in comment


@pytest.mark.parametrize(("header", "publisher"), [
    # the wire the dateline names, before the name in the address
    ("https://www.example-wire.com/business/x\n\nLONDON, March 3 (Reuters) - Prices rose 3%.",
     "Reuters"),
    ("WASHINGTON (AP) — Prices rose 3%.", "AP"),
    ("PARIS, March 3 (AFP) - Prices rose 3%.", "AFP"),
    ("NEW YORK, March 3 (Bloomberg) -- Prices rose 3%.", "Bloomberg"),
    ("LONDON/NEW YORK, Jan. 12 (Reuters) - Prices rose 3%.", "Reuters"),
    ("March 3, 2024\n\nSINGAPORE, March 3 (Acme) - Prices rose 3%.", "Acme"),
    ("SÃO PAULO (AP) — Prices rose 3%.", "AP"),
    ("(Bloomberg) -- Prices rose 3%.", "Bloomberg"),
    # else the address, else nothing (TODO)
    ("https://www.example-wire.com/business/x\n\nPrices rose 3%, Reuters said.", "EXAMPLE-WIRE"),
    ("Prices rose 3%, economists polled by Reuters (a wire) said.", ""),
    ("The bank (BoE) - Prices rose 3%.", ""),
])
def test_the_publisher_is_the_datelines_wire_else_the_address(header: str,
                                                             publisher: str) -> None:
    article = load_article(f"Prices up\n\n{header}\n")
    assert article.publisher == publisher
    draft = render_draft(find_mentions(article))
    assert f'  publisher: "{publisher or "TODO"}"' in draft


@pytest.mark.parametrize(("header", "published", "why"), [
    ("Published: 03/03/2024", "2024-03-03", ""),
    ("Published 3/3/2024", "2024-03-03", ""),
    ("Updated: 2024-03-03", "2024-03-03", ""),
    ("Published: 15/11/2023", "2023-11-15", ""),
    ("Published: 11/15/2023", "2023-11-15", ""),
    ("Published 2023/11/15", "2023-11-15", ""),
    # day first or month first? left for the author, with the two dates it could be
    ("Published: 04/03/2024",
     "", "'04/03/2024' could be 2024-03-04 (day first) or 2024-04-03 (month first)"),
    ("Published: 4/3/24", "", "'4/3/24' has a two-digit year"),
    ("Published: 13/14/2024", "", "'13/14/2024' is not a date"),
    # a dateline's day is no publication date without its year
    ("LONDON, March 3 (Reuters) - Oil fell 2% on Sunday.", "", "'March 3' has no year"),
])
def test_a_numeric_header_date_is_read_when_it_can_only_be_one_date(
        header: str, published: str, why: str) -> None:
    article = load_article(f"Coal exports jump\n{header}\n\nExports rose 5% in 2023.\n")
    assert (article.published, article.published_note) == (published, why)
    line = next(x for x in render_draft(find_mentions(article)).splitlines()
                if x.startswith("  published:"))
    if published:
        assert line == f'  published: "{published}"'
    else:
        assert line == f'  published: "TODO"  # TODO: {why}; write it as YYYY-MM-DD'


STORY = """China's crude imports hit record 11.3 million bpd in 2023

URL: https://www.example-news.com/energy/2024/01/12/china-crude-imports

January 12, 2024

BEIJING, Jan 12 (Acme) - China's crude oil imports rose 11% in 2023 to a record 563.4 \
million tonnes, customs data showed on Friday. Traders polled by Acme had expected a rise \
of 9.5%. Economists polled by Reuters had expected a rise of 3.2%.

Imports in December alone slipped 0.5% from a year earlier to 10.9 million bpd. GDP per \
capita was $65,000 per capita. Income was $65,000 per head. India set aside Rs 500 crore.

Exports of refined fuel rose by an additional 2 million tonnes, to 62 million tonnes, worth \
USD 2.4 billion. Inflation hit a 12-month high of 4.5%. Cases hit a record high of 300.
"""
#: words that frame a figure or name who wrote it: never a name's noun
FRAMING = {"alone", "aside", "additional", "capita", "head", "acme", "reuters", "high", "low",
           "average", "record", "month", "months", "day", "days", "amount"}


def test_no_name_is_a_framing_word_or_a_wire() -> None:
    draft = render_draft(find_mentions(load_article(STORY)))
    names = re.findall(r"^  (\w+):$", draft, re.M)
    assert len(names) == 14, names
    for name in names:
        noun = re.sub(r"(_(growth|fall|share|amount|figure|period|\d{4}|\d))+$", "", name)
        assert noun and not set(noun.split("_")) & FRAMING, name
    assert {"traders_growth", "economists_growth", "imports_fall", "gdp_amount",
            "income_amount", "india_amount", "fuel_exports_growth", "inflation_share",
            "cases_figure"} <= set(names), names
    assert '"a record high of 300"' in draft
    assert 'publisher: "Acme"' in draft
