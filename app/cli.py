"""The ``lob-kompas`` command line: every capability of the app, scriptable, with ``--json``.

Sub-commands are registered by the modules in :mod:`app.commands`; a module that cannot be
imported (an optional part not installed) is skipped so the rest keeps working.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys

from app.commands.common import UserError, clean_argv, fail, os_error_message
from knowledge.inputs import InputError, shorten

COMMAND_MODULES = (
    "app.commands.knowledge_cmd",
    "app.commands.retrieval_cmd",
    "app.commands.recommend_cmd",
    "app.commands.initiatives_cmd",
    "app.commands.bench_cmd",
    "app.commands.app_cmd",
    "app.commands.interesse_cmd",
)


# argparse speaks English; the CLI speaks Dutch. Its messages are few and fixed, so they are mapped here.
_ARGPARSE_NL = (
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"argument \1: ongeldige keuze \2 (kies uit \3)"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"argument \1: ongeldige waarde \2"),
    (r"argument (\S+): expected one argument", r"argument \1: verwacht één waarde"),
    (r"argument (\S+): expected at least one argument", r"argument \1: verwacht minstens één waarde"),
    (r"argument (\S+): not allowed with argument (\S+)", r"argument \1 mag niet samen met \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argument \1: waarde \2 hoort hier niet"),
    (r"ambiguous option: (\S+) could match (.*)", r"onduidelijke optie \1; bedoel je een van: \2"),
)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose error messages are Dutch (sub-command parsers inherit the class)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, dutch in _ARGPARSE_NL:
            message = re.sub(pattern, dutch, message)
        message = re.sub(r"\S{61,}", lambda m: shorten(m.group(0)), message)  # argparse quotes values whole
        message = " ".join(message.split())  # one line, even when a quoted value held line breaks
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="lob-kompas",
        description="LOB-Kompas: kansrijke techniekroutes, activiteiten en een meertalige assistent.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that command is not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        cleaned = clean_argv(list(sys.argv[1:] if argv is None else argv))
    except InputError as exc:
        return fail(str(exc))
    args = parser.parse_args(cleaned)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except (UserError, InputError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("onderbroken", 130)
    except BrokenPipeError:
        # the reader went away (e.g. `lob-kompas ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # a file or folder the user named cannot be read or written: say which
        return fail(os_error_message(exc))


if __name__ == "__main__":
    sys.exit(main())
