"""The claim-file format (v1) as pydantic models, and schema errors located in the YAML.

Every scalar arrives as its source text (see loader.py), so numbers keep their written
precision; pydantic only checks the shape: required keys, unknown keys (with a
"did you mean"), and the few closed vocabularies.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from ..diagnostics import Diagnostic, Span, did_you_mean
from ..reading.hedges import HedgeKind
from . import loader

Verdict = Literal["consistent", "within_rounding", "within_hedge", "inconsistent", "error"]
NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(max_length=4000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Citation(_Strict):
    name: Text = Field(description="who is cited, e.g. 'UN Security Council 1718 Committee'")
    via: Text | None = Field(None, description="through whom, e.g. 'Kyodo News and Jiji Press'")
    url: Text | None = None
    date: Text | None = None
    note: Text | None = None


Published = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


def real_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real one: 2023-02-30 and 2023-13 are not."""
    padded = value + "-01" * (2 - value.count("-"))
    date.fromisoformat(padded)
    return value


class Source(_Strict):
    publisher: Text
    title: Text | None = Field(None, description="the headline as published (lint warns "
                                                 "when it is missing)")
    url: Text
    published: Published = Field(
        description="publication date: YYYY-MM-DD, or YYYY-MM or YYYY when the page gives "
                    "no more")
    author: Text | None = None
    cites: list[Citation] = Field(default_factory=list)

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str) -> str:
        return real_date(value)


class FigureSource(_Strict):
    """Where a figure comes from when it is not the report itself: a second outlet, an
    agency's release, the document a fact check cites."""

    publisher: Text
    url: Text | None = None
    title: Text | None = None
    date: Published | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        return None if value is None else real_date(value)

    def describe(self) -> str:
        """'Reuters, "Coal exports slump", 2024-03-01'."""
        parts = [self.publisher, *([f'"{self.title}"'] if self.title else []),
                 *([self.date] if self.date else [])]
        return ", ".join(parts)


class Conventions(_Strict):
    ton: Literal["tonne", "metric_ton", "short_ton", "long_ton"] | None = Field(
        None, description="what 'ton(s)' means in this file (default: tonne)")
    barrel: Literal["oil_barrel", "us_liquid_barrel", "beer_barrel"] | None = Field(
        None, description="what 'barrel(s)'/'bbl' means (default: oil_barrel, 42 US gallons)")
    dollar: Literal["USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "ZWG"] | None = Field(
        None, description="what '$' and 'dollars' mean (default: USD)")
    rupee: Literal["INR", "PKR", "LKR", "NPR", "MUR", "SCR"] | None = Field(
        None, description="what 'Rs' and 'rupees' mean (default: INR)")
    mt: Literal["megatonne", "metric_ton"] | None = Field(
        None, description="what 'MT' means: million tonnes or metric tons (no default)")
    points: Literal["percentage_points", "index_points"] | None = Field(
        None, description="what 'points' means (default: percentage_points)")

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class HedgeOverride(_Strict):
    kind: HedgeKind
    widen: Annotated[str, StringConstraints(pattern=r"^\d{1,2}(\.\d+)?\s*%$")] | None = Field(
        None, description="relative widening below 100%, e.g. '10%'")
    low: Annotated[str, StringConstraints(pattern=r"^\d{1,3}(\.\d+)?$")] | None = Field(
        None, description="multiplier: the least reading, e.g. '3'")
    high: Annotated[str, StringConstraints(pattern=r"^\d{1,3}(\.\d+)?$")] | None = Field(
        None, description="multiplier: the largest reading, e.g. '7'")

    @model_validator(mode="after")
    def _consistent(self) -> HedgeOverride:
        if self.kind is HedgeKind.MULTIPLIER:
            if self.low is None or self.high is None:
                raise ValueError("a multiplier hedge needs `low:` and `high:`")
            if Decimal(self.low) > Decimal(self.high):
                raise ValueError(f"low ({self.low}) is larger than high ({self.high})")
        return self


PRECISION_WORDS = ("exact", "two-figures", "one-figure", "digits")
Precision = Annotated[str, StringConstraints(
    pattern=r"^\s*(exact|two-figures|one-figure|digits|(±|\+/-|\+-)?\s*[0-9.,_]+.*)\s*$",
    max_length=100)]
_PRECISION_HELP = ("'two-figures' (the default: a whole number's trailing zeros significant "
                   "down to its second figure), 'one-figure' (trailing zeros as rounding), "
                   "'digits' (every digit significant), 'exact', or a margin such as '± 500' "
                   "or '± 5%'")


