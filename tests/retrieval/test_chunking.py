"""Chunks keep their provenance; user files of every supported type are read, bad ones named."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.vocab import TALEN
from retrieval.chunking import ChunkerSettings, DocumentError, document_chunks, knowledge_chunks


@pytest.fixture(scope="module")
def chunks(kb: KnowledgeBase) -> list:
    return knowledge_chunks(kb)


def test_every_chunk_has_provenance(chunks: list) -> None:
    ids = [d.metadata["chunk_id"] for d in chunks]
    assert len(ids) == len(set(ids)), "chunk ids must be unique"
    for d in chunks:
        m = d.metadata
        assert m["source"].split(":", 1)[0] in {
            "artikel",
            "beroep",
            "opleiding",
            "initiatief",
            "school",
            "campus",
            "leerweg",
            "profiel",
            "gebied",
        }
        assert m["kind"] and m["title"] and m["language"] in TALEN and m["text_hash"]
        assert m["bronnen"], f"{m['chunk_id']} has no bronnen"
        assert d.page_content.strip()


def test_articles_are_indexed_in_all_six_languages(kb: KnowledgeBase, chunks: list) -> None:
    for art_id in kb.artikelen:
        langs = {d.metadata["language"] for d in chunks if d.metadata["source"] == f"artikel:{art_id}"}
        assert langs == set(TALEN), art_id
    bbl_tr = [d for d in chunks if d.metadata["source"] == "artikel:bol_bbl" and d.metadata["language"] == "tr"]
    assert bbl_tr and bbl_tr[0].page_content.startswith(kb.artikelen["bol_bbl"].titel["tr"])


def test_records_are_dutch_and_carry_their_report_sections(kb: KnowledgeBase, chunks: list) -> None:
    records = [d for d in chunks if d.metadata["kind"] in ("beroep", "opleiding", "initiatief")]
    assert {d.metadata["language"] for d in records} == {"nl"}
    assert {d.metadata["source"] for d in records} >= {f"initiatief:{i}" for i in kb.initiatieven}
    assert any("#" in b for d in records for b in d.metadata["bronnen"]), "sections of reports are kept"


def test_chunks_respect_the_splitter_size(chunks: list) -> None:
    size = ChunkerSettings().chunk_size
    # a continuation part repeats the title as a header, so allow that much on top
    assert max(len(d.page_content) for d in chunks) <= size + 200


def make_pdf(path: Path, pages: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def test_pdf_pages_become_sections(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "verslag.pdf",
        ["Eerste pagina over de open dag van het mbo.", "Tweede pagina: de werkplaats voor lassen is nieuw."],
    )
    docs = document_chunks(pdf)
    assert [d.metadata["section"] for d in docs] == ["p. 1", "p. 2"]
    assert all(d.metadata["source"] == "document:verslag.pdf" and d.metadata["kind"] == "document" for d in docs)
    assert "lassen" in docs[1].page_content


def test_docx_and_markdown_are_read(tmp_path: Path) -> None:
    docx_file = make_docx(tmp_path / "notitie.docx", ["Notitie van de decaan.", "De excursie gaat naar de haven."])
    md = tmp_path / "plan.md"
    md.write_text("# Plan\nInleiding.\n\n## Stage\nDe stage begint in maart.\n", encoding="utf-8")
    assert "excursie" in " ".join(d.page_content for d in document_chunks(docx_file))
    md_docs = document_chunks(md)
    assert [d.metadata["section"] for d in md_docs] == ["Plan", "Stage"]


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("kapot.pdf", b"%PDF-1.4 dit is geen echte pdf", "kapot.pdf"),
        ("foto.txt", bytes(range(256)) * 4, "foto.txt"),
        ("tabel.xlsx", b"PK\x03\x04", "tabel.xlsx"),
        ("leeg.txt", b"   \n", "leeg.txt"),
    ],
)
def test_unreadable_files_get_a_message_naming_the_file(tmp_path: Path, name: str, content: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=needle):
        document_chunks(path)
