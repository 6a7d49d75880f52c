"""A minimal client of Streamlit's own websocket protocol, to drive the app without a browser.

It speaks what the browser's frontend speaks on ``/_stcore/stream``: protobuf ``BackMsg`` out (rerun the
script with these widget states) and ``ForwardMsg`` in (page elements, then ``script_finished``). Used by
``lob-kompas serve`` to warm each worker up before people arrive, and by ``scripts/loadtest.py``.

Only loopback addresses are accepted: this is a tool for our own servers, never for someone else's.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.FINISHED_SUCCESSFULLY
# a whole page run, or the run of one st.fragment, that ended normally
FINISHED_OK = frozenset({ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY})


def require_loopback(host: str) -> str:
    """``host`` when it is a loopback address, else ValueError (the client never talks to other machines)."""
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = host == "localhost"
    if not ok:
        raise ValueError(f"{host} is not a loopback address; this client only drives local servers")
    return host


@dataclass
class ScriptRun:
    """What one script run sent back: widgets by user key, texts by kind, errors."""

    seconds: float
    status: int
    widgets: dict[str, tuple[str, Any]] = field(default_factory=dict)  # key -> (element type, proto)
    headings: list[str] = field(default_factory=list)
    expanders: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""
    bytes_received: int = 0
    fragments: dict[str, str] = field(default_factory=dict)  # widget user key -> id of its st.fragment

    @property
    def ok(self) -> bool:
        return not self.exceptions and self.status in FINISHED_OK

    def widgets_of(self, *kinds: str) -> list[tuple[str, Any]]:
        """(user key, proto) of every widget of these element types, in page order."""
        return [(key, el) for key, (kind, el) in self.widgets.items() if kind in kinds]


def user_key(widget_id: str) -> str:
    """Widget ids look like ``$$ID-<hash>-<user key>``; the user key is what the app chose."""
    return widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") else widget_id


def collect(msg: ForwardMsg, run: ScriptRun) -> None:
    """Add what one ForwardMsg says to ``run``."""
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
    elif etype == "markdown":
        run.markdown.append(element.body)
    elif etype == "alert":
        run.alerts.append(element.body)
    elif etype == "exception":
        run.exceptions.append(f"{element.type}: {element.message}"[:300])
    elif getattr(element, "id", ""):
        run.widgets[user_key(element.id)] = (etype, element)
        if delta.fragment_id:
            run.fragments[user_key(element.id)] = delta.fragment_id


def widget_state(widget_id: str, **value: Any) -> Any:
    """One widget's state as the browser sends it, e.g. ``string_value="3083"`` or ``trigger_value=True``."""
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


class Session:
    """One browser tab's websocket session with the Streamlit server."""

    def __init__(self, ws: Any, timeout: float) -> None:
        self.ws = ws
        self.timeout = timeout
        self.pages: dict[str, str] = {}
        self.page_hash = ""

    async def rerun(
        self,
        page_name: str = "",
        page_hash: str = "",
        widgets: list[Any] | None = None,
        query_string: str = "",
        fragment_id: str = "",
    ) -> ScriptRun:
        """Ask for a script run (of one ``st.fragment`` when ``fragment_id`` is given, as the browser does when
        a widget inside a fragment changes) and read the server's messages until it has finished."""
        back = BackMsg()
        back.rerun_script.query_string = query_string
        back.rerun_script.fragment_id = fragment_id
        back.rerun_script.page_name = page_name
        back.rerun_script.page_script_hash = page_hash
        back.rerun_script.widget_states.widgets.extend(widgets or [])
        started = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        run = ScriptRun(seconds=0.0, status=-1)
        async with asyncio.timeout(self.timeout):
            while True:
                raw = await self.ws.recv()
                run.bytes_received += len(raw)
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                collect(msg, run)
                if msg.WhichOneof("type") == "script_finished":
                    run.status = msg.script_finished
                    if run.status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        break
        run.seconds = time.perf_counter() - started
        self.pages.update(run.pages)
        self.page_hash = run.page_hash or self.page_hash
        return run


def connect(host: str, port: int, timeout: float, cookie: str | None = None) -> Any:
    """An async context manager: the websocket of a new session at ``host:port`` (loopback only)."""
    import websockets

    url = f"ws://{require_loopback(host)}:{port}/_stcore/stream"
    headers = {"Cookie": cookie} if cookie else None
    # no protocol pings from our side: a browser sends none either, and on a busy machine a late pong would
    # end the session with an error no real user would see
    return websockets.connect(
        url,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        max_size=None,
        open_timeout=timeout,
        additional_headers=headers,
        ping_interval=None,
    )


async def warm_up(
    host: str, port: int, pages: tuple[str, ...] = ("", "ouders", "vraag"), timeout: float = 240
) -> list[str]:
    """Open ``pages`` once in one session so that the server loads the knowledge base and the assistant
    before the first real user does. Returns problems seen (empty when every page ran cleanly)."""
    problems: list[str] = []
    async with connect(host, port, timeout) as ws:
        session = Session(ws, timeout)
        for name in pages:
            run = await session.rerun(page_name=name, page_hash=session.pages.get(name, "") if name else "")
            if not run.ok:
                problems.append(
                    f"{name or 'start'}: " + (run.exceptions[0] if run.exceptions else f"status {run.status}")
                )
    return problems
