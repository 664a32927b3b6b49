"""Store fixtures: a store URL on each database, and a throwaway PostgreSQL server to stop.

``db_url`` is a fresh SQLite file, and the server of ``DESTINATIONS_TEST_PG_URL`` when set (CI
sets it; see .ci/run). ``pg_server`` starts a PostgreSQL of its own (the binaries of .ci/run, run
as the ``postgres`` user when the tests run as root) so a test can stop it under a live store.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from destinations.scenarios.scenario import Scenario

#: Document kinds the store tests write (cleared on the shared PostgreSQL before each test).
TEST_KINDS = ["scenario", "story", "test-doc"]


@pytest.fixture(scope="session")
def today(base):
    return Scenario.from_base(base)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url = os.environ.get("DESTINATIONS_TEST_PG_URL")
    if not url:
        pytest.skip("DESTINATIONS_TEST_PG_URL is not set (CI sets it; see .ci/run)")
    from destinations.store import DocumentStore, document_heads, documents

    store = DocumentStore(url)  # creates the tables
    with store.engine.begin() as conn:
        for table in (documents, document_heads):
            conn.execute(table.delete().where(table.c.kind.in_(TEST_KINDS)))
    store.engine.dispose()
    return url


@dataclass
class PgServer:
    """A PostgreSQL server of this test session: ``url``, and ``stop()`` / ``start()``."""

    bin_dir: Path
    data_dir: Path
    port: int
    as_postgres: bool

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *argv: str) -> None:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if self.as_postgres:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(map(_quote, command))]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def listening(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def start(self) -> None:
        """Start the server (nothing to do when it runs); returns once it accepts connections."""
        if not self.listening():
            self._run("pg_ctl", "-D", str(self.data_dir), "-o",
                      f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1",
                      "-l", str(self.data_dir / "server.log"), "-w", "start")
        deadline = time.monotonic() + 30
        while not self.listening():
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL on port {self.port} did not come up")
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server at once (as a crash or a pulled cable would); nothing if it is down."""
        if self.listening():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A running throwaway PostgreSQL (skipped where the binaries or psycopg are missing)."""
    pytest.importorskip("psycopg")
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL binaries are not installed (apt-get install postgresql)")
    as_postgres = os.geteuid() == 0  # initdb refuses to run as root
    if as_postgres:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a 'postgres' user to run the server")
    data_dir = Path(tempfile.mkdtemp(prefix="destinations-test-pg-"))
    if as_postgres:
        shutil.chown(data_dir, "postgres")
    server = PgServer(Path(found[-1]).parent, data_dir, _free_port(), as_postgres)
    server._run("initdb", "-D", str(data_dir), "-U", "postgres", "--auth=trust")
    server.start()
    yield server
    server.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def running_pg(pg_server):
    """The throwaway server, running at the start of the test (a test may stop it)."""
    pg_server.start()
    return pg_server
