"""`claimcheck schema`: generated from the model, published in docs/, valid for editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.api import claim_files
from claimcheck.claimfile.schema import DRAFT_07, claim_schema
from claimcheck.cli import app

from .conftest import CASES, ROOT

runner = CliRunner()


class _EditorLoader(yaml.SafeLoader):
    """Loads YAML as yaml-language-server does: dates stay strings."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _load(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)


def test_command_prints_the_published_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    published = (ROOT / "docs" / "claim-schema.json").read_text(encoding="utf-8")
    assert result.output == published
    doc = json.loads(result.output)
    assert doc["$schema"] == DRAFT_07
    jsonschema.Draft7Validator.check_schema(doc)


@pytest.mark.parametrize("path", claim_files([ROOT / "claims"]), ids=lambda p: p.name)
def test_bundled_claims_validate(path: Path) -> None:
    jsonschema.Draft7Validator(claim_schema()).validate(_load(path))


@pytest.mark.parametrize("name", ["schema/unknown-key.yaml", "schema/missing-key.yaml"])
def test_schema_rejects_what_the_loader_rejects(name: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(claim_schema()).validate(_load(CASES / name))


def test_no_keywords_editors_ignore() -> None:
    text = json.dumps(claim_schema())
    for keyword in ("unevaluatedProperties", "dependentRequired", "prefixItems"):
        assert keyword not in text


def test_bundled_claims_point_editors_at_the_schema() -> None:
    first = (ROOT / "claims" / "asiapress-2020-04-30-state-smuggling.yaml").read_text(
        encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/claim-schema.json"


def test_derived_short_form_is_valid() -> None:
    doc = {"source": {"publisher": "P", "title": "T", "url": "u", "published": "2024-01-02"},
           "figures": {"a": {"stated": "3 t"}}, "derived": {"b": "a / 2 in t"}}
    jsonschema.Draft7Validator(claim_schema()).validate(doc)
