"""`claimcheck new`: a claim-file skeleton with the format explained in comments, written
atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceInfo:
    publisher: str
    title: str
    url: str
    published: str


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def skeleton(source: SourceInfo, schema: str | None) -> str:
    modeline = (f"# yaml-language-server: $schema={schema}\n" if schema else
                "# For completion in your editor: claimcheck schema > claim-schema.json, then\n"
                "# yaml-language-server: $schema=claim-schema.json\n")
    return modeline + f"""\
# A claimcheck claim file: the figures as the report states them, the sentence each one
# comes from, and the arithmetic they imply.  Format: docs/claim-format.md
claimcheck: 1

source:
  publisher: {_quoted(source.publisher)}
  title: {_quoted(source.title)}
  url: {_quoted(source.url)}
  published: {source.published}
  # cites:                        # whom the report cites, if anyone
  #   - name: UN Panel of Experts
  #     via: Kyodo News

# conventions:                    # what ambiguous units mean in this report
#   ton: tonne                    # or short_ton for a US source
#   barrel: oil_barrel

figures:
  # name:                         # letters, digits and _, used in expressions
  #   stated: about 3.7 million tons   # exactly as the report writes it
  #   quote: "From January to August of 2019, ..."   # the sentence it comes from
  first_figure:
    stated: TODO
    quote: TODO

# assumptions:                    # outside values the arithmetic needs, with a source
#   barrels_per_tonne:
#     value: 7.23 to 8.50 barrels per tonne
#     source: UN Statistics Division, Energy Statistics Yearbook

# derived:                        # implied figures, shown in the output
#   price: value / mass in USD/tonne

checks: []
# To add checks, replace the line above with a list:
# checks:
#   - id: share                   # lower-case letters, digits, - and _
#     claim: "About 2.8 million tons, roughly 70% of the total"
#     assert: part / total == stated_share   # computed == stated (or <, <=, >, >=)
#     expect: consistent
"""


def write_atomically(path: Path, text: str, force: bool) -> None:
    """Write all of ``text`` or nothing: a temporary file in the same folder, renamed.

    A symlink is followed, so that its target is what changes; a device or a pipe is
    written in place; the file gets the mode a plain open() would give it (mkstemp's 0600
    would hide a report from the CI user that uploads it)."""
    if path.exists() and not force:
        raise FileExistsError(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout): written in place, never replaced
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)
        return
    path = Path(os.path.realpath(path))
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        mask = os.umask(0)
        os.umask(mask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~mask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def schema_reference(output: Path) -> str | None:
    """A relative path from ``output`` to docs/claim-schema.json, when this folder has one."""
    schema = Path("docs/claim-schema.json")
    if not schema.is_file():
        return None
    return os.path.relpath(schema.resolve(), output.resolve().parent).replace(os.sep, "/")
