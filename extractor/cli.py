"""The command line: thin click commands over the library.  Data on stdout, one-line errors on
stderr, no tracebacks.  Exit codes: 0 clean, 1 findings, 2 usage or unreadable input."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from extractor import __version__
from extractor.check import check as run_check
from extractor.check import render_github, render_markdown_summary, summary_line
from extractor.check import render_json as check_json
from extractor.diff import (
    DiffError,
    diff_git,
    diff_paths,
    render_markdown,
    render_sheet_lines,
    render_text,
)
from extractor.diff import render_json as render_diff_json
from extractor.documents import Document, DocumentError, load_document, parse_document
from extractor.evaluate import EvaluationError, evaluate_gold
from extractor.evaluate import render_text as render_report
from extractor.export import (
    data_dictionary,
    rows,
    to_csv,
    to_jsonl,
    write_datapackage,
    write_sqlite,
)
from extractor.model import FactSheet, json_schema
from extractor.pipeline import build_sheet
from extractor.render import render_index, render_page
from extractor.sources import Input, expand
from extractor.validate import validate_file
from extractor.yamlio import SheetLoadError, dump_json, dump_yaml, read_sheet_file, write_atomic

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
    click.echo(f"factsheet: error: {message}", err=True)


def _read_input(item: Input) -> Document:
    if item.path is None:
        data = sys.stdin.buffer.read()
        return parse_document(data, doc_id="stdin", path="-")
    return load_document(item.path, display=item.display)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factsheet")
def cli() -> None:
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
def extract(paths: tuple[str, ...], out_dir: Path, to_stdout: bool, fmt: str) -> None:
    """Extract facts from documents: files, folders (*.txt, *.md, *.html) or - for stdin.

    \b
    Examples:
      factsheet extract seeds -o facts
      factsheet extract article.txt --stdout
      cat article.txt | factsheet extract - --stdout --format json
    """
    inputs, problems = expand(list(paths))
    for path, reason in problems:
        _error(f"{path}: {reason}")
    failed = bool(problems)
    show_progress = len(inputs) > 1 and sys.stderr.isatty()
    with click.progressbar(
        inputs, label="extracting", file=sys.stderr, hidden=not show_progress
    ) as bar:
        for item in bar:
            try:
                doc = _read_input(item)
            except DocumentError as exc:
                _error(f"{item.display}: {exc}")
                failed = True
                continue
            data = build_sheet(doc).to_data()
            if to_stdout:
                click.echo(
                    dump_json(data) if fmt == "json" else "---\n" + dump_yaml(data),
                    nl=fmt == "json",
                )
                continue
            suffix = "json" if fmt == "json" else "yaml"
            content = dump_json(data) + "\n" if fmt == "json" else dump_yaml(data)
            try:
                write_atomic(out_dir / f"{doc.id}.{suffix}", content)
            except OSError as exc:
                _error(f"{out_dir / (doc.id + '.' + suffix)}: cannot write: {exc.strerror}")
                failed = True
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate fact sheets against the JSON Schema.

    Errors read FILE:LINE: $.path.to.field: message.  Exit 0 valid, 1 invalid, 2 unreadable.

    \b
    Example:
      factsheet validate facts/*.yaml
    """
    worst = 0
    for path in files:
        data, _, findings = validate_file(path)
        for finding in findings:
            click.echo(str(finding), err=True)
        if data is None:
            worst = 2
        elif findings:
            worst = max(worst, 1)
    if worst == 0:
        click.echo(f"{len(files)} sheet(s) valid")
    sys.exit(worst)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema here instead of stdout.",
)
def schema(output: Path | None) -> None:
    """Print (or write) the JSON Schema of fact sheets (draft 2020-12).

    \b
    Example:
      factsheet schema -o schemas/factsheet.schema.json
    """
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


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
def check(sources: Path, facts: Path, fmt: str) -> None:
    """The CI job: sheets valid, quotes true to the source, hashes current, extraction fresh.

    When a source changed, each committed fact is reported as moved, changed or gone, and each
    fact a re-extraction would add is listed.  With --format github and GITHUB_STEP_SUMMARY
    set, a Markdown report is appended to the job summary.

    Exit 0 clean, 1 findings (facts out of date or wrong), 2 usage or unreadable input.

    \b
    Example:
      factsheet check --sources seeds --facts facts
      factsheet check --format github
    """
    result = run_check(sources, facts)
    if fmt == "json":
        click.echo(check_json(result), nl=False)
    elif fmt == "github":
        click.echo(render_github(result), nl=False)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render_markdown_summary(result))
    else:
        for finding in result.all:
            click.echo(str(finding), err=True)
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
        _error(str(exc))
        sys.exit(2)
    if fmt == "json":
        click.echo(render_diff_json(report), nl=False)
    elif fmt == "markdown":
        click.echo(render_markdown(report), nl=False)
    else:
        click.echo(render_text(report, color=sys.stdout.isatty()), nl=False)
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


