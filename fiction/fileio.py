"""Writing files so that a crash never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fiction.errors import FictionError


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, fsync and rename.

    Readers see either the old file or the whole new one, never a torn write.
    """
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """`write_atomically` for bytes (a PDF, a picture)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FictionError(
            f"Impossible d'écrire dans le dossier « {folder} » ({error.strerror or error})."
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FictionError(
            f"Impossible d'écrire « {path} » ({error.strerror or error})."
        ) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
