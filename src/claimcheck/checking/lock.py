"""claims.lock: every implied figure and every verdict, written down so that CI notices
when an edit moves one.

`claimcheck lock` writes the file; `claimcheck verify --locked` compares the run with it
and reports each difference as a diagnostic on the derived figure or check it is about
("coal_price moved from 100 USD/t to 118 USD/t"), so every output format shows it and the
exit code counts it.  The file is TOML, one value a line, sorted, so that a reviewer reads
its diff like code.  Values are the shortest decimals that give back the exact float.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Span
from ..quantities import formatting as fmt
from ..quantities.intervals import Interval
from ..sanitize import safe
from .report import VERDICTS, FileResult, Report, Shown

LOCK_NAME = "claims.lock"
#: a lock of 10,000 checks is about 2 MB; parsing TOML takes some 60 times its size
MAX_LOCK_BYTES = 2 * 1024 * 1024
_HINT = "if the edit is right, run `claimcheck lock` and commit claims.lock with it"
_HINT_NEW_FILE = "if it is right, run `claimcheck lock` and commit claims.lock with it"
_HEADER = """\
# claims.lock: the implied figures and verdicts of the claim files, written by
# `claimcheck lock`.  `claimcheck verify --locked` fails when an edit changes any of them.
# Review a change to this file as you would a change to the figures themselves.
"""

Fields = dict[str, Any]
Snapshot = dict[str, dict[str, dict[str, Fields]]]  # path -> derived|checks -> name -> fields


class LockError(ValueError):
    pass


def _shown(prefix: str, v: Shown | None) -> Fields:
    if v is None:
        return {}
    return {f"{prefix}value": float(v.central), f"{prefix}low": float(v.rounding.lo),
            f"{prefix}high": float(v.rounding.hi), f"{prefix}hedged_low": float(v.hedged.lo),
            f"{prefix}hedged_high": float(v.hedged.hi), f"{prefix}unit": v.unit}


def relative(path: str, base: Path) -> str:
    """A claim file's path as the lock names it: relative to the lock's folder, '/'."""
    if path == "<stdin>":
        return path
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def snapshot(report: Report, base: Path) -> Snapshot:
    taken: Snapshot = {}
    for f in report.files:
        derived = {d.name: _shown("", d.value) or {"error": True} for d in f.derived}
        checks = {c.id: {"verdict": c.verdict, **_shown("", c.computed),
                         **_shown("stated_", c.stated)} for c in f.checks}
        taken[relative(f.path, base)] = {"derived": derived, "checks": checks}
    return taken


def _key(name: str) -> str:
    bare = name and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in name)
    return name if bare else _string(name)


def _string(text: str) -> str:
    # JSON's escapes are TOML's; DEL is the one character TOML wants escaped and JSON not
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)  # 'inf' and '-inf' are TOML too
    return _string(str(v))


def dumps(taken: Snapshot) -> str:
    parts = [_HEADER, "version = 1\n"]
    for path in sorted(taken):
        for kind in ("derived", "checks"):
            for name in sorted(taken[path][kind]):
                parts.append(f"\n[files.{_key(path)}.{kind}.{_key(name)}]\n")
                fields = taken[path][kind][name]
                parts.extend(f"{k} = {_value(v)}\n" for k, v in fields.items())
    return "".join(parts)


def load(path: Path) -> Snapshot:
    from ..claimfile.safe_io import UnsafePath, read_bounded

    try:
        data = read_bounded(path, MAX_LOCK_BYTES)
        return load_text(data.decode("utf-8"), path.as_posix())
    except UnsafePath as err:
        raise LockError(f"{path}: {err.message}") from None
    except FileNotFoundError:
        raise LockError(f"no {path}: run `claimcheck lock` first") from None
    except OSError as err:
        raise LockError(f"cannot read {path}: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise LockError(f"{path} is not a lock file claimcheck wrote: {err}") from None


def load_text(text: str, path: str = LOCK_NAME) -> Snapshot:
    """The lock's entries, every level checked: a hand-edited or hostile lock is a clear
    error, never a crash."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LockError(f"{path} is not a lock file claimcheck wrote: {err}") from None
    except ValueError:  # an integer past Python's 4,300-digit limit
        raise LockError(f"{path} is not a lock file claimcheck wrote: a number too long "
                        "to read") from None
    except RecursionError:  # arrays nested thousands deep: not ours, and not worth a crash
        raise LockError(f"{path} is not a lock file claimcheck wrote: nested too deeply") \
            from None
    files = data.get("files", {})
    version = data.get("version")
    if type(version) is not int or version != 1 or not isinstance(files, dict):
        raise LockError(f"{path}: expected 'version = 1' and [files.…] tables; "
                        "run `claimcheck lock` to write it again")
    taken: Snapshot = {}
    for file, tables in files.items():
        where = f"{path}: files.{_key(file)}"
        if not isinstance(tables, dict) or set(tables) - {"derived", "checks"}:
            raise LockError(f"{where} should hold only [derived] and [checks] tables")
        taken[file] = {kind: _entries(tables.get(kind, {}), f"{where}.{kind}")
                       for kind in ("derived", "checks")}
    return taken


