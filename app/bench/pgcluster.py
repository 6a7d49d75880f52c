"""A throwaway PostgreSQL cluster for the tests and the benchmark: Debian's postgresql binaries,
a fresh data folder in /tmp, a free loopback port and a unix socket in that folder, trust auth,
fsync off; stopped and removed afterwards.

PostgreSQL refuses to run as root: as root the cluster runs as the ``postgres`` account that
Debian's package makes (``runuser -u postgres``). ``scripts/test.sh`` installs the package when it
is missing.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL binaries, or the cluster did not start; the message says what to install or why."""


def pg_bin() -> Path:
    """The bin folder of the newest installed PostgreSQL (``/usr/lib/postgresql/<version>/bin``)."""
    versions = sorted(
        (p for p in PG_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not versions:
        raise PostgresUnavailable("PostgreSQL is not installed (apt-get install postgresql); scripts/test.sh does that")
    return versions[-1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable(
            "running as root needs the 'postgres' account of Debian's postgresql package"
        ) from exc
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a fresh cluster; yields its SQLAlchemy URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``)."""
    binaries = pg_bin()
    prefix = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="lob-pg-"))
    data = folder / "data"
    if prefix:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    log = folder / "server.log"
    started = False
    try:
        subprocess.run(
            prefix
            + [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        done = subprocess.run(
            prefix
            + [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"],
            capture_output=True,
            timeout=90,
        )
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-800:] if log.exists() else done.stderr.decode(errors="replace")
            raise PostgresUnavailable(f"PostgreSQL did not start: {tail}")
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    except subprocess.CalledProcessError as exc:
        raise PostgresUnavailable(f"initdb failed: {exc.stderr.decode(errors='replace')[-800:]}") from exc
    finally:
        if started:
            subprocess.run(
                prefix + [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)


__all__ = ["PostgresUnavailable", "pg_bin", "throwaway_postgres"]
