"""A corpus of N realistic standards for benchmarks: the examples, varied and renamed.

Each generated standard is one of the examples (Russian and English) with a new id,
a numbered title and, every third one, extra stages or inputs, so lengths vary.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, count: int) -> Path:
    """Write `count` standards to folder/standards and a copy of memogen.yaml; return folder."""
    standards = folder / "standards"
    if standards.exists():
        shutil.rmtree(standards)
    standards.mkdir(parents=True)
    shutil.copy(REPO / "memogen.yaml", folder / "memogen.yaml")
    examples = sorted((REPO / "standards").glob("*.yaml"))
    for number in range(count):
        source = examples[number % len(examples)]
        data = yaml.safe_load(source.read_text("utf-8"))
        new_id = f"{data['id']}-{number:04d}"
        text = source.read_text("utf-8")
        text = text.replace(f"id: {data['id']}", f"id: {new_id}", 1)
        text = text.replace(f"title: {data['title']}", f"title: {data['title']} №{number}", 1)
        if number % 3 == 1:
            text = text.replace(
                "\nfaq:",
                "\nfaq:\n  - q: Дополнительный вопрос?\n    a: Да, это возможно, если есть бюджет.",
                1,
            )
        (standards / f"{new_id}.yaml").write_text(text, "utf-8")
    return folder


if __name__ == "__main__":
    target = Path(sys.argv[1])
    make_corpus(target, int(sys.argv[2]) if len(sys.argv) > 2 else 50)
    print(f"wrote {target}/standards")
