"""The preview build behind `memogen serve`: rebuild in two phases on each change, tell browsers.

Laying out PDFs is what takes time (about 2 s for one standard; HTML takes 0.1 s), so
each change is built twice, by two threads, into two folders that each keep their own
incremental manifest:

- the *page* phase builds every format but PDF and PNG straight into `site/`, the folder
  that is served, and rewrites the catalogue: a saved title is on screen at once;
- the *print* phase builds PDF and PNG into `print/`, then copies what changed into
  `site/` and rewrites the catalogue again, so it links to every file.

Both phases go through `pipeline.build()`, so a phase re-renders only the standards
the change touches. Browsers learn about new files from `news.News`.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from memogen.build.writer import is_regular, read_regular, write_atomic
from memogen.data.paths import real_path
from memogen.errors import UserError
from memogen.i18n import _, ngettext
from memogen.outputs import PRINT_FORMATS
from memogen.pipeline import BuildOptions, Validated, build, check, write_index
from memogen.project import CONFIG_NAME, STANDARDS_DIR, standard_folders
from memogen.render.worker import forget_templates
from memogen.serve.news import News
from memogen.serve.status import Failure, Listed, Say
from memogen.serve.watch import Targets, targets_of, watch_sources

STOP_PATIENCE_SECONDS = 60.0  # how long stop() waits for a builder thread (one render at most)


class _Stopped(Exception):
    """Raised from the build's progress callback to drop a print build when the server stops."""


