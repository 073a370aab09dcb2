"""`claimcheck new`: a claim-file skeleton with the format explained in comments, written
atomically."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceInfo:
    publisher: str
    title: str
    url: str
    published: str


#: what a YAML double-quoted scalar must not hold raw: C0 and C1 controls (a terminal
#: would run them), line and paragraph separators (YAML would fold them), bidi controls
#: (they reorder what a reviewer sees) and the byte-order mark
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text`` and
    shows nothing a terminal or an editor would act on: a claim file's drafts quote
    article titles, which a stranger's web page controls."""
    # a lone surrogate (only a caller's string can hold one) becomes U+FFFD: YAML refuses it
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def skeleton(source: SourceInfo, schema: str | None) -> str:
    modeline = (f"# yaml-language-server: $schema={schema}\n" if schema else
                "# For completion in your editor: claimcheck schema > claim-schema.json, then\n"
                "# yaml-language-server: $schema=claim-schema.json\n")
    return modeline + f"""\
# A claimcheck claim file: the figures as the report states them, the sentence each one
# comes from, and the arithmetic they imply.  Format: docs/claim-format.md
claimcheck: 1

source:
  publisher: {yaml_string(source.publisher)}
  title: {yaml_string(source.title)}
  url: {yaml_string(source.url)}
  published: {yaml_string(source.published)}
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


def schema_reference(output: Path) -> str | None:
    """A relative path from ``output`` to docs/claim-schema.json, when this folder has one."""
    schema = Path("docs/claim-schema.json")
    if not schema.is_file():
        return None
    return os.path.relpath(schema.resolve(), output.resolve().parent).replace(os.sep, "/")
