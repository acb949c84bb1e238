"""The stage diagram: one card per stage, rows of up to four, text escaped and wrapped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from memogen.render.diagram import DiagramStage, stage_diagram

SVG = "{http://www.w3.org/2000/svg}"


def stages(count: int, client_acts: tuple[int, ...] = ()) -> list[DiagramStage]:
    return [
        DiagramStage(n, f"Stage {n}", f"{n} days", "Clerk", n in client_acts)
        for n in range(1, count + 1)
    ]


def diagram(items: list[DiagramStage], title: str = "How it works") -> ET.Element:
    return ET.fromstring(stage_diagram(items, "#1F4E79", "#F2A900", "You act", title))


def card_positions(svg: ET.Element) -> list[tuple[float, float]]:
    moves = [g.get("transform", "") for g in svg.iter(f"{SVG}g")]
    return [
        (float(x), float(y))
        for x, y in (re.fullmatch(r"translate\((\S+) (\S+)\)", m).groups() for m in moves)  # type: ignore[union-attr]
    ]


def texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


def test_the_svg_has_one_card_per_stage_with_its_number_and_name() -> None:
    svg = diagram(stages(3))
    assert len(card_positions(svg)) == 3
    assert [t for t in texts(svg) if t.startswith("Stage")] == ["Stage 1", "Stage 2", "Stage 3"]
    assert [t for t in texts(svg) if t.isdigit()] == ["1", "2", "3"]


def test_stage_names_and_the_title_are_escaped() -> None:
    hostile = [DiagramStage(1, 'A <b>&"bold"</b>', "1 day", "Tom & Jerry", False)]
    raw = stage_diagram(hostile, "#1F4E79", "#F2A900", "You act", 'Steps of "<x>"')
    assert "<b>" not in raw
    assert 'aria-label="Steps of &quot;&lt;x&gt;&quot;"' in raw
    svg = ET.fromstring(raw)
    assert svg.find(f"{SVG}title").text == 'Steps of "<x>"'  # type: ignore[union-attr]
    assert 'A <b>&"bold"</b>' in " ".join(texts(svg))
    assert "Tom & Jerry" in texts(svg)


@pytest.mark.parametrize(
    ("count", "rows"), [(1, [1]), (4, [4]), (5, [3, 2]), (6, [3, 3]), (8, [4, 4]), (9, [3, 3, 3])]
)
def test_stages_run_in_balanced_rows_of_up_to_four(count: int, rows: list[int]) -> None:
    tops = [y for _, y in card_positions(diagram(stages(count)))]
    assert [tops.count(top) for top in sorted(set(tops))] == rows


def test_a_stage_where_the_client_acts_carries_the_badge() -> None:
    svg = diagram(stages(3, client_acts=(2,)))
    assert texts(svg).count("★ You act") == 1


def test_a_long_name_is_wrapped_and_cut_with_an_ellipsis_after_six_lines() -> None:
    long = DiagramStage(1, " ".join(["Registration"] * 40), "1 day", "", False)
    names = [
        t
        for t in diagram([long, *stages(3)[1:]]).iter(f"{SVG}text")
        if "Registration" in "".join(t.itertext())
    ]
    lines = ["".join(span.itertext()) for span in names[0]]
    assert len(lines) == 6
    assert lines[-1].endswith("…")


def test_the_svg_is_accessible_as_one_image() -> None:
    svg = diagram(stages(2), title="How the work goes")
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "How the work goes"
