"""Measurements for the decaan's own lists (issue 14), behind ``lob-kompas bench --decaan``:

* search over 10,000 initiatives stored in the database, on SQLite and on a throwaway PostgreSQL:
  each timed call is what a page run or CLI search does: ask the store for the records (one
  version query; the records themselves are read once per change) and search them;
* the Initiatieven page with a 20,000-row own list: Streamlit AppTest, one timed ``run()`` per
  interaction (filters, text, place, upcoming, detail, list view, gap place);
* concurrent imports: trials of 4 real processes importing at the same moment (with overlapping
  names, kept both); lost or overwritten records are counted;
* hostile files (:mod:`app.bench.hostile`).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from knowledge.stats import percentile

Log = Callable[[str], None]


def _summary(ms: list[float]) -> dict[str, Any]:
    ms = sorted(ms)
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "max_ms": round(ms[-1], 2),
    }


@contextmanager
def _env(**values: str | None) -> Any:
    old = {k: os.environ.get(k) for k in values}
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _store_synthetic(url: str, n: int) -> Any:
    from app.bench.synthetic import synthetic_catalogue
    from recommender.initiatives.catalogue import CatalogueStore

    store = CatalogueStore(url)
    store.add_list("synthetisch", synthetic_catalogue(n, seed=1), who="bench", how="cli", on_duplicate="keep")
    return store


def db_search(url: str, n: int = 10_000, queries: int = 200) -> dict[str, Any]:
    """p95 of (store.records() + search) over ``n`` stored initiatives; the one reload after a change apart."""
    from app.bench.initiative_search import _PLACES, query_mix
    from recommender.initiatives.search import search_initiatives

    store = _store_synthetic(url, n)
    t = time.perf_counter()
    records = store.records()  # read once after the change
    reload_ms = (time.perf_counter() - t) * 1000
    search_initiatives(None, query_mix(1)[0], extra=records)  # build the index once
    times, cpu, version = [], [], []
    for i, flt in enumerate(query_mix(queries)):
        place = _PLACES[i % len(_PLACES)] if flt.near else None
        t, c = time.perf_counter(), time.process_time()
        current = store.records()  # the version check a page run makes
        v = time.perf_counter()
        hits = search_initiatives(None, flt, extra=current, place=place)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        version.append((v - t) * 1000)
        del hits
    return {
        "n_initiatieven": len(records),
        "search": _summary(times),
        "cpu": _summary(cpu),
        "version_check": _summary(version),
        "reload_after_change_ms": round(reload_ms, 1),
        "load_average": round(os.getloadavg()[0], 1),
    }


def search_both(log: Log, n: int = 10_000) -> dict[str, Any]:
    from app.bench.pgcluster import PostgresUnavailable, throwaway_postgres
    from recommender.initiatives import db

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lob-bench-db-") as tmp:
        out["sqlite"] = db_search(f"sqlite:///{tmp}/bench.db", n)
        log(f"search over {n:,} in SQLite: p95 {out['sqlite']['search']['p95_ms']} ms")
    try:
        with throwaway_postgres() as url:
            out["postgresql"] = db_search(url, n)
            db.dispose_all()
        log(f"search over {n:,} in PostgreSQL: p95 {out['postgresql']['search']['p95_ms']} ms")
    except PostgresUnavailable as exc:
        out["postgresql"] = {"error": str(exc)}
    return out


def page_interactions(log: Log, n: int = 20_000) -> dict[str, Any]:
    """Time per interaction of the Initiatieven page (AppTest) with an own list of ``n`` rows."""
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    from recommender.initiatives.catalogue import reset_stores

    app = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
    with tempfile.TemporaryDirectory(prefix="lob-bench-page-") as tmp, _env(LOB_HOME=tmp, LOB_DATABASE_URL=None):
        reset_stores()
        _store_synthetic(f"sqlite:///{tmp}/lob-kompas.db", n)
        old = config.get_option("server.address")
        config.set_option("server.address", "127.0.0.1")
        try:
            at = AppTest.from_file(app, default_timeout=300)
            at.session_state["lang"] = "nl"
            at.run()
            at.switch_page("pages/initiatieven.py")
            t = time.perf_counter()
            at.run()
            first_ms = (time.perf_counter() - t) * 1000
            steps: list[tuple[str, Callable[[], Any]]] = [
                ("schooltype vmbo", lambda: at.multiselect(key="i_schooltype").set_value(["vmbo"])),
                ("doelgroep meisjes", lambda: at.multiselect(key="i_doelgroep").set_value(["meisjes"])),
                ("activiteit", lambda: at.multiselect(key="i_activiteit").set_value(["gastles", "open_dag"])),
                ("zoekwoord", lambda: at.text_input(key="i_q").set_value("robot")),
                ("plaats 3083", lambda: at.text_input(key="i_near").set_value("3083")),
                ("straal 20 km", lambda: at.slider(key="i_km").set_value(20)),
                ("zoekwoord weg", lambda: at.text_input(key="i_q").set_value("")),
                ("komend", lambda: at.toggle(key="i_komend").set_value(True)),
                ("komend uit", lambda: at.toggle(key="i_komend").set_value(False)),
                ("detail", lambda: at.selectbox(key="i_detail").set_value(3)),
                ("filters leeg", lambda: at.multiselect(key="i_schooltype").set_value([])),
                ("doelgroep leeg", lambda: at.multiselect(key="i_doelgroep").set_value([])),
                ("activiteit leeg", lambda: at.multiselect(key="i_activiteit").set_value([])),
                ("lacune Delft", lambda: at.text_input(key="g_place").set_value("Delft")),
                ("lacune 15 km", lambda: at.slider(key="g_km").set_value(15)),
                ("lacune ETL", lambda: at.text_input(key="g_place").set_value("ETL")),
                ("plaats weg", lambda: at.text_input(key="i_near").set_value("")),
                ("branche ict", lambda: at.multiselect(key="i_branche").set_value(["ict"])),
                ("praktijk veel", lambda: at.multiselect(key="i_praktijk").set_value(["veel"])),
                ("branche leeg", lambda: at.multiselect(key="i_branche").set_value([])),
            ]
            times: dict[str, float] = {}
            cpu: list[float] = []
            for rounds in range(2):
                for name, act in steps:
                    act()
                    t, c = time.perf_counter(), time.process_time()
                    at.run()
                    ms = (time.perf_counter() - t) * 1000
                    cpu.append((time.process_time() - c) * 1000)
                    if at.exception:
                        return {"error": str(at.exception[0].value)[:300]}
                    times[f"{name} #{rounds + 1}"] = ms
        finally:
            config.set_option("server.address", old)
            reset_stores()
    result: dict[str, Any] = {
        "n_eigen": n,
        "first_run_ms": round(first_ms),
        "interactions": _summary(list(times.values())),
        "cpu": _summary(cpu),
        "slowest": sorted(((round(v), k) for k, v in times.items()), reverse=True)[:3],
        "load_average": round(os.getloadavg()[0], 1),
    }
    log(
        f"Initiatieven page with {n:,} own rows: p95 {result['interactions']['p95_ms']} ms per interaction "
        f"(first run {result['first_run_ms']} ms)"
    )
    return result


_WORKER = """
import sys, time
from pathlib import Path
from knowledge.schema import Initiatief
from recommender.initiatives import catalogue
n, folder = int(sys.argv[1]), Path(sys.argv[2])
records = [Initiatief.model_validate(dict(
    id="x", naam=f"Activiteit {i % 7}", omschrijving=f"lijst {n} rij {i}", organisator=f"Organisator {n}",
    bereik="landelijk", schooltypen=["vmbo"], doelgroepen=["leerlingen"], activiteiten=["gastles"],
    praktijkgerichtheid="veel", branches=["bouw"], locatie={"precisie": "landelijk"},
    classificatie="algemene_kennis", bronnen=["eigen_import#lijst.csv"])) for i in range(25)]
