#!/usr/bin/env python3
"""Writes a pipeline repository of COUNT realistic, valid OML 0.2.0 pipelines into FOLDER.

    tests/scripts/generate-pipeline-repository.py FOLDER [COUNT]

FOLDER gets pipelines/<name>.oml (COUNT files) and tests/check_<domain>.py (the scripts the custom data
tests name). The output depends only on COUNT (fixed seed), so every run writes the same files.

What varies: the components (MySQL, Supabase, PostHog and CSV sources; DuckDB transforms; Supabase,
MySQL and CSV writers), the schedules (daily, weekdays, weekly, monthly, several times a day, hourly)
in nine IANA zones, retry, timeout, concurrency, catchup, a load window on about four in ten (with
${window.start} and ${window.end} in the extract query) and the whole metadata block. The pipelines are
meant to produce no diagnostic at all, so they follow the rules a real repository would:
  - local times stay outside 00:00-03:59, where the zones with daylight saving time change their
    clocks (OSI0211, OSI0212, OSI0214), and hourly schedules run only in whole-hour zones without DST
    (OSI0606);
  - windows are tumbling, or a calendar day ("1d") on daily schedules, so consecutive windows neither
    overlap nor leave a gap (OSI0401, OSI0402);
  - the timeout, the retries and the SLA fit the time between runs (OSI0316, OSI0403, OSI0404);
  - every pipeline writes a table of its own (OSI0410); pipeline lineage comes in declared pairs, the
    downstream in the same zone one hour after the upstream's SLA (OSI0406, OSI0408, OSI0409).
"""
import json
import os
import random
import sys

SEED = 20260101

ZONES = [  # (IANA id, has daylight saving time, whole-hour offset)
    ("Europe/Prague", True, True),
    ("America/New_York", True, True),
    ("Asia/Kolkata", False, False),
    ("UTC", False, True),
    ("Australia/Sydney", True, True),
    ("Europe/London", True, True),
    ("Asia/Tokyo", False, True),
    ("America/Los_Angeles", True, True),
    ("Asia/Singapore", False, True),
]

DOMAINS = {
    "sales": ["orders", "order_lines", "quotes", "returns"],
    "billing": ["invoices", "payments", "refunds", "credit_notes"],
    "marketing": ["campaigns", "leads", "email_events", "segments"],
    "inventory": ["stock_levels", "warehouses", "products", "suppliers"],
    "logistics": ["shipments", "carriers", "deliveries", "routes"],
    "finance": ["ledger_entries", "budgets", "exchange_rates", "cost_centers"],
    "support": ["tickets", "agents", "satisfaction_scores", "escalations"],
    "product": ["events", "sessions", "feature_flags", "experiments"],
    "hr": ["employees", "absences", "positions", "trainings"],
    "crm": ["accounts", "contacts", "opportunities", "activities"],
}
TEAMS = {
    "sales": "commerce", "billing": "finance-data", "marketing": "growth", "inventory": "supply-chain",
    "logistics": "supply-chain", "finance": "finance-data", "support": "customer-care",
    "product": "product-analytics", "hr": "people-data", "crm": "commerce",
}
VERBS = ["sync", "load", "snapshot", "refresh", "export", "rollup"]


def q(value):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value)


class Pipeline:
    def __init__(self, index, rng):
        self.index = index
        self.domain = rng.choice(sorted(DOMAINS))
        self.entity = rng.choice(DOMAINS[self.domain])
        self.verb = rng.choice(VERBS)
        self.name = f"{self.domain}_{self.entity}_{self.verb}_{index:04d}"
        self.team = TEAMS[self.domain]
        self.upstream = None  # the Pipeline this one reads from, if any
        self.downstream = None