class LiveBuild:
    """The preview folders, kept up to date with the sources by two builder threads."""

    def __init__(
        self, paths: Sequence[Path], config_path: Path | None, work: Path, news: News, say: Say
    ) -> None:
        self.paths = list(paths)
        self.config_path = config_path
        self.root = real_path(config_path or Path(CONFIG_NAME)).parent
        self.site = work / "site"
        self.print_dir = work / "print"
        self.news = news
        self.say = say
        # phase → why it failed. Replaced, never changed in place: the server reads it freely.
        self.failures: dict[str, Failure] = {}
        self._failures_lock = threading.Lock()
        self.standards: list[Listed] = []
        self._validated: Validated | None = None  # the last valid sources, as checked
        self._stop = threading.Event()
        self._page_due = threading.Event()
        self._print_due = threading.Event()
        self._site_lock = threading.Lock()  # a phase's writes into site/ and its catalogue
        self._threads: list[threading.Thread] = []
        self._template_edits = 0
        self._templates_seen: dict[str, int] = {}

    def start(self) -> None:
        """Build the pages now (so the first request finds them), then watch and rebuild."""
        self._page_phase()
        for name, target in (
            ("page", self._page_loop),
            ("print", self._print_loop),
            ("watch", lambda: watch_sources(self.watch_targets, self.sources_changed, self._stop)),
        ):
            thread = threading.Thread(target=target, name=f"memogen-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Stop watching and building; a render in progress is dropped, not waited for."""
        from memogen.render.pool import stop_kept_pools

        self._stop.set()
        self._page_due.set()
        self._print_due.set()
        self.news.close()
        stop_kept_pools()
        # A print build that started its workers after that stops after its next document
        # (see _progress), stopping them; only then may the caller remove the folders.
        for thread in self._threads:
            thread.join(timeout=STOP_PATIENCE_SECONDS)
        stop_kept_pools()

    def sources_changed(self, templates: bool) -> None:
        """Called by the watcher: rebuild (templates: compile them afresh too)."""
        if templates:
            self._template_edits += 1
        self._page_due.set()

    def _fresh_templates(self, phase: str) -> None:
        """Drop the compiled templates if they were edited since this phase last ran. Done
        before the build hashes the templates, so what it renders is never older than that."""
        if self._templates_seen.get(phase, 0) != self._template_edits:
            self._templates_seen[phase] = self._template_edits
            _forget_compiled_templates()

    def busy(self) -> bool:
        """True while a build runs or is due: a phase is marked running before its due flag
        is cleared, and the page phase makes the print phase due before it finishes."""
        return self._page_due.is_set() or self._print_due.is_set() or bool(self.news.building)

    def _page_loop(self) -> None:
        while self._page_due.wait() and not self._stop.is_set():
            self.news.set_building("page", True)
            self._page_due.clear()
            self._page_phase()

    def _print_loop(self) -> None:
        while self._print_due.wait() and not self._stop.is_set():
            self.news.set_building("print", True)
            self._print_due.clear()
            try:
                if "page" not in self.failures:  # invalid input: the fix will call us again
                    self._print_phase()
            finally:
                self.news.set_building("print", False)

    def _page_phase(self) -> None:
        started = time.monotonic()
        self.news.set_building("page", True)
        self._fresh_templates("page")
        try:
            project, checked, _ = check(self.paths, self.config_path)
            if checked.errors:
                raise UserError(checked.issues)
            self._validated = validated = (project, checked)
            wanted = project.config.build.formats
            formats = tuple(f for f in wanted if f not in PRINT_FORMATS)
            with self._site_lock:
                changed: list[str] = []
                if formats:
                    options = BuildOptions(out=self.site, formats=formats)
                    changed += build(
                        self.paths, self.config_path, options, validated=validated
                    ).rendered
                changed += write_index(
                    self.paths, self.config_path, self.site, validated, pdf=False
                ).rendered  # scores.pdf waits for the print phase
            self.standards = [
                Listed(s.id, s.title, s.language or project.config.language, s.department)
                for s in checked.standards
            ]
            self._succeeded("page", changed, started, [i.text() for i in checked.issues])
            if any(f in PRINT_FORMATS for f in wanted):
                self._print_due.set()
        except Exception as exc:  # whatever it is, the page shows it
            self._failed("page", exc)
        finally:
            self.news.set_building("page", False)

    def _print_phase(self) -> None:
        started = time.monotonic()
        self._fresh_templates("print")
        try:
            validated = self._validated  # what the page phase checked: the sources on screen
            if validated is None:
                return
            formats = tuple(f for f in validated[0].config.build.formats if f in PRINT_FORMATS)
            result = build(
                self.paths,
                self.config_path,
                BuildOptions(out=self.print_dir, formats=formats),
                self._progress,
                validated=validated,
            )
            with self._site_lock:
                changed = self._copy_print_files()
                if changed:
                    changed += write_index(
                        self.paths, self.config_path, self.site, validated
                    ).rendered
            self._succeeded("print", changed, started, result.warnings)
        except _Stopped:
            pass
        except Exception as exc:
            if not self._stop.is_set():  # stopping kills the workers: that is no failure
                self._failed("print", exc)

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise _Stopped

    def _copy_print_files(self) -> list[str]:
        """Make site/'s PDFs and PNGs those of print/: copy the ones whose bytes differ,
        remove the ones print/ no longer has; their relative paths."""
        changed = []
        for source in sorted(self.print_dir.glob("*/*")):
            data = read_regular(source) if _is_print_file(source) else None
            if data is None:
                continue
            relative = source.relative_to(self.print_dir).as_posix()
            target = self.site / relative
            if read_regular(target, limit=len(data)) != data:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, data)
                changed.append(relative)
        for target in sorted(self.site.glob("*/*")):
            relative = target.relative_to(self.site).as_posix()
            if _is_print_file(target) and not is_regular(self.print_dir / relative):
                target.unlink()
                changed.append(relative)
        return changed

    def _succeeded(
        self, phase: str, changed: list[str], started: float, warnings: list[str]
    ) -> None:
        with self._failures_lock:
            failed_before = bool(self.failures)
            self.failures = {p: f for p, f in self.failures.items() if p != phase}
            recovered = failed_before and not self.failures
        if recovered or changed:
            self.news.publish(["*"] if recovered else ["/" + path for path in changed])
        if changed:
            updated = (
                ngettext(
                    "pages: {count} file(s) updated in {seconds:.1f} s",
                    "pages: {count} file(s) updated in {seconds:.1f} s",
                    len(changed),
                )
                if phase == "page"
                else ngettext(
                    "PDFs and images: {count} file(s) updated in {seconds:.1f} s",
                    "PDFs and images: {count} file(s) updated in {seconds:.1f} s",
                    len(changed),
                )
            )
            self.say(updated.format(count=len(changed), seconds=time.monotonic() - started))
            for warning in warnings:
                self.say(warning if ": warning: " in warning else f"warning: {warning}")

    def _failed(self, phase: str, exc: Exception) -> None:
        if isinstance(exc, UserError):
            failure = Failure(tuple(exc.issues), exc.summary)
        else:  # a bug in memogen: keep serving, say so on the page and in the terminal
            failure = Failure(
                (),
                _(
                    "internal error: {kind}: {error}\nThis is a bug in memogen, not in your "
                    "files; please report it."
                ).format(kind=exc.__class__.__name__, error=exc),
            )
            self.say(traceback.format_exc(limit=-3))
        with self._failures_lock:
            known = self.failures.get(phase) == failure
            self.failures = {**self.failures, phase: failure}
        if not known:
            self.news.publish(["*"])
            told = _("the preview cannot be built:\n{problems}")
            self.say(told.format(problems=failure.summary or _lines(failure)))

    def watch_targets(self) -> Targets:
        """What a change must touch to matter, as the sources are now."""
        return targets_of(self.config_path, self.root, *self.standard_folders())

    def standard_folders(self) -> tuple[set[Path], set[Path]]:
        """The folders of standards to watch (subfolders too), and the single files named on
        the command line."""
        folders: set[Path] = set()
        files: set[Path] = set()
        for path in self.paths or [self.root / STANDARDS_DIR]:
            resolved = real_path(path)
            if resolved.is_file():
                files.add(resolved)
            elif resolved.is_dir():  # and its subfolders, as the build finds them
                folders.update(real_path(f) for f in standard_folders(resolved, self.root))
            else:
                folders.add(resolved)
        return folders, files


def _is_print_file(path: Path) -> bool:
    return path.suffix[1:] in PRINT_FORMATS and not path.name.startswith(".")


def _lines(failure: Failure) -> str:
    return "\n".join(issue.text() for issue in failure.issues)


def _forget_compiled_templates() -> None:
    """The render stage keeps one compiled Jinja environment per process: fine for a build,
    stale in a server that lives across template edits."""
    forget_templates()