store = catalogue()
store.version()
(folder / f"ready-{n}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
store.add_list(f"lijst {n}", records, who=f"proces {n}", how="cli", on_duplicate="keep")
print("ok")
"""


def concurrent_trials(url: str, trials: int = 20, processes: int = 4) -> dict[str, Any]:
    """``trials`` rounds of ``processes`` simultaneous imports of 25 records each; counts what went missing."""
    import subprocess
    import sys

    from recommender.initiatives.catalogue import CatalogueStore

    repo = str(Path(__file__).resolve().parents[2])
    lost = overwritten = failed = 0
    expected_total = 0
    with tempfile.TemporaryDirectory(prefix="lob-bench-conc-") as tmp:
        folder = Path(tmp)
        env = dict(
            os.environ,
            LOB_DATABASE_URL=url,
            LOB_HOME=tmp,
            PYTHONPATH=repo + os.pathsep + os.environ.get("PYTHONPATH", ""),
        )
        CatalogueStore(url).version()  # migrate once, as a running app has
        started = time.perf_counter()
        for _ in range(trials):
            for old in folder.glob("ready-*"):
                old.unlink()
            (folder / "go").unlink(missing_ok=True)
            procs = [
                subprocess.Popen(
                    [sys.executable, "-c", _WORKER, str(n), tmp],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for n in range(processes)
            ]
            deadline = time.time() + 180
            while len(list(folder.glob("ready-*"))) < processes and time.time() < deadline:
                if any(p.poll() not in (None, 0) for p in procs):
                    break
                time.sleep(0.01)
            (folder / "go").touch()
            for p in procs:
                out, _ = p.communicate(timeout=180)
                failed += p.returncode != 0 or out.strip() != "ok"
            expected_total += processes * 25
            store = CatalogueStore(url)
            lost += max(0, expected_total - len(store.records()))
            for info in store.lists():  # every list still holds exactly its own 25 records, all active
                n = info.naam.removeprefix("lijst ")
                records = store.list_records(info.id)
                lost += max(0, 25 - sum(1 for _, active in records if active))
                overwritten += sum(
                    1
                    for ini, _ in records
                    if ini.organisator != f"Organisator {n}" or not ini.omschrijving.startswith(f"lijst {n} rij ")
                )
        seconds = time.perf_counter() - started
    return {
        "trials": trials,
        "processes_per_trial": processes,
        "records_expected": expected_total,
        "lost": lost,
        "overwritten": overwritten,
        "failed_processes": failed,
        "seconds": round(seconds, 1),
    }


def concurrency_both(log: Log, trials: int = 20) -> dict[str, Any]:
    from app.bench.pgcluster import PostgresUnavailable, throwaway_postgres
    from recommender.initiatives import db

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lob-bench-conc-db-") as tmp:
        out["sqlite"] = concurrent_trials(f"sqlite:///{tmp}/conc.db", trials)
    log(f"concurrent imports, SQLite: {out['sqlite']}")
    try:
        with throwaway_postgres() as url:
            out["postgresql"] = concurrent_trials(url, trials)
            db.dispose_all()
        log(f"concurrent imports, PostgreSQL: {out['postgresql']}")
    except PostgresUnavailable as exc:
        out["postgresql"] = {"error": str(exc)}
    return out


def run_decaan_bench(log: Log, quick: bool = False) -> dict[str, Any]:
    from app.bench.hostile import measure_hostile

    started = time.perf_counter()
    result: dict[str, Any] = {
        "targets": {
            "search_p95_ms": 20,
            "page_p95_ms": 1000,
            "hostile_s": 5,
            "hostile_mb": 300,
            "lost_or_overwritten": 0,
        }
    }
    result["search"] = search_both(log, 2_000 if quick else 10_000)
    result["page"] = page_interactions(log, 2_000 if quick else 20_000)
    with tempfile.TemporaryDirectory(prefix="lob-bench-hostile-") as tmp:
        rows = measure_hostile(Path(tmp) / "files", Path(tmp) / "homes")
    result["hostile"] = [r.model_dump() for r in rows]
    log("hostile files: " + ", ".join(f"{r.file}: {r.outcome} {r.import_s}s {r.peak_rss_mb}MB" for r in rows))
    result["concurrency"] = concurrency_both(log, 3 if quick else 20)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def format_decaan(r: dict[str, Any]) -> str:
    from app.bench.hostile import HostileResult, format_hostile

    lines = ["Decaan's own lists (issue 14)"]
    for name, row in r["search"].items():
        if "error" in row:
            lines.append(f"  search, {name}: not measured: {row['error']}")
            continue
        s, c, v = row["search"], row["cpu"], row["version_check"]
        lines.append(
            f"  search over {row['n_initiatieven']:,} in {name}: median {s['median_ms']} ms, p95 {s['p95_ms']} ms,"
            f" max {s['max_ms']} ms (n={s['n']}; target p95 <= 20 ms); CPU p95 {c['p95_ms']} ms; of which "
            f"the version check p95 {v['p95_ms']} ms; reload after a change {row['reload_after_change_ms']} ms;"
            f" load average {row['load_average']}"
        )
    page = r["page"]
    if "error" in page:
        lines.append(f"  page: failed: {page['error']}")
    else:
        p = page["interactions"]
        lines.append(
            f"  Initiatieven page, {page['n_eigen']:,} own rows: median {p['median_ms']} ms, p95 {p['p95_ms']} ms, "
            f"max {p['max_ms']} ms per interaction (n={p['n']}; target p95 <= 1000 ms); CPU p95 "
            f"{page['cpu']['p95_ms']} ms; first run {page['first_run_ms']} ms; slowest {page['slowest']}; "
            f"load average {page['load_average']}"
        )
    for name, c in r["concurrency"].items():
        lines.append(f"  concurrent imports, {name}: {c}")
    lines += ["", format_hostile([HostileResult(**h) for h in r["hostile"]]), "", f"Total {r['seconds']} s"]
    return "\n".join(lines)


__all__ = ["concurrency_both", "db_search", "format_decaan", "page_interactions", "run_decaan_bench", "search_both"]
