"""``lob-kompas bench [--json] [--quick]``: measured speed, memory and growth, targets beside them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.common import print_json


def _ms(d: dict[str, Any]) -> str:
    return f"median {d['median_ms']} ms, p95 {d['p95_ms']} ms, max {d['max_ms']} ms (n={d['n']})"


def format_report(r: dict[str, Any]) -> str:
    """The benchmark result as a readable text report."""
    from app.bench.scale import format_table

    m, t = r["machine"], r["targets"]
    lines = [
        f"LOB-Kompas benchmark{' (quick)' if r['quick'] else ''}: {m['cpu']}, {m['cores']} cores, "
        f"{m['memory_gb']} GB, Python {m['python']}",
        "",
    ]
    idx = r["index"]
    lines.append("Index")
    if "build_s" in idx:
        lines.append(
            f"  knowledge base: {idx['chunks']} chunks built in {idx['build_s']} s "
            f"({idx['passages_per_s']} passages/s), {idx['size_mb']} MB on disk"
        )
    if "kb_plus_reports_build_s" in idx:
        lines.append(
            f"  + the five reports: {idx['reports_chunks']} chunks in {idx['reports_ingest_s']} s; "
            f"knowledge base + reports {idx['kb_plus_reports_build_s']} s"
        )
    if "passages_per_s_sample" in idx:
        lines.append(f"  embedding rate (sample): {idx['passages_per_s_sample']} passages/s")
    if "load_s" in idx:
        lines.append(f"  load persisted index: {idx['load_s']} s")
    proc = r["process"]
    if "error" in proc:
        lines.append(f"  cold start: failed: {proc['error']}")
    else:
        lines.append(
            f"  cold start, process start to first answer: median {proc['cold_start_s']['median']} s, "
            f"max {proc['cold_start_s']['max']} s (target <= {t['cold_start_s']} s)"
        )
        lines.append(
            f"  peak RSS of an app process with the index loaded: {proc['app_peak_rss_mb']} MB "
            f"(target <= {t['app_rss_mb']} MB)"
        )
    lines += [
        "",
        "Latency (warm)",
        f"  ask (default mode): {_ms(r['ask']['ask'])} (target p95 <= {t['ask_p95']} ms)",
        f"  retrieval alone:    {_ms(r['ask']['retrieval'])}",
    ]
    side = r.get("ask_vs_embedding")
    if side:
        for key, what in (
            ("without_own_list", "ask vs embedding the question alone"),
            ("with_own_list", f"same, with an own list of {side['with_own_list']['own_list_size']:,} initiatives"),
        ):
            row = side[key]
            lines.append(
                f"  {what}: ask p95 {row['ask']['p95_ms']} ms, embed p95 {row['embed']['p95_ms']} ms, "
                f"ratio {row['p95_ratio']} (median {row['median_ratio']}; target <= {side['target_p95_ratio']})"
            )
        lines.append(
            f"  first activity question with that own list (reads and indexes it): "
            f"{side['with_own_list']['first_activity_ask_s']} s"
        )
    rec = r["recommend"]
    lines.append(
        f"  recommend ({rec['n']} random profiles, user catalogue of {rec.get('catalogus', 0):,} initiatives): "
        f"median {rec['mediaan_ms']} ms, p95 {rec['p95_ms']} ms, max {rec['max_ms']} ms "
        f"(target p95 <= {t['recommend_p95']} ms; CPU p95 {rec.get('cpu_p95_ms')} ms, "
        f"load average {rec.get('load_avg')} on {rec.get('cores')} cores)"
    )
    for row in r["initiatives"]:
        lines.append(f"  initiatives n={row['n']:>7,}: search {_ms(row['search'])}; gap analysis {_ms(row['gaps'])}")
    lines += ["", "Retrieval quality (eval set, all languages)"]
    from retrieval.evaluation import METRICS as metrics

    lines.append(f"  {'mode':<6} " + " ".join(f"{k:>11}" for k in metrics))
    for mode, vals in r["quality"].items():
        cells = " ".join(f"{'-' if vals.get(k) is None else format(vals[k], '.3f'):>11}" for k in metrics)
        lines.append(f"  {mode:<6} {cells}")
    lines += ["", "Vector index scale (synthetic, dim 384)", format_table(r["scale"]), "", f"Total {r['seconds']} s"]
    return "\n".join(lines)


def _bench(args: argparse.Namespace) -> int:
    from app.bench.run import run_bench

    def log(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    if args.decaan:
        from app.bench.decaan import format_decaan, run_decaan_bench

        decaan = run_decaan_bench(log, quick=args.quick)
        if args.json:
            print_json(decaan)
        else:
            print(format_decaan(decaan))
        return 0
    result = run_bench(quick=args.quick, log=log)
    if args.json:
        print_json(result)
    else:
        print(format_report(result))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bench",
        help="meet snelheid, geheugen en groei",
        description="Meet snelheid, geheugen en groei van alle onderdelen in één run.",
    )
    p.add_argument("--quick", action="store_true", help="een kleine versie (minder dan een minuut)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument(
        "--decaan",
        action="store_true",
        help="alleen de eigen lijsten: zoeken in SQLite en PostgreSQL, de pagina met 20.000 eigen rijen, "
        "gelijktijdige imports en vijandige bestanden",
    )
    p.set_defaults(handler=_bench)
