"""Fixtures for the browser tests of `fiction serve`: Debian's Chromium and its driver.

The browser tests drive a real headless Chromium through Selenium. The
project installs what it needs itself (a fresh CI machine has no browser):
the session fixture `chromium` runs apt-get once, as root, when
/usr/bin/chromium or /usr/bin/chromedriver is missing. Every network request
of these tests goes to this machine's loopback addresses; Chromium is started
with its background services off and its host resolver mapped to nothing but
loopback, so not even a font or an update check leaves the machine.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get update && apt-get install -y chromium chromium-driver"
INSTALL_TIMEOUT = 900.0

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
    """Debian's Chromium and ChromeDriver, installed on first use when missing."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return CHROMIUM
    if os.geteuid() != 0:
        pytest.fail(f"Chromium is missing and installing it needs root: run `{INSTALL}` as root.")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    result = subprocess.run(
        INSTALL,
        shell=True,
        env=environment,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )
    if result.returncode != 0 or not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"Installing Chromium failed ({result.returncode}):\n{result.stderr[-2000:]}")
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
