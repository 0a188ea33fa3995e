"""The Markdown table of a run, as quoted in ``bench/README.md``."""

from __future__ import annotations

from typing import Any


def _yes(flag: bool) -> str:
    return "**yes**" if flag else "**no**"


def _lat(s: dict[str, Any]) -> str:
    return f"p50 {s['p50_ms']:g} / p95 {s['p95_ms']:g} ms"


def markdown(result: dict[str, Any]) -> str:
    b = result["benchmarks"]
    machine = result["machine"]
    lines = [
        f"Run of {result['started_at']} (scale `{result['scale']}`), reproduced by "
        f"`{result['command']}`; {machine['cpus']} CPUs, Python {machine['python']}; "
        f"load average (1, 5, 15 min) {machine['load_average_at_start']} at the start, "
        f"{machine.get('load_average_at_end')} at the end.",
        "",
        "| # | Benchmark | Measured (median) | Reference, same run (median) | Ratio | Target "
        "| Met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    if "ingestion" in b:
        r = b["ingestion"]
        lines.append(
            f"| 1 | Ingestion, HTTP batches of 1,000 | {r['median_http_per_s']:,} responses/s "
            f"(rounds: {', '.join(f'{x:,}' for x in r['http_responses_per_s'])}) "
            f"| asyncpg COPY {r['median_copy_per_s']:,} responses/s "
            f"| {r['ratio_http_to_copy']:.2f} of COPY | ≥ 10,000/s and ≥ 0.5 "
            f"| {_yes(r['met'])} |"
        )
    if "results" in b:
        r = b["results"]
        for size in r["sizes"]:
            lines.append(
                f"| 2 | Results and chart, {size['responses']:,} responses "
                f"| results {_lat(size['results_all'])}; by month {_lat(size['results_month'])}; "
                f"chart {_lat(size['indicator_chart'])}; right after a release: "
                f"results {_lat(size['results_all_after_change'])}, by month "
                f"{_lat(size['results_month_after_change'])} "
                f"| GROUP BY {_lat(size['group_by'])} "
                f"| {size['ratio_group_by_to_results']:g}x faster "
                f"| p95 < 50 ms, ≥ 20x | {_yes(r['met'])} |"
            )
    if "insight" in b:
        r = b["insight"]
        lines.append(
            "| 3 | Time to insight (ack of a release → SSE), "
            f"load {r['load_rate_achieved']:g} responses/s "
            f"| {_lat(r['probe'])} ({r['probe']['n']} probes) "
            "| — (one change feed per process, woken by NOTIFY) | — | p95 < 1 s "
            f"| {_yes(r['met'])} |"
        )
    if "http_load" in b:
        r = b["http_load"]
        app, bare = r["app_fixed_rate"], r["bare_fixed_rate"]
        errors = sum(app["errors"].values()) if app["errors"] else 0
        lines.append(
            f"| 4 | HTTP load, read endpoints, 2 processes, open loop "
            f"| {app['rps']:g} req/s served: p50 {app['p50_ms']:g} / p95 {app['p95_ms']:g} / "
            f"p99 {app['p99_ms']:g} ms, {errors} errors "
            f"| bare FastAPI {bare['rps']:g} req/s: p50 {bare['p50_ms']:g} / "
            f"p95 {bare['p95_ms']:g} / p99 {bare['p99_ms']:g} ms "
            f"| p99 {r['ratio_p99_app_to_bare']:g}x bare | p99 < 100 ms at 500 req/s, "
            f"no errors | {_yes(r['met'])} |"
        )
        lines.append(
            f"| 4 | HTTP load, flat out ({r['app_max']['requests']:,} requests) "
            f"| {r['app_max']['rps']:g} req/s | bare FastAPI {r['bare_max']['rps']:g} req/s "
            f"| {r['ratio_max_rps_app_to_bare']:.3f} of bare | — | — |"
        )
    if "memory" in b:
        r = b["memory"]
        peak, base = r["peak_rss_mib"], r["baseline_rss_mib"]
        lines.append(
            f"| 5 | Memory, import of a {r['file_bytes'] / 1e9:.2f} GB CSV ({r['rows']:,} rows, "
            f"{r['import_seconds']:g} s) | peak RSS server {peak['server']:g} MiB, "
            f"worker {peak['worker']:g} MiB | at rest: server {base['server']:g} MiB, "
            f"worker {base['worker']:g} MiB | — | < 300 MB each | {_yes(r['met'])} |"
        )
    if "webhooks" in b:
        r = b["webhooks"]
        lines.append(
            f"| 6 | Webhook deliveries, one worker, {r['events']:,} events to a receiver on "
            f"127.0.0.1 | {r['deliveries_per_second']:g}/s ({r['deliveries_per_cpu_second']:g} "
            f"per worker CPU-second; order per record kept: {_yes(r['per_record_order_kept'])}) "
            f"| — | — | ≥ 500/s | {_yes(r['met'])} |"
        )
    if "streams" in b:
        lines += _streams(b["streams"])
    return "\n".join(lines) + "\n"


def _streams(r: dict[str, Any]) -> list[str]:
    """Benchmark 7 (issue 18's target 6): three rows, one per target."""
    reads, most = r["reads"], max(int(k) for k in r["stages"])
    met = r["met_each"]
    heard = r["releases"][str(most)]
    stage = r["stages"][str(most)]
    dropped = sum(n for why, n in r["closing"]["ended_before"].items() if why != "time-up")
    errors = sum(sum(x["errors"].values()) for x in reads.values() if x["errors"])
    work = ", ".join(
        f"{k} streams: {v['database']['transactions_per_s']:g} transactions/s, "
        f"{v['database']['tup_returned_per_s']:,.0f} tuples returned/s, "
        f"server CPU {v['database']['server_cpu_cores']:g} cores"
        for k, v in r["stages"].items()
    )
    waits = (
        f"p50 {heard['p50_ms']:g} / p95 {heard['p95_ms']:g} / max {heard['max_ms']:g} ms"
        if heard["n"]
        else "none heard"
    )
    return [
        f"| 7 | {most:,} open streams on 2 processes: read mix p95 "
        f"| {most:,} streams ({stage['open']:,} open once opened, {dropped:,} ended or refused "
        f"by the end): {_lat(reads['all'])} ({errors} errors in all phases) "
        f"| no stream: {_lat(reads['none'])}; none again after: {_lat(reads['none_again'])} "
        f"| {r['ratio_read_p95_all_to_none']:g}x the mean of both p95s | ≤ 1.2x "
        f"| {_yes(met['read_p95_ratio'])} |",
        f"| 7 | {most:,} open streams: database work per second, quiet "
        f"| {work} | — | +{r['transactions_per_s_growth']:g} transactions/s "
        f"| independent of the streams (≤ +10/s) | {_yes(met['database_flat'])} |",
        f"| 7 | {most:,} open streams: a release heard by every stream "
        f"| {heard['heard']:,} of {heard['expected']:,} heard ({heard['releases']} releases), "
        f"{heard['within_1s']:,} within 1 s: {waits} | — | — | all within 1 s "
        f"| {_yes(met['all_heard_within_1s'])} |",
    ]
