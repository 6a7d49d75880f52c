"""Turn the knowledge base and user documents into chunks (LangChain ``Document``) with provenance.

Every chunk's metadata carries: ``chunk_id`` (unique), ``source`` (what is cited and evaluated,
e.g. ``artikel:bol_bbl``, ``initiatief:ini_x``, ``document:rapport.pdf``), ``kind``, ``language``,
``title``, ``section`` (article language, page or part number) and ``bronnen`` (the report
citations of the record, e.g. ``seor2026#Tabel 3.6``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge.inputs import (
    CHUNKS_PER_SECOND,
    LIMITS,
    InputError,
    clean_text,
    decode_bytes,
    megabytes,
)
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef, Cijfer

CHUNKER_VERSION = 1


@dataclass(frozen=True)
class ChunkerSettings:
    """Splitter settings; part of the index manifest so a change rebuilds the index."""

    chunk_size: int = 900
    chunk_overlap: int = 120
    version: int = CHUNKER_VERSION

    def splitter(self) -> RecursiveCharacterTextSplitter:
        return RecursiveCharacterTextSplitter(
            chunk_size=self.chunk_size,
            chunk_overlap=self.chunk_overlap,
            separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
            keep_separator="end",
        )

    def as_dict(self) -> dict[str, int]:
        return {"chunk_size": self.chunk_size, "chunk_overlap": self.chunk_overlap, "version": self.version}


def text_hash(text: str) -> str:
    """Stable short hash of a chunk text (used to reuse embeddings of unchanged chunks)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _ref(ref: BronRef) -> str:
    return f"{ref.bron}#{ref.sectie}" if ref.sectie else ref.bron


def _cijfers(cijfers: Iterable[Cijfer]) -> str:
    lines = []
    for c in cijfers:
        value = f"{c.waarde:g}".replace(".", ",")  # chunk texts are Dutch: decimal comma, as the reports write it
        unit = c.eenheid if c.eenheid == "%" else f" {c.eenheid}"
        year = f" ({c.jaar})" if c.jaar else ""
        lines.append(f"- {c.omschrijving}: {value}{unit}{year} [bron: {_ref(c.bron)}]")
    return ("Cijfers:\n" + "\n".join(lines)) if lines else ""


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _split(text: str, meta: dict[str, Any], settings: ChunkerSettings, head: str = "") -> list[Document]:
    """Split ``text`` and give each piece the metadata plus its part number; ``head`` prefixes every part."""
    pieces = settings.splitter().split_text(text) if len(text) > settings.chunk_size else [text]
    docs = []
    for i, piece in enumerate(pieces):
        body = f"{head}\n{piece}" if head and i > 0 else piece
        m = dict(meta)
        m["part"] = i
        m["chunk_id"] = f"{meta['source']}@{meta.get('language', 'nl')}#{meta.get('section') or ''}#{i}"
        m["text_hash"] = text_hash(body)
        docs.append(Document(page_content=body, metadata=m))
    return docs


def _meta(
    source: str, kind: str, title: str, bronnen: Iterable[BronRef], language: str = "nl", section: str | None = None
) -> dict[str, Any]:
    return {
        "source": source,
        "kind": kind,
        "title": title,
        "language": language,
        "section": section,
        "bronnen": sorted({_ref(b) for b in bronnen}),
    }


def _plaats(loc: Any, *record_names: str) -> str:
    """Where a record is: the place's name, address, wijk and gemeente, once each. The place's name is left
    out when it is one of the record's own names (the chunk's first line says it already)."""
    parts = [loc.naam if loc.naam not in record_names else None, loc.adres, loc.wijk, loc.gemeente]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen) or ("landelijk" if loc.precisie == "landelijk" else "")


def knowledge_chunks(kb: KnowledgeBase, settings: ChunkerSettings | None = None) -> list[Document]:
    """All chunks of the knowledge base, in a stable order."""
    s = settings or ChunkerSettings()
    return list(_knowledge_chunks(kb, s))


