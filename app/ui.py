"""Shared pieces of the Streamlit pages: language, layout direction, cached resources, messages.

Pages only render; every decision is made in the packages (knowledge, recommender, retrieval).
Nothing here logs or stores what a user enters.
"""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.i18n import DEFAULT_LANGUAGE, LANGUAGES, direction, label, t

LANG_KEY = "lang"


def current_language() -> str:
    """The chosen language: session state, else ``?lang=`` in the address (QR codes use it), else Dutch."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state[LANG_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    lang = st.session_state[LANG_KEY]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, **values: Any) -> str:
    """Text in the current language."""
    return t(key, current_language(), **values)


# Everything Markdown (CommonMark + GFM + Streamlit's :color[...] and $math$) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:=\"'])")
# A word joiner after "http"/"www" stops GFM's autolinks ("http://x" becomes a link even when escaped).
_AUTOLINK_START = re.compile(r"(?i)\b(https?|www|ftp|mailto)(?=[:.])")
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)?")


def as_text(value: Any, *, keep_lines: bool = True) -> str:
    """User data (imported lists, ingested documents, typed text, messages that quote them) for a Markdown
    element, shown exactly as typed: every Markdown and HTML character is escaped, so an image, a link or a
    tag in the data never renders (and never makes the browser fetch anything). Line breaks are kept."""
    text = _AUTOLINK_START.sub("\\1\u2060", "" if value is None else str(value))  # GFM would link bare addresses
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", "  \n") if keep_lines else " ".join(text.split())


def as_html_text(value: Any) -> str:
    """User data inside an HTML block (``unsafe_allow_html``): entities only, and line breaks as <br> (a blank
    line would end the HTML block and let Markdown, such as an image, render again)."""
    return "<br>".join(html.escape(line, quote=True) for line in ("" if value is None else str(value)).splitlines())


def safe_url(url: Any) -> str | None:
    """``url`` when it is a plain http(s) address (host, optional port and path, no spaces, brackets or
    quotes that could end a Markdown link), else None: such a value is shown as text, not as a link."""
    text = str(url or "").strip()
    if not _SAFE_URL.fullmatch(text) or "(" in text or ")" in text:
        return None
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.hostname else None


def safe_link(label: Any, url: Any) -> str:
    """A Markdown link with escaped text when ``url`` is safe (see :func:`safe_url`), else the escaped text of
    both, unlinked."""
    target = safe_url(url)
    if target is None:
        return f"{as_text(label)}: {as_text(url)}" if url else as_text(label)
    return f"[{as_text(label)}]({target})"


def code_label(kind: str):  # type: ignore[no-untyped-def]
    """A ``format_func`` that shows vocabulary codes in the current language."""
    lang = current_language()
    return lambda code: label(kind, code, lang)


_RTL_CSS = """
<style>
/* Arabic: the content reads right to left, the page frame does not. Streamlit collapses its side menu
   by sliding a zero-width box to the left; with a right-to-left frame that box's contents spill over
   the page (the phone defect of issue 12). So the frame (app, view container, side menu box, header)
   stays left to right and only what is inside the main column and the menu's content turns. */
