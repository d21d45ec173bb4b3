"""When the server stops, the app's page says so in French, in a real headless Chromium:
stopped by the facilitator (Ctrl+C: the tab is closed as "going away") or gone without a
word (the connection is lost)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from fiction.store.store import Store
from tests.serve.served import ServedFiction, app_processes, wait_for
from tests.workshops import small_workshop

# One worker runs this module under pytest-xdist: its tests share one Chromium (conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("stopped_page")]

DIALOG = "return document.querySelector('.fermeture').innerText"


def opened_app(browser, server: ServedFiction):
    driver = browser()
    driver.get(server.url)
    wait_for(
        lambda: driver.execute_script("return document.body.classList.contains('-first-byte')"),
        40,
        "the app drawn in the page",
    )
    return driver


def closed_dialog(driver) -> str:
    wait_for(
        lambda: driver.execute_script("return document.body.classList.contains('-closed')"),
        40,
        "the closing dialog",
    )
    return driver.execute_script(DIALOG)


@pytest.mark.parametrize("how", ["ctrl-c", "lost"])
def test_the_page_says_in_french_that_the_server_stopped(browser, store_path: Path, how: str):
    with Store(store_path) as store:
        store.add(small_workshop())
    server = ServedFiction(store_path)
    try:
        driver = opened_app(browser, server)
        if how == "ctrl-c":
            assert server.interrupt() == 0
            text = closed_dialog(driver)
            assert "Le serveur de l'atelier s'est arrêté" in text
            assert "Tout ce qui a été écrit est enregistré" in text
        else:
            server.close()  # killed: no closing word reaches the tab
            text = closed_dialog(driver)
            assert "La connexion avec le serveur de l'atelier est perdue" in text
        assert "La session est terminée" not in text
        assert "Rouvrir l'atelier" in text
    finally:
        server.close()
        # A server killed outright cannot stop its app processes, and today they outlive
        # it: stop those this test started.
        for pid in app_processes(store_path):
            os.kill(pid, signal.SIGTERM)
        wait_for(lambda: app_processes(store_path) == [], 30, "the app processes gone")
