"""Entry passes: only the server that signed one accepts it, and only for a while."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fiction.serve.passes import Passes
from tests.profiles import examples

SECRET = b"s" * 32


class Clock:
    now = 1_741_780_800.0

    def __call__(self) -> float:
        return self.now


@settings(max_examples=examples(50), deadline=None)
@given(name=st.text(min_size=1, max_size=80))
def test_a_pass_names_the_workshop_it_was_issued_for(name: str):
    passes = Passes(SECRET, Clock())

    assert passes.check(passes.issue(name)) == name


def test_a_pass_of_another_server_run_is_refused():
    clock = Clock()
    token = Passes(SECRET, clock).issue("Atelier du Mans")

    assert Passes(b"t" * 32, clock).check(token) is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),
        lambda token: "W1wiQXV0cmUgYXRlbGllclwiLDBd" + token[token.index(".") :],
        lambda token: token.replace(".", ""),
        lambda token: "",
        lambda token: "..",
        lambda token: "e30." + token.split(".")[1],
    ],
)
def test_a_forged_or_damaged_pass_is_refused(forge):
    passes = Passes(SECRET, Clock())

    assert passes.check(forge(passes.issue("Atelier du Mans"))) is None


def test_a_pass_expires_after_its_lifetime():
    clock = Clock()
    passes = Passes(SECRET, clock, lifetime=3600)
    token = passes.issue("Atelier du Mans")

    clock.now += 3599
    assert passes.check(token) == "Atelier du Mans"
    clock.now += 2
    assert passes.check(token) is None


def test_two_browsers_entering_in_the_same_second_get_different_passes():
    passes = Passes(SECRET, Clock())

    first, second = passes.issue("Atelier du Mans"), passes.issue("Atelier du Mans")

    assert first != second
    assert passes.check(first) == passes.check(second) == "Atelier du Mans"
