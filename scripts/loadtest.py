"""Load test for the LOB-Kompas Streamlit app, without a browser, on loopback only.

Simulated users speak Streamlit's own websocket protocol (``/_stcore/stream``, protobuf ``BackMsg`` and
``ForwardMsg``; see app/streamlit_client.py), just like the browser's frontend does, so the measurement is
of the server, not of Chromium on the same cores. Two modes:

**Levels** (the default): N users at once, each round a fresh session with four interactions
(``mentor_load``, ``mentor_submit`` with a profile, ``vraag_load``, ``vraag_ask``); the levels run in
order and stop at the first level with errors or a p95 above ``--p95-limit``.

    python scripts/loadtest.py --users 1 5 10 20 40 --rounds 3          # starts its own server
    python scripts/loadtest.py --port 8501 --server-pid 1234 --users 1  # against a running server

**Informatieavond** (``--scenario informatieavond``): the decaan shows the QR code and parents arrive
over ``--arrival-seconds`` (seeded, uniform). Each parent opens the parents' page in one of the six
languages like a phone with an empty cache (``/ouders?lang=xx``, the HTML and the static files it
names, 6 connections, then the websocket and the first script run), reads, asks a suggested question
and a question of their own (random order), reads the answers and leaves. Meanwhile ``--mentors``
mentors open the mentor page and run advice for a varied pupil every ``--mentor-every`` seconds.

    python scripts/loadtest.py --scenario informatieavond --workers 0 --json one.json  # one `lob-kompas app`
    python scripts/loadtest.py --scenario informatieavond --workers 2 --json two.json  # `serve --workers 2`

Reported per interaction: n, errors, p50/p95/p99/max; per process (each worker, nginx): CPU and memory
(RSS at start, after warm-up, peak, end). What the parents' page must offer (the test is tolerant of
layout changes): the page at url path ``ouders`` that honours ``?lang=``; a question box (a chat input,
or a text input whose key contains "question"/"vraag" or whose label is the ``ask.placeholder`` text);
suggested questions either as buttons labelled with the catalogue's ``ask.q<n>``/``parents.q<n>`` texts
or typed into that box; an answer that shows a "📎" sources expander or the ``ask.not_grounded`` warning.

Safety bounds: loopback only, at most ``MAX_USERS`` users, ``MAX_PARENTS`` parents and ``MAX_MENTORS``
mentors, a timeout per interaction and a wall-clock budget after which everything stops; every server
this tool starts is stopped. Nothing is written except the optional ``--json`` report; no question or
profile is logged.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from streamlit import __version__ as streamlit_version

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from app.streamlit_client import FINISHED_OK, ScriptRun, Session, connect, widget_state  # noqa: E402
from knowledge.i18n import LANGUAGES, catalogue, label, t  # noqa: E402

LOOPBACK = "127.0.0.1"
MAX_USERS = 100
MAX_ROUNDS = 20
MAX_PARENTS = 400
MAX_MENTORS = 50
INTERACTIONS = ("mentor_load", "mentor_submit", "vraag_load", "vraag_ask")
SCENARIO_INTERACTIONS = (
    "parents_assets",
    "parents_open",
    "parents_open_total",
    "question_suggested",
    "question_own",
    "mentor_open",
    "mentor_advice",
)
QUESTION = "Wat verdient een monteur in de techniek?"
LANG = "nl"
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- widget states


_state = widget_state


def mentor_form_states(
    run: ScriptRun, interest: str = "autos_motoren", schooltype: str = "vmbo-bb", postcode: str = "3083"
) -> list[Any]:
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
        _state(wid("m_schooltype" + key), string_value=label("schooltype", schooltype, LANG)),
        _state(wid("m_interesses" + key), string_array_value=[label("interesse", interest, LANG)]),
        _state(wid("m_werkvoorkeuren" + key), string_array_value=[label("werkvoorkeur", "handen", LANG)]),
        _state(wid("m_plaats" + key), string_value=postcode),
        _state(wid("m_taal_ouders" + key), string_value=label("taal", "tr", LANG)),
        _state(wid(submit), trigger_value=True),
    ]


# --------------------------------------------------------------------------- one simulated user (levels)


class Sample(BaseModel):
    """One interaction of one user: how long it took and what went wrong, if anything."""

    interaction: str
    seconds: float
    error: str = ""
    at: float = 0.0  # seconds since the start of the measurement, when the interaction began
    worker: str = ""  # behind nginx: the worker the sticky cookie names


def _check(name: str, run: ScriptRun) -> str:
    """An error text when the page is not what a user should see, else ''."""
    if run.exceptions:
        return "exception: " + run.exceptions[0]
    if run.status not in FINISHED_OK:
        return f"script status {run.status}"
    if name in ("mentor_load", "mentor_open") and not any(k.startswith("FormSubmitter:") for k in run.widgets):
        return "no profile form"
    if name in ("mentor_submit", "mentor_advice") and t("mentor.routes", LANG) not in run.headings:
        return "no routes heading"
    if name == "vraag_load" and not any(kind == "chat_input" for kind, _ in run.widgets.values()):
        return "no chat input (is the index built?)"
    if name == "vraag_ask" and not any(lbl.startswith("📎") for lbl in run.expanders):
        return "answer without sources"
    return ""


async def one_round(port: int, timeout: float, pause: Callable[[], Awaitable[None]]) -> list[Sample]:
    """A fresh session: mentor page, form submit, Vraag-het page, one question (``pause`` between them)."""
    samples: list[Sample] = []
    started = time.perf_counter()
    current = "connect"
    try:
        async with connect(LOOPBACK, port, timeout) as ws:
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
            run = await session.rerun(
                page_hash=vraag_hash, widgets=[lang_state, _state(chat.id, chat_input_value=QUESTION)]
            )
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


# --------------------------------------------------------------------------- informatieavond: parents


# Parents' own questions (our own wording), with a job name from the knowledge base filled in, so that
# most of them differ from each other (the cache must not flatter the result).
OWN_QUESTIONS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Wat doet een {beroep} eigenlijk op een werkdag?",
        "Is {beroep} een beroep met toekomst?",
        "Welke mbo-opleiding heeft mijn kind nodig om {beroep} te worden?",
    ),
    "en": (
        "What does a {beroep} do on a normal day?",
        "Is there enough work for a {beroep} in Rotterdam?",
        "Which course does my son need to become a {beroep}?",
    ),
    "tr": (
        "{beroep} olarak çalışan biri ne iş yapar?",
        "{beroep} olmak için hangi okula gitmek gerekiyor?",
        "{beroep} mesleğinin geleceği var mı?",
    ),
    "ar": (
        "ماذا يفعل {beroep} في يوم العمل؟",
        "ما الدراسة التي يحتاجها ابني ليصبح {beroep}؟",
        "هل يوجد عمل كافٍ لمهنة {beroep} في روتردام؟",
    ),
    "pl": (
        "Czym na co dzień zajmuje się {beroep}?",
        "Jaka szkoła jest potrzebna, żeby pracować jako {beroep}?",
        "Czy w Rotterdamie jest praca dla osoby z zawodem {beroep}?",
    ),
    "uk": (
        "Що робить {beroep} протягом робочого дня?",
        "Яке навчання потрібне, щоб працювати як {beroep}?",
        "Чи є робота для професії {beroep} у Роттердамі?",
    ),
}
SUGGESTION_KEY = re.compile(r"(ask|parents)\.(q|question|suggest\w*?)_?\d+")
QUESTION_KEY = re.compile(r"question|vraag", re.IGNORECASE)
ASSET = re.compile(r"""(?:src|href)="\./((?:static|favicon)[^"]*)\"""")


def suggested_questions(lang: str) -> list[str]:
    """The example questions the app offers in ``lang`` (from the one translation catalogue)."""
    return [text for key, text in sorted(catalogue(lang).items()) if SUGGESTION_KEY.fullmatch(key)]


def job_names() -> list[str]:
    from knowledge import load_knowledge

    return sorted(b.naam for b in load_knowledge().beroepen.values())


def question_box(run: ScriptRun, lang: str) -> tuple[str, Any] | None:
    """(kind, proto) of the parents' question box on this page, or None."""
    chats = run.widgets_of("chat_input")
    if chats:
        return "chat_input", chats[0][1]
    placeholder = t("ask.placeholder", lang)
    for key, el in run.widgets_of("text_input", "text_area"):
        if QUESTION_KEY.search(key) or el.label == placeholder:
            return "text", el
    return None