class Figure(_Strict):
    stated: Text = Field(description="the figure as the report states it")
    quote: Text | None = Field(None, description="the exact sentence it comes from")
    precision: Precision | None = Field(None, description=_PRECISION_HELP)
    source: FigureSource | None = Field(
        None, description="where this figure comes from, when it is not the report itself")
    conventions: Conventions | None = Field(
        None, description="unit conventions for this figure alone, over the file's")
    unit: Text | None = Field(
        None, description="the unit of a figure printed bare (or with a noun only) because "
                          "its sentence gives the unit once for several ('14.7 and 15.9 "
                          "deaths per 100,000'), e.g. 'deaths per 100,000 males'")
    note: Text | None = None
    context: bool = Field(False, description="kept as context: no check needs to use it")


class Assumption(_Strict):
    value: Text = Field(description="the value, read like a stated figure")
    source: Text = Field(description="where the value comes from")
    date: Text | None = Field(None, description="the date the value holds for, e.g. an "
                              "exchange rate's day")
    url: Text | None = None
    precision: Precision | None = Field(None, description=_PRECISION_HELP)
    note: Text | None = None


class Derived(_Strict):
    expr: Text = Field(description="an expression over figures, e.g. 'coal_value / coal_mass'")
    unit: Text | None = Field(None, description="the unit to show it in, e.g. 'USD/tonne'")
    description: Text | None = None


class Check(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
    claim: Text = Field(description="the claim sentence this check tests")
    assert_: Text = Field(alias="assert", description="'computed == stated', or <, <=, >, >=")
    expect: Verdict | None = Field(None, description="the verdict this check should get")
    note: Text | None = None


class ClaimFile(_Strict):
    claimcheck: int = Field(1, ge=1, le=1, description="format version (1)")
    source: Source
    conventions: Conventions = Field(default_factory=Conventions)
    precision: Precision | None = Field(
        None, description="the default for every figure and assumption: " + _PRECISION_HELP)
    counts: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z-]*$",
                                                  max_length=40)]] = Field(default_factory=list)
    hedges: dict[Annotated[str, StringConstraints(
        pattern=r"^[A-Za-z]+( [A-Za-z]+){0,3}$", max_length=40)], HedgeOverride] = Field(
        default_factory=dict)
    figures: dict[Name, Figure] = Field(min_length=1)
    assumptions: dict[Name, Assumption] = Field(default_factory=dict)
    derived: dict[Name, Derived] = Field(default_factory=dict)
    checks: list[Check] = Field(default_factory=list)

    @field_validator("derived", mode="before")
    @classmethod
    def _expression_shorthand(cls, value: Any) -> Any:
        # `price: coal_value / coal_mass in USD/tonne` is short for `price: {expr: ...}`
        if isinstance(value, dict):
            return {k: {"expr": v} if isinstance(v, str) else v for k, v in value.items()}
        return value


def _fields(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


_MODELS_BY_SECTION: dict[str, type[BaseModel]] = {
    "source": Source, "conventions": Conventions, "figures": Figure, "assumptions": Assumption,
    "derived": Derived, "checks": Check, "hedges": HedgeOverride, "cites": Citation,
}


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel]:
    model: type[BaseModel] = ClaimFile
    for part in loc:
        if isinstance(part, str) and part in _MODELS_BY_SECTION:
            model = _MODELS_BY_SECTION[part]
    return model


