"""Writing an output (`-o`): whole or not at all, and never replacing what the
path really is (a symlink's target, a device, a FIFO)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.fileio import write_atomically, write_bytes_atomically


def test_a_new_file_is_written_whole(tmp_path: Path):
    write_atomically(tmp_path / "sortie.md", "Bonjour")

    assert (tmp_path / "sortie.md").read_text(encoding="utf-8") == "Bonjour"
    assert [p.name for p in tmp_path.iterdir()] == ["sortie.md"]


def test_a_new_file_gets_the_usual_mode_not_a_private_one(tmp_path: Path):
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "sortie.md", "Bonjour")
    finally:
        os.umask(previous)

    assert stat.S_IMODE((tmp_path / "sortie.md").stat().st_mode) == 0o644


def test_replacing_a_file_keeps_its_mode(tmp_path: Path):
    target = tmp_path / "sortie.md"
    target.write_text("ancien", encoding="utf-8")
    target.chmod(0o640)

    write_atomically(target, "nouveau")

    assert target.read_text(encoding="utf-8") == "nouveau"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path):
    real = tmp_path / "vrai.md"
    real.write_text("ancien", encoding="utf-8")
    link = tmp_path / "lien.md"
    link.symlink_to(real)

    write_atomically(link, "nouveau")

    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "nouveau"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path):
    link = tmp_path / "lien.md"
    link.symlink_to(tmp_path / "cible.md")

    write_atomically(link, "nouveau")

    assert link.is_symlink() and (tmp_path / "cible.md").read_text(encoding="utf-8") == "nouveau"


def test_dev_null_is_written_to_not_replaced():
    write_bytes_atomically(Path("/dev/null"), b"rien")

    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full here")
def test_dev_full_is_a_french_error_and_stays_a_device():
    with pytest.raises(FictionError, match="Impossible d'écrire « /dev/full »"):
        write_bytes_atomically(Path("/dev/full"), b"x" * 10_000)

    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path):
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()

    write_bytes_atomically(fifo, b"bonjour")
    reader.join(timeout=30)

    assert received == [b"bonjour"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_folder_is_refused_in_french(tmp_path: Path):
    with pytest.raises(FictionError, match="est un dossier"):
        write_atomically(tmp_path, "x")


def test_a_path_under_a_regular_file_is_a_french_error(tmp_path: Path):
    (tmp_path / "fichier").write_text("x", encoding="utf-8")

    with pytest.raises(FictionError, match="Impossible d'écrire"):
        write_atomically(tmp_path / "fichier" / "sortie.md", "x")
