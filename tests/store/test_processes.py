"""Real processes: a SIGKILL loses no acknowledged edit; ten writers lose nothing."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fiction.store.location import StoreLocation, location_argument
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
WRITER = Path(__file__).with_name("writer_process.py")
WRITERS = 10
EDITS_EACH = 20


def _start(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _acknowledged(lines: list[str]) -> list[tuple[int, int | None, str, object]]:
    edits = []
    for line in lines:
        seq, group, path, value = line.rstrip("\n").split("\t")
        edits.append((int(seq), None if group == "None" else int(group), path, json.loads(value)))
    return edits


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_process_killed_mid_stream_loses_no_acknowledged_edit(store_location: StoreLocation):
    with Store(store_location) as store:
        store.add(small_workshop())
    child = _start("stream", location_argument(store_location), NAME)
    lines = [child.stdout.readline() for _ in range(150)]
    os.kill(child.pid, signal.SIGKILL)
    lines += child.stdout.readlines()  # acknowledged before the kill, still in the pipe
    child.wait()
    assert child.returncode == -signal.SIGKILL
    acknowledged = _acknowledged([line for line in lines if line.endswith("\n")])
    assert len(acknowledged) >= 150

    with Store(store_location) as reopened:
        history = {edit.seq: edit for edit in reopened.history(NAME)}
        workshop = reopened.load(NAME)
    for seq, group, path, value in acknowledged:
        assert (history[seq].group, history[seq].path, history[seq].new) == (group, path, value)
    last_seq = max(history)
    for group in workshop.groups:
        for field in ("title", "narrative", "question", "purpose"):
            edits = [e for e in history.values() if e.group == group.number and e.path == field]
            if edits:
                assert getattr(group, field) == max(edits, key=lambda e: e.seq).new
    assert last_seq in (acknowledged[-1][0], acknowledged[-1][0] + 1)


def test_ten_writer_processes_on_one_workshop_lose_no_edit(store_location: StoreLocation):
    with Store(store_location) as store:
        store.add(small_workshop())
        store.start_phase(NAME, 0, "animatrice")
    writers = [
        _start("writer", location_argument(store_location), NAME, str(n), str(EDITS_EACH))
        for n in range(WRITERS)
    ]
    for process in writers:
        assert process.stdout.readline() == "prêt\n"
    for process in writers:  # all start together
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=120) for process in writers]
    assert [process.returncode for process in writers] == [0] * WRITERS, outputs[0][1]
    acknowledged = [edit for out, _ in outputs for edit in _acknowledged(out.splitlines())]

    with Store(store_location) as reopened:
        history = reopened.history(NAME)
        workshop = reopened.load(NAME)
    per_writer = EDITS_EACH * 2 + 5
    assert len(acknowledged) == WRITERS * per_writer
    assert [edit.seq for edit in history] == list(range(1, WRITERS * per_writer + 2))
    by_seq = {edit.seq: edit for edit in history}
    for seq, group, path, value in acknowledged:
        assert (by_seq[seq].group, by_seq[seq].path, by_seq[seq].new) == (group, path, value)

    # Every edit of one field read the value the previous one wrote: none was lost.
    for path in ("narrative", "phase"):
        chain = [edit for edit in history if edit.path == path]
        for before, after in itertools.pairwise(chain):
            assert after.old == before.new
    assert workshop.group(1).narrative == [e for e in history if e.path == "narrative"][-1].new
    assert workshop.phase.extra_minutes == WRITERS * 5
    sounds = sorted(segment.sound for segment in workshop.group(2).segments)
    expected = sorted(f"{n}-{i}" for n in range(WRITERS) for i in range(EDITS_EACH))
    assert sounds == expected
    assert len({segment.id for segment in workshop.group(2).segments}) == WRITERS * EDITS_EACH
