"""Lossless round trips: store tables, JSON and YAML exports give back the same workshop."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fiction.store import exchange, plain
from fiction.store.model import Edit, Workshop
from fiction.store.store import Store
from tests.profiles import examples
from tests.store.strategies import workshops_with_history

_counter = itertools.count()
ROUND_TRIP = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
THROUGH_A_STORE = settings(ROUND_TRIP, max_examples=examples(20))
"""The same property through a database, on each backend and export format: each
example costs a store's writes and reads; the plain data's round trip above, which
these rest on, keeps the full count."""


def _unique(workshop: Workshop) -> Workshop:
    """A name no earlier example used, so one store serves every example."""
    return dataclasses.replace(workshop, name=f"{workshop.name} #{next(_counter)}")


@ROUND_TRIP
@given(case=workshops_with_history())
def test_plain_data_reads_back_as_the_same_workshop(case: tuple[Workshop, tuple[Edit, ...]]):
    workshop, history = case
    data = exchange.document(workshop, history)
    assert plain.workshop_from_data(data["workshop"]) == workshop
    assert plain.history_from_data(data["history"], "history", len(workshop.groups)) == history


@THROUGH_A_STORE
@given(case=workshops_with_history())
def test_store_gives_back_the_workshop_it_was_given(
    store_location, case: tuple[Workshop, tuple[Edit, ...]]
):
    workshop, history = _unique(case[0]), case[1]
    with Store(store_location) as store:
        store.add(workshop, history)
        assert store.snapshot(workshop.name) == (workshop, history)


@pytest.mark.sqlite_only  # the exports' bytes on PostgreSQL: tests/store/test_postgres.py
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@THROUGH_A_STORE
@given(case=workshops_with_history())
def test_export_then_import_gives_an_identical_workshop(
    tmp_path: Path, store_location, suffix: str, case: tuple[Workshop, tuple[Edit, ...]]
):
    workshop, history = _unique(case[0]), case[1]
    write = exchange.to_json if suffix == ".json" else exchange.to_yaml
    with Store(store_location) as source:
        source.add(workshop, history)
        text = write(*source.snapshot(workshop.name))
    file = tmp_path / f"export{suffix}"
    file.write_text(text, encoding="utf-8")

    with Store(tmp_path / "target.sqlite3") as target:
        target.add(*exchange.read_export(file))
        assert target.snapshot(workshop.name) == (workshop, history)
        assert write(*target.snapshot(workshop.name)) == text
