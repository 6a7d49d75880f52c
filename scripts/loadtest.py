"""Load test for the LOB-Kompas Streamlit app: N simulated mentors/parents against one local server.

Each simulated user speaks Streamlit's own websocket protocol (``/_stcore/stream``, protobuf ``BackMsg`` and
``ForwardMsg``), just like the browser's frontend does, but without a browser: so the measurement is of the
server, not of Chromium on the same cores. One round of one user is a fresh session with four interactions:

1. ``mentor_load``: open the app (the mentor page is the default page);
2. ``mentor_submit``: fill the profile form (school type, an interest, a work preference, a postcode, the
   parents' language) and press the submit button; the routes must appear;
3. ``vraag_load``: go to the "Vraag het" page;
4. ``vraag_ask``: ask one question in the chat; the answer must come with its sources.

A latency is the time from sending the message to the server's ``script_finished``. By default users do not
pause between interactions (no think time), so N users means N script runs in flight at the same moment: a
conservative load. ``--think S`` adds a reading pause of about S seconds between interactions. Safety bounds: loopback only, at most ``MAX_USERS`` users and ``MAX_ROUNDS`` rounds, and a
wall-clock budget after which everything stops.

    python scripts/loadtest.py --users 1 5 10 20 40 --rounds 3          # starts its own server
    python scripts/loadtest.py --port 8501 --server-pid 1234 --users 1  # against a running server

Nothing is written except the optional ``--json`` report; no profile is logged.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from pydantic import BaseModel
from streamlit import __version__ as streamlit_version
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "app"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import label, t  # noqa: E402

LOOPBACK = "127.0.0.1"
MAX_USERS = 100
MAX_ROUNDS = 20
INTERACTIONS = ("mentor_load", "mentor_submit", "vraag_load", "vraag_ask")
QUESTION = "Wat verdient een monteur in de techniek?"
LANG = "nl"
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- one websocket session


@dataclass
class ScriptRun:
    """What one script run sent back: widgets by user key, headings, expander labels, errors."""

    seconds: float
    status: int
    widgets: dict[str, tuple[str, Any]] = field(default_factory=dict)  # key -> (element type, proto)
    headings: list[str] = field(default_factory=list)
    expanders: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""


def _user_key(widget_id: str) -> str:
    """Widget ids look like ``$$ID-<hash>-<user key>``; the user key is what the app chose."""
    return widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") else widget_id


def _collect(msg: ForwardMsg, run: ScriptRun) -> None:
    kind = msg.WhichOneof("type")
    if kind == "navigation":
        run.page_hash = msg.navigation.page_script_hash
        run.pages.update({p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages})
    if kind != "delta":
        return
    delta = msg.delta
    if delta.WhichOneof("type") == "add_block" and delta.add_block.WhichOneof("type") == "expandable":
        run.expanders.append(delta.add_block.expandable.label)
    if delta.WhichOneof("type") != "new_element":
        return
    etype = str(delta.new_element.WhichOneof("type"))
    element = getattr(delta.new_element, etype)
    if etype == "heading":
        run.headings.append(element.body)
    elif etype == "exception":
        run.exceptions.append(f"{element.type}: {element.message}"[:300])
    elif getattr(element, "id", ""):
        run.widgets[_user_key(element.id)] = (etype, element)


class Session:
    """One browser tab's websocket session with the Streamlit server."""

    def __init__(self, ws: Any, timeout: float) -> None:
        self.ws = ws
        self.timeout = timeout
        self.pages: dict[str, str] = {}
        self.page_hash = ""

    async def rerun(self, page_name: str = "", page_hash: str = "", widgets: list[Any] | None = None) -> ScriptRun:
        """Ask for a script run and read the server's messages until it has finished."""
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.page_name = page_name
        back.rerun_script.page_script_hash = page_hash
        back.rerun_script.widget_states.widgets.extend(widgets or [])
        started = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        run = ScriptRun(seconds=0.0, status=-1)
        async with asyncio.timeout(self.timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                _collect(msg, run)
                if msg.WhichOneof("type") == "script_finished":
                    run.status = msg.script_finished
                    if run.status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        break
        run.seconds = time.perf_counter() - started
        self.pages.update(run.pages)
        self.page_hash = run.page_hash or self.page_hash
        return run


# --------------------------------------------------------------------------- widget states


def _state(widget_id: str, **value: Any) -> Any:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=widget_id)
    for name, val in value.items():
        if name.endswith("array_value"):
            getattr(state, name).data.extend(val)
        elif name == "chat_input_value":
            state.chat_input_value.data = val
        else:
            setattr(state, name, val)
    return state


