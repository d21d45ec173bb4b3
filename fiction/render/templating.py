"""The Jinja2 environment of the print templates, and where templates are found.

Autoescape is on for every HTML template: what groups type (a `<script>`, an
`<img src=file:///…>`) prints as text, never as markup. StrictUndefined turns
a misspelt variable in a custom template into an error instead of a silent
blank. Every printed string goes through the French typography of
`typography.french_spacing` (the environment's `finalize`), so no template can
forget it. A user's folder (`--templates DIR`) comes first: any template
named like a built-in one replaces it, the rest still come from the built-in
folder.

Templates are code from whoever wrote the folder, so they run in the project's
one sandbox (`fiction.sandbox`, the one deck templates run in): no reaching into
Python, no template read through a symlink or from outside its folder, and a
budget of time and size that ends in a French error naming the template.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fiction.errors import FictionError
from fiction.render.typography import french_spacing
from fiction.resources import data_dir


@dataclass(frozen=True)
class TemplateFolders:
    """The folders templates, stylesheets and fonts are read from, first one first."""

    builtin: Path
    user: Path | None = None

    @classmethod
    def chosen(cls, user: Path | None = None) -> TemplateFolders:
        """The built-in folder, behind the user's own folder if one is given."""
        if user is not None and not Path(user).is_dir():
            raise FictionError(f"Le dossier de modèles « {user} » n'existe pas.")
        return cls(data_dir("templates").resolve(), Path(user).resolve() if user else None)

    @property
    def search_path(self) -> tuple[Path, ...]:
        return (self.user, self.builtin) if self.user else (self.builtin,)

    def fingerprint(self) -> tuple[object, ...]:
        """What the folders hold: every file's path, size and modification time.

        A template, stylesheet or font added, removed or changed on disk changes
        the fingerprint, so nothing prepared from the old files is used again.
        """
        files = []
        for folder in self.search_path:
            for path in sorted(folder.rglob("*")):
                try:
                    stat = path.lstat()  # a file swapped for a symlink changes it too
                except OSError:
                    continue
                files.append((str(path), stat.st_mode, stat.st_size, stat.st_mtime_ns))
        return tuple(files)


def environment(folders: TemplateFolders) -> Any:
    """A sandboxed Jinja2 environment over `folders` (Jinja2 is imported here, when printing)."""
    import jinja2

    from fiction.sandbox import PRINT_LIMITS, FolderLoader, sandboxed

    env = sandboxed(
        FolderLoader(folders.search_path),
        limits=PRINT_LIMITS,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        finalize=_typeset,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["lines"] = lines
    env.filters["mm"] = millimetres
    return env


@functools.lru_cache(maxsize=8)
def _kept_environment(folders: TemplateFolders, fingerprint: tuple[object, ...]) -> Any:
    """The environment of `folders` as they are now, kept with its compiled templates.

    Compiling the card templates takes longer than filling them, and the app and
    the server print again and again from the same folders. `fingerprint` is in
    the key, so a folder whose files changed gets a new environment; each
    rendering keeps its own budget (`fiction.sandbox`), so sharing one is safe.
    """
    return environment(folders)


def render(folders: TemplateFolders, name: str, **context: Any) -> str:
    """Render template `name`; a broken custom template is reported in French."""
    import jinja2
    from jinja2.sandbox import SecurityError

    from fiction.sandbox import BudgetExceeded, TemplateRefused

    try:
        template = _kept_environment(folders, folders.fingerprint()).get_template(name)
        return template.render(**context)
    except TemplateRefused:
        raise
    except jinja2.TemplateNotFound as error:
        raise FictionError(f"Modèle introuvable : « {error.name} ».") from error
    except jinja2.TemplateSyntaxError as error:
        raise FictionError(
            f"Modèle « {error.filename or error.name} », ligne {error.lineno} : {error.message}"
        ) from error
    except jinja2.UndefinedError as error:
        raise FictionError(f"Modèle « {name} » : variable inconnue ({error.message}).") from error
    except BudgetExceeded as error:
        raise FictionError(f"Modèle « {name} » : {error}.") from error
    except SecurityError as error:
        raise FictionError(
            f"Modèle « {name} » : opération interdite dans un modèle ({error})."
        ) from error
    except FictionError:
        raise
    except Exception as error:  # a custom template must never crash the command
        raise FictionError(
            f"Modèle « {name} » : impossible de le remplir ({type(error).__name__} : {error})."
        ) from error


def _typeset(value: Any) -> Any:
    """French spacing on plain strings; markup already built is left as it is."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return french_spacing(value)
    return value


def paragraphs(text: str) -> Any:
    """A typed text as HTML paragraphs: one `<p>` per line, every line escaped."""
    from markupsafe import Markup

    return Markup("").join(
        Markup("<p>{}</p>").format(french_spacing(line.strip()))
        for line in text.splitlines()
        if line.strip()
    )


def lines(text: str) -> list[str]:
    """The non-empty lines of a typed text (an IMAGE column: one shot per line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def millimetres(value: float) -> str:
    """A CSS length in millimetres, precise to the micrometre (`12.5` → `12.500mm`)."""
    return f"{value:.3f}mm"
