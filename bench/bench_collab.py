"""Load: 20 people cooperating at once on PostgreSQL through the store API.

Run from the repository root::

    python bench/bench_collab.py --url postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        [--users 20] [--ops 40] [--seed 3]

``--url`` (or ``$DESTINATIONS_TEST_PG_URL``) names a PostgreSQL server; the benchmark makes a
database of its own there and drops it at the end. Without either it starts a throwaway server
with the binaries in /usr/lib/postgresql/*/bin (as .ci/run does) and stops it afterwards.

Each user is a separate process with its own connection pool, acting as one member: 2 strategists,
16 editors of 16 destination companies, 2 viewers. Every user makes ``--ops`` operations, chosen by
role with a seeded generator: editors draft plans (save new versions of their own), propose moving a
border municipality of their company into a neighbour's, consent to what waits in their inbox, and
comment; strategists apply accepted proposals and comment; viewers read and comment.

It reports operations done, refusals with the documented messages (a proposal applied, stale or
changed meanwhile: :data:`destinations.store.proposals.CHANGED_WHILE_APPLYING`, "is stale", "cannot
be ...: it was applied"; a save that lost the optimistic race: "changed in the store"; a change
that is no longer possible: "Not proposed"), unexpected errors (must be 0), and writes lost (must be
0: every write the store acknowledged is looked up afterwards), with p50/p95 latency per kind of
operation. The metrics (floor check) are not computed here: it measures the store.
"""

from __future__ import annotations

import argparse
import glob
import json
import multiprocessing as mp
import os
import pwd
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCUMENTED = ("changed while the proposal was being applied", "is stale", "was drafted on version",
              "cannot be consented to", "cannot be applied", "cannot be rejected",
              "cannot be withdrawn", "changed in the store", "Not proposed",
              "changed meanwhile", "those companies have consented already",
              "changed since you opened it")