def choose_schedule(p, rng, zone=None, kind=None, hour=None):
    zone = zone or rng.choice(ZONES)
    tz, dst, whole = zone
    if kind is None:
        kinds = ["daily"] * 10 + ["weekdays"] * 4 + ["weekly"] * 2 + ["monthly"] + ["several"] * 2
        if not dst and whole:
            kinds += ["hourly"] * 2
        kind = rng.choice(kinds)
    minute = rng.choice(range(0, 60, 5))
    hour = hour if hour is not None else rng.randint(4, 22)
    if kind == "daily":
        expression = f"{minute} {hour} * * *"
    elif kind == "weekdays":
        expression = f"{minute} {hour} * * 1-5"
    elif kind == "weekly":
        expression = f"{minute} {hour} * * {rng.randint(0, 6)}"
    elif kind == "monthly":
        expression = f"{minute} {hour} {rng.randint(1, 28)} * *"
    elif kind == "several":  # three runs at least five hours apart, all between 05:00 and 22:59
        first = rng.randint(5, 8)
        expression = f"{minute} {first},{first + 6},{first + 12} * * *"
    else:  # hourly
        expression = f"{minute} * * * *"
    p.zone, p.kind, p.hour, p.expression = zone, kind, hour, expression
    if kind == "hourly":
        p.timeout, p.attempts, p.delay, p.backoff, p.sla, p.max_age = 900, 1, 60, "fixed", "45m", "2h"
    elif kind == "several":
        p.timeout, p.attempts, p.delay, p.backoff, p.sla, p.max_age = 1800, 2, 300, "linear", "3h", "13h"
    else:
        # Worst case of a failing run: 4 tries of 1h plus 5m + 10m + 20m of waits = 4h35m < 6h.
        p.timeout, p.attempts, p.delay, p.backoff, p.sla = 3600, 3, 300, "exponential", "6h"
        p.max_age = {"daily": "25h", "weekdays": "73h", "weekly": "8d", "monthly": "32d"}[kind]


def schedule_block(p, rng):
    tz = p.zone[0]
    lines = ["schedule:", '  type: "cron"', f"  expression: {q(p.expression)}", f"  timezone: {q(tz)}"]
    if p.catchup:
        lines.append(f"  start: {q('2025-%02d-01' % rng.randint(1, 12))}")
    lines += [
        "  retry:",
        f"    attempts: {p.attempts}",
        f"    delay: {p.delay}",
        f"    backoff: {q(p.backoff)}",
        f"  timeout: {p.timeout}",
        f"  concurrency: {p.concurrency}",
        f"  catchup: {'true' if p.catchup else 'false'}",
    ]
    if p.window:
        lines.append("  window:")
        if p.window == "1d":
            lines += ['    type: "sliding"', '    size: "1d"']
            if rng.random() < 0.5:
                lines.append('    offset: "-1h"')
        else:
            lines.append('    type: "tumbling"')
        lines.append(f"    field: {q(p.window_field)}")
    return lines


def metadata_block(p, rng):
    lines = [
        "metadata:",
        f"  owner: {q(p.team + '@company.com')}",
        f"  team: {q(p.team)}",
        f"  sla: {q(p.sla)}",
        f"  criticality: {q(p.criticality)}",
        "  description: |",
        f"    {p.verb.capitalize()} of {p.domain} {p.entity.replace('_', ' ')} for the {p.team} team,",
        f"    {p.kind} in {p.zone[0]}.",
        "  tags:",
        f"    - {q(p.domain)}",
        f"    - {q(p.kind)}",
        f"    - {q(rng.choice(['production', 'reporting', 'gdpr', 'finance-close', 'ml-features']))}",
        "  tests:",
        '    - type: "row_count"',
        f"      min: {rng.choice([0, 1, 10, 100])}",
        f"      max: {rng.choice([10000, 100000, 1000000, 5000000])}",
        '    - type: "freshness"',
        f"      max_age: {q(p.max_age)}",
    ]
    if rng.random() < 0.3:
        lines += ['    - type: "schema"', f"      expected: {q('v%d.%d' % (rng.randint(1, 3), rng.randint(0, 9)))}"]
    if rng.random() < 0.25:
        lines += ['    - type: "custom"', f"      script: {q('tests/check_%s.py' % p.domain)}"]
    upstream = [f"pipeline: {p.upstream.name}"] if p.upstream else [f"table: mysql.{p.entity}"]
    downstream = [f"dashboard: {p.domain}_{p.entity}_overview"]
    if p.downstream:
        downstream.append(f"pipeline: {p.downstream.name}")
    lines += ["  lineage:", "    upstream:"] + [f"      - {q(u)}" for u in upstream]
    lines += ["    downstream:"] + [f"      - {q(d)}" for d in downstream]
    lines += [
        "  notifications:",
        "    on_failure:",
        f"      - email: {q(p.domain + '-oncall@company.com')}",
        f"      - slack: {q('#' + p.domain + '-alerts')}",
    ]
    if rng.random() < 0.3:
        lines += ["    on_success:", f"      - email: {q(p.team + '@company.com')}"]
    if rng.random() < 0.2:
        lines += ["    on_retry:", f"      - slack: {q('#' + p.domain + '-alerts')}"]
    if p.criticality in ("high", "critical"):
        lines += ["    on_sla_breach:", f"      - pagerduty: {q(p.team)}"]
    return lines


