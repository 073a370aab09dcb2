"""Policy settings from `claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`
(in the current folder); the command line wins over both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..outcomes import FailOn

FAIL_ON = tuple(f.value for f in FailOn)


@dataclass(frozen=True)
class Settings:
    fail_on: str = "inconsistent"
    strict: bool = False
    source: str | None = None  # the file the settings came from
    #: who publishes the reviews `claimcheck report` writes (ClaimReview's author)
    reviewer: str | None = None


class ConfigError(ValueError):
    pass


#: a configuration file is small; pyproject.toml with every tool's table still is
MAX_CONFIG_BYTES = 1_000_000


def _table(path: Path) -> dict[str, Any] | None:
    from .safe_io import UnsafePath, read_bounded

    if not path.is_file():
        return None
    try:
        raw = read_bounded(path, MAX_CONFIG_BYTES)
    except UnsafePath as err:
        raise ConfigError(f"{path}: {err.message}") from None
    except OSError as err:
        raise ConfigError(f"{path}: {err.strerror or err}") from None
    import tomllib  # only where there is a file to read (a folder without one loads none)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from None
    except ValueError:  # tomllib: an integer past Python's 4,300-digit limit
        raise ConfigError(f"{path}: a number too long to read") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if tool is None:
            return None
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table ([tool])")
        table = tool.get("claimcheck")
        where = "[tool.claimcheck]"
    else:
        table = data.get("claimcheck", data)
        where = "[claimcheck]"
    if table is None:
        return None
    if not isinstance(table, dict):  # 'claimcheck = 1' must not be silently ignored
        raise ConfigError(f"{path}: {where} must be a table of settings "
                          "(fail-on, strict)")
    return table


def load(folder: Path = Path()) -> Settings:
    for name in ("claimcheck.toml", "pyproject.toml"):
        table = _table(folder / name)
        if table is None:
            continue
        unknown = sorted(set(table) - {"fail-on", "strict", "reviewer"})
        if unknown:
            raise ConfigError(f"{name}: unknown setting {unknown[0]!r} "
                              "(known: fail-on, strict, reviewer)")
        fail_on = table.get("fail-on", "inconsistent")
        if fail_on not in FAIL_ON:
            raise ConfigError(f"{name}: fail-on must be one of {', '.join(FAIL_ON)}")
        strict = table.get("strict", False)
        if not isinstance(strict, bool):
            raise ConfigError(f"{name}: strict must be true or false")
        reviewer = table.get("reviewer")
        if reviewer is not None and not isinstance(reviewer, str):
            raise ConfigError(f"{name}: reviewer must be a string (the fact-checker's name)")
        return Settings(fail_on, strict, name, reviewer)
    return Settings()
