"""The Standard model: strict, frozen, documented; the typed values it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from memogen.data.durations import Duration
from memogen.data.models import Standard

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "good" / "tiny-service.yaml"


def as_text(value: Any) -> Any:
    """Scalars as the loader hands them over: text, never a number, a date or a bool."""
    if isinstance(value, dict):
        return {key: as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_text(item) for item in value]
    return str(value).lower() if isinstance(value, bool) else str(value)


def tiny_data() -> dict[str, Any]:
    data: dict[str, Any] = as_text(yaml.safe_load(VALID.read_text(encoding="utf-8")))
    return data


def errors_of(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Standard.model_validate(data)
    return [(error["loc"], error["type"]) for error in caught.value.errors()]


def test_a_valid_standard_holds_typed_values(tiny_standard: Standard) -> None:
    assert tiny_standard.id == "tiny-service"
    assert tiny_standard.effective is not None and tiny_standard.effective.isoformat() == (
        "2026-12-01"
    )
    assert isinstance(tiny_standard.deadline, Duration)
    assert str(tiny_standard.deadline) == "3 business days"
    assert [stage.name for stage in tiny_standard.stages] == ["Registration", "Work"]
    assert tiny_standard.inputs[0].required is True


def test_an_unknown_key_is_an_error_even_deep_inside() -> None:
    data = tiny_data()
    data["colour"] = "blue"
    data["owner"]["nickname"] = "Annie"
    assert sorted(errors_of(data)) == [
        (("colour",), "extra_forbidden"),
        (("owner", "nickname"), "extra_forbidden"),
    ]


def test_a_missing_required_key_is_an_error() -> None:
    data = tiny_data()
    del data["stages"]
    assert errors_of(data) == [(("stages",), "missing")]


def test_a_standard_takes_one_to_twelve_stages() -> None:
    data = tiny_data()
    data["stages"] = data["stages"] * 7
    assert errors_of(data) == [(("stages",), "too_long")]
    data["stages"] = []
    assert errors_of(data) == [(("stages",), "too_short")]


def test_a_loaded_standard_never_changes(tiny_standard: Standard) -> None:
    with pytest.raises(ValidationError):
        tiny_standard.title = "Another"  # type: ignore[misc]


def test_every_field_of_the_standard_is_documented_for_the_schema() -> None:
    assert [name for name, info in Standard.model_fields.items() if not info.description] == []
    assert Standard.model_json_schema()["properties"]["id"]["description"]
