"""Wrong join codes slow a client down, more at each miss, never beyond the ceiling."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from fiction.serve.throttle import Throttle
from tests.profiles import examples


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@settings(max_examples=examples(60), deadline=None)
@given(misses=st.integers(1, 80), first=st.floats(0.1, 5), ceiling=st.floats(5, 120))
def test_each_miss_waits_at_least_as_long_as_the_last_and_never_beyond_the_ceiling(
    misses: int, first: float, ceiling: float
):
    clock = Clock()
    throttle = Throttle(clock, first_delay=first, max_delay=ceiling)

    waits = []
    for _ in range(misses):
        waits.append(throttle.failed("192.168.1.20"))
        clock.now += waits[-1]

    assert waits[0] == first
    assert all(later >= earlier for earlier, later in itertools.pairwise(waits))
    assert max(waits) <= ceiling
    if misses >= 12:
        assert waits[-1] == ceiling


def test_a_client_must_wait_out_its_delay_before_trying_again():
    clock = Clock()
    throttle = Throttle(clock, first_delay=1.0)

    assert throttle.wait_left("a") == 0
    throttle.failed("a")
    throttle.failed("a")
    assert throttle.wait_left("a") == 2.0
    clock.now += 1.5
    assert throttle.wait_left("a") == 0.5
    clock.now += 0.5
    assert throttle.wait_left("a") == 0


def test_one_clients_misses_do_not_slow_another():
    throttle = Throttle(Clock())

    throttle.failed("a")

    assert throttle.wait_left("b") == 0
    assert throttle.failed("b") == throttle.first_delay


def test_a_long_quiet_forgets_the_misses():
    clock = Clock()
    throttle = Throttle(clock, forget_after=600)
    for _ in range(5):
        throttle.failed("a")

    clock.now += 601

    assert throttle.failed("a") == throttle.first_delay


def test_a_right_code_keeps_the_misses_counted_for_any_other_workshop():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(3):
        assert throttle.reserve("a") == 0
        clock.now += throttle.failed("a")

    assert throttle.reserve("a") == 0
    throttle.succeeded("a")  # the code of the workshop this participant belongs to

    assert throttle.reserve("a") == 0
    assert throttle.failed("a") == 8.0  # the fourth miss, not a first one


def test_a_reserved_try_turns_away_every_other_try_of_that_client_until_it_is_settled():
    clock = Clock()
    throttle = Throttle(clock)

    assert throttle.reserve("a") == 0
    refused = [throttle.reserve("a") for _ in range(20)]

    assert all(wait > 0 for wait in refused)
    assert throttle.reserve("b") == 0
    throttle.succeeded("a")
    assert throttle.reserve("a") == 0


def test_a_try_that_never_settles_counts_as_a_miss():
    clock = Clock()
    throttle = Throttle(clock)

    assert throttle.reserve("a") == 0  # the request is dropped before its code is read

    assert throttle.wait_left("a") == throttle.first_delay


def test_wrong_codes_from_every_address_together_are_limited_per_window():
    clock = Clock()
    throttle = Throttle(clock, room_misses=10, room_window=60.0)
    for number in range(10):
        client = f"10.0.0.{number}"
        assert throttle.reserve(client) == 0
        throttle.failed(client)
        clock.now += 1.0

    assert throttle.reserve("10.0.1.1") == 50.0  # when the first miss leaves the window
    clock.now += 50.0
    assert throttle.reserve("10.0.1.1") == 0


def test_right_codes_do_not_use_up_the_rooms_allowance():
    throttle = Throttle(Clock(), room_misses=3)
    for number in range(30):
        client = f"10.0.0.{number}"
        assert throttle.reserve(client) == 0
        throttle.succeeded(client)

    assert throttle.reserve("10.0.1.1") == 0


def test_the_table_of_clients_stays_bounded():
    throttle = Throttle(Clock(), max_clients=50)

    for number in range(500):
        throttle.failed(f"10.0.{number // 256}.{number % 256}")

    assert len(throttle._records) == 50
    assert throttle.wait_left("10.0.1.243") > 0  # the latest are the ones kept
