"""The ingest step: gather every article, annotate, then write. Nothing here prints."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from news_archive.core.article import Draft, sha256_hex
from news_archive.core.entities import ArticleEntities
from news_archive.core.errors import ArticleError, ConfigError
from news_archive.ingest.cache import IngestCache
from news_archive.ingest.annotate import annotate
from news_archive.ingest.compose import Resolved, compose_outputs
from news_archive.ingest.discover import UNREADABLE_FOLDER, discover_sources
from news_archive.ingest.executors import MIN_ITEMS_FOR_WORKERS, Execution, start_pool
from news_archive.ingest.lock import ingest_lock
from news_archive.ingest.parse import Parsed, parse_sources
from news_archive.ingest.resolve import apply_sidecar, resolve_date
from news_archive.ingest.run_state import RunRecord, library_version, output_stats, outputs_intact, run_state
from news_archive.ingest.parallel import WorkerPool
from news_archive.ingest.tagging import executor_analysis, tag_drafts
from news_archive.ingest.writer import WriteReport, sync_outputs
from news_archive.readers import MAX_FILE_BYTES, READER_VERSION
from news_archive.nlp import resolve_model
from news_archive.readers.sidecar import find_sidecar, read_sidecar, sidecar_candidates
from news_archive.settings import IngestSettings, resolve

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int | None], None]
READ_WINDOW = 1024  # sources looked up at a time while the workers parse the window before


@dataclass
class IngestReport:
    sources: int = 0
    articles: int = 0
    failures: list[ArticleError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    writes: WriteReport = field(default_factory=WriteReport)
    output_paths: list[str] = field(default_factory=list)  # every generated file of this run

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class IngestRequest:
    settings: IngestSettings
    base_dir: Path
    paths: list[Path] = field(default_factory=list)
    out_dir: Path | None = None
    default_date: str | None = None
    lock_wait_seconds: float = 600.0


def run_ingest(request: IngestRequest, progress: Progress = lambda stage, n, total: None) -> IngestReport:
    settings = request.settings
    cache_dir = resolve(request.base_dir, settings.cache_dir)
    with ingest_lock(cache_dir, request.lock_wait_seconds):
        cache = IngestCache(cache_dir)
        try:
            return _run(request, cache, progress)
        finally:
            cache.close()


def _run(request: IngestRequest, cache: IngestCache, progress: Progress) -> IngestReport:
    settings, base = request.settings, request.base_dir
    content_dir = resolve(base, settings.content_dir)
    out_dir = request.out_dir or resolve(base, settings.articles_dir)
    report = IngestReport()
    sources, refused = discover_sources(
        request.paths or [content_dir], content_dir, settings.ignore, show=lambda p: _shown_path(p, base, follow=False)
    )
    report.failures.extend(refused)
    report.sources = len(sources)
    state = _state(sources, request, out_dir) if not request.paths and not refused else None
    previous = cache.last_run()
    if _replay_last_run(previous, state, out_dir, report):
        return report
    cache.forget_run()
    with _early_pool(sources, settings, cache) as pool:
        resolved = _resolve_all(_read_all(sources, base, cache, report, progress, pool), request, report)
        progress("tag", 0, len(resolved))
        mentions, notes = tag_drafts(
            [(item.draft, item.language) for item in resolved], settings.model, cache, _execution(settings),
            on_tagged=lambda n: progress("tag", n, None), pool=pool,
        )
    report.notes.extend(notes)
    report.notes.extend(annotate(resolved, mentions, settings, base))
    _write(resolved, request, cache, out_dir, previous, report, progress)
    if state and report.ok and not report.writes.kept_edits:
        cache.remember_run(RunRecord(state, output_stats(out_dir, report.output_paths), report.sources,
                                     report.articles, report.notes))
    return report


def _write(resolved: list[Resolved], request: IngestRequest, cache: IngestCache, out_dir: Path,
           previous: RunRecord | None, report: IngestReport, progress: Progress) -> None:
    """Compose every article (rendering only what changed) and bring the output folder in line."""
    outputs, failures, rendered = compose_outputs(resolved, cache.get_rendered)
    cache.put_rendered(rendered)
    log.debug("rendered %d of %d files (the rest as remembered from earlier runs)", len(rendered), len(resolved))
    if not request.paths:
        cache.keep_rendered([output.key for output in outputs])
    report.failures.extend(ArticleError(item.draft.label, str(error)) for item, error in failures)
    report.articles = len(outputs)
    progress("write", 0, len(outputs))
    prune = not request.paths and not _unreadable_folders(report)
    report.writes = sync_outputs(out_dir, {o.relative_path: o.text for o in outputs}, cache, prune=prune,
                                 stats=previous.outputs if previous else None)
    report.output_paths = [o.relative_path for o in outputs]


def _unreadable_folders(report: IngestReport) -> bool:
    """A folder that could not be read hides sources, not removes them: nothing is pruned."""
    return any(failure.reason == UNREADABLE_FOLDER for failure in report.failures)


def _replay_last_run(previous: RunRecord | None, state: str | None, out_dir: Path, report: IngestReport) -> bool:
    """Fill ``report`` from the last complete run when nothing changed since."""
    if state and previous and previous.state == state and outputs_intact(out_dir, previous.outputs):
        log.debug("nothing changed since the last complete run: %d articles unchanged", previous.articles)
        report.articles, report.notes = previous.articles, list(previous.notes)
        report.writes.unchanged = sorted(previous.outputs)
        return True
    return False


def _state(sources: list[Path], request: IngestRequest, out_dir: Path) -> str | None:
    """The run state (see ``run_state``); None when it cannot be told, so the run goes ahead."""
    settings, base = request.settings, request.base_dir
    inputs = [*sources, *(c for source in sources for c in sidecar_candidates(source))]
    inputs.append(resolve(base, settings.entities_file))
    if settings.taxonomy_file:
        inputs.append(resolve(base, settings.taxonomy_file))
    try:
        models = {lang: resolve_model(ref) for lang, ref in settings.model.items() if ref}
    except ConfigError:
        return None
    for model in models.values():
        inputs.extend(sorted(p for p in model.rglob("*") if p.is_file()) if isinstance(model, Path) else [])
    configuration = {
        "settings": settings.model_dump(mode="json", exclude={"workers", "batch_size", "executor", "dask_scheduler"}),
        "models": {lang: str(m) if isinstance(m, Path) else f"{m}=={library_version(m)}" for lang, m in models.items()},
        "out_dir": str(out_dir), "default_date": request.default_date, "reader": READER_VERSION,
    }
    return run_state(inputs, configuration)


def _read_all(sources: list[Path], base: Path, cache: IngestCache, report: IngestReport, progress: Progress,
              pool: WorkerPool | None = None):
    """Drafts of every source, in source order. Bytes and cache lookups happen here; what the cache
    does not know is parsed a window of sources at a time: the first window here, while ``pool``'s
    workers load the model, the later ones in the workers when there are any (the next window is
    looked up while the workers parse this one; only two windows of bytes are held)."""
    progress("read", 0, len(sources))
    drafts: list[tuple[Draft, Path, dict]] = []
    windows: deque = deque()
    for start in range(0, len(sources), READ_WINDOW):
        window = [(path, _shown_path(path, base)) for path in sources[start: start + READ_WINDOW]]
        looked_up = [_look_up(path, shown, cache) for path, shown in window]
        unparsed = [(item.data, item.shown) for item in looked_up if isinstance(item, _Unparsed)]
        windows.append((window, looked_up, parse_sources(unparsed, pool if start else None)))
        if len(windows) == 2:
            drafts.extend(_collect(*windows.popleft(), cache, report, progress))
    while windows:
        drafts.extend(_collect(*windows.popleft(), cache, report, progress))
    cache.commit()
    return drafts


def _collect(window: list[tuple[Path, str]], looked_up: list, parsed: Iterator[Parsed], cache: IngestCache,
             report: IngestReport, progress: Progress):
    """A window's drafts, in source order, with failures reported and new parses cached."""
    for (path, shown), item in zip(window, looked_up):
        if isinstance(item, _Unparsed):
            result = next(parsed)  # results come in the order of the window's unparsed sources
            report.failures.extend(result.errors)
            if result.encoded is not None:
                cache.put_drafts(item.key, result.encoded)
            item = result.drafts
        if isinstance(item, ArticleError):
            report.failures.append(item)
        elif item:  # a source that failed as a whole reports that once, not its sidecar too
            yield from _with_sidecar(path, shown, item, report)
        progress("read", 1, None)


