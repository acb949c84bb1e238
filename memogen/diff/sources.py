"""The two states `memogen diff` compares: a git revision's standards and the working tree's
(listed with `git ls-tree`, read with `git cat-file`, never checked out), or two files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.loader import MAX_FILE_BYTES, load_bytes, load_file, too_large
from memogen.data.models import Standard
from memogen.data.wording import to_model
from memogen.errors import Issue, UserError, on_one_line
from memogen.i18n import _
from memogen.project import STANDARD_SUFFIXES, Project

Pair = tuple[Standard | None, Standard | None]  # (before, after); None: it did not exist
GIT_TIMEOUT_S = 60


def from_git(project: Project, paths: Sequence[Path], base: str) -> list[Pair]:
    """Each standard of `paths` at revision `base` and now, matched by id."""
    if base.startswith("-") or not base.strip():  # never an option of git's
        raise UserError(
            _("'{base}' is not a git revision (name a commit, a branch or a tag)").format(
                base=on_one_line(base)
            )
        )
    checked = project.check(paths)[1]
    if checked.errors:
        raise UserError(checked.issues)
    now = {standard.id: standard for standard in checked.standards}
    folders = [project.display(path) for path in paths] or ["standards"]
    before: dict[str, Standard] = {}
    for name, blob in _standards_at(project.root, base, folders):
        raw = _git(project.root, base, "cat-file", "blob", blob)
        standard = _model(load_bytes(raw, f"{base}:{name}"), project.config)
        before[standard.id] = standard
    ids = sorted({*before, *now})
    return [(before.get(i), now.get(i)) for i in ids]


def _standards_at(root: Path, base: str, folders: Sequence[str]) -> list[tuple[str, str]]:
    """(path, blob id) of each standard file under `folders` at `base`; a file over the
    loader's bound is refused from the size git's tree gives, before a byte of it is read."""
    # -z: every path as it is (git quotes one with letters outside ASCII otherwise);
    # -l: each blob's size
    listed = _git(root, base, "ls-tree", "-r", "-l", "-z", base, "--", *folders)
    found = []
    for entry in filter(None, listed.split(b"\0")):
        info, _tab, raw_name = entry.partition(b"\t")
        kind, blob, size = info.split()[1:4]
        name = os.fsdecode(raw_name)
        if kind != b"blob" or not name.endswith(STANDARD_SUFFIXES):
            continue
        if int(size) > MAX_FILE_BYTES:
            raise too_large(f"{base}:{name}")
        found.append((name, blob.decode("ascii")))
    return found


def from_files(old: Path, new: Path, config: Config) -> list[Pair]:
    """Two files of one standard: the old state and the new."""
    return [(_model(load_file(old), config), _model(load_file(new), config))]


def _model(document: Document, config: Config) -> Standard:
    standard, issues = to_model(Standard, document)
    errors = [issue for issue in issues if issue.severity == "error"]
    if standard is None or errors:
        invalid = Issue(document.file, 1, 1, "", _("the standard is not valid"))
        raise UserError(errors or [invalid])
    if standard.language is None:
        standard = standard.model_copy(update={"language": config.language})
    return standard


def _git(root: Path, base: str, *args: str) -> bytes:
    """Run git in the repo; a failure becomes one sentence in memogen's words."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, timeout=GIT_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(
            _(
                "memogen diff could not run git (install git, or compare two files: "
                "memogen diff OLD.yaml NEW.yaml)"
            )
        ) from exc
    if done.returncode != 0:
        raise UserError(
            _(
                "git cannot read the standards at revision '{base}' (run memogen diff inside a "
                "git repository, with --base naming a commit, a branch or a tag)"
            ).format(base=on_one_line(base))
        )
    return done.stdout