_NUMBERS = {f"{prefix}{k}" for prefix in ("", "stated_")
            for k in ("value", "low", "high", "hedged_low", "hedged_high")}
_STRINGS = {"unit", "stated_unit", "verdict"}


def _brief(value: Any) -> str:
    """A hostile value in a message: short, and never a 5,000-digit integer (whose str()
    Python itself refuses)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _lock_number(key: str, value: Any) -> bool:
    """A finite number, or ±inf for an unbounded end of an interval."""
    if key not in _NUMBERS or isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int) and value.bit_length() > 1000:  # beyond any float
        return False
    if math.isnan(value):
        return False
    return key.endswith(("low", "high")) or not math.isinf(value)


def _entries(table: Any, where: str) -> dict[str, Fields]:
    if not isinstance(table, dict):
        raise LockError(f"{where} should be a table")
    for name, fields in table.items():
        at = f"{where}.{_key(name)}"
        if not isinstance(fields, dict):
            raise LockError(f"{at} should be a table of values")
        for key, value in fields.items():
            ok = (_lock_number(key, value)
                  or (key in _STRINGS and isinstance(value, str) and safe(value) == value)
                  or (key == "error" and value is True))
            if not ok:
                raise LockError(f"{at}: {key} = {_brief(value)} is not what claimcheck writes; "
                                "run `claimcheck lock` to write it again")
        for prefix in ("", "stated_"):
            present = {k for k in ("value", "low", "high") if f"{prefix}{k}" in fields}
            if present and len(present) != 3:
                raise LockError(f"{at}: {prefix}value, {prefix}low and {prefix}high go "
                                "together; run `claimcheck lock` to write it again")
            for lo, hi in (("low", "high"), ("hedged_low", "hedged_high")):
                low, high = fields.get(f"{prefix}{lo}"), fields.get(f"{prefix}{hi}")
                if low is not None and high is not None and not (
                        low <= high and low != math.inf and high != -math.inf):
                    raise LockError(f"{at}: {prefix}{lo} = {low!r} and {prefix}{hi} = "
                                    f"{high!r} are not an interval; run `claimcheck lock` "
                                    "to write it again")
        verdict = fields.get("verdict")
        if verdict is not None and verdict not in VERDICTS:
            raise LockError(f"{at}: verdict must be one of {', '.join(VERDICTS)}")
    return {name: {k: float(v) if k in _NUMBERS else v for k, v in fields.items()}
            for name, fields in table.items()}


def in_scope(path: str, scope: list[str]) -> bool:
    """Whether a locked path is covered by the run: a file named, or under a folder named."""
    return any(path == s or path.startswith(s.rstrip("/") + "/") or s == "." for s in scope)


def merge(old: Snapshot, new: Snapshot, scope: list[str]) -> Snapshot:
    """The new entries for the files of this run; the rest of the old lock kept."""
    kept = {p: t for p, t in old.items() if not in_scope(p, scope)}
    return {**kept, **new}


def _numbers(fields: Fields, prefix: str,
             keys: tuple[str, ...] = ("value", "low", "high")) -> list[Any]:
    values = [fields.get(f"{prefix}{k}") for k in keys]
    return [v if abs(v) == float("inf") else Fraction(v) for v in values if v is not None]


def _describe(fields: Fields, prefix: str, digits: int) -> str:
    if f"{prefix}value" not in fields:
        return "no value (an error)"
    unit = str(fields.get(f"{prefix}unit", ""))
    central, lo, hi = _numbers(fields, prefix)
    text = fmt.with_unit(fmt.number(central, digits), unit)
    ranges = [fmt.interval(Interval(lo, hi), unit, digits)] if lo != hi else []
    hedged = _numbers(fields, prefix, ("hedged_low", "hedged_high"))
    if len(hedged) == 2 and hedged != [lo, hi]:
        ranges.append("hedged: " + fmt.interval(Interval(*hedged), unit, digits))
    return text + (f" ({'; '.join(ranges)})" if ranges else "")


_TRAILING_ZEROS = re.compile(r"\.(\d*?)0+(?!\d)")


def _drop_zeros(m: re.Match[str]) -> str:
    return "." + m.group(1) if m.group(1) else ""


def _from_to(before: Fields, after: Fields, prefix: str = "") -> str:
    """'from A to B', both with the same digits, as many as it takes for A and B to differ
    where they do (the central values first): a small move is never rounded away."""
    start = fmt.digits_for([*_numbers(before, prefix), *_numbers(after, prefix)])
    central = f"{prefix}value"
    moved = before.get(central) != after.get(central) and central in before and (
        central in after)
    for digits in range(start, 18):
        old, new = _describe(before, prefix, digits), _describe(after, prefix, digits)
        if moved:
            shown = [_plain_number(f, central, digits) for f in (before, after)]
            if shown[0] != shown[1]:
                break
        elif _TRAILING_ZEROS.sub(_drop_zeros, old) != _TRAILING_ZEROS.sub(_drop_zeros, new):
            break
    return f"from {old} to {new}"


def _plain_number(fields: Fields, key: str, digits: int) -> str:
    return _TRAILING_ZEROS.sub(_drop_zeros, fmt.number(Fraction(fields[key]), digits))


def _moved(before: Fields, after: Fields, prefix: str) -> bool:
    keys = {k for k in (*before, *after) if k.startswith(prefix) and (
        prefix or not k.startswith("stated_")) and k != "verdict"}
    return any(before.get(k) != after.get(k) for k in keys)


def _change(kind: str, name: str, before: Fields, after: Fields,
            lock_name: str) -> str | None:
    if before == after:
        return None
    what = "derived figure" if kind == "derived" else "check"
    said = []
    if before.get("verdict") != after.get("verdict"):
        said.append(f"verdict changed from {before.get('verdict')} to {after.get('verdict')}")
    if _moved(before, after, ""):
        side = "recomputed value" if kind == "checks" else "value"
        said.append(f"{side} moved {_from_to(before, after)}")
    if kind == "checks" and _moved(before, after, "stated_"):
        said.append(f"stated value moved {_from_to(before, after, 'stated_')}")
    return f"{what} {name}: " + ("; ".join(said) or "changed") + f" since {lock_name}"


def compare(report: Report, locked: Snapshot, base: Path, lock_name: str) -> Report:
    """The report with a diagnostic on everything that differs from the lock."""
    current = snapshot(report, base)
    files = []
    for f in report.files:
        key = relative(f.path, base)
        old = locked.get(key)
        if old is None:
            extra = (Diagnostic("lock-missing", f"{f.path} is not in {lock_name}",
                                Span(f.path, 1, 1), _HINT_NEW_FILE),)
            files.append(replace(f, diagnostics=f.diagnostics + extra))
            continue
        files.append(_compare_file(f, old, current[key], lock_name))
    return Report(tuple(files))


def _compare_file(f: FileResult, old: dict[str, dict[str, Fields]],
                  new: dict[str, dict[str, Fields]], lock_name: str) -> FileResult:
    def note(kind: str, name: str) -> tuple[Diagnostic, ...]:
        message = _change(kind, name, old[kind].get(name, {}), new[kind][name], lock_name)
        if message is None:
            return ()
        if name not in old[kind]:
            message = (f"{'derived figure' if kind == 'derived' else 'check'} {name} is new "
                       f"since {lock_name}")
        return (Diagnostic("lock-changed", message, None, _HINT),)

    derived = tuple(replace(d, diagnostics=d.diagnostics + tuple(
        x.at(d.span) for x in note("derived", d.name))) for d in f.derived)
    checks = tuple(replace(c, diagnostics=c.diagnostics + tuple(
        x.at(c.span) for x in note("checks", c.id))) for c in f.checks)
    gone = [(kind, name) for kind in ("derived", "checks") for name in sorted(old[kind])
            if name not in new[kind]]
    removed = tuple(Diagnostic(
        "lock-changed", f"{'derived figure' if kind == 'derived' else 'check'} {name} "
        f"was in {lock_name} and is gone", Span(f.path, 1, 1), _HINT) for kind, name in gone)
    return replace(f, derived=derived, checks=checks, diagnostics=f.diagnostics + removed)


def with_removed_files(report: Report, locked: Snapshot, base: Path, scope: list[str],
                       lock_name: str) -> Report:
    """Files the lock has, under the run's paths, that the run did not find: reported
    against the lock file itself."""
    seen = {relative(f.path, base) for f in report.files}
    gone = tuple(Diagnostic("lock-changed", f"{path} is in {lock_name} but was not found",
                            None, _HINT) for path in sorted(locked)
                 if in_scope(path, scope) and path not in seen)
    if not gone:
        return report
    return Report((*report.files, FileResult(path=lock_name, diagnostics=gone)))
