"""Sub-commands of ``lob-kompas``. Each module has ``register(subparsers)``.

A command's handler takes the parsed ``argparse.Namespace`` and returns an exit code.
Shared helpers for output live in :mod:`app.commands.common`.
"""
