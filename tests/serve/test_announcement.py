"""What the facilitator reads when the server starts: where to go, the QR code, the join codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.serve import address
from fiction.serve.launch import announcement
from fiction.serve.server import ServeSettings
from fiction.store.store import Store
from tests.workshops import small_workshop


@pytest.mark.parametrize(
    ("host", "needs_code", "local"),
    [
        ("127.0.0.1", False, True),
        ("localhost", False, True),
        ("::1", False, True),
        ("[::1]", False, True),
        ("127.0.0.2", True, True),
        ("0.0.0.0", True, False),
        ("192.168.1.20", True, False),
        ("::", True, False),
    ],
)
def test_only_the_usual_loopback_addresses_serve_without_a_code(host, needs_code, local):
    assert address.needs_code(host) is needs_code
    assert address.on_this_computer_only(host) is local


def test_on_every_address_the_room_gets_this_computers_network_addresses():
    links = address.urls("0.0.0.0", 8000)

    assert links
    for link in links:
        assert link.startswith("http://") and link.endswith(":8000/")
        assert "127.0.0.1" not in link and "0.0.0.0" not in link


def test_an_ipv6_address_is_bracketed_in_the_link():
    assert address.urls("fd00::20", 8000) == ["http://[fd00::20]:8000/"]


def test_for_the_room_it_prints_a_qr_code_of_the_address_and_every_join_code(store_path: Path):
    with Store(store_path) as store:
        store.add(small_workshop())
        store.add(small_workshop("Atelier de Laval"))
        store.set_join_code("Atelier de Laval", "LAVAL53", "animation")
        text = announcement(ServeSettings("192.168.1.20", 8000, store_path), 8000, store)
        drawn = store.join_code("Atelier du Mans")

    assert "Ouvrez dans le navigateur : http://192.168.1.20:8000/" in text
    assert address.qr_code("http://192.168.1.20:8000/").rstrip("\n") in text
    assert "  Atelier de Laval : LAVAL53" in text
    assert f"  Atelier du Mans : {drawn}" in text
    assert len(drawn) == 6


def test_on_this_computer_only_there_is_neither_qr_code_nor_join_code(store_path: Path):
    with Store(store_path) as store:
        store.add(small_workshop())
        text = announcement(ServeSettings("127.0.0.1", 8000, store_path), 8000, store)
        assert store.join_code("Atelier du Mans") == ""

    assert "cet ordinateur seulement" in text
    assert "▀" not in text and "code d'entrée" not in text


def test_with_no_workshop_yet_it_says_how_the_code_will_come(store_path: Path):
    with Store(store_path) as store:
        text = announcement(ServeSettings("0.0.0.0", 8000, store_path), 8000, store)

    assert "Aucun atelier dans cette base" in text
    assert "fiction session code NOM" in text


def test_a_qr_code_is_drawn_with_half_blocks_on_lines_of_equal_width():
    lines = address.qr_code("http://192.168.1.20:8000/").rstrip("\n").splitlines()

    assert len({len(line) for line in lines}) == 1
    assert set("".join(lines)) <= set(" ▀▄█\x1b[0123456789;m")