def mentor_form_states(run: ScriptRun) -> list[Any]:
    """The widget states a browser sends when a mentor fills the form and presses its button."""
    w = run.widgets
    key = f"@{LANG}"

    def wid(name: str) -> str:
        if name not in w:
            raise LookupError(f"widget {name!r} not on the page")
        return str(w[name][1].id)

    submit = next(k for k in w if k.startswith("FormSubmitter:profiel_form"))
    return [
        _state(wid("lang"), string_value=label("taal", LANG, LANG)),
        _state(wid("m_schooltype" + key), string_value=label("schooltype", "vmbo-bb", LANG)),
        _state(wid("m_interesses" + key), string_array_value=[label("interesse", "autos_motoren", LANG)]),
        _state(wid("m_werkvoorkeuren" + key), string_array_value=[label("werkvoorkeur", "handen", LANG)]),
        _state(wid("m_plaats" + key), string_value="3083"),
        _state(wid("m_taal_ouders" + key), string_value=label("taal", "tr", LANG)),
        _state(wid(submit), trigger_value=True),
    ]


# --------------------------------------------------------------------------- one simulated user


class Sample(BaseModel):
    """One interaction of one user: how long it took and what went wrong, if anything."""

    interaction: str
    seconds: float
    error: str = ""


def _check(name: str, run: ScriptRun) -> str:
    """An error text when the page is not what a user should see, else ''."""
    if run.exceptions:
        return "exception: " + run.exceptions[0]
    if run.status != ForwardMsg.FINISHED_SUCCESSFULLY:
        return f"script status {run.status}"
    if name == "mentor_load" and not any(k.startswith("FormSubmitter:") for k in run.widgets):
        return "no profile form"
    if name == "mentor_submit" and t("mentor.routes", LANG) not in run.headings:
        return "no routes heading"
    if name == "vraag_load" and not any(kind == "chat_input" for kind, _ in run.widgets.values()):
        return "no chat input (is the index built?)"
    if name == "vraag_ask" and not any(lbl.startswith("📎") for lbl in run.expanders):
        return "answer without sources"
    return ""


async def one_round(port: int, timeout: float, pause: Callable[[], Awaitable[None]]) -> list[Sample]:
    """A fresh session: mentor page, form submit, Vraag-het page, one question (``pause`` between them)."""
    samples: list[Sample] = []
    url = f"ws://{LOOPBACK}:{port}/_stcore/stream"
    started = time.perf_counter()
    current = "connect"
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout) as ws:  # type: ignore[list-item]
            session = Session(ws, timeout)
            current = "mentor_load"
            first = await session.rerun()
            samples.append(Sample(interaction=current, seconds=first.seconds, error=_check(current, first)))
            await pause()
            current = "mentor_submit"
            run = await session.rerun(page_hash=session.page_hash, widgets=mentor_form_states(first))
            samples.append(Sample(interaction=current, seconds=run.seconds, error=_check(current, run)))
            await pause()
            current = "vraag_load"
            vraag_hash = session.pages.get("vraag", "")
            lang_state = _state(str(first.widgets["lang"][1].id), string_value=label("taal", LANG, LANG))
            run = await session.rerun(page_name="vraag", page_hash=vraag_hash, widgets=[lang_state])
            samples.append(Sample(interaction=current, seconds=run.seconds, error=_check(current, run)))
            await pause()
            current = "vraag_ask"
            chat = next(el for kind, el in run.widgets.values() if kind == "chat_input")
            run = await session.rerun(page_hash=vraag_hash,
                                      widgets=[lang_state, _state(chat.id, chat_input_value=QUESTION)])
            samples.append(Sample(interaction=current, seconds=run.seconds, error=_check(current, run)))
    except Exception as exc:  # a timeout, a refused connection, a missing widget: all count as errors
        error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__
        samples.append(Sample(interaction=current, seconds=time.perf_counter() - started, error=error))
    return samples


async def one_user(port: int, rounds: int, timeout: float, think: float = 0.0, seed: int = 0) -> list[Sample]:
    """``rounds`` rounds; with ``think`` > 0 the user starts at a random moment within ``think`` seconds and
    pauses 0.5-1.5 x ``think`` seconds (seeded) before each further interaction, like a person reading."""
    rng = random.Random(seed)

    async def pause() -> None:
        if think > 0:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    if think > 0:
        await asyncio.sleep(think * rng.random())
    samples: list[Sample] = []
    for _ in range(rounds):
        samples.extend(await one_round(port, timeout, pause))
    return samples


# --------------------------------------------------------------------------- server resources


