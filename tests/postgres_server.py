"""A throwaway PostgreSQL server for the tests: Debian's binaries, a cluster in a
temporary folder, a Unix socket only, gone when the tests end.

PostgreSQL refuses to run as root, and CI runs as root: the cluster then belongs
to the `postgres` user Debian's package creates (`runuser`), and the tests,
still root, reach it through its socket with `trust` authentication. A
developer running the tests as themselves runs the server as themselves.

Where no PostgreSQL binaries are found, `find_binaries` says why in one line
(the tests using the server are skipped with that reason);
`scripts/install-system-packages` installs them.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "postgresql-15"
SERVER_USER = "postgres"
SUPERUSER = "fiction"


def find_binaries() -> Path | str:
    """The folder holding `initdb` and `pg_ctl`, or the reason none is usable."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path))
    for initdb in candidates:
        if (initdb.parent / "pg_ctl").exists():
            return initdb.parent
    return (
        f"PostgreSQL n'est pas installé (paquet Debian {PACKAGE}) : "
        "lancez scripts/install-system-packages."
    )


@dataclass(frozen=True)
class Server:
    """A running cluster: connect with `url(database)`."""

    socket_dir: Path
    port: int
    """Only names the socket file: the server listens on no TCP address."""

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"


def _as_server_user() -> list[str]:
    """The prefix running a command as a user PostgreSQL accepts (not root)."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError as missing:
        raise RuntimeError(
            f"the tests run as root and no « {SERVER_USER} » user exists to run PostgreSQL"
        ) from missing
    return ["runuser", "-u", SERVER_USER, "--"]


@contextlib.contextmanager
def running_server(
    binaries: Path, port: int = 5432, *, durable: bool = False, folder: Path | None = None
) -> Iterator[Server]:
    """Start a fresh cluster on a Unix socket, yield it, stop it and remove its files.

    The tests' cluster writes nothing to disk before it must (fsync, synchronous
    commit and full-page writes off); `durable` keeps PostgreSQL's defaults, for a
    benchmark measuring real writes. Its files go in `folder` (the system's
    temporary folder by default)."""
    root = Path(tempfile.mkdtemp(prefix="fiction-pg-", dir=folder))
    data, sockets = root / "data", root / "socket"
    sockets.mkdir()
    prefix = _as_server_user()
    if prefix:
        entry = pwd.getpwnam(SERVER_USER)
        for owned in (root, sockets):
            os.chown(owned, entry.pw_uid, entry.pw_gid)
    quiet = {"check": True, "capture_output": True, "text": True}
    pg_ctl = [*prefix, str(binaries / "pg_ctl"), "-D", str(data)]
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    try:
        try:
            subprocess.run(
                [
                    *prefix,
                    str(binaries / "initdb"),
                    *("-D", str(data), "-U", SUPERUSER, "--auth=trust"),
                    *("--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"),
                ],
                **quiet,
            )
            subprocess.run(
                [*pg_ctl, "-o", options, "-l", str(root / "server.log"), "-w", "start"], **quiet
            )
        except subprocess.CalledProcessError as failed:
            log = root / "server.log"
            detail = log.read_text() if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {failed.stderr}{detail}") from failed
        try:
            yield Server(sockets, port)
        finally:
            subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
