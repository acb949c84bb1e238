"""The build manifest: what each output was made from, so unchanged work is skipped.

Each (standard, artifact) pair is keyed by a hash of everything its files depend
on: the standard's typed content (a comment edit changes nothing), the config,
the templates the artifact uses (their whole include/extends closure), the
formats asked for and memogen's version. When the key and the files on disk
match the manifest, the pair is not rendered again.
"""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, meta

from memogen import __version__
from memogen.build.writer import read_regular

MANIFEST_NAME = ".memogen-manifest.json"
MANIFEST_VERSION = 2  # 2: each entry keeps its document's warnings (and `site`, the site's files')


@dataclass
class Entry:
    key: str
    files: dict[str, int]  # relative path → size in bytes
    warnings: list[str] = field(default_factory=list)  # what rendering it warned, said again


@dataclass
class Manifest:
    entries: dict[str, Entry] = field(default_factory=dict)  # "id/artifact" → entry
    site: dict[str, list[str]] = field(default_factory=dict)  # a site file → its warnings

    @classmethod
    def read(cls, out: Path) -> Manifest:
        """The manifest in `out`, or an empty one if it is missing, unreadable or not a
        regular file (a symlink or FIFO planted there is never read)."""
        try:
            raw = json.loads(read_regular(out / MANIFEST_NAME) or b"{}")
            if raw.get("version") != MANIFEST_VERSION:
                return cls()
            return cls(
                {
                    name: Entry(e["key"], dict(e["files"]), [str(w) for w in e["warnings"]])
                    for name, e in raw["entries"].items()
                },
                {
                    str(name): [str(w) for w in warnings]
                    for name, warnings in raw.get("site", {}).items()
                },
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def to_bytes(self) -> bytes:
        entries = {
            name: {"key": e.key, "files": dict(sorted(e.files.items())), "warnings": e.warnings}
            for name, e in sorted(self.entries.items())
        }
        manifest = {"version": MANIFEST_VERSION, "entries": entries, "site": self.site}
        return (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")

    def files(self) -> set[str]:
        """Every output file the manifest records as memogen's own."""
        return {relative for entry in self.entries.values() for relative in entry.files}

    def is_fresh(self, name: str, key: str, out: Path) -> bool:
        """True when `name` was built from `key` and its files are there, unchanged in size."""
        entry = self.entries.get(name)
        if entry is None or entry.key != key:
            return False
        return all(is_unchanged(out / relative, size) for relative, size in entry.files.items())


def is_unchanged(path: Path, size: int) -> bool:
    """True when `path` is a regular file (a planted symlink never is) of the recorded size."""
    try:
        found = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and found.st_size == size


def digest(*parts: str | bytes) -> str:
    """A short, stable hash of the parts."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:32]


class TemplateHasher:
    """Hashes of template closures (a template and all it includes or extends), cached."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.cache: dict[str, str] = {}

    def closure_hash(self, names: list[str]) -> str:
        seen: dict[str, str] = {}
        pending = list(names)
        while pending:
            name = pending.pop()
            if name in seen or self.env.loader is None:
                continue
            try:
                source, _, _ = self.env.loader.get_source(self.env, name)
            except Exception:  # a missing template fails later, with a clear message
                seen[name] = "missing"
                continue
            seen[name] = source
            try:
                parsed = self.env.parse(source)
            except TemplateSyntaxError:  # rendering it fails later, with its file and line
                continue
            pending.extend(n for n in meta.find_referenced_templates(parsed) if n is not None)
        return digest(*(f"{name}\0{seen[name]}" for name in sorted(seen)))

    def for_artifact(self, artifact: str, template_names: list[str]) -> str:
        if artifact not in self.cache:
            self.cache[artifact] = self.closure_hash(template_names)
        return self.cache[artifact]


def build_key(standard_json: str, config_json: str, templates: str, formats: list[str]) -> str:
    return digest(code_fingerprint(), standard_json, config_json, templates, ",".join(formats))


@cache
def code_fingerprint() -> str:
    """memogen's version, its own code and the calendars it ships: an upgrade or a change of
    either rebuilds everything."""
    package = Path(__file__).resolve().parents[1]
    sources = sorted([*package.rglob("*.py"), *package.glob("data/calendars/*.json")])
    return digest(
        __version__,
        *(p.relative_to(package).as_posix() for p in sources),
        *(p.read_bytes() for p in sources),
    )
