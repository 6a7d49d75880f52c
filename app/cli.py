"""The ``lob-kompas`` command line: every capability of the app, scriptable, with ``--json``.

Sub-commands are registered by the modules in :mod:`app.commands`; a module that cannot be
imported (an optional part not installed) is skipped so the rest keeps working.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from app.commands.common import UserError, clean_argv, fail, os_error_message
from knowledge.inputs import InputError

COMMAND_MODULES = (
    "app.commands.knowledge_cmd",
    "app.commands.retrieval_cmd",
    "app.commands.recommend_cmd",
    "app.commands.initiatives_cmd",
    "app.commands.bench_cmd",
    "app.commands.app_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    args = parser.parse_args(clean_argv(list(sys.argv[1:] if argv is None else argv)))
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
