"""The results cache's JSON encoding of a whole result: a fixed list of report classes,
so an entry, however it was written, decodes to a wrong report at worst, never runs code
(no pickles).  Kept apart from the cache so that a hit that needs only a file's slim
result (a JSON or text run whose drawings are kept) imports no Fraction or Interval."""

from __future__ import annotations

import dataclasses
from enum import Enum
from fractions import Fraction
from typing import Any

from ..diagnostics import Diagnostic, Label, Severity, Span
from ..outcomes import Verdict
from ..quantities.intervals import Interval
from .report import CheckResult, DerivedView, FigureView, FileResult, Shown

_CLASSES: dict[str, type[Any]] = {c.__name__: c for c in (
    FileResult, FigureView, DerivedView, CheckResult, Shown, Interval, Diagnostic, Span,
    Label)}
_ENUMS: dict[str, type[Enum]] = {"Severity": Severity, "Verdict": Verdict}


#: each cached class's fields, looked up by exact type (a cold run encodes some sixty
#: thousand values a hundred files)
_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.init) for cls in _CLASSES.values()}
_PLAIN = frozenset({str, int, bool, type(None)})


def encode(value: Any) -> Any:
    """A report value as JSON data that ``decode`` turns back into an equal value."""
    kind = type(value)
    if kind in _PLAIN:  # exact types: a str enum or a convention note is not plain
        return value
    if kind is tuple:
        return {"~": "t", "v": [encode(v) for v in value]}
    names = _FIELDS.get(kind)
    if names is not None:
        return {"~": kind.__name__, **{n: encode(getattr(value, n)) for n in names}}
    if value is None or (isinstance(value, bool | int) and not isinstance(value, Enum)):
        return value
    if isinstance(value, Enum):
        return {"~": type(value).__name__, "v": value.value}
    if isinstance(value, str):
        # a str that is not exactly one: a convention note (imported here: a hit that
        # only copies its JSON entry through loads no unit tables)
        from ..quantities.units import ConventionNote

        if isinstance(value, ConventionNote):
            return {"~": "note", "text": str(value), "word": value.word, "key": value.key,
                    "choice": value.choice, "default": value.default}
        return value
    if isinstance(value, Fraction):
        return {"~": "F", "v": f"{value.numerator}/{value.denominator}"}
    if isinstance(value, float):
        return {"~": "f", "v": repr(value)}
    if isinstance(value, tuple | list):
        return {"~": "t", "v": [encode(v) for v in value]}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        return {"~": type(value).__name__, **{f.name: encode(getattr(value, f.name))
                                              for f in dataclasses.fields(value) if f.init}}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    kind = data["~"]
    if kind == "note":
        from ..quantities.units import ConventionNote

        return ConventionNote(data["text"], word=data["word"], key=data["key"],
                              choice=data["choice"], default=data["default"])
    if kind == "F":
        return Fraction(data["v"])
    if kind == "f":
        return float(data["v"])
    if kind == "t":
        return tuple(decode(v) for v in data["v"])
    if kind in _ENUMS:
        return _ENUMS[kind](data["v"])
    cls = _CLASSES[kind]  # a KeyError for anything else: a miss
    return cls(**{k: decode(v) for k, v in data.items() if k != "~"})
