"""The workshop in a real headless Chromium: two tabs, one group writing, the dashboard following.

The terminal in the page is drawn on a canvas, so its text is not in the
page's DOM. What the app shows is read where it arrives instead: a script
added to every page before its own (through the DevTools protocol) keeps the
frames the websocket receives (and its address, which says the terminal's
size: test_phone_browser.py reads it), and the tests search them once stripped
of their escape sequences. A screenshot shows that the page really draws the app.
Everything stays on 127.0.0.x (see conftest.py for Chromium's flags).
"""

from __future__ import annotations

import io
import statistics
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fiction.store.store import Store
from fiction.tui.screens.dashboard import progress_bar
from tests.serve.served import ServedFiction, app_processes, screen_text, wait_for
from tests.workshops import small_workshop

# One worker runs this module under pytest-xdist: its tests share one Chromium (conftest.py).
pytestmark = pytest.mark.xdist_group("serve_browser")

NAME = "Atelier du Mans"
RECORDER = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__fictionScreen = "";
  window.WebSocket = class extends Native {
    constructor(url, ...rest) {
      super(url, ...rest);
      window.__fictionUrl = String(url);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__fictionScreen += decoder.decode(event.data, { stream: true });
        }
      });
    }
  };
})();
"""


class Tab:
    """One browser tab on the served app: read its screen, type into its terminal."""

    def __init__(self, driver: Any, handle: str) -> None:
        self.driver = driver
        self.handle = handle

    @classmethod
    def open(cls, driver: Any, url: str, *, new: bool) -> Tab:
        if new:
            driver.switch_to.new_window("tab")
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        driver.get(url)
        return cls(driver, driver.current_window_handle)

    def focus(self) -> None:
        self.driver.switch_to.window(self.handle)

    def text(self) -> str:
        self.focus()
        return screen_text(self.driver.execute_script("return window.__fictionScreen || ''"))

    def wait_for_text(self, text: str, since: int = 0, timeout: float = 30.0) -> None:
        wait_for(lambda: text in self.text()[since:], timeout, f"« {text} » in the browser", 0.2)

    def press_then_wait(self, keys: str, text: str) -> None:
        """Type `keys`, then wait for `text` to be drawn after them."""
        mark = len(self.text())
        self.type(keys)
        self.wait_for_text(text, since=mark)

    def type(self, keys: str) -> None:
        from selenium.webdriver.common.by import By

        self.focus()
        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(keys)

    def screenshot(self, path: Path) -> Image.Image:
        self.focus()
        png = self.driver.get_screenshot_as_png()
        path.write_bytes(png)
        return Image.open(io.BytesIO(png)).convert("L")


def shows_a_drawn_screen(image: Image.Image) -> bool:
    """Not a blank or single-colour page: many grey levels, spread out."""
    pixels = list(image.resize((320, 200)).tobytes())
    return len(set(pixels)) > 20 and statistics.pstdev(pixels) > 10


def test_two_groups_in_two_tabs_one_writes_and_the_other_sees_it_on_the_dashboard(
    browser, store_path: Path, tmp_path: Path
):
    from selenium.webdriver.common.keys import Keys

    with Store(store_path) as store:
        store.add(small_workshop())
        for number in (1, 2):
            store.set_field(NAME, number, "step", 3, "animation")
    server = ServedFiction(store_path)
    try:
        driver = browser()
        group = Tab.open(driver, server.url, new=False)
        group.wait_for_text("Panda Zen")
        assert "Nouvel atelier" not in group.text()
        group.press_then_wait(Keys.ENTER, "Panda Zen · groupe 1")
        group.wait_for_text("Titre")

        other = Tab.open(driver, server.url, new=True)
        other.wait_for_text("Loutre Curieuse")
        other.type(Keys.ARROW_DOWN)
        other.press_then_wait(Keys.ENTER, "Loutre Curieuse · groupe 2")
        assert len(app_processes(store_path)) == 2
        # The groups' page has no way to the facilitator's screens: its home is
        # choosing a group. The facilitator's page, on this computer, opens the dashboard.
        other.press_then_wait(Keys.ESCAPE, "Votre groupe")
        assert "Nouvel atelier" not in other.text()
        dashboard = Tab.open(driver, f"{server.url}animation", new=True)
        dashboard.wait_for_text("Reprendre un atelier")
        dashboard.press_then_wait("r", NAME)
        dashboard.press_then_wait(Keys.ENTER, "Loutre Curieuse")

        mark = len(dashboard.text())
        group.type("Le café des habitants")

        def saved_title() -> bool:
            with Store(store_path) as store:
                return store.load(NAME).group(1).title == "Le café des habitants"

        wait_for(saved_title, 20, "the title in the store")
        with Store(store_path) as store:
            done, total = store.load(NAME).group(1).progress()
        assert done >= 1
        dashboard.wait_for_text(progress_bar(done, total), since=mark)

        assert shows_a_drawn_screen(dashboard.screenshot(tmp_path / "tableau-de-bord.png"))
        assert shows_a_drawn_screen(group.screenshot(tmp_path / "groupe.png"))
        assert server.interrupt() == 0
        assert app_processes(store_path) == []
    finally:
        server.close()


def test_a_wrong_join_code_is_refused_and_the_right_one_opens_the_app(browser, store_path: Path):
    """Bound to 127.0.0.2, the server asks for the code as on the room's network."""
    from selenium.webdriver.common.by import By

    with Store(store_path) as store:
        store.add(small_workshop())
        store.set_join_code(NAME, "K7PQ4X", "animation")
    server = ServedFiction(store_path, host="127.0.0.2")
    try:
        driver = browser()
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        driver.get(server.url)
        assert driver.current_url == f"{server.url}entree"

        driver.find_element(By.ID, "code").send_keys("ZZZZZZ")
        driver.find_element(By.ID, "entrer").click()
        refusal = wait_for(lambda: driver.find_elements(By.ID, "refus"), 15, "the refusal")
        assert "Ce code ne correspond à aucun atelier" in refusal[0].text
        assert app_processes(store_path) == []

        driver.find_element(By.ID, "code").send_keys("k7pq 4x")
        driver.find_element(By.ID, "entrer").click()
        tab = Tab(driver, driver.current_window_handle)
        tab.wait_for_text("Rejoindre un groupe")
        assert driver.current_url == server.url
        assert len(app_processes(store_path)) == 1
        assert "est entré avec le code de « Atelier du Mans »" in server.output()
        assert server.interrupt() == 0
    finally:
        server.close()
