"""The `handbook` command: check the data, write its JSON Schemas, export its records."""

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .data.handbook import load_handbook
from .data.loader import DataError, files_read_once

ROOT = Path(__file__).resolve().parent.parent


def check(args) -> int:
    """Load and check all data; print a one-line summary or every problem."""
    with files_read_once():  # the English files are read for the handbook and again for each translation's check
        return _check(args)


def _check(args) -> int:
    handbook = _load(args.data, "check")
    if handbook is None:
        return 1
    today = args.today or date.today()
    for kind, record in handbook.overdue(today):
        print(f"warning: {kind}/{record.id} was due for review on {record.review_by} (owner: {record.owner})",
              file=sys.stderr)
    translated = _check_translations(args.data, strict=args.strict)
    if translated is None:
        return 1
    counts = ", ".join(f"{count} {kind}" for kind, count in handbook.counts().items())
    print(f"ok: {counts}" + "".join(f"; {name} complete" for name in translated))
    return 0


def _check_translations(data_dir: Path, strict: bool) -> list[str] | None:
    """Each language folder's translation checked against the English: the languages, or None after printing
    its problems (with `strict`, a stale translation is one too)."""
    from .data import translations

    names, failed = [], False
    for language in translations.languages(data_dir):
        report = translations.check(data_dir, language, _shown(data_dir), _docs_beside(data_dir))
        for problem in sorted(set(report.problems)):
            print(problem, file=sys.stderr)
        for stale in sorted(set(report.stale)):
            print(f"{'' if strict else 'warning: '}{stale}", file=sys.stderr)
        if report.problems or (strict and report.stale):
            failed = True
            print(f"{language}: {len(set(report.problems))} problem(s), {len(set(report.stale))} stale translation(s)"
                  + ("" if report.problems or not strict else " (--strict)"), file=sys.stderr)
        names.append(translations.LANGUAGES[language])
    return None if failed else names


def _docs_beside(data_dir: Path) -> Path | None:
    """The project's prose pages (docs/ beside data/), whose translations are checked with the data's."""
    docs = Path(data_dir).resolve().parent / "docs"
    return docs if docs.is_dir() else None


def stamp_translations(args) -> int:
    """Record the English each translated record and page now matches (after checking the translation by hand)."""
    from .data import translations

    report = translations.check(args.data, args.language, _shown(args.data), _docs_beside(args.data))
    if report.problems:
        for problem in sorted(set(report.problems)):
            print(problem, file=sys.stderr)
        print("not stamped: fix the problems first", file=sys.stderr)
        return 1
    print(f"stamped: {translations.stamp(args.data, args.language, _docs_beside(args.data))} record(s) and page(s) changed")
    return 0


def export_records(args) -> int:
    """Write every record as JSON or CSV, to --out or to standard output."""
    from .data import edition
    from .output import export

    handbook = _load(args.data, "export")
    if handbook is None:
        return 1
    content = export.to_json(handbook, edition.current()) if args.format == "json" else export.to_csv(handbook)
    if args.out is None:
        sys.stdout.write(content)
        return 0
    try:
        args.out.write_text(content, encoding="utf-8", newline="")
    except OSError as error:
        print(f"{args.out}: cannot write it ({error.strerror}); choose another --out path", file=sys.stderr)
        return 1
    print(f"wrote {sum(handbook.counts().values())} records to {args.out}", file=sys.stderr)
    return 0


def _load(data_dir: Path, command: str):
    """The checked handbook, or None after printing every problem in it."""
    try:
        return load_handbook(data_dir, shown_prefix=_shown(data_dir))
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; fix them and run `handbook {command}` again", file=sys.stderr)
        return None


def write_schemas(args) -> int:
    """Write (or with --check, compare) one JSON Schema per data file."""
    from .data import schema  # only this command needs JSON Schema generation

    stale = schema.write_all(args.out, check_only=args.check)
    if args.check and stale:
        for path in stale:
            print(f"{path}: out of date; run `handbook schema` and commit the result", file=sys.stderr)
        return 1
    count = len(schema.expected_files(args.out))
    print(f"{'checked' if args.check else 'wrote'} {count} schema file(s) in {_shown(args.out)}")
    return 0


def _shown(data_dir: Path) -> str:
    """How a data folder is named in messages: relative to the working directory when it can be."""
    try:
        return f"{data_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()}/"
    except ValueError:
        return f"{data_dir.as_posix().rstrip('/')}/"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="handbook", description="Tools for the Assistant-to-the-GM handbook's data.")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_cmd = commands.add_parser("check", help="check every data file and cross-reference",
                                    description="Check every data file; exit 0 with a summary or 1 with the problems.")
    check_cmd.add_argument("--data", type=Path, default=ROOT / "data", help="folder of YAML data files (default: data/)")
    check_cmd.add_argument("--strict", action="store_true",
                           help="fail on a stale translation too (English changed since it was translated)")
    check_cmd.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    check_cmd.set_defaults(run=check)

    schema_cmd = commands.add_parser("schema", help="write a JSON Schema per data file for editors",
                                     description="Write schemas/<kind>.schema.json, which the data files reference.")
    schema_cmd.add_argument("--out", type=Path, default=ROOT / "schemas", help="output folder (default: schemas/)")
    schema_cmd.add_argument("--check", action="store_true", help="only report schema files that are out of date")
    schema_cmd.set_defaults(run=write_schemas)

    stamp_cmd = commands.add_parser("stamp", help="mark a language's translations as made from today's English",
                                    description="After checking the translations of data/LANGUAGE/ against the "
                                                "English, write each record's fingerprint (`source:`) so that "
                                                "`handbook check` reports it again once the English changes.")
    stamp_cmd.add_argument("language", help="language folder under data/, such as zh")
    stamp_cmd.add_argument("--data", type=Path, default=ROOT / "data", help="folder of YAML data files (default: data/)")
    stamp_cmd.set_defaults(run=stamp_translations)

    export_cmd = commands.add_parser("export", help="write every record as JSON or CSV",
                                     description="Write every record of every kind as one JSON document (by kind) "
                                                 "or one CSV table (a row per record).")
    export_cmd.add_argument("--format", choices=("json", "csv"), required=True, help="json or csv")
    export_cmd.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export_cmd.add_argument("--data", type=Path, default=ROOT / "data", help="folder of YAML data files (default: data/)")
    export_cmd.set_defaults(run=export_records)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


def run() -> None:
    """The `handbook` command: main(), then an exit that leaves the interpreter standing."""
    code = main()
    # Taking the interpreter down (every module, pydantic's schemas) was a tenth of a `handbook check`, and nothing
    # needs it: every file we write is closed by now. Output still goes out (a closed pipe is not an error here).
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


if __name__ == "__main__":
    run()