def form_submit_button(run: ScriptRun, element: Any) -> Any | None:
    """The submit button of the st.form ``element`` is in (None when it is in no form)."""
    form = getattr(element, "form_id", "")
    if not form:
        return None
    return next((b for _, b in run.widgets_of("button") if b.is_form_submitter and b.form_id == form), None)


def fragment_of(run: ScriptRun, element: Any) -> str:
    """The st.fragment the widget belongs to ('' for none): the browser then reruns only that fragment."""
    from app.streamlit_client import user_key

    return run.fragments.get(user_key(str(element.id)), "")


def answer_problem(run: ScriptRun, lang: str) -> str:
    """'' when the run shows an answer (with sources, or the honest "not in my sources"), else what is wrong."""
    if run.exceptions:
        return "exception: " + run.exceptions[0]
    if run.status not in FINISHED_OK:
        return f"script status {run.status}"
    if any(t("app.no_index", lang) in a for a in run.alerts):
        return "no index: the assistant is not available"
    if any(lbl.startswith("📎") for lbl in run.expanders):
        return ""
    if any(t("ask.not_grounded", lang) in a for a in run.alerts):
        return ""
    return "no answer shown (no sources expander, no not-grounded notice)"


@dataclass
class Parent:
    """One parent's plan: language, two questions (one suggested, one own) and reading pauses."""

    number: int
    lang: str
    arrives: float
    questions: list[tuple[str, str]]  # (interaction name, text)
    pauses: list[float]


def plan_parents(n: int, arrival_seconds: float, read_seconds: float, seed: int) -> list[Parent]:
    rng = random.Random(seed)
    jobs = job_names()
    parents = []
    for i in range(n):
        lang = LANGUAGES[i % len(LANGUAGES)]
        own = rng.choice(OWN_QUESTIONS[lang]).format(beroep=rng.choice(jobs))
        suggested = suggested_questions(lang)
        questions = [("question_own", own)]
        if suggested:
            questions.append(("question_suggested", rng.choice(suggested)))
        rng.shuffle(questions)
        pauses = [read_seconds * rng.uniform(0.5, 1.5) for _ in range(len(questions) + 1)]
        parents.append(Parent(i, lang, arrival_seconds * rng.random(), questions, pauses))
    return sorted(parents, key=lambda p: p.arrives)


