"""Policy settings from `claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`
(in the current folder); the command line wins over both."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FAIL_ON = ("inconsistent", "hedge", "rounding", "never")


@dataclass(frozen=True)
class Settings:
    fail_on: str = "inconsistent"
    strict: bool = False
    source: str | None = None  # the file the settings came from


class ConfigError(ValueError):
    pass


def _table(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply") from None
    except OSError as err:
        raise ConfigError(f"{path}: {err.strerror or err}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("claimcheck")
        return table if isinstance(table, dict) else None
    table = data.get("claimcheck", data)
    return table if isinstance(table, dict) else None


def load(folder: Path = Path()) -> Settings:
    for name in ("claimcheck.toml", "pyproject.toml"):
        table = _table(folder / name)
        if table is None:
            continue
        unknown = sorted(set(table) - {"fail-on", "strict"})
        if unknown:
            raise ConfigError(f"{name}: unknown setting {unknown[0]!r} "
                              "(known: fail-on, strict)")
        fail_on = table.get("fail-on", "inconsistent")
        if fail_on not in FAIL_ON:
            raise ConfigError(f"{name}: fail-on must be one of {', '.join(FAIL_ON)}")
        strict = table.get("strict", False)
        if not isinstance(strict, bool):
            raise ConfigError(f"{name}: strict must be true or false")
        return Settings(fail_on, strict, name)
    return Settings()
