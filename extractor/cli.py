"""The command line: thin click commands over the library.  Data on stdout, one-line errors on
stderr, no tracebacks.  Exit codes: 0 clean, 1 findings, 2 usage or unreadable input."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from extractor import __version__

# Each command imports what it needs when it runs, so `--help` loads click and little else.
if TYPE_CHECKING:
    from extractor.model import FactSheet

F = TypeVar("F", bound=Callable[..., Any])


def sources_option(help_text: str) -> Callable[[F], F]:
    """The --sources option shared by check and evaluate."""
    return click.option(
        "--sources",
        type=click.Path(path_type=Path),
        default=Path("seeds"),
        show_default=True,
        help=help_text,
    )


def _error(message: str) -> None:
    click.echo(f"factsheet: error: {message}".splitlines()[0], err=True)


def _quiet() -> bool:
    """`factsheet -q ...`: no progress bar, no summary line on success."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().params.get("quiet"))


def _fail(message: str, code: int = 2) -> NoReturn:
    _error(message)
    sys.exit(code)


def _write(path: Path, content: str) -> bool:
    """Write atomically; on failure say why in one line and return False."""
    from extractor.yamlio import write_atomic

    try:
        write_atomic(path, content)
    except OSError as exc:
        _error(f"{path}: cannot write: {exc.strerror or exc}")
        return False
    return True


def _emit(output: Path | None, text: str) -> None:
    """Print `text`, or write it atomically to `output`; exit 2 when the write fails."""
    if output is None:
        click.echo(text, nl=False)
    elif not _write(output, text):
        sys.exit(2)


def _load_valid(paths: tuple[Path, ...]) -> list[FactSheet]:
    """Valid sheets from files and folder trees (the loader every command shares); exits 2
    after naming each sheet that cannot be used, one line each."""
    return [sheet for _, sheet in _load_valid_items(paths)]


def _load_valid_items(paths: tuple[Path, ...]) -> list[tuple[Path, FactSheet]]:
    """`_load_valid` with the file each sheet came from."""
    from extractor.sheets import load_all

    loaded, problems = load_all(list(paths))
    for item in loaded:
        if item.findings:
            first = item.findings[0]
            if item.unreadable:
                problems.append(first)
            else:
                where = f"{first.file}:{first.line}" if first.line else first.file
                _error(
                    f"{where}: not a valid fact sheet: {first.path}: {first.message} "
                    f"(run: factsheet validate {item.file.display})"
                )
    for finding in problems:
        _error(str(finding))
    if problems or any(item.sheet is None for item in loaded):
        sys.exit(2)
    return [(item.file.path, item.sheet) for item in loaded if item.sheet is not None]


def _jobs(value: int | None) -> int:
    from extractor.parallel import available_cores

    return available_cores() if value is None else value


jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    callback=lambda ctx, param, value: _jobs(value),
    help="Processes to use (default: the cores available; 1: no pool). Output is the same.",
)

