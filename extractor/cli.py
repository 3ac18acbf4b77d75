"""The command line: thin click commands over the library.  Data on stdout, one-line errors on
stderr, no tracebacks.  Exit codes: 0 clean, 1 findings, 2 usage or unreadable input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from extractor import __version__
from extractor.check import check as run_check
from extractor.documents import Document, DocumentError, load_document, parse_document
from extractor.evaluate import GoldError, Report, render_text, score_document
from extractor.model import json_schema
from extractor.pipeline import build_sheet
from extractor.sources import Input, expand
from extractor.validate import validate_file
from extractor.yamlio import SheetLoadError, dump_json, dump_yaml, read_sheet_file, write_atomic


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
@click.option(
    "--sources",
    type=click.Path(path_type=Path),
    default=Path("seeds"),
    show_default=True,
    help="Folder of source documents.",
)
@click.option(
    "--facts",
    type=click.Path(path_type=Path),
    default=Path("facts"),
    show_default=True,
    help="Folder of committed sheets.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def check(sources: Path, facts: Path, fmt: str) -> None:
    """The CI job: sheets valid, quotes true to the source, hashes current, extraction fresh.

    Exit 0 clean, 1 findings (facts out of date or wrong), 2 usage or unreadable input.

    \b
    Example:
      factsheet check --sources seeds --facts facts
    """
    result = run_check(sources, facts)
    everything = result.unreadable + result.findings
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "exit_code": result.exit_code,
                    "sheets": result.sheets,
                    "findings": [f.__dict__ for f in everything],
                },
                indent=2,
            )
        )
    else:
        for finding in everything:
            click.echo(str(finding), err=True)
        if not everything:
            click.echo(
                f"{result.sheets} sheet(s) checked: valid, true to their sources, up to date"
            )
        else:
            click.echo(f"{len(everything)} problem(s) in {result.sheets} sheet(s)", err=True)
    sys.exit(result.exit_code)


@cli.command()
@click.option(
    "--gold",
    "gold_file",
    required=True,
    type=click.Path(path_type=Path),
    help="Gold annotations (YAML).",
)
@click.option(
    "--sources",
    type=click.Path(path_type=Path),
    default=Path("seeds"),
    show_default=True,
    help="Folder holding the gold documents.",
)
@click.option(
    "--facts",
    "facts_dir",
    type=click.Path(path_type=Path),
    help="Score committed sheets from this folder instead of a fresh extraction.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 when precision is lower.")
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 when recall is lower.")
def evaluate(
    gold_file: Path,
    sources: Path,
    facts_dir: Path | None,
    fmt: str,
    min_precision: float,
    min_recall: float,
) -> None:
    """Score extraction against gold: precision, recall, F1, qualifier and attribution accuracy.

    \b
    Example:
      factsheet evaluate --gold tests/gold/seeds.yaml --min-precision 0.95
    """
    try:
        gold, _ = read_sheet_file(gold_file)
    except SheetLoadError as exc:
        _error(f"{gold_file}: {exc}")
        sys.exit(2)
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        _error(f"{gold_file}: expected a mapping with a 'documents' list")
        sys.exit(2)
    report = Report()
    for gold_doc in gold["documents"]:
        name = str(gold_doc.get("document", ""))
        try:
            doc = load_document(sources / name, display=f"{sources.as_posix()}/{name}")
            if facts_dir is not None:
                from extractor.model import FactSheet

                data, _ = read_sheet_file(facts_dir / f"{Path(name).stem}.yaml")
                sheet = FactSheet.model_validate(data)
            else:
                sheet = build_sheet(doc)
            score_document(report, gold_doc, sheet, doc.text)
        except (DocumentError, SheetLoadError, GoldError, ValueError) as exc:
            _error(f"{name}: {exc}".splitlines()[0])
            sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(report.to_data(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(report), nl=False)
    below = report.overall.precision < min_precision or report.overall.recall < min_recall
    sys.exit(1 if below else 0)


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