def _knowledge_chunks(kb: KnowledgeBase, s: ChunkerSettings) -> Iterator[Document]:
    for art in sorted(kb.artikelen.values(), key=lambda a: a.id):
        for lang, text in art.tekst.items():
            title = art.titel[lang]
            meta = _meta(f"artikel:{art.id}", "artikel", title, art.bronnen, lang, lang)
            yield from _split(f"{title}\n{text.strip()}", meta, s, head=title)
        if art.cijfers:
            meta = _meta(f"artikel:{art.id}", "artikel", art.titel["nl"], art.bronnen, "nl", "cijfers")
            yield from _split(f"{art.titel['nl']}\n{_cijfers(art.cijfers)}", meta, s, head=art.titel["nl"])
    for lw in kb.vmbo.leerwegen:
        meta = _meta(f"leerweg:{lw.code}", "vmbo", f"vmbo {lw.naam}", lw.bronnen)
        yield from _split(_join(f"vmbo-leerweg {lw.naam} ({lw.code})", lw.omschrijving), meta, s)
    for pr in kb.vmbo.profielen:
        meta = _meta(f"profiel:{pr.code}", "vmbo", f"vmbo-profiel {pr.naam}", pr.bronnen)
        kind = "technisch profiel" if pr.technisch else "niet-technisch profiel"
        text = _join(
            f"vmbo-profiel {pr.naam} ({pr.afkorting}), {kind}, leerwegen: {', '.join(pr.leerwegen)}",
            pr.omschrijving,
            _cijfers(pr.cijfers),
        )
        yield from _split(text, meta, s, head=f"vmbo-profiel {pr.naam}")
    for ber in sorted(kb.beroepen.values(), key=lambda b: b.id):
        routes = [kb.opleidingen[o].naam for o in ber.mbo_route if o in kb.opleidingen]
        text = _join(
            f"Beroep: {ber.naam}",
            ber.omschrijving,
            f"Kans op werk: {str(ber.arbeidsmarkt.label).replace('_', ' ')}. {ber.arbeidsmarkt.toelichting}",
            f"Mbo-opleidingen: {', '.join(routes)}" if routes else None,
            _cijfers(ber.cijfers),
        )
        meta = _meta(f"beroep:{ber.id}", "beroep", ber.naam, [*ber.bronnen, ber.arbeidsmarkt.bron])
        yield from _split(text, meta, s, head=f"Beroep: {ber.naam}")
        if ber.ook_genoemd:
            # the names parents use, in every language, as a piece of their own: a question in Ukrainian or Turkish
            # ("хоче бути штукатуром", "kaportacı olmak istiyor") meets the record, and the description's piece
            # keeps its vector
            names = "; ".join(dict.fromkeys(n for ns in ber.ook_genoemd.values() for n in ns))
            general = [b for b in ber.bronnen if b.bron == "algemene_kennis"] or ber.bronnen
            meta = _meta(f"beroep:{ber.id}", "beroep", ber.naam, general, section="ook genoemd")
            yield from _split(f"Beroep: {ber.naam}\nOok genoemd: {names}", meta, s, head=f"Beroep: {ber.naam}")
    for opl in sorted(kb.opleidingen.values(), key=lambda o: o.id):
        scholen = sorted({kb.scholen[loc.school].naam for loc in opl.locaties if loc.school in kb.scholen})
        beroepen = [kb.beroepen[b].naam for b in opl.beroepen if b in kb.beroepen]
        duur = f", duur {opl.duur_jaren:g} jaar" if opl.duur_jaren else ""
        text = _join(
            f"Mbo-opleiding: {opl.naam}, niveau {opl.niveau}, {' en '.join(opl.leerwegen)}{duur}",
            opl.omschrijving,
            f"Toelating vanaf: {', '.join(opl.vooropleidingen)}",
            f"Beroepen: {', '.join(beroepen)}" if beroepen else None,
            f"Scholen: {', '.join(scholen)}" if scholen else None,
            _cijfers(opl.cijfers),
        )
        meta = _meta(f"opleiding:{opl.id}", "opleiding", opl.naam, opl.bronnen)
        yield from _split(text, meta, s, head=f"Mbo-opleiding: {opl.naam}")
    for ini in sorted(kb.initiatieven.values(), key=lambda i: i.id):
        text = _join(
            f"Activiteit / initiatief: {ini.naam} (organisator: {ini.organisator})",
            ini.omschrijving,
            f"Voor: {', '.join(ini.schooltypen)}; doelgroep: {', '.join(ini.doelgroepen)}; "
            f"soort: {', '.join(str(a).replace('_', ' ') for a in ini.activiteiten)}; branche: {', '.join(ini.branches)}",
            f"Plaats: {_plaats(ini.locatie, ini.naam)}" + (" (ook online)" if ini.online else ""),
        )
        meta = _meta(f"initiatief:{ini.id}", "initiatief", ini.naam, ini.bronnen)
        yield from _split(text, meta, s, head=ini.naam)
    for sch in sorted(kb.scholen.values(), key=lambda x: x.id):
        profielen = ", ".join(sch.profielen) if sch.profielen else "niet bekend"
        text = _join(
            f"School: {sch.naam} ({sch.soort})",
            f"Plaats: {_plaats(sch.locatie, sch.naam)}",
            f"Leerwegen: {', '.join(sch.leerwegen)}; profielen: {profielen}" if sch.soort in ("vmbo", "vso") else None,
            sch.opmerking,
        )
        meta = _meta(f"school:{sch.id}", "school", sch.naam, sch.bronnen)
        yield from _split(text, meta, s)
    for cam in sorted(kb.campussen.values(), key=lambda c: c.id):
        text = _join(
            f"Campus: {cam.naam} ({cam.afkorting})",
            f"Plaats: {_plaats(cam.locatie, cam.naam, f'{cam.naam} ({cam.afkorting})')}",
            cam.omschrijving,
            _cijfers(cam.cijfers),
        )
        meta = _meta(f"campus:{cam.id}", "campus", cam.naam, cam.bronnen)
        yield from _split(text, meta, s, head=f"Campus: {cam.naam}")
    # only areas with figures (travel to the mbo per gemeente): a bare place name answers nothing
    for geb in sorted((g for g in kb.gebieden.values() if g.cijfers), key=lambda g: g.id):
        head = f"{geb.soort.capitalize()} {geb.naam}" + (f" ({geb.gemeente})" if geb.gemeente != geb.naam else "")
        meta = _meta(f"gebied:{geb.id}", "gebied", head, geb.bronnen)
        yield from _split(_join(head, _cijfers(geb.cijfers)), meta, s, head=head)