follow_option = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read documents behind symbolic links (refused by default).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="factsheet")
@click.option(
    "-q", "--quiet", is_flag=True, help="Only data and errors: no progress bar or summary lines."
)
def cli(quiet: bool) -> None:
    """Turn news and policy text into schema-validated YAML fact sheets.

    \b
    Quick start:
      factsheet extract seeds -o facts        # one sheet per document
      factsheet check                         # CI: sheets valid and up to date
      factsheet evaluate --gold tests/gold/seeds.yaml
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("facts"),
    show_default=True,
    help="Folder for <stem>.yaml sheets.",
)
@click.option(
    "--stdout", "to_stdout", is_flag=True, help="Print the sheets instead of writing files."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Sheet format (json: one object per line with --stdout).",
)
@follow_option
@jobs_option
def extract(
    paths: tuple[str, ...],
    out_dir: Path,
    to_stdout: bool,
    fmt: str,
    follow_symlinks: bool,
    jobs: int,
) -> None:
    """Extract facts from documents: files, folder trees (*.txt, *.md, *.html) or - for stdin.

    A folder's sub-folders are mirrored under the output folder: archive/2024/05/x.txt gives
    facts/2024/05/x.yaml (source id 2024/05/x).  Two inputs that would write the same sheet are
    both refused, naming each other; sheets (.yaml, .json) are refused as inputs.  Each input
    that fails is one line on stderr, the others go on, and the exit code is 2.

    \b
    Examples:
      factsheet extract seeds -o facts
      factsheet extract article.txt --stdout
      cat article.txt | factsheet extract - --stdout --format json
    """
    from extractor.documents import MAX_BYTES
    from extractor.parallel import ExtractTask, PoolError, extract_task, ordered_map, sheet_path
    from extractor.sources import clashes, expand

    inputs, problems = expand(list(paths), follow_symlinks=follow_symlinks)
    if not to_stdout:
        inputs, clashing = clashes(inputs)
        problems += clashing
    for path, reason in problems:
        _error(f"{path}: {reason}")
    failed = bool(problems)
    stdin = sys.stdin.buffer.read(MAX_BYTES + 1) if any(i.path is None for i in inputs) else None
    tasks = [
        ExtractTask(item, follow_symlinks, fmt, to_stdout, stdin if item.path is None else None)
        for item in inputs
    ]
    show_progress = len(tasks) > 1 and sys.stderr.isatty() and not _quiet()
    try:
        with click.progressbar(
            length=len(tasks), label="extracting", file=sys.stderr, hidden=not show_progress
        ) as bar:
            for task, outcome in zip(tasks, ordered_map(extract_task, tasks, jobs), strict=True):
                bar.update(1)
                if outcome.text is None:
                    _error(f"{task.item.display}: {outcome.error}")
                    failed = True
                elif to_stdout:
                    click.echo(outcome.text, nl=False)
                elif not _write(sheet_path(out_dir, task), outcome.text):
                    failed = True
    except PoolError as exc:
        _fail(str(exc))
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate fact sheets (files or folder trees) against the schema.

    Errors read FILE:LINE: $.path.to.field: message.  Duplicate fact ids, and two sheets with
    one source id, are errors too.  Exit 0 valid, 1 invalid, 2 unreadable.

    \b
    Example:
      factsheet validate facts/*.yaml
      factsheet validate facts
    """
    from extractor.sheets import load_all

    loaded, problems = load_all(list(files))
    worst = 2 if any(p.message == "no such file or folder" for p in problems) else 0
    for finding in problems:
        click.echo(str(finding), err=True)
        worst = max(worst, 1)
    for item in loaded:
        for finding in item.findings:
            click.echo(str(finding), err=True)
        if item.unreadable:
            worst = 2
        elif item.findings:
            worst = max(worst, 1)
    if worst == 0 and not _quiet():
        click.echo(f"{len(loaded)} sheet(s) valid")
    sys.exit(worst)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the schema here instead of stdout.",
)
def schema(output: Path | None) -> None:
    """Print (or write) the JSON Schema of fact sheets (draft 2020-12).

    \b
    Example:
      factsheet schema -o schemas/factsheet.schema.json
    """
    import json

    from extractor.model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    _emit(output, text)


@cli.command()
@sources_option("Folder of source documents.")
@click.option(
    "--facts",
    type=click.Path(path_type=Path),
    default=Path("facts"),
    show_default=True,
    help="Folder of committed sheets.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="github: workflow-command annotations (at most 10) and a summary line.",
)
@follow_option
@click.option(
    "--no-cache",
    is_flag=True,
    help="Extract every source again instead of using .factsheet-cache/.",
)
@jobs_option
def check(
    sources: Path, facts: Path, fmt: str, follow_symlinks: bool, no_cache: bool, jobs: int
) -> None:
    """The CI job: sheets valid, quotes true to the source, hashes current, extraction fresh.

    When a source changed, each committed fact is reported as moved, changed or gone, and each
    fact a re-extraction would add is listed.  With --format github and GITHUB_STEP_SUMMARY
    set, a Markdown report is appended to the job summary.  Fresh extractions are cached in
    .factsheet-cache/ (keyed by the source's sha256 and a hash of the rules and tables,
    signed, safe to delete); --no-cache extracts everything again.

    Exit 0 clean, 1 findings (facts out of date or wrong), 2 usage or unreadable input.

    \b
    Example:
      factsheet check --sources seeds --facts facts
      factsheet check --format github
    """
    from extractor.cache import ExtractionCache
    from extractor.check import check as run_check
    from extractor.check import render_github, render_json, render_markdown_summary, summary_line

    cache = None if no_cache else ExtractionCache()
    from extractor.parallel import PoolError

    try:
        result = run_check(sources, facts, follow_symlinks=follow_symlinks, cache=cache, jobs=jobs)
    except PoolError as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(render_json(result), nl=False)
    elif fmt == "github":
        click.echo(render_github(result), nl=False)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            try:
                with open(summary, "a", encoding="utf-8") as handle:
                    handle.write(render_markdown_summary(result))
            except OSError as exc:
                _fail(f"{summary}: cannot write the step summary: {exc.strerror or exc}")
    else:
        for finding in result.all:
            click.echo(str(finding), err=True)
        if result.all or not _quiet():
            click.echo(summary_line(result), err=bool(result.all))
    sys.exit(result.exit_code)


