"""Writing files so that a crash never leaves half of one behind, and reading
files of a shared folder (a deck, a template folder) without leaving it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from fiction.errors import FictionError


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, fsync and rename.

    Readers see either the old file or the whole new one, never a torn write.
    """
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """`write_atomically` for bytes (a PDF, a picture), for what `path` really is.

    A symlink is written through: its target is replaced, the link stays. A
    character device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written
    to directly: renaming a file over it would replace the device itself (as
    root, `-o /dev/null` would break the machine), and "atomic" means nothing
    for a stream. A block device (a disk) or a folder is refused. A replaced
    file keeps its mode; a new one gets the mode any program would give it.
    """
    path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _cannot_write(path, error) from error
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_stream(path, data)
        return
    if mode is not None and not stat.S_ISREG(mode):
        what = "est un dossier" if stat.S_ISDIR(mode) else "n'est pas un fichier ordinaire"
        raise FictionError(f"Impossible d'écrire « {path} » : ce chemin {what}.")
    folder = path.parent
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
            os.fchmod(stream.fileno(), stat.S_IMODE(mode) if mode else _default_mode())
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, error) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_stream(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb", buffering=0) as stream:
            view = memoryview(data)
            while view:
                view = view[stream.write(view) :]
    except OSError as error:
        raise _cannot_write(path, error) from error


def _default_mode() -> int:
    """0o666 less the umask, as `open()` would create the file."""
    try:  # Linux says it without changing it (os.umask would, for every thread)
        status = Path("/proc/self/status").read_text(encoding="ascii")
        umask = int(status.split("Umask:", 1)[1].split()[0], 8)
    except (OSError, IndexError, ValueError):
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


def _cannot_write(path: Path, error: OSError) -> FictionError:
    return FictionError(f"Impossible d'écrire « {path} » ({error.strerror or error}).")


def outside_reason(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a file of the folder `root`, in French, or None.

    A shared folder is read only through real files inside it: a symlink (to the
    file or to a folder on the way) could point anywhere on the machine, and a
    FIFO or a device would block or never end.
    """
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    if not path.is_relative_to(root):
        return "il est hors de son dossier"
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return (
                "c'est un lien symbolique"
                if current == path
                else (f"le dossier « {current.name} » est un lien symbolique")
            )
    if not path.resolve().is_relative_to(root.resolve()):
        return "il est hors de son dossier"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"illisible ({error.strerror or error})"
    if not stat.S_ISREG(mode):
        return "ce n'est pas un fichier ordinaire"
    return None