def _load_sheets(paths: tuple[Path, ...]) -> list[FactSheet]:
    """Sheets from files and folders (*.yaml, *.json), in a stable order; exits 2 on bad input."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
        elif path.exists():
            files.append(path)
        else:
            _error(f"{path}: no such file or folder")
            sys.exit(2)
    sheets = []
    for file in files:
        try:
            data, _ = read_sheet_file(file)
            sheets.append(FactSheet.model_validate(data))
        except SheetLoadError as exc:
            _error(f"{file}: {exc}")
            sys.exit(2)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            _error(
                f"{file}: not a valid fact sheet: {where}: {first['msg']} "
                f"(run: factsheet validate {file})"
            )
            sys.exit(2)
    return sheets


@cli.command()
@click.argument("facts", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "sqlite", "datapackage"]),
    default="csv",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File (csv, jsonl, sqlite) or folder (datapackage); csv/jsonl default stdout.",
)
@click.option(
    "--dictionary",
    is_flag=True,
    help="Write the data dictionary (Markdown) of the exported columns instead.",
)
def export(facts: tuple[Path, ...], fmt: str, output: Path | None, dictionary: bool) -> None:
    """Tidy table for data journalism: one row per fact, with the quote and source on each row.

    FACTS are sheets or folders of sheets.  sqlite has `facts` and `sources` tables with keys
    and indexes (ready for datasette); datapackage writes facts.csv, sources.csv and a
    datapackage.json Table Schema.

    \b
    Examples:
      factsheet export facts --format csv -o facts.csv
      factsheet export facts --format sqlite -o facts.db
      factsheet export facts --format datapackage -o package/
      factsheet export --dictionary -o docs/data-dictionary.md
    """
    if dictionary:
        text = data_dictionary()
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text)
        return
    if not facts:
        _error("give sheets or folders to export (see factsheet export --help)")
        sys.exit(2)
    sheets = _load_sheets(facts)
    if fmt in ("sqlite", "datapackage") and output is None:
        _error(f"--format {fmt} needs -o PATH")
        sys.exit(2)
    if fmt == "sqlite":
        assert output is not None
        write_sqlite(sheets, output)
    elif fmt == "datapackage":
        assert output is not None
        write_datapackage(sheets, output)
    else:
        records = rows(sheets)
        text = to_csv(records) if fmt == "csv" else to_jsonl(records)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text)


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
    help="Folder of the source documents (default: each sheet's source.path).",
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
    sheets = _load_sheets(facts)
    single = output.suffix.lower() in (".html", ".htm")
    if single and len(sheets) != 1:
        _error(f"{output}: an .html file holds one sheet; give a folder for {len(sheets)} sheets")
        sys.exit(2)
    failed = False
    pages: list[tuple[str, FactSheet]] = []
    for sheet in sheets:
        path = (sources / Path(sheet.source.path).name) if sources else Path(sheet.source.path)
        try:
            doc = load_document(path, display=sheet.source.path)
        except DocumentError as exc:
            _error(f"{path}: {exc} (the source of {sheet.source.id}; try --sources DIR)")
            failed = True
            continue
        if doc.sha256 != sheet.source.sha256:
            _error(
                f"{path}: changed since {sheet.source.id} was extracted; "
                "run factsheet check, then factsheet extract"
            )
            failed = True
            continue
        target = output if single else output / f"{sheet.source.id}.html"
        write_atomic(target, render_page(sheet, doc.text))
        pages.append((target.name, sheet))
    if not single and pages:
        write_atomic(output / "index.html", render_index(pages))
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
    try:
        data, _ = read_sheet_file(sheet)
    except SheetLoadError as exc:
        _error(f"{sheet}: {exc}")
        sys.exit(2)
    click.echo(render_sheet_lines(data), nl=False)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: no traceback ever reaches the user."""
    try:
        return cli.main(args=argv, prog_name="factsheet", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, keep the exit code distinct
        _error(f"internal error: {type(exc).__name__}: {exc}".splitlines()[0])
        sys.exit(70)