@cli.command()
@click.argument("old", required=False, type=click.Path(path_type=Path))
@click.argument("new", required=False, type=click.Path(path_type=Path))
@click.option(
    "--git",
    "rev",
    metavar="REV",
    help="Compare the working tree's sheets (OLD or facts/) with this revision.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="markdown: a pull-request comment body.",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are differences.")
def diff(old: Path | None, new: Path | None, rev: str | None, fmt: str, exit_code: bool) -> None:
    """Semantic diff of fact sheets: facts added, removed, changed field by field, or moved.

    OLD and NEW are two sheets or two folders; with --git REV, the folder (default facts/) is
    compared with its state at REV.  Text is coloured only on a terminal.

    \b
    Examples:
      factsheet diff old/000.yaml facts/000.yaml
      factsheet diff --git origin/main --format markdown > comment.md
    """
    from extractor.diff import DiffError, diff_git, diff_paths, render_markdown, render_text
    from extractor.diff import render_json as render_diff_json

    try:
        if rev is not None:
            if new is not None:
                raise DiffError("with --git, give at most one folder")
            report = diff_git(rev, old or Path("facts"))
        else:
            if old is None or new is None:
                raise DiffError("give OLD and NEW, or --git REV (see factsheet diff --help)")
            report = diff_paths(old, new)
    except DiffError as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(render_diff_json(report), nl=False)
    elif fmt == "markdown":
        click.echo(render_markdown(report), nl=False)
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        click.echo(render_text(report, color=color), nl=False)
    sys.exit(1 if exit_code and not report.empty else 0)


