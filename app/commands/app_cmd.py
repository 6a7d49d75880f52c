"""``lob-kompas app``: start the Streamlit app (usage statistics off, headless, local only by default).

The app holds pupil profiles over plain HTTP, so it listens on this machine only (127.0.0.1) unless the
user asks for the network with ``--serve-network`` (an informatieavond where parents' phones connect).

``lob-kompas serve --workers N``: N app processes on loopback behind nginx (see app/serve.py).
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
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_FILE),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--global.developmentMode",
        "false",
        "--server.maxUploadSize",
        str(MAX_UPLOAD_MB),
        "--client.toolbarMode",
        "minimal",
        "--client.showErrorDetails",
        "type",
        "--browser.serverAddress",
        browser_address(address),
        # no watching of the source files: it halves the server's CPU for opening a page (measured with
        # `scripts/loadtest.py --scenario costs`); restart the app to pick up changed code
        "--server.fileWatcherType",
        "none",
    ]


def _app(args: argparse.Namespace) -> int:
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    cmd = streamlit_command(args.port, args.address)
    if args.address not in (LOOPBACK, "localhost", "::1"):
        sys.stderr.write(
            f"lob-kompas: de app is bereikbaar voor iedereen in dit netwerk op {browser_address(args.address)}:"
            f"{args.port} (gewone HTTP, zonder inlog). Stop de app na de avond.\n"
        )
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    return subprocess.call(cmd, env=env)


def _serve(args: argparse.Namespace) -> int:
    from app.commands.common import print_json
    from app.serve import Cluster, render_nginx_conf, run_forever

    ports = [args.worker_port + i for i in range(args.workers)] if args.worker_port else None
    if args.dry_run:
        shown = ports or [8600 + i for i in range(1, args.workers + 1)]
        for port in shown:
            print(" ".join(streamlit_command(port, "127.0.0.1")))
        print(render_nginx_conf(args.address, args.port, shown, args.run_dir or Path("RUN_DIR")))
        return 0
    cluster = Cluster(
        args.workers,
        address=args.address,
        port=args.port,
        run_dir=args.run_dir,
        worker_ports=ports,
        warm=not args.no_warmup,
        notify=(lambda m: print(m, file=sys.stderr, flush=True)) if args.json else print,
    )
    if args.json:  # one line with the state as soon as everything is up, for scripts
        start = cluster.start

        def start_and_print() -> dict:  # type: ignore[type-arg]
            state = start()
            print_json(state)
            sys.stdout.flush()
            return state

        cluster.start = start_and_print  # type: ignore[method-assign]
    return run_forever(cluster)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="start de Streamlit-app", description="Start de LOB-Kompas-app in de browser.")
    p.add_argument("--port", type=count_type("port", minimum=1, maximum=65535), default=8501)
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--serve-network",
        dest="address",
        action="store_const",
        const=ALL_INTERFACES,
        help="ook bereikbaar voor andere apparaten in dit netwerk (telefoons op een informatieavond); "
        "standaard alleen deze computer",
    )
    where.add_argument("--address", dest="address", help="een eigen luisteradres (standaard 127.0.0.1)")
    p.set_defaults(address=LOOPBACK)
    p.add_argument("--dry-run", action="store_true", help="toon alleen het commando")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler=_app)

    p = sub.add_parser(
        "serve",
        help="meerdere app-processen achter nginx (informatieavond, server)",
        description="Start N Streamlit-processen op 127.0.0.1 achter nginx, dat als enige luistert "
        "op --address:--port en elke browser bij zijn proces houdt (cookie).",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="aantal app-processen (standaard: aantal processorkernen)",
    )
    p.add_argument("--port", type=int, default=8501, help="poort van nginx")
    p.add_argument(
        "--address", default="127.0.0.1", help="adres van nginx; 0.0.0.0 laat telefoons in hetzelfde netwerk meedoen"
    )
    p.add_argument(
        "--worker-port",
        type=int,
        default=None,
        help="eerste poort van de workers (standaard: vrije poorten), altijd op 127.0.0.1",
    )
    p.add_argument(
        "--run-dir",
        type=Path,
        default=None,
        help="map voor nginx.conf, logs en serve.json (standaard: tijdelijk, na afloop verwijderd)",
    )
    p.add_argument("--no-warmup", action="store_true", help="workers niet vooraf laten laden")
    p.add_argument("--dry-run", action="store_true", help="toon alleen de commando's en de nginx-configuratie")
    p.add_argument("--json", action="store_true", help="toestand (adres, pids, poorten) als JSON zodra alles draait")
    p.set_defaults(handler=_serve)
