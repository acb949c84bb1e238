"""`memogen new ID`: a commented, valid standard to start from, in Russian or English."""

from __future__ import annotations

import os
import re
from importlib.resources import files
from pathlib import Path

from memogen.build.writer import write_atomic
from memogen.data.fields import ID_PATTERN
from memogen.errors import UserError
from memogen.i18n import _


def new_standard_text(standard_id: str, language: str = "ru") -> str:
    """The template in `language` (scaffold/standard.<language>.yaml), the id filled in."""
    template = files("memogen.data").joinpath(f"scaffold/standard.{language}.yaml")
    return template.read_text("utf-8").replace("__ID__", standard_id)


def write_new_standard(standard_id: str, folder: Path, language: str = "ru") -> Path:
    """Write `folder/<id>.yaml`; refuse a bad id or an existing file."""
    if not re.fullmatch(ID_PATTERN, standard_id):  # re.match's '$' lets a final newline in
        raise UserError(
            _(
                "'{id}' is not a valid id: use 3–64 lowercase latin letters, digits and '-', "
                "e.g. purchase-request"
            ).format(id=standard_id)
        )
    path = folder / f"{standard_id}.yaml"
    taken = path if path.exists() else _found_below(folder, path.name)
    if taken is not None:
        raise UserError(
            _("{path} already exists; choose another id or edit that file").format(path=taken)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, new_standard_text(standard_id, language).encode("utf-8"))
    except OSError as exc:
        raise UserError(
            _("cannot write {path}: {reason}; choose a folder you may write to with --dir").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    return path


def _found_below(folder: Path, name: str) -> Path | None:
    """A file `name` in a (not hidden) subfolder of `folder`, as standards in department
    folders are: its id is taken. Linked folders are not followed."""
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        if name in names:
            return Path(parent) / name
    return None