@cli.command()
@click.option(
    "--gold",
    "gold_file",
    required=True,
    type=click.Path(path_type=Path),
    help="Gold annotations (YAML).",
)
@sources_option("Folder holding the gold documents.")
@click.option(
    "--facts",
    "facts_dir",
    type=click.Path(path_type=Path),
    help="Score committed sheets from this folder instead of a fresh extraction.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--brief", is_flag=True, help="Text format: the tables only, without the lists.")
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 when precision is lower.")
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 when recall is lower.")
def evaluate(
    gold_file: Path,
    sources: Path,
    facts_dir: Path | None,
    fmt: str,
    brief: bool,
    min_precision: float,
    min_recall: float,
) -> None:
    """Score extraction against gold: precision, recall, F1 per family, attribution per field.

    Reads both gold formats: the seeds' (a mapping with `documents:`, files under --sources)
    and the passages' (a list of cases with inline `text`). The figures equal those of the
    reference scorer (../shared/tools/score.py). Misses are grouped by cause: not found,
    value wrong, unit or currency wrong, attribution wrong.

    \b
    Examples:
      factsheet evaluate --gold tests/gold/seeds.yaml --min-precision 0.95
      factsheet evaluate --gold tests/gold/passages.yaml --format json
    """
    import json

    from extractor.evaluate import EvaluationError, evaluate_gold
    from extractor.evaluate import render_text as render_report

    try:
        report = evaluate_gold(gold_file, sources=sources, facts_dir=facts_dir)
    except EvaluationError as exc:
        _error(str(exc).splitlines()[0])
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(report.to_data(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_report(report, title=f"{gold_file}", brief=brief), nl=False)
    below = report.overall.precision < min_precision or report.overall.recall < min_recall
    sys.exit(1 if below else 0)


@cli.command()
@click.argument("facts", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "sqlite", "datapackage", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File (csv, jsonl, sqlite, parquet) or folder (datapackage); csv/jsonl default stdout.",
)
@click.option(
    "--dictionary",
    is_flag=True,
    help="Write the data dictionary (Markdown) of the exported columns instead.",
)
def export(facts: tuple[Path, ...], fmt: str, output: Path | None, dictionary: bool) -> None:
    """Tidy table for data journalism: one row per fact, with the quote and source on each row.

    FACTS are sheets or folders of sheets.  sqlite has `facts` and `sources` tables with keys,
    indexes and full-text search over quote and claim, plus a datasette metadata file
    (DB.metadata.json); datapackage writes facts.csv, sources.csv and a datapackage.json Table
    Schema; parquet needs pyarrow (pip install 'factsheet[parquet]').

    \b
    Examples:
      factsheet export facts --format csv -o facts.csv
      factsheet export facts --format sqlite -o facts.db
      factsheet export facts --format datapackage -o package/
      factsheet export facts --format parquet -o facts.parquet
      factsheet export --dictionary -o docs/data-dictionary.md
    """
    import sqlite3

    from extractor.export import (
        ExportError,
        data_dictionary,
        rows,
        to_csv,
        to_jsonl,
        write_datapackage,
        write_metadata,
        write_parquet,
        write_sqlite,
    )

    if dictionary:
        text = data_dictionary()
        _emit(output, text)
        return
    if not facts:
        _fail("give sheets or folders to export (see factsheet export --help)")
    if fmt in ("sqlite", "datapackage", "parquet") and output is None:
        _fail(f"--format {fmt} needs -o PATH")
    sheets = _load_valid(facts)
    if fmt in ("sqlite", "datapackage", "parquet"):
        assert output is not None
        try:
            if fmt == "sqlite":
                write_sqlite(sheets, output)
                write_metadata(output)
            elif fmt == "parquet":
                write_parquet(sheets, output)
            else:
                write_datapackage(sheets, output)
        except ExportError as exc:
            _fail(str(exc))
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _fail(f"{output}: cannot write: {reason}")
        return
    records = rows(sheets)
    text = to_csv(records) if fmt == "csv" else to_jsonl(records)
    _emit(output, text)


@cli.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="An .html file (one sheet), or a folder: one page per document + index.html.",
)
@click.option(
    "--sources",
    type=click.Path(path_type=Path),
    help="Read sources only under this folder (default: the sheet's repository root).",
)
def render(facts: tuple[Path, ...], output: Path, sources: Path | None) -> None:
    """A self-contained HTML review page per document: the source text with each fact marked.

    Hover or focus a mark for its value, unit, qualifier and claim; the facts table links to
    the marks; a filter shows one family.  No scripts, fonts or network requests.

    \b
    Examples:
      factsheet render facts -o site/
      factsheet render facts/000_55791655ed5d24e6.yaml -o page.html
    """
    from extractor.documents import DocumentError, parse_document
    from extractor.index_page import render_index
    from extractor.render import render_page
    from extractor.safety import UnsafePath, read_source, repository_root, safe_name

    loaded = _load_valid_items(facts)
    single = output.suffix.lower() in (".html", ".htm")
    if single and len(loaded) != 1:
        _fail(f"{output}: an .html file holds one sheet; give a folder for {len(loaded)} sheets")
    failed = False
    pages: list[tuple[str, FactSheet]] = []
    for file, sheet in loaded:
        root = sources if sources is not None else repository_root(file)
        try:
            data = read_source(root, sheet.source.path, by_name=sources is not None)
            doc = parse_document(data, doc_id=sheet.source.id, path=sheet.source.path)
        except (UnsafePath, DocumentError) as exc:
            _error(f"{file}: source {sheet.source.path!r}: {exc} (try --sources DIR)")
            failed = True
            continue
        if doc.sha256 != sheet.source.sha256:
            _error(
                f"{file}: source {sheet.source.path!r} changed since it was extracted; "
                "run factsheet check, then factsheet extract"
            )
            failed = True
            continue
        # the page name comes from a sanitised id, never a path; the loader has refused two
        # sheets with one source id, and safe_name keeps distinct ids apart
        target = output if single else output / f"{safe_name(sheet.source.id)}.html"
        page = render_page(sheet, doc.text, index_href=None if single else "index.html")
        if not _write(target, page):
            failed = True
            continue
        pages.append((target.name, sheet))
    if not single and pages and not _write(output / "index.html", render_index(pages)):
        failed = True
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("sheet", type=click.Path(path_type=Path))
def show(sheet: Path) -> None:
    """Print a sheet as one line per fact: id, family, value, unit, qualifier and quote.

    Used as a git textconv so `git diff` of sheets shows facts, not YAML (see docs/ci.md).

    \b
    Example:
      factsheet show facts/000_55791655ed5d24e6.yaml
    """
    from extractor.diff import render_sheet_lines
    from extractor.sheets import SheetError, load_sheet_data

    try:
        data = load_sheet_data(sheet)
    except SheetError as exc:
        _fail(str(exc))
    click.echo(render_sheet_lines(data), nl=False)


