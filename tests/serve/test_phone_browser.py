"""A group on a phone: real headless Chromium at 390 × 844, a touch screen.

The page's terminal is a canvas, so what the app draws is read from the frames
the websocket brings (see test_browser.py), whose recorder also keeps the
websocket's address, which says the terminal's size and that the page told
the app it is on a touch screen. Touches are real touch events (DevTools'
Input.dispatchTouchEvent), not mouse ones.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fiction.store.store import Store
from tests.serve.served import ServedFiction, wait_for
from tests.serve.test_browser import RECORDER, Tab, shows_a_drawn_screen
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
URL = "return window.__fictionUrl"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def phone(browser: Any) -> Any:
    """A Chromium that is a 390 × 844 touch screen, recording what the app draws."""
    driver = browser()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    driver.execute_cdp_cmd(
        "Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5}
    )
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    return driver


def settled(tab: Tab) -> int:
    """Once the app has drawn everything: the stream's length. Only the countdown's line
    is then redrawn, every second, so the stream grows by the same amount each second."""
    lengths = [len(tab.text())]

    def steady() -> bool:
        lengths.append(len(tab.text()))
        growth = [b - a for a, b in zip(lengths[-3:], lengths[-2:], strict=False)]
        return len(lengths) >= 3 and growth[0] == growth[1]

    wait_for(steady, 20, "the app to finish drawing", step=1.0)
    return lengths[-1]


def tap(driver: Any, x: float, y: float) -> None:
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def swipe(driver: Any, x: float, start: float, end: float, steps: int = 12) -> None:
    """A finger from (x, start) to (x, end), in small moves."""
    send = driver.execute_cdp_cmd
    send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": start}]})
    for step in range(1, steps + 1):
        y = start + (end - start) * step / steps
        send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@contextlib.contextmanager
def phone_tab(browser, store_path: Path) -> Iterator[tuple[ServedFiction, Any, Tab]]:
    """The served app in a phone-sized touch browser, its home drawn, on a store holding
    one workshop; the server is closed afterwards."""
    with Store(store_path) as store:
        store.add(small_workshop())
    server = ServedFiction(store_path)
    try:
        driver = phone(browser)
        driver.get(server.url)
        tab = Tab(driver, driver.current_window_handle)
        tab.wait_for_text("Panda Zen")
        yield server, driver, tab
    finally:
        server.close()


def test_on_a_phone_a_group_sees_its_step_whole_a_swipe_scrolls_and_a_tap_on_suivant_goes_on(
    browser, store_path: Path, tmp_path: Path
):
    """One phone journey (a browser, a server and an app started once, seconds of CPU):
    the home, a group's first step drawn whole, a swipe, then a tap on « Suivant »."""
    with phone_tab(browser, store_path) as (server, driver, tab):
        query = parse_qs(urlsplit(driver.execute_script(URL)).query)
        columns = int(query["width"][0])
        assert 36 <= columns < 50, query  # a phone's width: about 40 columns
        assert query["touch"] == ["1"]
        home = tab.text()
        assert "Nouvel atelier" not in home and str(store_path.parent) not in home
        assert "Aide" in home and "Entrée" not in home  # buttons, not keys

        # A tap on the highlighted group (the third line of the groups' list) opens it.
        mark = len(tab.text())
        tab.type("\n")  # the groups' list has the focus: the on-screen keyboard's Entrée
        tab.wait_for_text("Panda Zen · groupe 1", since=mark)
        tab.wait_for_text("Suivant →", since=mark)
        shown = tab.text()[mark:]
        assert "Étape 1 sur 6 · Les cartes" in shown  # the step title, whole
        assert "En attente du départ" in shown  # the countdown, whole
        for key in ("(F2)", "(F3)", "Échap", "Ctrl+Q", "F1 "):
            assert key not in shown, key
        assert "Retour" in shown and "Aide" in shown
        assert shows_a_drawn_screen(tab.screenshot(tmp_path / "telephone-390x844.png"))

        # The last card is far below: a swipe up brings it into view.
        mark = settled(tab)
        later = settled(tab)
        assert "Inspiration" not in tab.text()[mark:later]  # nothing redraws it by itself
        mark = later
        for _ in range(3):
            swipe(driver, 195, 700, 150)
        wait_for(lambda: "Inspiration" in tab.text()[mark:], 20, "the last card after swipes")
        tab.screenshot(tmp_path / "telephone-apres-glissement.png")

        # A tap on « Suivant → » opens the next step; it sits at the right of the line above
        # the Retour / Aide buttons, which stay in place when the cards scroll.
        mark = len(tab.text())
        rows = int(query["height"][0])
        left, top, width, height = driver.execute_script(
            "const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
            "return [r.left, r.top, r.width, r.height];"
        )
        tap(driver, left + width - 40, top + height * (rows - 1.5) / rows)
        wait_for(lambda: "Étape 2 sur 6" in tab.text()[mark:], 20, "step 2 after the tap")
        assert server.interrupt() == 0
