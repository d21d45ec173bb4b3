"""Fixtures for the browser tests of `fiction serve`: Debian's Chromium and its driver.

The browser tests drive a real headless Chromium through Selenium, installed
before the tests by scripts/install-system-packages (the README's test command
runs it); a test never installs anything. Every network request of these tests
goes to this machine's loopback addresses; Chromium is started with its
background services off and its host resolver mapped to nothing but loopback,
so not even a font or an update check leaves the machine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SETUP = "scripts/install-system-packages"

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
    # Every name resolves to nothing but the loopback addresses the tests serve on.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2",
)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium and ChromeDriver, which the set-up script installs."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} missing (packages chromium, chromium-driver): "
            f"run `{SETUP}` first."
        )
    return CHROMIUM


class ChromiumPool:
    """Headless Chromium drivers kept for the tests of one module: starting and quitting
    Chromium costs most of a CPU-second, so a test hands its drivers back when it ends
    and the next one gets them reset (`reset`) as good as new."""

    def __init__(self, chromium: Path, folder: Path) -> None:
        self.chromium = chromium
        self.folder = folder
        self.idle: list[Any] = []
        self.started: list[Any] = []

    def take(self) -> Any:
        return self.idle.pop() if self.idle else self._start()

    def _start(self) -> Any:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = str(self.chromium)
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        profile = self.folder / f"chromium-profile-{len(self.started)}"
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(
            service=Service(executable_path=str(CHROMEDRIVER)), options=options
        )
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        self.started.append(driver)
        return driver

    def give_back(self, driver: Any) -> None:
        try:
            reset(driver)
        except Exception:  # a driver that cannot be reset is not reused
            self.started.remove(driver)
            with contextlib.suppress(Exception):
                driver.quit()
        else:
            self.idle.append(driver)

    def quit_all(self) -> None:
        for driver in self.started:
            with contextlib.suppress(Exception):  # quit the others all the same
                driver.quit()


def reset(driver: Any) -> None:
    """Leave `driver` as a fresh one: one new blank tab (the old tabs closed with what was
    set on them: scripts added to their pages, device emulation), and no cookie, cache or
    stored data left from any page it showed."""
    origins = set()
    for handle in driver.window_handles:
        driver.switch_to.window(handle)
        origins.add(driver.execute_script("return location.origin"))
    old = driver.window_handles
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    for handle in old:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(fresh)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    for origin in origins - {"null", ""}:
        driver.execute_cdp_cmd(
            "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
        )
    assert driver.window_handles == [fresh]
    assert driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"] == []


@pytest.fixture(scope="module")
def chromium_pool(
    chromium: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChromiumPool]:
    pool = ChromiumPool(chromium, tmp_path_factory.mktemp("chromium"))
    yield pool
    pool.quit_all()


@pytest.fixture
def browser(chromium_pool: ChromiumPool) -> Iterator[Callable[[], Any]]:
    """A factory of headless Chromium drivers, each as fresh as a new one: on a blank tab, with
    no cookie nor stored data. Within a module they are reused from test to test (`ChromiumPool`);
    a module whose tests should share them runs on one worker (an `xdist_group` mark)."""
    taken: list[Any] = []

    def start() -> Any:
        driver = chromium_pool.take()
        taken.append(driver)
        return driver

    yield start
    for driver in taken:
        chromium_pool.give_back(driver)
