"""Agreement of claimcheck's verdicts with a careful fact-checker's, on tests/corpus/.

Each corpus file encodes real published claims; every check's `expect:` is the verdict a
fact-checker wrote down, with the reasoning in its `note:`, before claimcheck was run on
it.  This prints one line per check and the agreement figure the README quotes:

    python scripts/corpus.py            # the table and the figure
    python scripts/corpus.py --summary  # the figure only
    python scripts/corpus.py --summary --extract  # and how well `extract` drafts them
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from claimcheck.api import check_file, claim_files

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


@dataclass(frozen=True)
class Row:
    path: str
    check: str
    expected: str
    got: str

    @property
    def agrees(self) -> bool:
        return self.expected == self.got

    @property
    def passes_a_false_claim(self) -> bool:
        """The worst disagreement: a claim the checker calls inconsistent comes out
        consistent."""
        return self.expected == "inconsistent" and self.got == "consistent"


def rows(corpus: Path = CORPUS) -> list[Row]:
    found = []
    for path in claim_files([corpus]):
        result = check_file(path)
        for check in result.checks:
            found.append(Row(path.name, check.id, check.expected or "-", str(check.verdict)))
    return found


def summary(found: list[Row]) -> str:
    agree = sum(r.agrees for r in found)
    false_passes = sum(r.passes_a_false_claim for r in found)
    files = len({r.path for r in found})
    return (f"{agree} of {len(found)} checks ({100 * agree / len(found):.1f}%) in {files} "
            f"files get the verdict the fact-checker wrote down; {false_passes} claim(s) "
            "the fact-checker calls inconsistent come out consistent")


def main(argv: list[str]) -> int:
    found = rows()
    if "--summary" not in argv:
        for r in found:
            mark = "  " if r.agrees else ("!!" if r.passes_a_false_claim else "≠ ")
            print(f"{mark} {r.path:60} {r.check:42} expected {r.expected:16} got {r.got}")
        confusion = Counter((r.expected, r.got) for r in found if not r.agrees)
        print("\ndisagreements (expected -> got):")
        for (want, got), n in sorted(confusion.items()):
            print(f"  {want:16} -> {got:16} {n}")
    print(summary(found))
    if "--extract" in argv:
        print(extraction_summary(extraction()))
    return 0



# --- extract, measured on the same corpus ------------------------------------------------

@dataclass(frozen=True)
class Extraction:
    figures: int        # figure phrases the corpus encodes (stated as printed, in a quote)
    read: int           # ... that extract drafts unchanged from the quote
    mentions: int       # figure phrases extract drafts from those quotes
    matching: int       # ... that are one of the corpus's figures


def extraction(corpus: Path = CORPUS) -> Extraction:
    """Run `extract` on every quoted sentence of the corpus and compare what it drafts with
    the figures the fact-checkers encoded as printed."""
    import yaml

    from claimcheck.authoring.extract import Article, find_mentions

    figures = read = mentions = matching = 0
    for path in sorted(corpus.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_quote: dict[str, set[str]] = {}
        for spec in (doc.get("figures") or {}).values():
            quote, stated = spec.get("quote"), str(spec.get("stated"))
            if quote and stated in quote:  # printed there as encoded
                by_quote.setdefault(quote, set()).add(stated)
        for quote, stated in by_quote.items():
            drafted = {m.stated if m.todo is None else f"{m.stated} {m.todo}"
                       for m in find_mentions(Article(quote)).mentions}
            same = {s for s in stated if any(_same(s, d) for d in drafted)}
            figures += len(stated)
            read += len(same)
            mentions += len(drafted)
            matching += sum(any(_same(s, d) for s in stated) for d in drafted)
    return Extraction(figures, read, mentions, matching)


def _same(stated: str, drafted: str) -> bool:
    """The draft reads the figure as the corpus does: the same text, or text around it
    ('rose 23.4 per cent' for '23.4 per cent') read to the same value, interval and unit."""
    from claimcheck.diagnostics import ClaimcheckError
    from claimcheck.reading.figures import ReadContext, read_figure

    if stated == drafted:
        return True
    if stated not in drafted and drafted not in stated:
        return False
    try:
        a, b = (read_figure(t, ReadContext()).quantity for t in (stated, drafted))
    except ClaimcheckError:
        return False
    return (a.central, a.rounding, a.unit) == (b.central, b.rounding, b.unit)


def extraction_summary(e: Extraction) -> str:
    return (f"extract drafts {e.read} of {e.figures} figure phrases "
            f"({100 * e.read / e.figures:.1f}%) as printed, read as the corpus reads them; of "
            f"the {e.mentions} phrases it drafts from those sentences, {e.matching} "
            f"({100 * e.matching / e.mentions:.1f}%) are figures the corpus encodes")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
