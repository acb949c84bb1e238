"""catalogue.json is read by other programs (an intranet, a chat bot): every field is JSON
text exactly as typed (never HTML, so a page that shows it must escape it), and its only
links are the request form (http, https) or the request address through `mailto`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.outputs import FORMATS, SiteFile
from memogen.render.catalogue_json import catalogue_json

from .adversarial_kit import tiny_data, to_yaml

TITLE = '</script><script>alert(1)</script> "quoted" & <b>bold</b> {{ 7*7 }}'


def test_catalogue_json_holds_each_field_as_typed_text_and_only_checked_links(
    tmp_path: Path,
) -> None:
    data = tiny_data()
    data["title"] = TITLE
    data["request"] = {**data["request"], "channel": "email", "form_url": None}
    data["request"]["address"] = "help?cc=all@кадры.рф"
    source = tmp_path / "tiny-service.yaml"
    source.write_text(to_yaml(data), encoding="utf-8")
    config = load_config(None)
    checked = check_standards([(source, "standards/tiny-service.yaml")], config)
    assert checked.errors == []
    raw = catalogue_json(checked.standards, config, {}, None)
    [entry] = json.loads(raw)["services"]
    assert entry["title"] == TITLE
    assert entry["request"] == {
        "channel": "email",
        "form_url": None,
        "address": "help?cc=all@кадры.рф",
        "href": "mailto:help%3Fcc%3Dall@xn--80aiq0a9c.xn--p1ai",
    }


def test_memogen_writes_no_spreadsheet_so_no_cell_formula_can_be_injected() -> None:
    """A survey comment or a staff name that starts with `=` is text in HTML, PDF and Word;
    no output is a CSV or a spreadsheet that would run it as a formula."""
    written = {*FORMATS, *(Path(name).suffix.lstrip(".") for name in get_args(SiteFile))}
    assert written == {"html", "pdf", "md", "png", "eml", "txt", "docx", "json"}
