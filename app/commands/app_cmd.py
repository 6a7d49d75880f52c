"""``lob-kompas app``: start the Streamlit app (usage statistics off, headless, local only by default).

The app holds pupil profiles over plain HTTP, so it listens on this machine only (127.0.0.1) unless the
user asks for the network with ``--serve-network`` (an informatieavond where parents' phones connect).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from app.commands.common import count_type

APP_FILE = Path(__file__).resolve().parents[1] / "streamlit_app.py"
MAX_UPLOAD_MB = 10  # a decaan's list is small; the import refuses larger files too
LOOPBACK, ALL_INTERFACES = "127.0.0.1", "0.0.0.0"


def browser_address(address: str) -> str:
    """The address users type. Naming it stops Streamlit from asking a web service for this machine's
    public IP at start-up (rule: no network at run time); for a wildcard bind we name the LAN address,
    which is found locally, so phones at an informatieavond can connect."""
    if address in ("0.0.0.0", "::"):
        from streamlit import net_util

        return net_util.get_internal_ip() or "localhost"
    return address


def streamlit_command(port: int, address: str) -> list[str]:
    """The command line that serves the app; privacy settings are passed explicitly, not only by config file."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_FILE),
        "--server.port", str(port), "--server.address", address, "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--global.developmentMode", "false",
        "--server.maxUploadSize", str(MAX_UPLOAD_MB), "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "type", "--browser.serverAddress", browser_address(address),
    ]


def _app(args: argparse.Namespace) -> int:
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    cmd = streamlit_command(args.port, args.address)
    if args.address not in (LOOPBACK, "localhost", "::1"):
        sys.stderr.write(f"lob-kompas: de app is bereikbaar voor iedereen in dit netwerk op {browser_address(args.address)}:"
                         f"{args.port} (gewone HTTP, zonder inlog). Stop de app na de avond.\n")
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    return subprocess.call(cmd, env=env)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="start de Streamlit-app", description="Start de LOB-Kompas-app in de browser.")
    p.add_argument("--port", type=count_type("port", minimum=1, maximum=65535), default=8501)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--serve-network", dest="address", action="store_const", const=ALL_INTERFACES,
                       help="ook bereikbaar voor andere apparaten in dit netwerk (telefoons op een informatieavond); "
                            "standaard alleen deze computer")
    where.add_argument("--address", dest="address", help="een eigen luisteradres (standaard 127.0.0.1)")
    p.set_defaults(address=LOOPBACK)
    p.add_argument("--dry-run", action="store_true", help="toon alleen het commando")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler=_app)