def server_child(pid: int) -> int:
    """The Streamlit process that ``lob-kompas app`` (pid) started; pid itself when it has no child."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    with_kids = children.read_text().split() if children.exists() else []
    return int(with_kids[0]) if with_kids else pid


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (everything but idle and iowait in /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / CLK_TCK


@contextmanager
def cpu_of(pid: int) -> Iterator[dict[str, float]]:
    """Server, load-tool and other processes' CPU seconds used inside the block (filled in on exit).

    "other" is the whole machine minus the server and this tool: other work on a shared machine."""
    out: dict[str, float] = {}
    server0, client0, busy0 = _cpu_seconds(pid), time.process_time(), _machine_busy_seconds()
    wall0 = time.perf_counter()
    yield out
    out["wall"] = time.perf_counter() - wall0
    out["server"] = _cpu_seconds(pid) - server0
    out["client"] = time.process_time() - client0
    out["other"] = max(0.0, _machine_busy_seconds() - busy0 - out["server"] - out["client"])


async def _rss_sampler(pid: int, peak: list[int], every: float = 0.25) -> None:
    while True:
        peak[0] = max(peak[0], _status_kb(pid, "VmRSS"))
        await asyncio.sleep(every)


# --------------------------------------------------------------------------- one load level


class Level(BaseModel):
    """The result of N users doing ``rounds`` rounds at once."""

    users: int
    rounds: int
    think_s: float
    load_avg_1m: float  # of the whole machine when the level started (other work on it shows here)
    interactions: int
    errors: int
    error_examples: list[str]
    latency: dict[str, dict[str, float]]  # interaction (or "all") -> median / p95 / max seconds
    wall_s: float
    server_cpu_pct: float  # of one core; 200 % = both cores busy
    client_cpu_pct: float
    other_cpu_pct: float  # everything else on the machine during the level; 0 on a quiet machine
    rss_before_mb: float
    rss_peak_mb: float
    hwm_mb: float


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"n": len(ordered), "median": round(statistics.median(ordered), 3), "p95": round(p95, 3),
            "max": round(ordered[-1], 3)}


async def run_level(port: int, pid: int, users: int, rounds: int, timeout: float, budget: float,
                    think: float = 0.0) -> Level:
    """Start ``users`` users at the same moment; stop everything after ``budget`` seconds."""
    load_avg = round(os.getloadavg()[0], 2)
    rss_before = _status_kb(pid, "VmRSS")
    peak = [rss_before]
    sampler = asyncio.create_task(_rss_sampler(pid, peak))
    with cpu_of(pid) as cpu:
        tasks = [asyncio.create_task(one_user(port, rounds, timeout, think, seed)) for seed in range(users)]
        done, pending = await asyncio.wait(tasks, timeout=budget)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    sampler.cancel()
    samples = [s for task in done for s in task.result()]
    errors = [f"{s.interaction}: {s.error}" for s in samples if s.error]
    errors += [f"user stopped by the time budget ({budget:.0f} s)"] * len(pending)
    ok = [s for s in samples if not s.error]
    latency = {name: _stats([s.seconds for s in ok if s.interaction == name])
               for name in INTERACTIONS if any(s.interaction == name for s in ok)}
    if ok:
        latency["all"] = _stats([s.seconds for s in ok])
    return Level(users=users, rounds=rounds, think_s=think, load_avg_1m=load_avg, interactions=len(samples), errors=len(errors),
                 error_examples=sorted(set(errors))[:5], latency=latency, wall_s=round(cpu["wall"], 2),
                 server_cpu_pct=round(100 * cpu["server"] / cpu["wall"], 1),
                 client_cpu_pct=round(100 * cpu["client"] / cpu["wall"], 1),
                 other_cpu_pct=round(100 * cpu["other"] / cpu["wall"], 1),
                 rss_before_mb=round(rss_before / 1024, 1), rss_peak_mb=round(peak[0] / 1024, 1),
                 hwm_mb=round(_status_kb(pid, "VmHWM") / 1024, 1))


async def run_levels(port: int, pid: int, users: list[int], rounds: int, timeout: float, deadline: float,
                     p95_limit: float, think: float = 0.0) -> list[Level]:
    """Levels in order; stops at the first level with errors or a p95 above ``p95_limit``, or at the deadline."""
    levels: list[Level] = []
    for n in users:
        budget = deadline - time.monotonic()
        if budget <= 1:
            break
        level = await run_level(port, pid, n, rounds, timeout, budget, think)
        levels.append(level)
        print(row(level), flush=True)
        if level.errors or level.latency.get("all", {}).get("p95", 0) > p95_limit:
            break
    return levels


# --------------------------------------------------------------------------- report


HEADER = ("| users | think s | interactions | errors | median s | p95 s | max s | form submit p95 s "
          "| question p95 s | server CPU % | tool CPU % | other CPU % | RSS peak MB | wall s |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def row(level: Level) -> str:
    a = level.latency.get("all", {})
    sub = level.latency.get("mentor_submit", {}).get("p95", float("nan"))
    ask = level.latency.get("vraag_ask", {}).get("p95", float("nan"))
    return (f"| {level.users} | {level.think_s:g} | {level.interactions} | {level.errors} | {a.get('median', float('nan')):.2f} "
            f"| {a.get('p95', float('nan')):.2f} | {a.get('max', float('nan')):.2f} | {sub:.2f} | {ask:.2f} "
            f"| {level.server_cpu_pct:.0f} | {level.client_cpu_pct:.0f} | {level.other_cpu_pct:.0f} | {level.rss_peak_mb:.0f} | {level.wall_s:.1f} |")


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpu": cpu, "nproc": os.cpu_count(), "mem_gib": round(mem_kb / 2**20, 1),
            "python": sys.version.split()[0],
            "streamlit": streamlit_version}


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--users", type=int, nargs="+", default=[1, 5, 10, 20, 40], help="load levels, in order")
    p.add_argument("--rounds", type=int, default=3, help="rounds per user per level")
    p.add_argument("--think", type=float, default=0.0, help="mean pause (s) between a user's interactions")
    p.add_argument("--timeout", type=float, default=60, help="seconds per interaction before it counts as error")
    p.add_argument("--max-seconds", type=float, default=1200, help="wall-clock budget for the whole test")
    p.add_argument("--p95-limit", type=float, default=5.0, help="stop raising the load above this p95 (s)")
    p.add_argument("--port", type=int, help="use a server already running on 127.0.0.1:PORT")
    p.add_argument("--server-pid", type=int, help="pid of that server (for RSS/CPU); needed with --port")
    p.add_argument("--warmup", type=int, default=1, help="rounds by one user before measuring (not reported)")
    p.add_argument("--json", type=Path, help="write the full report here")
    args = p.parse_args(argv)
    if any(n < 1 or n > MAX_USERS for n in args.users):
        p.error(f"--users must be between 1 and {MAX_USERS}")
    if not 1 <= args.rounds <= MAX_ROUNDS:
        p.error(f"--rounds must be between 1 and {MAX_ROUNDS}")
    if args.port and not args.server_pid:
        p.error("--port needs --server-pid")
    return args


async def measure(args: argparse.Namespace, port: int, pid: int, deadline: float) -> dict[str, Any]:
    """Warm the server up, run the load levels and return the report (a JSON-ready dict)."""
    rss_start = round(_status_kb(pid, "VmRSS") / 1024, 1)  # a fresh server: nothing loaded yet
    warm_errors: list[str] = []
    if args.warmup:  # the first run loads the knowledge base and the assistant's index into the server
        warm = await one_user(port, args.warmup, max(args.timeout, 240))
        warm_errors = [f"{s.interaction}: {s.error}" for s in warm if s.error]
        if warm_errors:
            print("warm-up errors:", *warm_errors, sep="\n  ", file=sys.stderr)
    rss_warm = round(_status_kb(pid, "VmRSS") / 1024, 1)  # knowledge base and assistant loaded
    print(HEADER, flush=True)
    levels = await run_levels(port, pid, args.users, args.rounds, args.timeout, deadline, args.p95_limit, args.think)
    return {"machine": machine(), "command": " ".join(["python", "scripts/loadtest.py", *sys.argv[1:]]),
            "question": QUESTION, "server_rss_start_mb": rss_start,
            "server_rss_after_warmup_mb": rss_warm, "warmup_errors": warm_errors,
            "levels": [lv.model_dump() for lv in levels],
            "server_rss_after_mb": round(_status_kb(pid, "VmRSS") / 1024, 1),
            "server_hwm_mb": round(_status_kb(pid, "VmHWM") / 1024, 1)}


def run(args: argparse.Namespace, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Measure against ``--port`` or against a server started (and stopped) here with ``env``."""
    deadline = time.monotonic() + args.max_seconds
    if args.port:
        return asyncio.run(measure(args, args.port, server_child(args.server_pid), deadline))
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"lob-loadtest-{os.getpid()}.log"
    with bh.app_server(dict(os.environ) if env is None else env, log) as server:
        report = asyncio.run(measure(args, server.port, server_child(server.proc.pid), deadline))
        report["server_start_s"] = round(server.healthy_after, 2)
    log.unlink(missing_ok=True)
    return report


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 4096), hard), hard))  # sockets for many users
    report = run(args)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 1 if not report["levels"] or report["levels"][0]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