RETRIES = {"count": 0}  # GETs repeated after the server closed a reused connection


async def _get(http: Any, path: str) -> Any:
    """GET, repeated once when the server closed a kept-alive connection just as it was reused: browsers
    repeat such idempotent requests on their own, so a user never sees these (they are counted, though)."""
    import httpx

    try:
        return await http.get(path)
    except (httpx.RemoteProtocolError, httpx.ReadError):
        RETRIES["count"] += 1
        return await http.get(path)


async def fetch_page(http: Any, path: str) -> int:
    """What a phone with an empty cache fetches before the app runs: the HTML and the files it names."""
    resp = await _get(http, path)
    resp.raise_for_status()
    assets = sorted(set(ASSET.findall(resp.text)))
    results = await asyncio.gather(*(_get(http, "/" + a) for a in assets))
    bad = [str(r.url) for r in results if r.status_code != 200]
    if bad:
        raise RuntimeError(f"{len(bad)} static files failed, e.g. {bad[0]}")
    return len(resp.content) + sum(len(r.content) for r in results)


async def one_parent(port: int, parent: Parent, t0: float, timeout: float) -> list[Sample]:
    """Arrive, open the parents' page, read, ask two questions with a pause after each, leave."""
    import httpx

    await asyncio.sleep(max(0.0, t0 + parent.arrives - time.perf_counter()))
    samples: list[Sample] = []
    current = "parents_assets"
    began = time.perf_counter()
    query = f"lang={parent.lang}"
    try:
        limits = httpx.Limits(max_connections=6)  # what a browser opens per host
        async with httpx.AsyncClient(base_url=f"http://{LOOPBACK}:{port}", limits=limits, timeout=timeout) as http:
            await fetch_page(http, f"/ouders?{query}")
            assets_s = time.perf_counter() - began
            samples.append(Sample(interaction=current, seconds=assets_s, at=began - t0))
            cookie = "; ".join(f"{k}={v}" for k, v in http.cookies.items()) or None
            worker = http.cookies.get("lob_worker") or ""
            samples[-1].worker = worker
        current = "parents_open"
        async with connect(LOOPBACK, port, timeout, cookie=cookie) as ws:
            session = Session(ws, timeout)
            opened = time.perf_counter()
            run = await session.rerun(page_name="ouders", query_string=query)
            open_s = time.perf_counter() - opened  # connect + first script run
            box = question_box(run, parent.lang)
            error = (
                ("exception: " + run.exceptions[0])
                if run.exceptions
                else f"script status {run.status}"
                if run.status not in FINISHED_OK
                else "no question box on the parents' page"
                if box is None
                else ""
            )
            samples.append(Sample(interaction=current, seconds=open_s, error=error, at=opened - t0))
            samples.append(
                Sample(interaction="parents_open_total", seconds=assets_s + open_s, error=error, at=began - t0)
            )
            if error or box is None:
                return samples
            await asyncio.sleep(parent.pauses[0])
            page_hash = session.page_hash
            lang_widget = run.widgets.get("lang")
            base = (
                [_state(str(lang_widget[1].id), string_value=label("taal", parent.lang, parent.lang))]
                if lang_widget
                else []
            )
            for (name, text), pause in zip(parent.questions, parent.pauses[1:], strict=True):
                current = name
                buttons = {el.label: el for _, el in run.widgets_of("button")}
                kind, el = box
                if name == "question_suggested" and text in buttons:
                    target = buttons[text]
                    states = [*base, _state(str(target.id), trigger_value=True)]
                else:
                    target = el
                    value = {"chat_input_value": text} if kind == "chat_input" else {"string_value": text}
                    states = [*base, _state(str(el.id), **value)]
                    submit = form_submit_button(run, el)
                    if submit is not None:  # a box in a form counts only when its form is sent
                        states.append(_state(str(submit.id), trigger_value=True))
                asked = time.perf_counter()
                run = await session.rerun(
                    page_name="ouders",
                    page_hash=page_hash,
                    widgets=states,
                    query_string=query,
                    fragment_id=fragment_of(run, target),
                )
                samples.append(
                    Sample(interaction=name, seconds=run.seconds, error=answer_problem(run, parent.lang), at=asked - t0)
                )
                box = question_box(run, parent.lang) or box
                await asyncio.sleep(pause)
    except Exception as exc:  # a timeout, a refused connection, a missing widget: all count as errors
        error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__
        samples.append(Sample(interaction=current, seconds=time.perf_counter() - began, error=error, at=began - t0))
    return samples


# --------------------------------------------------------------------------- informatieavond: mentors


MENTOR_PUPILS = [
    ("autos_motoren", "vmbo-bb", "3083"),
    ("bouwen", "vmbo-kb", "3071"),
    ("ict_programmeren", "vmbo-gl", "2511"),
    ("elektro", "vmbo-tl", "3112"),
    ("zorg_welzijn", "vmbo-kb", "2614"),
]


