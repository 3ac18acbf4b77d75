"""`factsheet check`: are the committed sheets valid, true to their sources and up to date?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractor.documents import SUFFIXES, DocumentError, load_document
from extractor.pipeline import build_sheet
from extractor.sources import display_path
from extractor.validate import Finding, line_of, validate_file
from extractor.yamlio import dump_yaml


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    sheets: int = 0

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.findings else 0


def check(sources: Path, facts: Path) -> CheckResult:
    result = CheckResult()
    if not sources.is_dir():
        result.unreadable.append(Finding(sources.as_posix(), None, "$", "sources folder not found"))
        return result
    if not facts.is_dir():
        result.unreadable.append(Finding(facts.as_posix(), None, "$", "facts folder not found"))
        return result
    docs = sorted(p for p in sources.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    sheets = {p.stem: p for p in facts.glob("*.yaml")}
    for stem in sorted(set(sheets) - {d.stem for d in docs}):
        result.findings.append(
            Finding(
                display_path(sheets[stem]),
                None,
                "$",
                f"sheet has no source in {sources.as_posix()}/",
            )
        )
    for doc_path in docs:
        sheet_path = facts / f"{doc_path.stem}.yaml"
        shown = display_path(sheet_path)
        if not sheet_path.exists():
            result.findings.append(
                Finding(
                    shown,
                    None,
                    "$",
                    f"no sheet for source {display_path(doc_path)}; "
                    f"run: factsheet extract {display_path(doc_path)} -o {facts.as_posix()}",
                )
            )
            continue
        result.sheets += 1
        data, lines, problems = validate_file(sheet_path, shown)
        if data is None:
            result.unreadable.extend(problems)
            continue
        result.findings.extend(problems)
        try:
            doc = load_document(doc_path, display=display_path(doc_path))
        except DocumentError as exc:
            result.unreadable.append(Finding(display_path(doc_path), None, "$", str(exc)))
            continue
        if problems:
            continue
        if data["source"]["sha256"] != doc.sha256:
            result.findings.append(
                Finding(
                    shown,
                    line_of(lines, "$.source.sha256"),
                    "$.source.sha256",
                    "source hash differs: the source changed since extraction",
                )
            )
        for i, fact in enumerate(data["facts"]):
            span = fact["span"]
            actual = doc.text[span["start"] : span["end"]]
            if actual != span["quote"]:
                path = f"$.facts[{i}].span.quote"
                result.findings.append(
                    Finding(
                        shown,
                        line_of(lines, path),
                        path,
                        f"quote {span['quote']!r} != source text {actual!r} "
                        f"at {span['start']}-{span['end']}",
                    )
                )
        fresh = dump_yaml(build_sheet(doc).to_data())
        if fresh != sheet_path.read_text(encoding="utf-8"):
            result.findings.append(
                Finding(
                    shown,
                    None,
                    "$",
                    f"out of date: a fresh extraction differs; run: factsheet extract "
                    f"{display_path(doc_path)} -o {facts.as_posix()}",
                )
            )
    return result