@dataclass
class _Unparsed:
    """A source whose drafts the cache does not hold yet."""

    shown: str
    key: str
    data: bytes


def _look_up(path: Path, shown: str, cache: IngestCache) -> list[Draft] | _Unparsed | ArticleError:
    """A source's drafts from the cache, or its bytes to parse."""
    try:
        digest, data = _source_digest(path, cache)
        key = f"{digest}:{path.suffix.lower()}:{READER_VERSION}"
        cached = cache.get_drafts(key)
        if cached is None:
            return _Unparsed(shown, key, data if data is not None else path.read_bytes())
    except ArticleError as error:
        return ArticleError(shown, error.reason)
    except OSError as error:
        return _unreadable(shown, error)
    return cached


def _unreadable(shown: str, error: OSError) -> ArticleError:
    return ArticleError(shown, f"cannot read: {error.strerror or error}")


def _with_sidecar(path: Path, shown: str, drafts: list[Draft], report: IngestReport):
    try:
        sidecar_path = find_sidecar(path)
        sidecar = read_sidecar(sidecar_path) if sidecar_path else {}
    except ArticleError as error:
        report.failures.append(error)
        return []
    except OSError as error:
        report.failures.append(_unreadable(shown, error))
        return []
    for draft in drafts:
        draft.source_path = shown  # the same bytes may have been read under another name before
        apply_sidecar(draft, sidecar)
    return [(draft, path, sidecar) for draft in drafts]


