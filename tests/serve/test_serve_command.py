"""`fiction serve` as a facilitator runs it: tabs get the app, Ctrl+C saves and closes them all.

The server runs in its own process; tabs are websocket clients speaking
textual-serve's protocol (the browser itself is in test_browser.py).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from fiction.store.store import Store
from tests.serve.served import (
    ENTRY,
    ServedFiction,
    Terminal,
    app_processes,
    reset_tab,
    wait_for,
)
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
_SESSIONS = re.compile(r"^Session (?:ouverte|fermée).* : (.+) en cours\.$", re.MULTILINE)


@pytest.fixture
def served(store_path: Path):
    """A factory of running servers on the test's store, killed at the end if still up."""
    running: list[ServedFiction] = []

    def start(host: str = "127.0.0.1") -> ServedFiction:
        running.append(ServedFiction(store_path, host))
        return running[-1]

    yield start
    for server in running:
        server.close()


@pytest.fixture
def terminals():
    opened: list[Terminal] = []

    def open_tab(url: str) -> Terminal:
        opened.append(Terminal(url))
        return opened[-1]

    yield open_tab
    for terminal in opened:
        terminal.close()


def test_each_tab_gets_its_own_app_and_ctrl_c_closes_them_all(served, terminals, store_path):
    server = served()
    tabs = [terminals(server.url) for _ in range(2)]
    for tab in tabs:
        tab.wait_for_text("Votre groupe")
    assert len(app_processes(store_path)) == 2

    assert server.interrupt() == 0

    assert app_processes(store_path) == []
    assert all(tab.closed(timeout=5) for tab in tabs)
    output = server.output()
    assert f"Ouvrez dans le navigateur : {server.url}" in output
    assert "cet ordinateur seulement" in output
    assert "fiction serve est arrêté : tout ce qui a été écrit est enregistré." in output
    assert "Traceback" not in output


def test_tabs_that_reset_their_connection_leave_ctrl_c_clean(served, terminals, store_path):
    server = served()
    healthy = terminals(server.url)
    healthy.wait_for_text("Votre groupe")
    for after in (0.0, 0.0, 0.5, 2.0):
        reset_tab(server.url, after)
    wait_for(
        lambda: (
            _SESSIONS.findall(server.output())[-1:] == ["1 session"]
            and len(app_processes(store_path)) == 1
        ),
        30,
        "the dropped tabs' sessions to close",
    )
    reset_tab(server.url, 0.3)  # and one more, dropped as Ctrl+C is typed

    assert server.interrupt() == 0

    assert healthy.closed(timeout=5)
    assert healthy.close_code == 1001  # going away, and the page says the session has ended
    assert app_processes(store_path) == []
    output = server.output()
    assert "fiction serve est arrêté : tout ce qui a été écrit est enregistré." in output
    assert "Session fermée : aucune session en cours." in output
    assert "Traceback" not in output
    assert "Erreur inattendue" not in output


def test_ctrl_c_right_after_typing_loses_nothing(served, terminals, store_path):
    with Store(store_path) as store:
        store.add(small_workshop())
        store.set_field(NAME, 1, "step", 3, "animation")  # the scenario: the title has focus
    server = served()
    tab = terminals(server.url)
    tab.wait_for_text("Votre groupe")
    tab.wait_for_text("Panda Zen")
    tab.press("\r")
    tab.wait_for_text("Titre")
    mark = len(tab.text())
    tab.press(*"Le café des habitants")
    tab.wait_for_text("habitants", since=mark)

    # Well within the half-second the app waits before saving what is typed.
    assert server.interrupt() == 0

    with Store(store_path) as store:
        assert store.load(NAME).group(1).title == "Le café des habitants"
    assert app_processes(store_path) == []


def test_bound_to_another_address_it_prints_each_join_code_and_asks_for_it(served, store_path):
    with Store(store_path) as store:
        store.add(small_workshop())
    server = served("127.0.0.2")

    with Store(store_path) as store:
        code = store.join_code(NAME)
    output = server.output()
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    assert f"  {NAME} : {code}" in output
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.url}static/js/textual.js", timeout=10)
    assert refused.value.code == 403
    with urllib.request.urlopen(server.url, timeout=10) as page:
        assert page.url.endswith("/entree")
        assert "Rejoindre l'atelier" in page.read().decode("utf-8")


def test_a_port_already_taken_is_refused_in_french(store_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-c", ENTRY, "serve", "--port", port, "--store", str(store_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert result.returncode == 1
    assert f"Impossible d'écouter sur 127.0.0.1, port {port}" in result.stderr
    assert "--port" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_store_that_is_not_ours_is_refused_before_serving(store_path):
    store_path.write_bytes(b"ceci n'est pas une base" * 10)

    result = subprocess.run(
        [sys.executable, "-c", ENTRY, "serve", "--port", "0", "--store", str(store_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "n'est pas une base d'ateliers fiction" in result.stderr
    assert "Ouvrez dans le navigateur" not in result.stdout


def test_the_wait_helper_gives_up_in_bounded_time():
    with pytest.raises(AssertionError, match="gave up after 0 s waiting for nothing"):
        wait_for(lambda: False, 0.2, "nothing")