.stApp, .stApp [data-testid="stAppViewContainer"], .stApp [data-testid="stSidebar"],
.stApp [data-testid="stHeader"] { direction: ltr; }
.stApp [data-testid="stMainBlockContainer"], .stApp [data-testid="stBottom"],
.stApp [data-testid="stSidebarContent"] { direction: rtl; text-align: start; }
.stApp [data-testid="stSidebar"][data-collapsed="true"] { visibility: hidden; }
.stApp :is([data-testid="stMainBlockContainer"], [data-testid="stBottom"]) :is([data-testid="stElementContainer"], [data-testid="stMarkdownContainer"],
  [data-testid="stHeading"], [data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"], h1, h2, h3, h4, p),
.stApp [data-testid="stSidebarContent"] :is([data-testid="stElementContainer"], [data-testid="stWidgetLabel"], p)
  { text-align: start; }
/* one direction per paragraph (the page's): a bullet that starts with a Dutch name stays right to left,
   and the bidi algorithm keeps the Dutch words themselves in order */
.stApp [data-testid="stMainBlockContainer"] li { text-align: start; margin-left: 0; margin-right: 1.2rem; padding-left: 0;
  padding-right: .3rem; }
/* charts, code, error details and the map's drawing stay left to right */
.stApp [data-testid="stVegaLiteChart"], .stApp [data-testid="stException"], .stApp pre, .stApp code,
.stApp .lob-map-box { direction: ltr; text-align: left; }
/* progress fills from the right, where reading starts */
.stApp [data-testid="stProgress"] [role="progressbar"] { transform: scaleX(-1); }
</style>
"""

_BASE_CSS = """
<style>
/* readable on a phone: large text, full-width buttons */
.stApp { font-size: 1.05rem; }
.lob-map-list { padding-inline-start: 1.6rem; margin-top: 0; }
.lob-map-list li { margin-bottom: .45rem; }
.lob-map-list li.lob-national { list-style: "– "; }
.lob-km { color: #555; white-space: nowrap; }
.lob-via-school { font-size: .85em; background: #fff3d6; color: #6b4a00; border-radius: .6em; padding: 0 .45em;
  white-space: nowrap; }
.lob-lead { margin: -.2rem 0 .2rem; }
.lob-map-narrow { display: none; }
@media (max-width: 640px) { .lob-map-wide { display: none; } .lob-map-narrow { display: block; } }
@media (max-width: 640px) {
  /* the parents' question box within the first phone screens: less empty space above the title */
  [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; }
  .stButton button, .stFormSubmitButton button, .stDownloadButton button { width: 100%; }
}
</style>
"""


def apply_layout() -> None:
    """Set the document direction for the chosen language (Streamlit has no built-in RTL)."""
    lang = current_language()
    st.markdown(_BASE_CSS, unsafe_allow_html=True)
    st.markdown(f'<div id="lob-dir" data-lang="{lang}" dir="{direction(lang)}"></div>', unsafe_allow_html=True)
    if direction(lang) == "rtl":
        st.markdown(_RTL_CSS, unsafe_allow_html=True)


@st.cache_resource(show_spinner=False)
def get_kb() -> KnowledgeBase:
    """The knowledge base, loaded once per process (read-only afterwards, so safe to share)."""
    return load_knowledge()


def kb_or_stop() -> KnowledgeBase:
    try:
        return get_kb()
    except KnowledgeError as exc:
        st.error(tr("app.knowledge_error", error=str(exc)))
        st.stop()
        raise  # unreachable: st.stop() ends the script run


def get_assistant() -> Any:
    """The assistant with its index, loaded once per process; None when there is no index at all.

    The index ships with the code (``retrieval/prebuilt/``) and is used in place when it matches the
    knowledge; after a local knowledge edit only the changed chunks are embedded. Without any index the
    app never builds one itself (that takes minutes): ``lob-kompas build`` does, and until then the
    pages say so. "No index" is not cached, so the app picks the index up once it is built. Answers
    come through the answer cache (same question, language and knowledge version: same answer).
    """
    from retrieval.index import index_dir, knowledge_index_available

    if not knowledge_index_available():
        return None
    return _load_assistant(str(index_dir()))


@st.cache_resource(show_spinner=False)
def _load_assistant(index_path: str) -> Any:
    """Keyed by the index folder; an index for an older knowledge base is brought up to date here,
    which re-embeds only the changed chunks."""
    from retrieval.answer_cache import CachingAssistant
    from retrieval.assistant import Assistant

    assistant = Assistant.from_default(get_kb(), home=Path(index_path).parent, notify=lambda _message: None)
    # the first question in each language builds a per-language word index (up to 0.7 s): built in the background
    # now, so the page is not held up and no parent waits for it later
    threading.Thread(target=assistant.warm, name="assistant-warm", daemon=True).start()
    return CachingAssistant(assistant)


def text_search_or_none() -> Any:
    """The retrieval layer's text search for initiatives, or None (then plain text matching is used)."""
    assistant = get_assistant()
    if assistant is None:
        return None
    from retrieval.assistant import text_search_for_initiatives

    return text_search_for_initiatives(assistant)
