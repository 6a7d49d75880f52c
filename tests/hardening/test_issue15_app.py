"""Issue 15 in the app: user data is shown as text (never Markdown/HTML that makes the browser fetch
something), the app listens on loopback unless told otherwise, and the verslag downloads survive reruns."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.cli import build_parser
from app.commands.app_cmd import streamlit_command
from knowledge import KnowledgeBase
from knowledge.i18n import t

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app" / "streamlit_app.py")
HOSTILE_NAME = "Hackdag **vet** <b>html</b>"
HOSTILE_TEXT = (
    "Kom langs! ![t](http://tracker.example/pixel.png) <img src='http://tracker.example/i.png'> "
    "[klik](javascript:alert(1))"
)
HOSTILE_SITE = "https://ok.example) ![t](http://tracker.example/site.png"


def _markdown_values(at: AppTest) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        out += [str(e.value) for e in at.get(kind)]
    return out


def _unescaped(pattern: str, text: str) -> bool:
    """Whether ``pattern`` occurs without a backslash escape in front of its first character."""
    return re.search(r"(?<!\\)" + pattern, text) is not None


@pytest.fixture()
def hostile_catalogue(kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from recommender.initiatives.catalogue import catalogue

    monkeypatch.setenv("LOB_HOME", str(tmp_path))
    monkeypatch.delenv("LOB_DATABASE_URL", raising=False)
    base = kb.initiatieven["ini_wij_techniek"]
    hostile = base.model_copy(
        update={
            "id": "eigen_hackdag",
            "naam": HOSTILE_NAME,
            "omschrijving": HOSTILE_TEXT,
            "website": HOSTILE_SITE,
            "organisator": "<script>x</script> [org](http://x.example)",
        }
    )
    catalogue().add_list("hostile", [hostile], who="test", how="lokaal")  # the school's own list, in the database
    return tmp_path


def test_imported_markdown_and_html_stay_text_on_the_initiatives_page(hostile_catalogue: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "nl"
    at.run()
    at.switch_page("pages/initiatieven.py")
    at.run()
    at.text_input(key="i_q").set_value("Hackdag")
    at.run()
    assert not at.exception, at.exception
    texts = _markdown_values(at)
    joined = "\n".join(texts)
    assert "Hackdag" in joined  # the record is shown ...
    for text in texts:  # ... but nothing in it is rendered as an image, a tag or a foreign link
        # (the page's own markup, such as the map's numbered list in <b>, is allowed; the record's tags are not)
        assert not _unescaped(r"!\[", text), text
        assert not _unescaped("<img", text) and not _unescaped("<script", text) and not _unescaped("<b>html", text), (
            text
        )
    links = [m for text in texts for m in re.findall(r"(?<!\\)\]\((?!\s)([^)]*)\)", text)]
    assert not [link for link in links if "tracker" in link or "javascript" in link], links


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.techniekpact.nl/open-dag?x=1", True),
        ("http://localhost:8501/", True),
        (HOSTILE_SITE, False),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("https://ok.example/a b", False),
        ("https://ok.example/(x)", False),
        ("ftp://ok.example/", False),
        ("", False),
    ],
)
def test_only_plain_http_links_with_escaped_text(url: str, linked: bool) -> None:
    from app.ui import as_text, safe_link

    md = safe_link("Website *nu*", url)
    assert md.startswith("[Website \\*nu\\*](") == linked, md
    if not linked:
        assert not _unescaped(r"\]\(", md) and not _unescaped(r"!\[", md), md
    assert (
        as_text("![t](http://x.example/p.png) <img src=x>")
        == "\\!\\[t\\]\\(http\u2060\\://x\\.example/p\\.png\\) \\<img src\\=x\\>"
    )


def test_app_listens_on_loopback_unless_asked() -> None:
    args = build_parser().parse_args(["app"])
    command = streamlit_command(args.port, args.address)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    for config in (REPO / ".streamlit" / "config.toml", REPO / "app" / ".streamlit" / "config.toml"):
        assert tomllib.loads(config.read_text())["server"]["address"] == "127.0.0.1", config
    wide = build_parser().parse_args(["app", "--serve-network"])
    assert streamlit_command(wide.port, wide.address)[command.index("--server.address") + 1] == "0.0.0.0"


def test_verslag_downloads_are_built_once_and_survive_a_rerun() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "nl"
    at.run()
    at.selectbox(key="m_schooltype@nl").set_value("vmbo-bb")
    at.selectbox(key="m_leerjaar@nl").set_value("vo3")
    at.multiselect(key="m_interesses@nl").set_value(["autos_motoren"])
    at.text_input(key="m_plaats@nl").set_value("3083")
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception, at.exception

    def buttons() -> dict[str, object]:
        return {b.proto.label: b.proto for b in at.get("download_button")}

    first = buttons()
    pdf, html = first[t("mentor.report_pdf")], first[t("mentor.report_html")]
    for proto in (pdf, html):
        assert not proto.HasField("deferred_file_id"), "built in a later request: lost when a rerun clears it"
        assert proto.url and proto.ignore_rerun  # a click downloads and does not start a rerun
    at.run()  # a rerun (as after pressing the other download button) keeps the same files
    again = buttons()
    assert again[t("mentor.report_pdf")].url == pdf.url
    assert again[t("mentor.report_html")].url == html.url
