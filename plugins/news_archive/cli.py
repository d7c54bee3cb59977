"""The command line: `news-archive ingest`, `news-archive eval-ner`. Thin: parse, call, report."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from news_archive import __version__
from news_archive.core.errors import ConfigError

DEFAULT_CONFIG = Path("mkdocs.yml")  # without one, ingest runs on the documented defaults


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.handler(args)
    except ConfigError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", code=130)
    except Exception as error:  # noqa: BLE001 - the one place that turns any error into a message
        if args.debug:
            raise
        return _fail(f"{type(error).__name__}: {error} (run with --debug for the traceback)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-archive", description="Raw news articles in, a cross-linked archive out.")
    parser.add_argument("--version", action="version", version=f"news-archive {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="turn raw articles into front-mattered Markdown")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the content folder)")
    ingest.add_argument("--out", type=Path, help="output folder (default: ingest.articles_dir)")
    ingest.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="the project's mkdocs.yml")
    ingest.add_argument("--default-date", help="date for articles with no other date (YYYY-MM-DD)")
    ingest.add_argument("--no-wait", action="store_true", help="exit at once if another ingest is running")
    ingest.add_argument("--workers", type=int, help="processes that run the spaCy model, 0 for none (default: ingest.workers, else the number of cores)")
    ingest.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    ingest.set_defaults(handler=_ingest)

    eval_ner = commands.add_parser("eval-ner", help="score a NER model on an annotated file")
    eval_ner.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    try:
        from news_archive.nlp import ner_eval
    except ImportError:
        ner_eval = None
    if ner_eval is not None:
        ner_eval.add_arguments(eval_ner)
        eval_ner.set_defaults(handler=lambda args: ner_eval.run(args, _load_model))
    return parser


def _load_model(lang: str, model: str | None):
    from news_archive.nlp import load_pipeline

    return load_pipeline(lang, model)


def _ingest(args: argparse.Namespace) -> int:
    from news_archive.cli_report import print_report, progress_bar
    from news_archive.ingest.lock import LockTimeout
    from news_archive.ingest.run import IngestRequest, run_ingest
    from news_archive.project import load_project_settings
    from news_archive.settings import IngestSettings

    config_file = args.config.resolve()
    explicit = args.config != DEFAULT_CONFIG
    settings = load_project_settings(config_file) if explicit or config_file.exists() else IngestSettings()
    if args.workers is not None:
        if args.workers < 0:
            return _fail("--workers must be 0 or more")
        settings = settings.model_copy(update={"workers": args.workers})
    request = IngestRequest(
        settings=settings,
        base_dir=config_file.parent,
        paths=[p.resolve() for p in args.paths],
        out_dir=args.out.resolve() if args.out else None,
        default_date=args.default_date,
        lock_wait_seconds=0 if args.no_wait else 600,
    )
    try:
        with progress_bar() as progress:
            report = run_ingest(request, progress)
    except LockTimeout as error:
        return _fail(str(error))
    print_report(report)
    return 0 if report.ok else 1


def _fail(message: str, code: int = 2) -> int:
    print(f"news-archive: error: {message}", file=sys.stderr)
    return code
