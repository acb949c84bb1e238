"""`memogen new ID`: a commented, valid standard to start from."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from memogen.build.writer import write_atomic
from memogen.data.fields import ID_PATTERN
from memogen.errors import UserError


def new_standard_text(standard_id: str) -> str:
    """The template with the id filled in."""
    template = files("memogen.data").joinpath("scaffold/standard.yaml").read_text("utf-8")
    return template.replace("__ID__", standard_id)


def write_new_standard(standard_id: str, folder: Path) -> Path:
    """Write `folder/<id>.yaml`; refuse a bad id or an existing file."""
    if not re.fullmatch(ID_PATTERN, standard_id):  # re.match's '$' lets a final newline in
        raise UserError(
            f"'{standard_id}' is not a valid id: use 3–64 lowercase latin letters, "
            "digits and '-', e.g. purchase-request"
        )
    path = folder / f"{standard_id}.yaml"
    if path.exists():
        raise UserError(f"{path} already exists; choose another id or edit that file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, new_standard_text(standard_id).encode("utf-8"))
    except OSError as exc:
        raise UserError(
            f"cannot write {path}: {exc.strerror or exc}; choose a folder you may write to "
            "with --dir"
        ) from None
    return path
