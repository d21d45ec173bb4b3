"""Fixtures for the browser tests of `fiction serve`: Debian's Chromium and its driver.

The browser tests drive a real headless Chromium through Selenium, installed
before the tests by scripts/install-system-packages (the README's test command
runs it); a test never installs anything. Every network request of these tests
goes to this machine's loopback addresses; Chromium is started with its
background services off and its host resolver mapped to nothing but loopback,
so not even a font or an update check leaves the machine.
"""

from __future__ import annotations

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


@pytest.fixture
def browser(chromium: Path, tmp_path: Path) -> Iterator[Callable[[], Any]]:
    """A factory of headless Chromium drivers, each with a fresh profile; all quit at the end."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []

    def start() -> Any:
        options = webdriver.ChromeOptions()
        options.binary_location = str(chromium)
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        profile = tmp_path / f"chromium-profile-{len(drivers)}"
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(
            service=Service(executable_path=str(CHROMEDRIVER)), options=options
        )
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()
