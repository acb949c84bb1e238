"""Unit tests for memogen.data.schema: the JSON Schema editors and CI check standards with."""

from __future__ import annotations

import json

import jsonschema
import yaml

from memogen.data.schema import SCHEMA_ID, schema_text, standard_schema


def test_the_schema_names_its_dialect_and_its_own_address() -> None:
    schema = standard_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "memogen standard"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(standard_schema())


def test_the_valid_standard_passes_the_schema_and_a_misspelt_key_does_not(
    valid_standard_text: str,
) -> None:
    validator = jsonschema.Draft202012Validator(standard_schema())
    standard = yaml.safe_load(valid_standard_text)
    standard["effective"] = str(standard["effective"])  # YAML 1.1 reads a date; memogen keeps text
    assert list(validator.iter_errors(standard)) == []
    assert [e.message for e in validator.iter_errors({**standard, "titel": "x"})] != []


def test_the_text_is_the_schema_as_stable_pretty_json_with_cyrillic_kept_readable() -> None:
    text = schema_text()
    assert json.loads(text) == standard_schema()
    assert text == schema_text()
    assert text.endswith("}\n") and text.startswith('{\n  "$defs": {')
    assert '"Замена в течение 5 дней"' in text  # an example, not \\u escapes