def source_steps(p, rng):
    """The read steps: a list of (id, lines); the extract query uses the window when there is one."""
    table = p.entity
    where = (f"        WHERE {p.window_field} >= '${{window.start}}'\n"
             f"          AND {p.window_field} < '${{window.end}}'") if p.window else None
    if p.upstream:
        src = f"{p.upstream.domain}_{p.upstream.entity}_{p.upstream.index:04d}"
        return [(f"read_{p.upstream.entity}", [
            '    component: "supabase.extractor"', '    mode: "read"', "    config:",
            f'      connection: "@supabase.{p.upstream.domain}"', f"      table: {q(src)}"])]
    source = rng.choice(["mysql"] * 6 + ["mysql2"] * 2 + ["posthog", "csv"]) if not p.window else \
        rng.choice(["mysql"] * 3 + ["mysql2"])
    if source == "posthog":
        return [("extract_events", [
            '    component: "posthog.extractor"', '    mode: "read"', "    config:",
            '      connection: "@posthog.default"',
            f"      data_type: {q(rng.choice(['events', 'persons', 'sessions']))}",
            f"      page_size: {rng.choice([500, 1000, 5000])}"])]
    if source == "csv":
        return [(f"read_{table}_file", [
            '    component: "filesystem.csv_extractor"', '    mode: "read"', "    config:",
            '      connection: "@filesystem.landing"',
            f"      path: {q('landing/%s/%s.csv' % (p.domain, table))}",
            f"      delimiter: {q(rng.choice([',', ';']))}"])]
    steps = []
    query = [f"      query: |", f"        SELECT * FROM {table}"] + ([where] if where else [])
    if rng.random() < 0.5 and not p.window:
        query = [f"      table: {q(table)}", f"      batch_size: {rng.choice([1000, 5000, 10000])}"]
    steps.append((f"extract_{table}", [
        '    component: "mysql.extractor"', '    mode: "read"', "    config:",
        f"      connection: {q('@mysql.' + p.domain)}"] + query))
    if source == "mysql2":
        other = rng.choice([e for e in DOMAINS[p.domain] if e != table])
        steps.append((f"extract_{other}", [
            '    component: "mysql.extractor"', '    mode: "read"', "    config:",
            f"      connection: {q('@mysql.' + p.domain)}", f"      table: {q(other)}",
            '      columns: ["id", "name", "updated_at"]']))
    return steps