async def one_mentor(port: int, number: int, t0: float, until: float, every: float, timeout: float) -> list[Sample]:
    """Open the mentor page, then run advice for a different pupil every ``every`` seconds (seeded jitter)."""
    rng = random.Random(1000 + number)
    samples: list[Sample] = []
    await asyncio.sleep(rng.uniform(0, every))
    current = "mentor_open"
    began = time.perf_counter()
    try:
        async with connect(LOOPBACK, port, timeout) as ws:
            session = Session(ws, timeout)
            first = await session.rerun()
            samples.append(
                Sample(interaction=current, seconds=first.seconds, error=_check(current, first), at=began - t0)
            )
            current = "mentor_advice"
            k = number
            while time.perf_counter() - t0 + every < until:
                await asyncio.sleep(every * rng.uniform(0.5, 1.5))
                interest, schooltype, postcode = MENTOR_PUPILS[k % len(MENTOR_PUPILS)]
                states = mentor_form_states(first, interest, schooltype, postcode)
                asked = time.perf_counter()
                run = await session.rerun(page_hash=session.page_hash, widgets=states)
                samples.append(
                    Sample(interaction=current, seconds=run.seconds, error=_check(current, run), at=asked - t0)
                )
                k += 1
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__
        samples.append(Sample(interaction=current, seconds=time.perf_counter() - began, error=error, at=began - t0))
    return samples


# --------------------------------------------------------------------------- server resources


def server_child(pid: int) -> int:
    """The Streamlit process that ``lob-kompas app`` (pid) started; pid itself when it has no child."""
    kids = children(pid)
    return kids[0] if kids else pid


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(x) for x in path.read_text().split()]
    except OSError:
        return []


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
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


class ProcessMeter:
    """CPU and memory of named server processes (a name may cover several pids: nginx and its workers)."""

    def __init__(self, procs: dict[str, list[int]]) -> None:
        self.procs = procs
        self.rows: dict[str, dict[str, float]] = {name: {} for name in procs}
        self._cpu0: dict[str, float] = {}
        self._busy0 = 0.0
        self._wall0 = 0.0
        self._client0 = 0.0

    def rss_mb(self, name: str) -> float:
        return round(sum(_status_kb(p, "VmRSS") for p in self.procs[name]) / 1024, 1)

    def mark(self, column: str) -> None:
        for name in self.procs:
            self.rows[name][column] = self.rss_mb(name)

    def start(self) -> None:
        self._cpu0 = {name: sum(_cpu_seconds(p) for p in pids) for name, pids in self.procs.items()}
        self._busy0, self._wall0, self._client0 = _machine_busy_seconds(), time.perf_counter(), time.process_time()
        for name in self.procs:
            self.rows[name]["rss_peak_mb"] = self.rss_mb(name)

    async def sample(self, every: float = 0.5) -> None:
        while True:
            for name in self.procs:
                self.rows[name]["rss_peak_mb"] = max(self.rows[name]["rss_peak_mb"], self.rss_mb(name))
            await asyncio.sleep(every)

    def stop(self) -> dict[str, Any]:
        wall = time.perf_counter() - self._wall0
        servers = 0.0
        for name, pids in self.procs.items():
            used = sum(_cpu_seconds(p) for p in pids) - self._cpu0[name]
            servers += used
            self.rows[name].update(
                {
                    "cpu_s": round(used, 1),
                    "cpu_pct": round(100 * used / wall, 1),
                    "rss_end_mb": self.rss_mb(name),
                    "hwm_mb": round(sum(_status_kb(p, "VmHWM") for p in self.procs[name]) / 1024, 1),
                }
            )
        client = time.process_time() - self._client0
        other = max(0.0, _machine_busy_seconds() - self._busy0 - servers - client)
        return {
            "wall_s": round(wall, 1),
            "processes": self.rows,
            "servers_cpu_pct": round(100 * servers / wall, 1),
            "tool_cpu_pct": round(100 * client / wall, 1),
            "other_cpu_pct": round(100 * other / wall, 1),
        }


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


