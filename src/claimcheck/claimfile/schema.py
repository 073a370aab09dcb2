"""The JSON Schema of the claim-file format, generated from the same pydantic model the
loader validates with, so the two cannot drift.

Editors support draft-07 best (yaml-language-server, VS Code), so the schema is stamped
draft-07 and uses nothing newer.  Put this on the first line of a claim file:

    # yaml-language-server: $schema=https://…/claim-schema.json   (or a relative path)
"""

from __future__ import annotations

import json
from typing import Any

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID = "https://claimcheck.example/schema/claim-v1.json"


def claim_schema() -> dict[str, Any]:
    from .model import ClaimFile

    schema = ClaimFile.model_json_schema(by_alias=True)
    # YAML writes many figures as bare numbers (stated: 3.70); claimcheck reads the text,
    # so numbers are welcome wherever text is.
    _allow_numbers(schema)
    # `price: value / mass in USD/tonne` is the short form of `price: {expr: ...}`
    derived = schema["properties"]["derived"]["patternProperties"]
    for key, ref in list(derived.items()):
        derived[key] = {"anyOf": [ref, {"type": "string", "maxLength": 4000}]}
    return {"$schema": DRAFT_07, "$id": SCHEMA_ID,
            "title": "claimcheck claim file (format 1)",
            "description": "Figures as a news report states them, the quotes they come "
                           "from, and the arithmetic they imply. See docs/claim-format.md.",
            **{k: v for k, v in schema.items() if k != "title"}}


def _allow_numbers(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and "pattern" not in node and "enum" not in node:
            node["type"] = ["string", "number"]
        for value in node.values():
            _allow_numbers(value)
    elif isinstance(node, list):
        for value in node:
            _allow_numbers(value)


def render() -> str:
    return json.dumps(claim_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