def _diagnostic(root: loader.Node, error: dict[str, Any]) -> Diagnostic:
    loc = tuple(p for p in error["loc"] if p not in ("Derived", "str") and not (
        isinstance(p, str) and p.startswith(("function-", "constrained-"))))
    kind = error["type"]
    path = ".".join(str(p) for p in loc if p != "[key]") or "the file"
    if kind == "extra_forbidden":
        node, _ = loader.find(root, loc[:-1])
        key = node.key(str(loc[-1])) if isinstance(node, loader.Mapping) else None
        allowed = _fields(_model_at(loc[:-1]))
        suggestion = did_you_mean(str(loc[-1]), allowed, cutoff=0.6)
        span = key.span if key else node.span
        where = ".".join(map(str, loc[:-1])) or "the file"
        if suggestion is None and any(c in str(loc[-1]) for c in " ()=<>"):
            # `{assert: ratio(a, b) == m}`: YAML ended the value at the comma
            suggestion = ("a comma inside { } starts a new key: quote the value, e.g. "
                          "assert: 'ratio(a, b) == m'")
        return Diagnostic("unknown-key", f"unknown key '{loc[-1]}' in {where}", span,
                          suggestion or f"allowed: {', '.join(allowed)}")
    if kind == "missing":
        node, _ = loader.find(root, loc[:-1])
        return Diagnostic("missing-key", f"missing key '{loc[-1]}' in "
                          f"{'.'.join(map(str, loc[:-1])) or 'the file'}", _start(node.span),
                          _MISSING_HINTS.get(str(loc[-1])))
    if loc and loc[-1] == "[key]":
        node, _ = loader.find(root, loc[:-2])
        key = node.key(str(loc[-2])) if isinstance(node, loader.Mapping) else None
        if loc[0] == "hedges":
            return Diagnostic("schema", f"'{loc[-2]}' is not a hedge phrase",
                              key.span if key else node.span,
                              "a hedge is one to four words of letters, e.g. 'close to'")
        return Diagnostic("bad-name", f"'{loc[-2]}' is not a valid name",
                          key.span if key else node.span,
                          "names start with a letter and use letters, digits and '_' only")
    node, _ = loader.find(root, loc)
    if kind == "string_type" and error.get("input") is None:
        parent, _ = loader.find(root, loc[:-1])
        key = parent.key(str(loc[-1])) if isinstance(parent, loader.Mapping) else None
        return Diagnostic("schema", f"{path} is empty", key.span if key else parent.span,
                          _MISSING_HINTS.get(str(loc[-1]), "give it a value"))
    message: str = error["msg"]
    hint: str | None = None
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "literal_error":
        message = f"{message} (got {error.get('input')!r})"
    elif kind == "string_pattern_mismatch" and field in _PATTERN_HINTS:
        noun = _FIELD_NOUNS.get(field, field)
        message, hint = f"{error.get('input')!r} is not a valid {noun}", _PATTERN_HINTS[field]
    elif kind in ("dict_type", "model_type"):
        message, hint = "expected keys and values here", "write `key: value` lines, indented"
    elif kind == "list_type":
        message, hint = "expected a list here", "write one item per line, each starting with '- '"
    elif kind in ("less_than_equal", "greater_than_equal") and field == "claimcheck":
        message = f"format {error.get('input')} is not one this claimcheck reads"
        hint = "this version reads format 1: write claimcheck: 1"
    elif kind == "value_error":
        message = str(error.get("ctx", {}).get("error", message))
        hint = _PATTERN_HINTS.get(field)
    return Diagnostic("schema", f"{path}: {message}", node.span, hint)


def _start(span: Span) -> Span:
    return Span(span.path, span.line, span.column, span.line, span.column + 1)


_FIELD_NOUNS = {"id": "check id", "published": "date", "date": "date", "counts": "count noun",
                "widen": "widening", "low": "number", "high": "number",
                "precision": "precision"}

_PATTERN_HINTS = {
    "counts": "a count noun is one word of letters, e.g. raids",
    "widen": "a widening is a percentage below 100, e.g. '5%'",
    "low": "a number, e.g. 3", "high": "a number, e.g. 7",
    "id": "check ids use lower-case letters, digits, '-' and '_', e.g. transshipment-share",
    "published": "write the date as YYYY-MM-DD (2020-04-30), or YYYY-MM or YYYY when the "
                 "page gives no day",
    "date": "write the date as YYYY-MM-DD (2020-04-30), or YYYY-MM or YYYY when the "
            "source gives no day",
    "precision": "write " + _PRECISION_HELP,
}

_MISSING_HINTS = {
    "stated": "write the figure as the report states it, e.g. stated: about 3.7 million tons",
    "source": "say where the figures come from: publisher, title, url, published",
    "figures": "list the report's figures under `figures:`",
    "assert": "write the relation to test, e.g. assert: coal_value / coal_mass == price",
}


def validate(root: loader.Node) -> tuple[ClaimFile | None, list[Diagnostic]]:
    """The claim model, or None and every schema error located in the file."""
    if not isinstance(root, loader.Mapping):
        return None, [Diagnostic("schema", "a claim file must be a mapping of keys "
                                 "(source:, figures:, checks: ...)", root.span)]
    try:
        return ClaimFile.model_validate(loader.to_plain(root)), []
    except ValidationError as err:
        seen: set[tuple[str, str, int, int]] = set()
        diagnostics = []
        for e in err.errors():
            d = _diagnostic(root, dict(e))
            key = (d.code, d.message, d.span.line if d.span else 0, d.span.column if d.span else 0)
            if key not in seen:
                seen.add(key)
                diagnostics.append(d)
        return None, sorted(diagnostics, key=Diagnostic.sort_key)