def _rank(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, -int(-q * len(ordered) // 1) - 1))]


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {
        "n": len(ordered),
        "median": round(statistics.median(ordered), 3),
        "p95": round(p95, 3),
        "max": round(ordered[-1], 3),
    }


def percentiles(values: list[float]) -> dict[str, float]:
    """n, p50, p95, p99 (nearest rank) and max, in seconds."""
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": round(_rank(ordered, 0.50), 3),
        "p95": round(_rank(ordered, 0.95), 3),
        "p99": round(_rank(ordered, 0.99), 3),
        "max": round(ordered[-1], 3),
    }


async def run_level(
    port: int, pid: int, users: int, rounds: int, timeout: float, budget: float, think: float = 0.0
) -> Level:
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
    latency = {
        name: _stats([s.seconds for s in ok if s.interaction == name])
        for name in INTERACTIONS
        if any(s.interaction == name for s in ok)
    }
    if ok:
        latency["all"] = _stats([s.seconds for s in ok])
    return Level(
        users=users,
        rounds=rounds,
        think_s=think,
        load_avg_1m=load_avg,
        interactions=len(samples),
        errors=len(errors),
        error_examples=sorted(set(errors))[:5],
        latency=latency,
        wall_s=round(cpu["wall"], 2),
        server_cpu_pct=round(100 * cpu["server"] / cpu["wall"], 1),
        client_cpu_pct=round(100 * cpu["client"] / cpu["wall"], 1),
        other_cpu_pct=round(100 * cpu["other"] / cpu["wall"], 1),
        rss_before_mb=round(rss_before / 1024, 1),
        rss_peak_mb=round(peak[0] / 1024, 1),
        hwm_mb=round(_status_kb(pid, "VmHWM") / 1024, 1),
    )


async def run_levels(
    port: int,
    pid: int,
    users: list[int],
    rounds: int,
    timeout: float,
    deadline: float,
    p95_limit: float,
    think: float = 0.0,
) -> list[Level]:
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


# --------------------------------------------------------------------------- informatieavond: the whole evening


async def informatieavond(
    args: argparse.Namespace, port: int, procs: dict[str, list[int]], warm: bool, deadline: float
) -> dict[str, Any]:
    """Warm up (one process only; `serve` warms its workers itself), then parents and mentors together."""
    from app.streamlit_client import warm_up

    if args.tool_nice:  # servers run already (at normal priority); only this process changes its priority
        os.setpriority(os.PRIO_PROCESS, 0, args.tool_nice)
    meter = ProcessMeter(procs)
    meter.mark("rss_start_mb")
    warm_problems = await warm_up(LOOPBACK, port) if warm else []
    meter.mark("rss_after_warmup_mb")
    parents = plan_parents(args.parents, args.arrival_seconds, args.read_seconds, args.seed)
    load_avg = round(os.getloadavg()[0], 2)
    meter.start()
    sampler = asyncio.create_task(meter.sample())
    t0 = time.perf_counter()
    until = args.arrival_seconds + 2 * args.read_seconds  # mentors keep working while parents are there
    tasks = [asyncio.create_task(one_parent(port, p, t0, args.timeout)) for p in parents]
    tasks += [
        asyncio.create_task(one_mentor(port, m, t0, until, args.mentor_every, args.timeout))
        for m in range(args.mentors)
    ]
    budget = max(1.0, deadline - time.monotonic())
    done, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    sampler.cancel()
    resources = meter.stop()
    samples = [s for task in done for s in task.result()]
    errors = [f"{s.interaction}: {s.error}" for s in samples if s.error]
    errors += [f"stopped by the time budget ({budget:.0f} s)"] * len(pending)
    ok = [s for s in samples if not s.error]
    latency = {
        name: {
            **percentiles([s.seconds for s in ok if s.interaction == name]),
            "errors": sum(1 for s in samples if s.interaction == name and s.error),
        }
        for name in SCENARIO_INTERACTIONS
    }
    script_runs = [
        s
        for s in ok
        if s.interaction in ("parents_open", "question_suggested", "question_own", "mentor_open", "mentor_advice")
    ]
    latency["all_script_runs"] = {**percentiles([s.seconds for s in script_runs]), "errors": len(errors)}
    per_worker: dict[str, int] = {}
    for s in samples:
        if s.interaction == "parents_assets" and s.worker:
            per_worker[s.worker] = per_worker.get(s.worker, 0) + 1
    minutes: dict[int, list[Sample]] = {}
    for s in samples:
        minutes.setdefault(int(s.at // 60), []).append(s)
    timeline = [
        {
            "minute": m,
            "interactions": len(v),
            "errors": sum(1 for s in v if s.error),
            "p95_script_run_s": percentiles([s.seconds for s in v if not s.error and s in script_runs]).get("p95"),
        }
        for m, v in sorted(minutes.items())
    ]
    return {
        "parents": args.parents,
        "mentors": args.mentors,
        "arrival_seconds": args.arrival_seconds,
        "read_seconds": args.read_seconds,
        "mentor_every_s": args.mentor_every,
        "seed": args.seed,
        "languages": list(LANGUAGES),
        "suggested_questions": {lang: suggested_questions(lang) for lang in LANGUAGES},
        "load_avg_1m_at_start": load_avg,
        "tool_nice": args.tool_nice,
        "warmup_problems": warm_problems,
        "interactions": len(samples),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:8],
        "latency": latency,
        "repeated_gets": RETRIES["count"],
        "parents_per_worker": dict(sorted(per_worker.items())),
        "timeline": timeline,
        **resources,
    }


@contextmanager
def serve_cluster(env: dict[str, str], workers: int, timeout: float = 300) -> Iterator[dict[str, Any]]:
    """``lob-kompas serve --workers N`` on a free loopback port; yields its state (url, pids); stops it after."""
    run_dir = Path(tempfile.mkdtemp(prefix="lob-loadtest-serve-"))
    port = bh.free_port()
    state: dict[str, Any] = {}
    log = run_dir.parent / f"{run_dir.name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                *bh.lob_kompas(),
                "serve",
                "--workers",
                str(workers),
                "--port",
                str(port),
                "--address",
                LOOPBACK,
                "--run-dir",
                str(run_dir),
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = time.monotonic()
        state_file = run_dir / "serve.json"
        while not state_file.exists():
            if proc.poll() is not None:
                raise RuntimeError(f"lob-kompas serve stopped with code {proc.returncode}:\n{log.read_text()}")
            if time.monotonic() - started > timeout:
                raise TimeoutError(f"lob-kompas serve not ready within {timeout:.0f} s:\n{log.read_text()}")
            time.sleep(0.2)
        state.update(json.loads(state_file.read_text()))
        state["started_s"] = round(time.monotonic() - started, 2)
        yield state
    finally:
        if proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)
        if state.get("keep_logs"):
            print(f"errors happened: the server logs are kept in {run_dir} and {log}", file=sys.stderr)
        else:
            log.unlink(missing_ok=True)
            import shutil

            shutil.rmtree(run_dir, ignore_errors=True)


def run_scenario(args: argparse.Namespace, env: dict[str, str] | None = None) -> dict[str, Any]:
    """The informatieavond against one ``lob-kompas app`` (``--workers 0``) or ``lob-kompas serve``."""
    deadline = time.monotonic() + args.max_seconds
    env = dict(os.environ) if env is None else env
    common = {
        "machine": machine(),
        "command": " ".join(["python", "scripts/loadtest.py", *sys.argv[1:]]),
        "workers": args.workers,
    }
    if args.workers == 0:
        log = Path(tempfile.gettempdir()) / f"lob-loadtest-{os.getpid()}.log"
        with bh.app_server(env, log) as server:
            procs = {"app": [server_child(server.proc.pid)]}
            report = asyncio.run(informatieavond(args, server.port, procs, True, deadline))
            report["server_start_s"] = round(server.healthy_after, 2)
        if report["errors"]:
            print(f"errors happened: the server log is kept in {log}", file=sys.stderr)
        else:
            log.unlink(missing_ok=True)
        return {**common, "setup": "one `lob-kompas app` process, no proxy", **report}
    with serve_cluster(env, args.workers) as state:
        nginx = [state["nginx_pid"], *children(state["nginx_pid"])]
        procs = {f"worker-{w['index']}": [w["pid"]] for w in state["workers"]} | {"nginx": nginx}
        report = asyncio.run(informatieavond(args, state["port"], procs, False, deadline))
        report["server_start_s"] = state["started_s"]
        report["serve_ready_after_s"] = state.get("ready_after_s")
        state["keep_logs"] = bool(report["errors"])
    return {
        **common,
        "setup": f"`lob-kompas serve --workers {args.workers}`: nginx + {args.workers} app processes",
        **report,
    }


def scenario_tables(report: dict[str, Any]) -> str:
    """The report as Markdown tables (latency per interaction, resources per process, per minute)."""
    names = {
        "parents_assets": "parents: HTML + static files",
        "parents_open": "parents: page run (websocket)",
        "parents_open_total": "parents: open page, total",
        "question_suggested": "parents: suggested question",
        "question_own": "parents: own question",
        "mentor_open": "mentor: open page",
        "mentor_advice": "mentor: advice",
        "all_script_runs": "all script runs",
    }
    lines = [
        f"**{report['setup']}** — {report['parents']} parents over {report['arrival_seconds']:.0f} s, "
        f"{report['mentors']} mentors; {report['interactions']} interactions, {report['errors']} errors "
        f"({report.get('repeated_gets', 0)} static-file GETs repeated on a closed connection, as a browser does)",
        "",
        "| interaction | n | errors | p50 s | p95 s | p99 s | max s |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, row_ in report["latency"].items():
        if row_.get("n"):
            lines.append(
                f"| {names.get(key, key)} | {row_['n']} | {row_['errors']} | {row_['p50']:.2f} | "
                f"{row_['p95']:.2f} | {row_['p99']:.2f} | {row_['max']:.2f} |"
            )
    lines += [
        "",
        "| process | CPU s | CPU % of a core | RSS start MB | after warm-up MB | peak MB | end MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in report["processes"].items():
        lines.append(
            f"| {name} | {r['cpu_s']} | {r['cpu_pct']} | {r.get('rss_start_mb')} | "
            f"{r.get('rss_after_warmup_mb')} | {r['rss_peak_mb']} | {r['rss_end_mb']} |"
        )
    if report.get("parents_per_worker"):
        lines += [
            "",
            "parents per worker (sticky cookie): "
            + ", ".join(f"{name} {n}" for name, n in report["parents_per_worker"].items()),
        ]
    lines += [
        "",
        f"servers {report['servers_cpu_pct']} % CPU, load tool {report['tool_cpu_pct']} %, other work "
        f"on the machine {report['other_cpu_pct']} % (100 % = one core); wall {report['wall_s']} s",
        "",
        "| minute | interactions | errors | p95 script run s |",
        "|---|---|---|---|",
    ]
    for m in report["timeline"]:
        lines.append(f"| {m['minute']} | {m['interactions']} | {m['errors']} | {m['p95_script_run_s']} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- costs: server CPU per interaction


async def costs(port: int, pid: int, reps: int, timeout: float) -> dict[str, Any]:
    """Server CPU seconds per interaction, one interaction at a time against a warm server.

    CPU time, unlike latency, hardly depends on other work on the machine, so these figures hold on a busy
    shared machine too; divided into the cores they give a capacity estimate (an estimate, not a load test)."""
    import httpx

    from app.streamlit_client import warm_up

    problems = await warm_up(LOOPBACK, port)
    rows: dict[str, list[tuple[float, float]]] = {}

    def record(name: str, cpu0: float, wall0: float) -> None:
        rows.setdefault(name, []).append((_cpu_seconds(pid) - cpu0, time.perf_counter() - wall0))

    parents = plan_parents(reps, 0, 0, seed=99)
    asked: set[tuple[str, str]] = set()
    for i in range(reps):
        lang = LANGUAGES[i % len(LANGUAGES)]
        cpu0, wall0 = _cpu_seconds(pid), time.perf_counter()
        async with httpx.AsyncClient(
            base_url=f"http://{LOOPBACK}:{port}", limits=httpx.Limits(max_connections=6), timeout=timeout
        ) as http:
            await fetch_page(http, f"/ouders?lang={lang}")
        record("parents_assets", cpu0, wall0)
        async with connect(LOOPBACK, port, timeout) as ws:
            session = Session(ws, timeout)
            cpu0, wall0 = _cpu_seconds(pid), time.perf_counter()
            run = await session.rerun(page_name="ouders", query_string=f"lang={lang}")
            record("parents_open", cpu0, wall0)
            box = question_box(run, lang)
            if box is None:
                raise LookupError("no question box on the parents' page")
            base = [_state(str(run.widgets["lang"][1].id), string_value=label("taal", lang, lang))]
            suggested = [q for q in suggested_questions(lang) if q != t("ask.q2", lang)] or suggested_questions(lang)
            own = next(text for name, text in parents[i].questions if name == "question_own")
            for name, text in (("question_suggested", suggested[0]), ("question_own", own)):
                if name == "question_suggested":  # the answer cache: the first asker pays, later ones do not
                    name += "_cached" if (lang, text) in asked else "_first"
                    asked.add((lang, text))
                kind, el = box
                value = {"chat_input_value": text} if kind == "chat_input" else {"string_value": text}
                cpu0, wall0 = _cpu_seconds(pid), time.perf_counter()
                run = await session.rerun(
                    page_name="ouders",
                    page_hash=session.page_hash,
                    query_string=f"lang={lang}",
                    widgets=[*base, _state(str(el.id), **value)],
                    fragment_id=fragment_of(run, el),
                )
                record(name, cpu0, wall0)
                if answer_problem(run, lang):
                    problems.append(f"{name}: {answer_problem(run, lang)}")
        async with connect(LOOPBACK, port, timeout) as ws:
            session = Session(ws, timeout)
            first = await session.rerun()
            interest, schooltype, postcode = MENTOR_PUPILS[i % len(MENTOR_PUPILS)]
            cpu0, wall0 = _cpu_seconds(pid), time.perf_counter()
            run = await session.rerun(
                page_hash=session.page_hash, widgets=mentor_form_states(first, interest, schooltype, postcode)
            )
            record("mentor_advice", cpu0, wall0)
            if _check("mentor_advice", run):
                problems.append("mentor_advice: " + _check("mentor_advice", run))
    table = {
        name: {
            "n": len(v),
            "server_cpu_s": round(statistics.mean(c for c, _ in v), 3),
            "server_cpu_s_max": round(max(c for c, _ in v), 3),
            "wall_s_median": round(statistics.median(w for _, w in v), 3),
        }
        for name, v in rows.items()
    }
    per_parent = sum(table[k]["server_cpu_s"] for k in ("parents_open", "question_suggested_cached", "question_own"))
    return {
        "reps": reps,
        "problems": problems,
        "per_interaction": table,
        "parent_cpu_s_without_static": round(per_parent, 3),
        "parent_cpu_s_with_static": round(per_parent + table["parents_assets"]["server_cpu_s"], 3),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def run_costs(args: argparse.Namespace, env: dict[str, str] | None = None) -> dict[str, Any]:
    log = Path(tempfile.gettempdir()) / f"lob-loadtest-{os.getpid()}.log"
    with bh.app_server(dict(os.environ) if env is None else env, log) as server:
        report = asyncio.run(costs(server.port, server_child(server.proc.pid), args.reps, args.timeout))
    log.unlink(missing_ok=True)
    return {"machine": machine(), "command": " ".join(["python", "scripts/loadtest.py", *sys.argv[1:]]), **report}


def costs_table(report: dict[str, Any]) -> str:
    lines = [
        "| interaction | n | server CPU s (mean) | server CPU s (max) | wall s (median) |",
        "|---|---|---|---|---|",
    ]
    for name, r in report["per_interaction"].items():
        lines.append(
            f"| {name} | {r['n']} | {r['server_cpu_s']:.3f} | {r['server_cpu_s_max']:.3f} | {r['wall_s_median']:.3f} |"
        )
    lines.append(
        f"\none parent (page, a suggested question answered from the cache, an own question): "
        f"{report['parent_cpu_s_without_static']:.2f} s server CPU, "
        f"{report['parent_cpu_s_with_static']:.2f} s when the app also serves the static files; "
        f"load average {report['load_avg_1m']}"
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


HEADER = (
    "| users | think s | interactions | errors | median s | p95 s | max s | form submit p95 s "
    "| question p95 s | server CPU % | tool CPU % | other CPU % | RSS peak MB | wall s |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(level: Level) -> str:
    a = level.latency.get("all", {})
    sub = level.latency.get("mentor_submit", {}).get("p95", float("nan"))
    ask = level.latency.get("vraag_ask", {}).get("p95", float("nan"))
    return (
        f"| {level.users} | {level.think_s:g} | {level.interactions} | {level.errors} | {a.get('median', float('nan')):.2f} "
        f"| {a.get('p95', float('nan')):.2f} | {a.get('max', float('nan')):.2f} | {sub:.2f} | {ask:.2f} "
        f"| {level.server_cpu_pct:.0f} | {level.client_cpu_pct:.0f} | {level.other_cpu_pct:.0f} | {level.rss_peak_mb:.0f} | {level.wall_s:.1f} |"
    )


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    mem_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "mem_gib": round(mem_kb / 2**20, 1),
        "python": sys.version.split()[0],
        "streamlit": streamlit_version,
        "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
    }


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--scenario", choices=("levels", "informatieavond", "costs"), default="levels")
    p.add_argument("--reps", type=int, default=12, help="costs: interactions of each kind (one at a time)")
    p.add_argument("--users", type=int, nargs="+", default=[1, 5, 10, 20, 40], help="levels: load levels, in order")
    p.add_argument("--rounds", type=int, default=3, help="levels: rounds per user per level")
    p.add_argument("--think", type=float, default=0.0, help="levels: mean pause (s) between a user's interactions")
    p.add_argument("--p95-limit", type=float, default=5.0, help="levels: stop raising the load above this p95 (s)")
    p.add_argument("--port", type=int, help="levels: use a server already running on 127.0.0.1:PORT")
    p.add_argument("--server-pid", type=int, help="levels: pid of that server (for RSS/CPU); needed with --port")
    p.add_argument("--warmup", type=int, default=1, help="levels: rounds by one user before measuring (not reported)")
    p.add_argument("--parents", type=int, default=200, help="informatieavond: parents arriving")
    p.add_argument("--arrival-seconds", type=float, default=300, help="informatieavond: parents arrive within this")
    p.add_argument("--read-seconds", type=float, default=20, help="informatieavond: mean reading pause (s)")
    p.add_argument("--mentors", type=int, default=10, help="informatieavond: mentors running advice meanwhile")
    p.add_argument("--mentor-every", type=float, default=30, help="informatieavond: mean seconds between advices")
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        help="informatieavond: 0 = one `lob-kompas app`; N = `lob-kompas serve --workers N` (nginx)",
    )
    p.add_argument("--seed", type=int, default=17, help="informatieavond: seed of arrivals, languages, questions")
    p.add_argument(
        "--tool-nice",
        type=int,
        default=0,
        help="informatieavond: this tool's own nice value once the servers run (e.g. -5 on a busy "
        "shared machine, so that it measures the servers rather than its own waiting; needs root)",
    )
    p.add_argument("--timeout", type=float, default=60, help="seconds per interaction before it counts as error")
    p.add_argument("--max-seconds", type=float, default=1200, help="wall-clock budget for the whole test")
    p.add_argument("--json", type=Path, help="write the full report here")
    args = p.parse_args(argv)
    if any(n < 1 or n > MAX_USERS for n in args.users):
        p.error(f"--users must be between 1 and {MAX_USERS}")
    if not 1 <= args.rounds <= MAX_ROUNDS:
        p.error(f"--rounds must be between 1 and {MAX_ROUNDS}")
    if not 1 <= args.parents <= MAX_PARENTS or not 0 <= args.mentors <= MAX_MENTORS:
        p.error(f"--parents must be 1-{MAX_PARENTS} and --mentors 0-{MAX_MENTORS}")
    if not 0 <= args.workers <= 32 or args.arrival_seconds < 0 or args.read_seconds < 0 or args.mentor_every <= 0:
        p.error("--workers must be 0-32; times must not be negative")
    if not 1 <= args.reps <= 100:
        p.error("--reps must be between 1 and 100")
    if not 0 < args.max_seconds <= 3600:
        p.error("--max-seconds must be between 0 and 3600")
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
    return {
        "machine": machine(),
        "command": " ".join(["python", "scripts/loadtest.py", *sys.argv[1:]]),
        "question": QUESTION,
        "server_rss_start_mb": rss_start,
        "server_rss_after_warmup_mb": rss_warm,
        "warmup_errors": warm_errors,
        "levels": [lv.model_dump() for lv in levels],
        "server_rss_after_mb": round(_status_kb(pid, "VmRSS") / 1024, 1),
        "server_hwm_mb": round(_status_kb(pid, "VmHWM") / 1024, 1),
    }


def run(args: argparse.Namespace, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Measure against ``--port`` or against a server started (and stopped) here with ``env``."""
    if args.scenario == "informatieavond":
        return run_scenario(args, env)
    if args.scenario == "costs":
        return run_costs(args, env)
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
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 8192), hard), hard))  # sockets for many users
    report = run(args)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if args.scenario == "informatieavond":
        print(scenario_tables(report))
        return 1 if report["errors"] else 0
    if args.scenario == "costs":
        print(costs_table(report))
        return 1 if report["problems"] else 0
    return 1 if not report["levels"] or report["levels"][0]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