QUESTION_KIND = "voorbeeldvraag"


def question_docs(kb: KnowledgeBase) -> list[Document]:
    """The curated example questions of every article section, one Document each (kind ``voorbeeldvraag``).

    They are embedded in the query role and matched question-to-question; ``section`` is the id of the
    short answer they lead to. An article without curated short answers is represented by its titles. The text hash is prefixed with the role, so a question never reuses the
    vector of an identical passage.
    """
    docs: list[Document] = []
    for art in sorted(kb.artikelen.values(), key=lambda a: a.id):
        if not art.kort:  # no curated short answers yet: the titles stand in (section "": sentences are chosen)
            for lang, title in sorted(art.titel.items()):
                meta = {
                    "source": f"artikel:{art.id}",
                    "kind": QUESTION_KIND,
                    "title": title,
                    "language": lang,
                    "section": "",
                    "bronnen": [],
                    "role": "query",
                    "part": 0,
                    "chunk_id": f"vraag:{art.id}#titel@{lang}",
                    "text_hash": text_hash("query: " + title),
                }
                docs.append(Document(page_content=title, metadata=meta))
        for part in art.kort:
            for lang, questions in part.vragen.items():
                for i, question in enumerate(questions):
                    meta = {
                        "source": f"artikel:{art.id}",
                        "kind": QUESTION_KIND,
                        "title": art.titel[lang],
                        "language": lang,
                        "section": part.id,
                        "bronnen": [],
                        "role": "query",
                        "part": i,
                        "chunk_id": f"vraag:{art.id}#{part.id}@{lang}#{i}",
                        "text_hash": text_hash("query: " + question),
                    }
                    docs.append(Document(page_content=question, metadata=meta))
    return docs


def index_documents(kb: KnowledgeBase, settings: ChunkerSettings | None = None) -> list[Document]:
    """Everything the knowledge index holds: the passages, then the example questions."""
    return knowledge_chunks(kb, settings) + question_docs(kb)


# --- user documents ---------------------------------------------------------------
SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")


class DocumentError(ValueError):
    """A user file that cannot be read as text; the message names the file."""


_FILE_LIMITS = {
    ".txt": ("text_file_bytes", "tekstbestanden"),
    ".md": ("text_file_bytes", "tekstbestanden"),
    ".pdf": ("pdf_file_bytes", "pdf"),
    ".docx": ("docx_file_bytes", "docx"),
}


def _refuse(key: str, **fields: object) -> DocumentError:
    return DocumentError(InputError(key, **fields).message("nl"))