@contextmanager
def _early_pool(sources: list[Path], settings: IngestSettings, cache: IngestCache) -> Iterator[WorkerPool | None]:
    """Tagging workers for the first language with a model, started before the sources are read
    when most of them are new to the cache (a cold run), so that loading the model overlaps reading."""
    language = next((lang for lang in settings.languages if settings.model.get(lang)), None)
    new = len(sources) - cache.known_source_count()
    pool = None
    if language and new >= MIN_ITEMS_FOR_WORKERS:
        execution = _execution(settings)
        pool = start_pool(language, settings.model[language], executor_analysis(execution), execution)
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()


def _execution(settings: IngestSettings) -> Execution:
    return Execution(settings.executor, settings.workers, settings.batch_size, settings.dask_scheduler)


def _source_digest(path: Path, cache: IngestCache) -> tuple[str, bytes | None]:
    """The hash of a source's bytes, and the bytes when they had to be read: a file whose size and
    modification time are those recorded with its hash is not read again (as make and git do)."""
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:  # refused before reading: a sparse 2 GB file costs nothing
        raise ArticleError(str(path), f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    known = cache.source_digest(str(path), stat.st_size, stat.st_mtime_ns)
    if known is not None:
        return known, None
    data = path.read_bytes()
    digest = sha256_hex(data)
    cache.put_source_digest(str(path), stat.st_size, stat.st_mtime_ns, digest)
    return digest, data


def _resolve_all(drafts, request: IngestRequest, report: IngestReport) -> list[Resolved]:
    settings = request.settings
    default_date = request.default_date or settings.default_date
    resolved: dict[str, Resolved] = {}
    for draft, path, sidecar in drafts:
        try:
            date, date_source = resolve_date(draft, path, sidecar, settings.zone, default_date)
        except ArticleError as error:
            report.failures.append(error)
            continue
        language = (draft.language or "und").split("-")[0].lower()
        item = Resolved(draft, draft.source_path, date, date_source, language, ArticleEntities(), [])
        if item.id in resolved:
            report.failures.append(ArticleError(draft.label, f"same text as {resolved[item.id].draft.label}; skipped"))
            continue
        resolved[item.id] = item
    return list(resolved.values())


def _shown_path(path: Path, base: Path, follow: bool = True) -> str:
    try:
        return (_resolved(path) if follow else path.absolute()).relative_to(_resolved(base)).as_posix()
    except ValueError:
        return path.as_posix()


def _resolved(path: Path) -> Path:
    """``path.resolve()``, with each folder resolved once per run (10,000 files share a few folders)."""
    return path.resolve() if path.is_symlink() else _resolved_folder(path.parent) / path.name


@lru_cache(maxsize=4096)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()