series_family_option = click.option(
    "--family",
    "families",
    multiple=True,
    type=click.Choice(["spending", "aid", "exercise", "casualties", "other"]),
    help="Only this family (repeatable); default: all but other.",
)
series_key_option = click.option(
    "--key", "keys", metavar="FIELD,...", help="Group by these fields instead of the family's."
)
pages_option = click.option(
    "--pages",
    default="",
    metavar="URL",
    help="Where the review pages (factsheet render) are, for links; default: the same folder.",
)


def _series(facts: tuple[Path, ...], families: tuple[str, ...], keys: str | None) -> Any:
    from extractor.series import build_series

    chosen = families or ("spending", "aid", "exercise", "casualties")
    fields = [k.strip() for k in keys.split(",") if k.strip()] if keys else None
    return build_series(_load_valid(facts), families=chosen, keys=fields)


@cli.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(path_type=Path))
@series_family_option
@series_key_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "svg", "html"]),
    default="csv",
    show_default=True,
    help="svg: one chart per series (-o DIR, or stdout for one series).",
)
@click.option("--match", metavar="TEXT", help="Only series whose name contains TEXT.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (or folder: svg).")
@pages_option
def series(
    facts: tuple[Path, ...],
    families: tuple[str, ...],
    keys: str | None,
    fmt: str,
    match: str | None,
    output: Path | None,
    pages: str,
) -> None:
    """The same measure across documents over time: one row per point, or charts.

    Facts are grouped by family and the attribution that names the measure (spending: subject
    and measure; aid: donor, recipient, scope; exercise: the series, by edition year;
    casualties: event and harm) and by unit: two currencies are two series, a conversion is
    not a point.  Points are ordered by year, else publication date; nothing is summed.

    \b
    Examples:
      factsheet series facts --family spending
      factsheet series facts --format html -o site/series.html
      factsheet series facts --match "allies meeting" --format svg > allies.svg
    """
    from extractor.chart import render_html, render_svg
    from extractor.series_report import series_csv, series_json

    found = _series(facts, families, keys)
    if match:
        found = [s for s in found if match.casefold() in s.name.casefold()]
    if fmt == "svg":
        if output is None:
            if len(found) != 1:
                _fail(f"{len(found)} series: give -o DIR, or --match/--family to choose one")
            click.echo(render_svg(found[0], pages=pages), nl=False)
            return
        for s in found:
            if not _write(output / f"{s.slug}.svg", render_svg(s, pages=pages)):
                sys.exit(2)
        return
    text = {"csv": series_csv, "json": series_json, "html": render_html}[fmt](found, pages=pages)
    _emit(output, text)


@cli.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(path_type=Path))
@series_family_option
@series_key_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.option("--only-conflicts", is_flag=True, help="Leave out compatible statements.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when there is a conflict.")
@pages_option
def conflicts(
    facts: tuple[Path, ...],
    families: tuple[str, ...],
    keys: str | None,
    fmt: str,
    only_conflicts: bool,
    exit_code: bool,
    pages: str,
) -> None:
    """The same measure stated with different values, side by side, for fact-checkers.

    Statements of one measure (as in factsheet series) for the same year, or the same event,
    that differ: a conflict when two cannot both be true; compatible when they can (a range
    that contains the other value, "about" within 10%, "more than" below it).  A conversion
    into another currency is not a conflict.

    \b
    Examples:
      factsheet conflicts facts
      factsheet conflicts facts --family casualties --format markdown
    """
    from extractor.series import find_conflicts
    from extractor.series_report import conflicts_json, conflicts_markdown, conflicts_text

    groups = find_conflicts(_series(facts, families, keys), include_compatible=not only_conflicts)
    if fmt == "json":
        click.echo(conflicts_json(groups, pages), nl=False)
    elif fmt == "markdown":
        click.echo(conflicts_markdown(groups, pages), nl=False)
    else:
        click.echo(conflicts_text(groups), nl=False)
    sys.exit(1 if exit_code and any(g.verdict == "conflict" for g in groups) else 0)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: every error is one line on stderr, no traceback ever reaches the
    user.  Usage errors exit 2, an interrupt 130, a bug 70."""
    try:
        return cli.main(args=argv, prog_name="factsheet", standalone_mode=False)
    except SystemExit:
        raise
    except click.UsageError as exc:
        hint = f" (see {exc.ctx.command_path} --help)" if exc.ctx is not None else ""
        _fail(f"{exc.format_message()}{hint}", exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _fail("interrupted", 130)
    except Exception as exc:  # a bug: say so in one line, keep the exit code distinct
        _fail(f"internal error: {type(exc).__name__}: {exc}", 70)