def check_file_limits(path: Path) -> None:
    """Refuse a file that is too big *before* it is read: its size on disk, and for a .docx (a zip) the size
    its parts inflate to, read from the zip directory without inflating anything (a zip bomb stops here)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path.name}: bestandstype '{suffix or '(geen)'}' wordt niet ondersteund; "
            f"gebruik {', '.join(SUPPORTED_SUFFIXES)}"
        )
    limit_name, kind = _FILE_LIMITS[suffix]
    limit = int(getattr(LIMITS, limit_name))
    size = path.stat().st_size
    if size > limit:
        raise _refuse("file_too_large", name=path.name, size=megabytes(size), max=megabytes(limit), kind=kind)
    if suffix == ".docx":
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                members = archive.infolist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise DocumentError(
                f"{path.name}: geen geldig docx-bestand (het is beschadigd of geen Word-document)"
            ) from exc
        unpacked = sum(m.file_size for m in members)
        ratio = max((m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1_000_000), default=0)
        if unpacked > LIMITS.docx_unpacked_bytes or ratio > LIMITS.docx_ratio:
            raise _refuse(
                "docx_unpacked", name=path.name, size=megabytes(unpacked), max=megabytes(LIMITS.docx_unpacked_bytes)
            )


def _pages(path: Path) -> list[tuple[str | None, str]]:
    """(section, text) pieces of a file: pages for PDF, headings for Markdown, whole text otherwise.

    Limits are checked first (:func:`check_file_limits`); extracted text passes the input boundary
    (:func:`knowledge.inputs.clean_text`: control characters and broken bytes out)."""
    check_file_limits(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            if len(reader.pages) > LIMITS.pdf_pages:
                raise _refuse("pdf_pages", name=path.name, n=len(reader.pages), max=LIMITS.pdf_pages)
            pages: list[tuple[str | None, str]] = []
            total = 0
            for i, page in enumerate(reader.pages):
                text = clean_text(page.extract_text() or "")
                total += len(text)
                if total > LIMITS.ingest_chars:
                    raise _ingest_too_much(total)
                pages.append((f"p. {i + 1}", text))
            return pages
        if suffix == ".docx":
            import docx

            d = docx.Document(str(path))
            return [(None, clean_text("\n".join(p.text for p in d.paragraphs)))]
        raw = path.read_bytes()
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf/docx raise many types; the user needs the file name
        # the library's own words (English, technical) stay out of the message; the cause is chained for debugging
        raise DocumentError(
            f"{path.name}: kan dit bestand niet lezen; het is beschadigd of geen echt "
            f"{suffix.lstrip('.')}-bestand. Open en bewaar het opnieuw, of kies een ander bestand."
        ) from exc
    if b"\x00" in raw[:4096]:
        raise DocumentError(f"{path.name}: dit is geen tekstbestand (binaire inhoud)")
    text = clean_text(decode_bytes(raw))
    if suffix == ".md":
        return _markdown_sections(text)
    return [(None, text)]


def _ingest_too_much(chars: int, chunk_size: int = 900, overlap: int = 120) -> DocumentError:
    return _refuse(
        "ingest_too_much",
        chars=f"{chars:,}".replace(",", "."),
        minutes=estimated_minutes(chars, chunk_size, overlap),
        max_chars=f"{LIMITS.ingest_chars:,}".replace(",", "."),
        max_minutes=f"{LIMITS.ingest_minutes:g}",
    )


def estimated_minutes(chars: int, chunk_size: int = 900, overlap: int = 120) -> int:
    """Minutes to embed ``chars`` characters of text, from the measured embedding speed."""
    chunks = chars / max(chunk_size - overlap, 1)
    return max(1, round(chunks / CHUNKS_PER_SECOND / 60))


def check_ingest_volume(chars: int, settings: ChunkerSettings | None = None) -> None:
    """Refuse an ingest whose text would take longer than the limit to embed (checked before embedding)."""
    s = settings or ChunkerSettings()
    minutes = chars / max(s.chunk_size - s.chunk_overlap, 1) / CHUNKS_PER_SECOND / 60
    if chars > LIMITS.ingest_chars or minutes > LIMITS.ingest_minutes:
        raise _ingest_too_much(chars, s.chunk_size, s.chunk_overlap)


def _markdown_sections(text: str) -> list[tuple[str | None, str]]:
    sections: list[tuple[str | None, str]] = []
    title: str | None = None
    buf: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            if "".join(buf).strip():
                sections.append((title, "\n".join(buf)))
            title, buf = line.lstrip("#").strip() or None, [line]
        else:
            buf.append(line)
    if "".join(buf).strip():
        sections.append((title, "\n".join(buf)))
    return sections


def document_chunks(path: Path, settings: ChunkerSettings | None = None, language: str | None = None) -> list[Document]:
    """Chunks of one user file (.txt, .md, .pdf, .docx) with file name and page/section as provenance."""
    from retrieval.language import detect_language

    s = settings or ChunkerSettings()
    path = Path(path)
    if not path.is_file():
        raise DocumentError(f"{path}: bestand niet gevonden")
    pages = _pages(path)
    full = "\n".join(t for _, t in pages)
    check_ingest_volume(len(full), s)
    if not full.strip():
        raise DocumentError(f"{path.name}: geen tekst gevonden (is het een scan zonder tekstlaag?)")
    lang = language or detect_language(full[:3000]).code
    docs: list[Document] = []
    for n, (section, text) in enumerate(pages):
        if not text.strip():
            continue
        meta = {
            "source": f"document:{path.name}",
            "kind": "document",
            "title": path.stem,
            "language": lang,
            "section": section or f"deel {n + 1}" if len(pages) > 1 else section,
            "bronnen": [path.name],
            "file": str(path.resolve()),
        }
        for d in _split(text.strip(), meta, s):
            d.metadata["section"] = d.metadata["section"] or f"deel {d.metadata['part'] + 1}"
            docs.append(d)
    for k, d in enumerate(docs):  # headings may repeat: number the chunks of a file in reading order
        d.metadata["chunk_id"] = f"{d.metadata['source']}#{k}"
    return docs