def write_pipeline(p, rng):
    steps = source_steps(p, rng)
    needs = [sid for sid, _ in steps]
    if len(steps) > 1 or rng.random() < 0.4:
        source = f'"{needs[0]}"' if len(needs) == 1 else \
            f'"{needs[0]}" a JOIN "{needs[1]}" b ON b.id = a.{needs[1][len("extract_"):]}_id'
        steps.append((f"transform_{p.entity}", [
            '    component: "duckdb.processor"', '    mode: "transform"', f"    needs: {json.dumps(needs)}",
            "    config:", "      query: |", "        SELECT *, current_timestamp AS loaded_at",
            f"        FROM {source}"]))
        needs = [steps[-1][0]]
    target = f"{p.domain}_{p.entity}_{p.index:04d}"  # a table of its own (OSI0410)
    writer = rng.choice(["supabase"] * 6 + ["mysql"] * 2 + ["csv"])
    if p.downstream:
        writer = "supabase"  # the downstream pipeline reads it from there
    body = ['    mode: "write"', f"    needs: {json.dumps(needs)}", "    config:"]
    if writer == "supabase":
        mode = "upsert" if p.window or rng.random() < 0.6 else rng.choice(["replace", "append"])
        body = ['    component: "supabase.writer"'] + body + [
            f"      connection: {q('@supabase.' + p.domain)}", f"      table: {q(target)}",
            f"      write_mode: {q(mode)}"]
        if mode != "append":
            body.append('      primary_key: "id"')
        body.append(f"      batch_size: {rng.choice([100, 250, 500])}")
    elif writer == "mysql":
        body = ['    component: "mysql.writer"'] + body + [
            '      connection: "@mysql.warehouse"', f"      table: {q(target)}",
            '      mode: "upsert"', '      upsert_keys: ["id"]']
    else:
        body = ['    component: "filesystem.csv_writer"'] + body + [
            f"      path: {q('output/%s.csv' % target)}", '      delimiter: ";"', '      encoding: "utf-8"',
            "      header: true"]
    steps.append((f"load_{p.entity}", body))

    lines = [
        f"# Generated by tests/scripts/generate-pipeline-repository.py (pipeline {p.index} of a build-cost repository).",
        'oml_version: "0.2.0"',
        f"name: {q(p.name)}",
        f"description: {q('%s %s of %s into the warehouse.' % (p.domain.capitalize(), p.verb, p.entity.replace('_', ' ')))}",
        "",
    ]
    lines += schedule_block(p, rng) + [""] + metadata_block(p, rng) + ["", "steps:"]
    for i, (sid, body) in enumerate(steps):
        if i:
            lines.append("")
        lines.append(f"  - id: {q(sid)}")
        lines += body
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(SEED)
    pipelines = [Pipeline(i, rng) for i in range(1, count + 1)]
    for p in pipelines:
        if p.upstream is None:
            choose_schedule(p, rng)
    # Every tenth pipeline feeds the next one: same zone, both daily, the downstream one hour after
    # the upstream's 6h SLA.
    for up, down in zip(pipelines[::10], pipelines[1::10]):
        hour = rng.randint(4, 9)
        choose_schedule(up, rng, kind="daily", hour=hour)
        choose_schedule(down, rng, zone=up.zone, kind="daily", hour=hour + 7)
        up.downstream, down.upstream = down, up
    for p in pipelines:
        p.criticality = rng.choice(["low", "medium", "medium", "high", "critical"])
        p.window = None
        if p.kind != "hourly" and p.upstream is None and rng.random() < 0.4:
            p.window = "1d" if p.kind == "daily" and rng.random() < 0.5 else "tumbling"
        p.window_field = rng.choice(["updated_at", "created_at", "modified_at"])
        p.catchup = p.kind in ("daily", "weekdays") and rng.random() < 0.15
        p.concurrency = 1 if p.window or rng.random() < 0.8 else 2

    os.makedirs(os.path.join(folder, "pipelines"), exist_ok=True)
    os.makedirs(os.path.join(folder, "tests"), exist_ok=True)
    for domain in sorted(DOMAINS):
        with open(os.path.join(folder, "tests", f"check_{domain}.py"), "w") as f:
            f.write(f'"""Custom data test of the {domain} pipelines."""\n\n\ndef test(frame):\n'
                    f'    return frame["id"].notna().all()\n')
    for p in pipelines:
        with open(os.path.join(folder, "pipelines", f"{p.name}.oml"), "w") as f:
            f.write(write_pipeline(p, rng))


if __name__ == "__main__":
    main()
