"""The JSON Schema of a standard, generated from the models, for editors and CI."""

from __future__ import annotations

import json
from typing import Any

from memogen.data.models import Standard

SCHEMA_ID = "https://memogen.example/standard.schema.json"


def standard_schema() -> dict[str, Any]:
    """The schema as a dict (draft 2020-12)."""
    schema = Standard.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """The schema as stable, pretty JSON text."""
    return json.dumps(standard_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