# ------------------------------------------------------------------------------ server
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    """A throwaway PostgreSQL: (url, stop function)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        sys.exit("no PostgreSQL binaries: pass --url or install postgresql")
    bin_dir = Path(found[-1]).parent
    data = Path(tempfile.mkdtemp(prefix="bench-collab-pg-"))
    as_postgres = os.geteuid() == 0
    if as_postgres:
        pwd.getpwnam("postgres")
        shutil.chown(data, "postgres")
    port = _free_port()

    def run(*argv):
        command = [str(bin_dir / argv[0]), *argv[1:]]
        if as_postgres:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in command)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust")
    run("pg_ctl", "-D", str(data), "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 "
        "-c max_connections=200", "-l", str(data / "log"), "-w", "start")

    def stop():
        run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(data, ignore_errors=True)

    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


def own_database(server_url: str):
    import sqlalchemy as sa

    name = f"bench_collab_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


# ------------------------------------------------------------------------------ setup
def setup(url: str, users: int):
    from destinations.data.base import load_base
    from destinations.scenarios.scenario import Scenario
    from destinations.settings import load_settings
    from destinations.store.members import MemberStore
    from destinations.store.proposals import ProposalStore

    base = load_base(load_settings())
    people = MemberStore(url)
    companies = sorted(c.id for c in base.companies)
    roster = []
    for i in range(users):
        if i < 2:
            role, mine = "strategist", []
        elif i >= users - 2:
            role, mine = "viewer", []
        else:
            role, mine = "editor", [companies[(i - 2) % len(companies)]]
        email = f"user{i:02d}@bench.dk"
        people.add(email, role, mine)
        roster.append((email, role, mine))
    ProposalStore(people.documents, base=base).scenarios.ensure_today(Scenario.from_base(base))
    people.engine.dispose()
    return roster


# ------------------------------------------------------------------------------ a user
def user(args) -> dict:
    url, email, role, companies, ops, seed = args
    from destinations.collab.identity import acting_as
    from destinations.collab.proposals import move_change
    from destinations.collab.roles import Identity
    from destinations.data.base import load_base
    from destinations.errors import DestinationsError
    from destinations.scenarios.scenario import Scenario
    from destinations.settings import load_settings
    from destinations.store.documents import ConflictError
    from destinations.store.proposals import ProposalStore

    base = load_base(load_settings())
    store = ProposalStore(url, base=base)
    rng = random.Random(seed)
    timings: list[tuple[str, float, str]] = []
    written: list[tuple] = []
    drafts: dict[str, int] = {}

    def op(kind: str, fn):
        started = time.perf_counter()
        try:
            result = fn()
            outcome = "ok" if result is not None else "idle"
        except ConflictError as exc:
            result, outcome = None, "refused" if any(d in str(exc) for d in DOCUMENTED) else \
                f"error: {exc}"
        except DestinationsError as exc:
            result, outcome = None, "refused" if any(d in str(exc) for d in DOCUMENTED) else \
                f"error: {type(exc).__name__}: {exc}"
        timings.append((kind, time.perf_counter() - started, outcome))
        return result

    def draft():
        if drafts and rng.random() < 0.6:
            key = rng.choice(list(drafts))
            saved = store.scenarios.load(key)
            code = rng.choice(saved.scenario.codes)
            target = rng.choice(list(saved.scenario.names))
            plan = saved.scenario.move(code, target)
            version = store.scenarios.save(plan, base_version=saved.version)
        else:
            plan = Scenario.from_base(base).copy(f"Draft {email} {len(drafts)}")
            version = store.scenarios.save(plan, base_version=None)
        drafts[plan.id] = version
        written.append(("version", plan.id, version))
        return version

    def propose():
        today = store.scenarios.load("today")
        plan = today.scenario
        mine = [c for c in plan.codes if plan.company_of(c) in companies]
        edges = [(a, b) for a, b in base.graph.edges() if a in mine or b in mine]
        rng.shuffle(edges)
        for a, b in edges:
            code, other = (a, b) if a in mine else (b, a)
            target = plan.company_of(other)
            if target and target not in companies and len(plan.companies()[plan.company_of(code)]) > 1:
                made = store.propose("today", move_change({code: target}), f"bench {email}",
                                     base_version=today.version)
                written.append(("proposal", made.id))
                return made.id
        return None

    def consent():
        waiting = [p for p in store.inbox() if p.state == "open"]
        if not waiting:
            return None
        chosen = rng.choice(waiting)
        done = store.consent(chosen.id)
        for company in companies:
            if company in chosen.companies:
                written.append(("consent", chosen.id, company))
        return done.id

    def apply():
        accepted = [p for p in store.inbox() if p.state == "accepted"]
        if not accepted:
            return None
        chosen = rng.choice(accepted)
        version = store.apply(chosen.id, allow_stale=True)  # a strategist who reviewed it
        written.append(("applied", chosen.id, version))
        return version

    def comment():
        listed = store.list()
        if not listed:
            return None
        made = store.comment(rng.choice(listed).id, f"comment by {email} <b>{rng.random()}</b>")
        written.append(("comment", made.id))
        return made.id

    def read():
        return len(store.list())

    plan_of_role = {"editor": [("draft", draft, 3), ("propose", propose, 3),
                               ("consent", consent, 4), ("comment", comment, 1)],
                    "strategist": [("apply", apply, 6), ("comment", comment, 1),
                                   ("read", read, 1)],
                    "viewer": [("read", read, 2), ("comment", comment, 1)]}[role]
    with acting_as(Identity(email)):
        for _ in range(ops):
            kind, fn, _w = rng.choices(plan_of_role, weights=[w for *_, w in plan_of_role])[0]
            op(kind, fn)
    store.engine.dispose()
    return {"timings": timings, "written": written}


# ------------------------------------------------------------------------------ checking
def lost_writes(url: str, written: list[tuple]) -> list[tuple]:
    import sqlalchemy as sa

    from destinations.store.documents import documents
    from destinations.store.tables import proposal_comments, proposal_decisions, proposals

    engine = sa.create_engine(url)
    lost = []
    with engine.connect() as conn:
        versions = {(r.key, r.version) for r in conn.execute(
            sa.select(documents.c.key, documents.c.version).where(documents.c.kind == "scenario"))}
        made = {r.id: r for r in conn.execute(sa.select(proposals))}
        consents = {(r.proposal_id, r.company) for r in conn.execute(
            sa.select(proposal_decisions).where(proposal_decisions.c.decision == "consent"))}
        comments = {r.id for r in conn.execute(sa.select(proposal_comments.c.id))}
    engine.dispose()
    for item in written:
        kind = item[0]
        ok = {"version": lambda: (item[1], item[2]) in versions,
              "proposal": lambda: item[1] in made,
              "consent": lambda: (item[1], item[2]) in consents,
              "comment": lambda: item[1] in comments,
              "applied": lambda: item[1] in made and made[item[1]].state == "applied"
              and made[item[1]].applied_version == item[2] and ("today", item[2]) in versions,
              }[kind]()
        if not ok:
            lost.append(item)
    return lost


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("DESTINATIONS_TEST_PG_URL"))
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--ops", type=int, default=40, help="operations per user")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    stop_server = None
    server = args.url
    if not server:
        server, stop_server = start_server()
    url, drop = own_database(server)
    try:
        roster = setup(url, args.users)
        jobs = [(url, email, role, companies, args.ops, args.seed * 1000 + i)
                for i, (email, role, companies) in enumerate(roster)]
        started = time.perf_counter()
        with mp.get_context("spawn").Pool(len(jobs)) as pool:
            results = pool.map(user, jobs)
        wall = time.perf_counter() - started
        timings = [t for r in results for t in r["timings"]]
        written = [w for r in results for w in r["written"]]
        lost = lost_writes(url, written)
    finally:
        drop()
        if stop_server:
            stop_server()

    kinds = sorted({k for k, *_ in timings})
    report = {
        "users": args.users, "operations": len(timings), "wall_s": round(wall, 1),
        "done": sum(o == "ok" for *_, o in timings),
        "nothing_to_do": sum(o == "idle" for *_, o in timings),
        "refused_documented": sum(o == "refused" for *_, o in timings),
        "unexpected_errors": sum(o.startswith("error") for *_, o in timings),
        "unexpected_examples": sorted({o for *_, o in timings if o.startswith("error")})[:5],
        "writes_acknowledged": len(written), "writes_lost": len(lost),
        "latency_ms": {k: {"n": sum(1 for kk, *_ in timings if kk == k),
                           "p50": round(1000 * percentile([s for kk, s, _ in timings if kk == k], .5), 1),
                           "p95": round(1000 * percentile([s for kk, s, _ in timings if kk == k], .95), 1)}
                       for k in kinds},
        "by_kind": {k: {o: sum(1 for kk, _, oo in timings if kk == k and oo == o)
                        for o in ("ok", "idle", "refused")} for k in kinds},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['users']} users, {report['operations']} operations in {report['wall_s']} s: "
          f"{report['done']} done, {report['nothing_to_do']} with nothing to do, "
          f"{report['refused_documented']} refused with the documented message, "
          f"{report['unexpected_errors']} unexpected errors")
    print(f"writes acknowledged {report['writes_acknowledged']}, writes lost {report['writes_lost']}")
    print(f"{'operation':<10}{'n':>6}{'ok':>6}{'refused':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for k in kinds:
        lat, by = report["latency_ms"][k], report["by_kind"][k]
        print(f"{k:<10}{lat['n']:>6}{by['ok']:>6}{by['refused']:>9}{lat['p50']:>9}{lat['p95']:>9}")
    for error in report["unexpected_examples"]:
        print("unexpected:", error)


if __name__ == "__main__":
    main()
