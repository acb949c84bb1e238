"""Hostile text in a standard stays text in the Word files: no markup, no extra part, no link
but the addresses the standard gave (http, https, mailto), and the file still opens."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.render.worker import Job, render_standard

from .adversarial_kit import tiny_data, to_yaml

HOSTILE = [
    "</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden",
    "<script>alert(1)</script>",
    "&amp; &lt; ]]> <![CDATA[x]]>",
    '<a href="javascript:alert(1)">click</a>',
    "\u202eevil\u202c {{ 7*7 }} ${x}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_text_in_the_word_files(text: str, tmp_path: Path) -> None:
    data = tiny_data()
    data["title"] = f"Tiny {text}"
    data["stages"][0]["name"] = text
    data["contacts"][0]["name"] = text
    data["summary"] = f"{text} [x](javascript:alert(1))"
    source = tmp_path / "tiny-service.yaml"
    source.write_text(to_yaml(data), encoding="utf-8")
    config = load_config(None)
    checked = check_standards([(source, "standards/tiny-service.yaml")], config)
    assert checked.errors == []
    out = tmp_path / "out"
    job = Job(checked.standards[0], config, None, ("memo", "guide"), ("docx",), out)
    rendered = render_standard(job)
    assert sorted(rendered.files) == ["tiny-service/guide.docx", "tiny-service/memo.docx"]
    for relative in rendered.files:
        raw = (out / relative).read_bytes()
        document = docx.Document(io.BytesIO(raw))
        assert document.paragraphs[1].text == f"Tiny {text}"  # the Title, verbatim
        assert document.tables[0].rows[1].cells[1].text == text
        body = document.element.body
        assert not body.xpath(".//w:vanish"), relative
        links = [
            rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK
        ]
        assert all(link.startswith(("https://", "mailto:")) for link in links), links
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            assert not [n for n in archive.namelist() if "vba" in n.lower()]
            xml = b"".join(archive.read(n) for n in archive.namelist() if n.endswith("xml"))
        assert set(re.findall(rb'w:instr="\s*(\w+)', xml)) == {b"PAGE", b"NUMPAGES"}
        assert b"<w:instrText" not in xml  # no complex field (DDE, INCLUDEPICTURE…)
        external = [rel for rel in document.part.package.iter_rels() if rel.is_external]
        assert {rel.reltype for rel in external} <= {RT.HYPERLINK}, relative  # no remote image
