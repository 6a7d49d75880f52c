"""``lob-kompas serve --workers N``: N Streamlit processes on loopback behind nginx, one public listener.

One Streamlit process runs Python on one core at a time (the GIL), so a machine with more cores, or an
informatieavond with 200 parents, needs several processes. Each worker is a plain ``lob-kompas app``
server bound to 127.0.0.1 on its own port; Debian's nginx is the only public listener and keeps every
browser on its worker with a cookie (see ``deploy/nginx.conf.template``). All workers share one
``LOB_HOME`` and one read-only knowledge index: the index is checked (and, only when the knowledge was
edited without ``lob-kompas build --ship``, brought up to date) once before the workers start, so they
never build it side by side.

Start order: index check, workers, health checks, warm-up (each worker loads the knowledge base and the
assistant before the first parent arrives), nginx. Then a supervisor restarts a worker that dies (a
bounded number of times) and stops everything on Ctrl-C or SIGTERM. Everything nginx writes (pid,
temporary files, error log) lives in the run folder; there is no access log.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.commands.app_cmd import MAX_UPLOAD_MB, streamlit_command
from app.commands.common import UserError

REPO = Path(__file__).resolve().parents[1]
NGINX_TEMPLATE = REPO / "deploy" / "nginx.conf.template"
LOOPBACK = "127.0.0.1"
MAX_WORKERS = 32
MAX_RESTARTS = 5  # per worker; a worker that keeps dying points at a real fault, not a hiccup
STATE_FILE = "serve.json"


def find_nginx() -> str:
    """The nginx binary (Debian's package), or a UserError that says how to install it."""
    for candidate in (os.environ.get("LOB_NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise UserError(
        "nginx ontbreekt. Installeer het met 'sudo apt-get install nginx' (of zet LOB_NGINX "
        "op het pad van nginx); 'lob-kompas app' werkt zonder nginx met één proces."
    )


def free_port(host: str = LOOPBACK) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def streamlit_static_dir() -> Path:
    """Streamlit's built frontend (index.html and static/), served by nginx instead of the workers."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def listen_directive(address: str, port: int) -> str:
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def render_nginx_conf(
    address: str,
    port: int,
    worker_ports: list[int],
    run_dir: Path,
    template: Path = NGINX_TEMPLATE,
    nginx_workers: str = "auto",
) -> str:
    """The nginx configuration for these workers (the template with its ``{{...}}`` filled in)."""
    if not template.exists():
        raise UserError(f"nginx-sjabloon ontbreekt: {template} (draai vanuit een checkout van LOB-Kompas)")
    addresses = [(f"w{i}", f"{LOOPBACK}:{p}") for i, p in enumerate(worker_ports, 1)]
    servers = "\n".join(f"        server {addr} max_fails=3 fail_timeout=10s;" for _, addr in addresses)
    values = {
        "listen": listen_directive(address, port),
        "upstream_servers": servers,
        "run_dir": str(run_dir),
        "cookie_to_worker": "\n".join(f'        "{name}" "{addr}";' for name, addr in addresses),
        # the last address counts: after a retry or a fallback nginx lists every worker it tried
        "worker_to_cookie": "\n".join(f'        "~(^| ){re.escape(addr)}$" "{name}";' for name, addr in addresses),
        "max_body_mb": str(MAX_UPLOAD_MB + 1),
        "nginx_workers": nginx_workers,
        "streamlit_static": str(streamlit_static_dir()),
    }
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    if "{{" in text:
        raise UserError(f"nginx-sjabloon {template} bevat een onbekend veld: {text[text.index('{{') :][:40]}")
    return text


def healthy(port: int, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"http://{LOOPBACK}:{port}/_stcore/health", timeout=timeout) as resp:
            return bool(resp.read().decode().strip() == "ok")
    except OSError:
        return False


def _die_with_parent() -> None:
    """In the child, before exec: end with SIGTERM when the serve process dies (Linux), so no worker is orphaned."""
    with suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def stop_process(proc: subprocess.Popen[bytes], first: int = signal.SIGTERM, wait: float = 15) -> None:
    """Stop one process we started: ``first`` signal, then SIGKILL after ``wait`` seconds."""
    if proc.poll() is not None:
        return
    with suppress(ProcessLookupError):
        proc.send_signal(first)
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            proc.kill()
        proc.wait(timeout=wait)


@dataclass
class Worker:
    index: int
    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started: float = 0.0


@dataclass
class Cluster:
    """N workers and nginx; ``start()`` brings everything up, ``stop()`` ends what it started."""

    workers: int
    address: str = LOOPBACK
    port: int = 8501
    run_dir: Path | None = None
    worker_ports: list[int] | None = None
    env: dict[str, str] | None = None
    warm: bool = True
    notify: Any = print
    nginx: subprocess.Popen[bytes] | None = None
    pool: list[Worker] = field(default_factory=list)
    keep_run_dir: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.workers <= MAX_WORKERS:
            raise UserError(
                f"--workers moet tussen 1 en {MAX_WORKERS} liggen (één per processorkern is een goed begin)"
            )
        if self.worker_ports is not None and len(self.worker_ports) != self.workers:
            raise UserError("geef voor elke worker één poort")
        self.keep_run_dir = self.run_dir is not None
        self.run_dir = Path(self.run_dir) if self.run_dir else Path(tempfile.mkdtemp(prefix="lob-serve-"))
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"de map {self.run_dir} kan niet worden gemaakt ({exc.strerror})") from None
        self.env = dict(os.environ if self.env is None else self.env, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")

    # --- start ----------------------------------------------------------------------------------
    def prepare_index(self) -> dict[str, Any]:
        """``lob-kompas build --json`` once, before any worker starts (workers then only read the index)."""
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "build", "--json"],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if done.returncode != 0:
            raise UserError(f"de index kon niet worden voorbereid:\n{done.stderr.strip() or done.stdout.strip()}")
        return dict(json.loads(done.stdout))

    def _spawn(self, worker: Worker) -> None:
        assert self.run_dir is not None
        with worker.log.open("ab") as out:
            worker.proc = subprocess.Popen(
                streamlit_command(worker.port, LOOPBACK),
                env=self.env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        worker.started = time.monotonic()

    def _wait_healthy(self, workers: list[Worker], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(workers)
        while waiting:
            for w in list(waiting):
                assert w.proc is not None
                if w.proc.poll() is not None:
                    raise UserError(
                        f"worker {w.index} (poort {w.port}) stopte met code {w.proc.returncode}:\n"
                        + w.log.read_text(errors="replace")[-2000:]
                    )
                if healthy(w.port):
                    waiting.remove(w)
            if waiting and time.monotonic() > deadline:
                raise UserError(f"workers niet gezond binnen {timeout:.0f} s: poorten {[w.port for w in waiting]}")
            if waiting:
                time.sleep(0.2)

    def warm_up(self, workers: list[Worker]) -> list[str]:
        from app.streamlit_client import warm_up

        async def all_of() -> list[list[str] | BaseException]:
            return await asyncio.gather(*(warm_up(LOOPBACK, w.port) for w in workers), return_exceptions=True)

        problems: list[str] = []
        for w, result in zip(workers, asyncio.run(all_of()), strict=True):
            if isinstance(result, BaseException):
                problems.append(f"worker {w.index}: {type(result).__name__}: {result}")
            else:
                problems += [f"worker {w.index}: {p}" for p in result]
        return problems

    def nginx_conf(self) -> Path:
        assert self.run_dir is not None
        (self.run_dir / "tmp").mkdir(parents=True, exist_ok=True)
        conf = self.run_dir / "nginx.conf"
        conf.write_text(
            render_nginx_conf(self.address, self.port, [w.port for w in self.pool], self.run_dir), encoding="utf-8"
        )
        return conf

    def _nginx_cmd(self, conf: Path, *extra: str) -> list[str]:
        assert self.run_dir is not None
        return [find_nginx(), "-p", str(self.run_dir), "-c", str(conf), "-e", str(self.run_dir / "error.log"), *extra]

    def start(self) -> dict[str, Any]:
        assert self.run_dir is not None
        find_nginx()  # fail before anything starts
        started = time.monotonic()
        ports = self.worker_ports or [free_port() for _ in range(self.workers)]
        if self.port in ports:
            raise UserError(f"poort {self.port} is ook als workerpoort gekozen")
        index = self.prepare_index()
        self.notify(f"Index: {index.get('status')} ({index.get('chunks')} stukken, {index.get('embedded')} ge-embed)")
        self.pool = [Worker(i, p, self.run_dir / f"worker-{i}.log") for i, p in enumerate(ports, 1)]
        for w in self.pool:
            self._spawn(w)
        self._wait_healthy(self.pool)
        problems = self.warm_up(self.pool) if self.warm else []
        for problem in problems:
            self.notify(f"opwarmen: {problem}")
        conf = self.nginx_conf()
        check = subprocess.run(self._nginx_cmd(conf, "-t", "-q"), capture_output=True, text=True)
        if check.returncode != 0:
            raise UserError(f"nginx-configuratie afgekeurd ({conf}):\n{check.stderr.strip()}")
        self.nginx = subprocess.Popen(
            self._nginx_cmd(conf, "-g", "daemon off;"),
            cwd=self.run_dir,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + 30
        while not healthy(self.port) and self.address in (LOOPBACK, "0.0.0.0", "localhost"):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise UserError(
                    "nginx startte niet: " + (self.run_dir / "error.log").read_text(errors="replace")[-2000:]
                )
            time.sleep(0.1)
        state = self.state()
        state["index"] = index
        state["warmup_problems"] = problems
        state["ready_after_s"] = round(time.monotonic() - started, 2)
        (self.run_dir / STATE_FILE).write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
        return state

    def state(self) -> dict[str, Any]:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "::") else self.address
        return {
            "url": f"http://{host}:{self.port}",
            "address": self.address,
            "port": self.port,
            "run_dir": str(self.run_dir),
            "nginx_pid": self.nginx.pid if self.nginx else None,
            "workers": [
                {"index": w.index, "port": w.port, "pid": w.proc.pid if w.proc else None, "restarts": w.restarts}
                for w in self.pool
            ],
        }

    # --- run --------------------------------------------------------------------------------------
    def check(self) -> bool:
        """One supervision step: restart dead workers (bounded); False when the cluster cannot go on."""
        if self.nginx is not None and self.nginx.poll() is not None:
            self.notify(f"nginx stopte met code {self.nginx.returncode}")
            return False
        for w in self.pool:
            if w.proc is not None and w.proc.poll() is not None:
                if w.restarts >= MAX_RESTARTS:
                    self.notify(f"worker {w.index} stopte te vaak (code {w.proc.returncode}); zie {w.log}")
                    return False
                w.restarts += 1
                self.notify(f"worker {w.index} stopte (code {w.proc.returncode}); herstart {w.restarts}/{MAX_RESTARTS}")
                self._spawn(w)
        return True

    def stop(self) -> None:
        """Stop nginx (gracefully), then every worker; remove the run folder unless it was given."""
        if self.nginx is not None:
            stop_process(self.nginx, signal.SIGQUIT, wait=10)
        for w in self.pool:
            if w.proc is not None:
                stop_process(w.proc)
        if self.run_dir is not None:
            (self.run_dir / STATE_FILE).unlink(missing_ok=True)  # the state is no longer true
            if not self.keep_run_dir:
                shutil.rmtree(self.run_dir, ignore_errors=True)


@contextmanager
def serving(workers: int, **kwargs: Any) -> Iterator[Cluster]:
    """A running cluster for the duration of the block (tests and the load test use this)."""
    cluster = Cluster(workers, **kwargs)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def run_forever(cluster: Cluster, poll: float = 1.0) -> int:
    """Start, then supervise until Ctrl-C or SIGTERM; always stops what was started."""
    stopping = False

    def on_term(_signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        state = cluster.start()
        cluster.notify(
            f"LOB-Kompas draait met {cluster.workers} worker(s) achter nginx: {state['url']} "
            f"(klaar na {state['ready_after_s']:.1f} s; stoppen met Ctrl-C)"
        )
        while not stopping:
            if not cluster.check():
                return 1
            time.sleep(poll)
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()
        signal.signal(signal.SIGTERM, previous)
