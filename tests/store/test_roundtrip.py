"""Lossless round trips: store tables, JSON and YAML exports give back the same workshop."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fiction.store import exchange, plain
from fiction.store.location import StoreLocation
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
"""The same property through a database, on each backend, and through the exports:
each example costs a store's writes and reads; the plain data's round trip below,
which these rest on, keeps the full count."""


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


EXPORTS = {".json": exchange.to_json, ".yaml": exchange.to_yaml}


@THROUGH_A_STORE
@given(case=workshops_with_history())
def test_store_and_its_exports_give_back_the_workshop_it_was_given(
    tmp_path: Path, store_location: StoreLocation, case: tuple[Workshop, tuple[Edit, ...]]
):
    """The store gives back the workshop it was given, on each backend; on SQLite its
    JSON and YAML exports, imported into another store, give back the same workshop
    and the same bytes. One example serves the three round trips: drawing a workshop
    costs more than storing it. (The exports' bytes on PostgreSQL, the same as on
    SQLite: tests/store/test_postgres.py.)"""
    workshop, history = _unique(case[0]), case[1]
    with Store(store_location) as source:
        source.add(workshop, history)
        snapshot = source.snapshot(workshop.name)
    assert snapshot == (workshop, history)
    if not isinstance(store_location, Path):
        return
    for suffix, write in EXPORTS.items():
        text = write(*snapshot)
        file = tmp_path / f"export{suffix}"
        file.write_text(text, encoding="utf-8")

        with Store(tmp_path / f"target{suffix}.sqlite3") as target:
            target.add(*exchange.read_export(file))
            assert target.snapshot(workshop.name) == (workshop, history), suffix
            assert write(*target.snapshot(workshop.name)) == text, suffix
