"""ClaimReview (schema.org) for each check: what fact-checking sites embed so that search
engines and aggregators can show the verdict.  docs/report.md documents the mapping.

The verdict ladder maps onto a 1-to-5 rating (5 best).  A check in `error` is not a
finding about the report but a claim file that cannot be checked: it gets no review.
"""

from __future__ import annotations

from typing import Any

from ..checking.report import CheckResult, FileResult, Report
from ..outcomes import Verdict
from ..sanitize import json_document

#: verdict -> (ratingValue, alternateName); bestRating 5, worstRating 1
RATINGS: dict[Verdict, tuple[int, str]] = {
    Verdict.CONSISTENT: (5, "Consistent with the report's own figures"),
    Verdict.WITHIN_ROUNDING: (4, "Consistent within the rounding of the figures"),
    Verdict.WITHIN_HEDGE: (3, "Consistent only with the report's hedge words"),
    Verdict.INCONSISTENT: (1, "Inconsistent with the report's own figures"),
}


def review(f: FileResult, c: CheckResult, *, author: str | None = None,
           date: str | None = None, url: str | None = None) -> dict[str, Any] | None:
    """One check's ClaimReview, or None for a check in error."""
    rating = RATINGS.get(Verdict(c.verdict))
    if rating is None:
        return None
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if f.url:
        appearance["url"] = f.url
    if f.title:
        appearance["headline"] = f.title
    if f.published:
        appearance["datePublished"] = f.published
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if f.publisher:
        item["author"] = {"@type": "Organization", "name": f.publisher}
    if f.published:
        item["datePublished"] = f.published
    doc: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": c.claim, "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": rating[0], "bestRating": 5,
                         "worstRating": 1, "alternateName": rating[1]},
        "reviewBody": c.explanation,
    }
    if author:
        doc["author"] = {"@type": "Organization", "name": author}
    if date:
        doc["datePublished"] = date
    if url:
        doc["url"] = f"{url}#{c.id}"
    return doc


def reviews(report: Report, *, author: str | None = None, date: str | None = None,
            url: str | None = None) -> list[dict[str, Any]]:
    return [r for f in report.files for c in f.checks
            if (r := review(f, c, author=author, date=date, url=url)) is not None]


def render(report: Report, *, author: str | None = None, date: str | None = None,
           url: str | None = None) -> str:
    """`--format claimreview`: a JSON array of every check's ClaimReview."""
    return json_document(reviews(report, author=author, date=date, url=url))
