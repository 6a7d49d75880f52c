"""The Initiatieven page as a decaan uses it (Streamlit AppTest): a school's own sheet is previewed, mapped,
given defaults and saved as a list; duplicates need a choice; undo; who may write; gaps with titled charts."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from streamlit import config
from streamlit.testing.v1 import AppTest

from app.access import hash_password
from app.ui import as_text
from knowledge.i18n import t

APP = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from recommender.initiatives.catalogue import reset_stores

    monkeypatch.setenv("LOB_HOME", str(tmp_path))
    monkeypatch.delenv("LOB_DATABASE_URL", raising=False)
    reset_stores()
    yield tmp_path
    reset_stores()


@pytest.fixture()
def bind() -> Iterator[object]:
    """Set the app's bind address for one test (loopback: the single local user is the decaan)."""
    old = config.get_option("server.address")

    def set_to(address: str | None) -> None:
        config.set_option("server.address", address)

    set_to("127.0.0.1")
    yield set_to
    set_to(old)


def page(lang: str = "nl", secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["lang"] = lang
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    at.switch_page("pages/initiatieven.py")
    at.run()
    assert not at.exception, at.exception
    return at


def sheet_bytes() -> bytes:
    book = Workbook()
    ws = book.active
    ws["A1"] = "Activiteiten techniek 2026-2027"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["Activiteit", "Datum", "Voor wie", "Locatie", "Link"])
    ws.append(
        [
            "Open dag Zadkine techniek",
            "14 maart",
            "leerlingen klas 3 vmbo",
            "Zadkine, 3083 Rotterdam",
            "www.zadkine.example",
        ]
    )
    ws.append(["Gastles drones", dt.datetime(2027, 2, 5), "klas 2", "Schiedam", ""])
    ws.append(["Lasdag", "31 februari", "vmbo", "Delft", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(at: AppTest, name: str, data: bytes, mime: str = XLSX) -> str:
    at.file_uploader(key="i_upload").upload(name, data, mime)
    at.run()
    assert not at.exception, at.exception
    keys = [s.key for s in at.selectbox if s.key and s.key.startswith("i_def_")]
    return keys[0].split("_")[2] if keys else ""


def test_a_non_table_is_a_friendly_error_and_stores_nothing(home, bind):
    at = page()
    upload(at, "lijst.csv", b"%PDF-1.4\x00\x01\x02 not a table", "text/csv")
    # the file name is data: shown as typed (escaped in the Markdown source)
    assert at.error and as_text("lijst.csv") in at.error[0].value and "PDF" in at.error[0].value
    from recommender.initiatives import catalogue

    assert catalogue().lists() == []


def test_a_schools_sheet_is_previewed_mapped_saved_found_and_undone(home, bind):
    at = page()
    fid = upload(at, "kalender.xlsx", sheet_bytes())
    mapped = {s.label: s.value for s in at.selectbox if s.key.startswith(f"i_map_{fid}")}
    assert mapped == {
        "Activiteit": "naam",
        "Datum": "datum",
        "Voor wie": "voor_wie",
        "Locatie": "locatie_naam",
        "Link": "website",
    }
    assert any(t("initiatives.preview_found", n=3, row=3, skipped=2) == c.value for c in at.caption)
    assert any("Zelf doen" in e.value for e in at.error)  # required, no column: the decaan must choose
    assert not [b for b in at.button if b.key.startswith("i_save_")]
    at.selectbox(key=f"i_def_{fid}_praktijk").set_value("veel")
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("initiatives.preview_good")] == "2" and metrics[t("initiatives.preview_bad")] == "1"
    assert any("31 februari" in str(df.value) for df in at.dataframe)  # the row error, with its row number
    save = next(b for b in at.button if b.key == f"i_save_{fid}")
    save.click()
    at.run()
    assert any(s.value.startswith('Lijst "kalender" opgeslagen met 2 activiteiten') for s in at.success)
    at.text_input(key="i_q").set_value("Zadkine")
    at.toggle(key="i_komend").set_value(True)
    at.run()
    table = at.dataframe[0].value
    assert list(table[t("initiatives.field.naam")]) == ["Open dag Zadkine techniek"]
    assert table[t("initiatives.col.bron")][0] == t("bron.own_list")
    assert table[t("initiatives.when")][0].startswith("14 maart 20")
    lists = next(df.value for df in at.dataframe if "#" in df.value.columns)
    assert list(lists[t("initiatives.list_name")]) == ["kalender"]
    assert lists[t("initiatives.list_by")][0].endswith("(lokaal)")
    at.button(key="i_undo").click()
    at.run()
    assert any('Upload "kalender" ongedaan gemaakt' in s.value for s in at.success)
    assert any(t("initiatives.lists_none") == c.value for c in at.caption)


def test_the_same_list_again_needs_a_choice(home, bind):
    at = page()
    fid = upload(at, "kalender.xlsx", sheet_bytes())
    at.selectbox(key=f"i_def_{fid}_praktijk").set_value("veel")
    at.run()
    at.button(key=f"i_save_{fid}").click()
    at.run()
    at = page()
    fid = upload(at, "kalender2.xlsx", sheet_bytes())
    at.selectbox(key=f"i_def_{fid}_praktijk").set_value("veel")
    at.run()
    assert any(t("initiatives.dup_found", n=2) == w.value for w in at.warning)
    assert at.button(key=f"i_save_{fid}").disabled  # no silent overwrite: choose first
    at.radio(key=f"i_dup_{fid}").set_value("update")
    at.run()
    at.button(key=f"i_save_{fid}").click()
    at.run()
    assert any(t("initiatives.saved_replaced", n=2) in s.value for s in at.success)
    from recommender.initiatives import catalogue

    assert [i.actief for i in catalogue().lists()] == [2, 0]


def test_on_a_server_without_login_importing_is_unavailable_with_the_reason(home, bind):
    bind("0.0.0.0")
    at = page()
    assert any(t("initiatives.access.server_no_config") == i.value for i in at.info)
    assert not at.get("file_uploader")
    assert at.title[0].value == t("initiatives.title")  # reading and searching still work


def test_a_decaan_password_from_the_secrets_opens_the_import(home, bind):
    bind("0.0.0.0")
    at = page(secrets={"lob_kompas": {"decaan_password_hash": hash_password("lange zin als wachtwoord")}})
    assert any(t("initiatives.access.login_needed") == i.value for i in at.info)
    at.text_input(key="i_pw_name").set_value("J. de Vries")
    at.text_input(key="i_pw").set_value("fout wachtwoord!")
    at.get("form_submit_button")[0].click()
    at.run()
    assert any(t("initiatives.access.wrong") == e.value for e in at.error)
    at.text_input(key="i_pw").set_value("lange zin als wachtwoord")
    at.get("form_submit_button")[0].click()
    at.run()
    assert any(t("initiatives.access.as", who=as_text("J. de Vries (wachtwoord)")) == c.value for c in at.caption)
    assert at.get("file_uploader")


def test_gap_analysis_has_a_summary_flags_and_titled_charts(home, bind):
    at = page()
    assert any("tellen mee binnen 10 km van Energietransitielab" in i.value for i in at.info)
    assert any("Meisjes" in w.value and "in de hele catalogus" in w.value for w in at.warning)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 5
    specs = [c.proto.spec for c in charts]
    assert all('"title"' in s and "Aandeel van de activiteiten (%)" in s for s in specs)
    assert any("Doelgroep: aandeel hier en in de regio" in s for s in specs)


def test_every_filter_of_the_registry_is_offered_and_narrows_the_list(home: Path, bind) -> None:
    """The search filters come from the one registry (vocab.DIMENSIES): each filterable dimension is a multiselect
    with its codes, and choosing a value narrows the result count."""
    from knowledge import vocab

    at = page()
    total = int("".join(ch for ch in at.subheader[0].value if ch.isdigit()))
    filterable = [name for name, d in vocab.DIMENSIES.items() if d.filter_field]
    assert {f"i_{name}" for name in filterable} <= {m.key for m in at.multiselect}
    at.multiselect(key="i_doelgroep").set_value(["meisjes"]).run()
    narrowed = int("".join(ch for ch in at.subheader[0].value if ch.isdigit()))
    assert 0 < narrowed < total
