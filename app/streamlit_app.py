"""LOB-Kompas Streamlit entry point: language switch, layout direction and the pages.

Start it with ``lob-kompas app``. A decaan's QR code opens ``?lang=ar&page=ouders`` directly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run app/streamlit_app.py` puts app/ on sys.path, not the project root.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.ui import LANG_KEY, current_language, tr  # noqa: E402
from knowledge.i18n import LANGUAGES, label  # noqa: E402

PAGES_DIR = Path(__file__).parent / "pages"
PAGE_FILES = {
    "loopbaangesprek": ("mentor.py", "app.nav_mentor", "🧭"),
    "interesse": ("interesse.py", "interesse.nav", "🖼️"),
    "ouders": ("ouders.py", "app.nav_parents", "👪"),
    "initiatieven": ("initiatieven.py", "app.nav_initiatives", "🗺️"),
    "informatieavond": ("informatieavond.py", "app.nav_evening", "📱"),
    "vraag": ("vraag.py", "app.nav_ask", "💬"),
    "over": ("over.py", "app.nav_about", "ℹ️"),
}

st.set_page_config(page_title="LOB-Kompas", page_icon="🧭", layout="wide")
lang = current_language()
with st.sidebar:
    st.selectbox(
        "🌐 " + tr("app.language"), LANGUAGES, key=LANG_KEY, format_func=lambda code: label("taal", code, code)
    )
pages = [
    st.Page(str(PAGES_DIR / file), title=tr(title), icon=icon, url_path=slug, default=(slug == "loopbaangesprek"))
    for slug, (file, title, icon) in PAGE_FILES.items()
]
nav = st.navigation(pages)
nav.run()  # each page calls apply_layout() first, so its direction is part of the page itself
