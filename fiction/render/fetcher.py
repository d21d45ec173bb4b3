"""The only way a document being printed reaches outside itself: our own folders.

WeasyPrint asks its URL fetcher for every stylesheet, font and image a page
names. This one answers `file:` URLs inside the template folders and refuses
everything else (other paths, `http:`, `data:`, any protocol), so neither a
custom template nor a text typed by a group can make printing read a file or
the network. It also overlays the folders the way the template loader does:
a file the user's folder holds (a font, a stylesheet) wins over the built-in
one at the same relative path.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

from fiction.render.templating import TemplateFolders

EXTRA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


class RefusedURL(ValueError):
    """A URL outside the template folders: never fetched."""


class FolderFetcher(URLFetcher):
    """Serves files of the template folders, and nothing else.

    `asked` keeps every URL WeasyPrint requested, served or refused, so tests
    can prove what was (and was not) fetched.
    """

    def __init__(self, folders: TemplateFolders) -> None:
        super().__init__(allowed_protocols=("file",))
        self.folders = folders
        self.asked: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        self.asked.append(url)
        path = self.resolve(url)
        content_type = EXTRA_TYPES.get(path.suffix.lower()) or (
            mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    def resolve(self, url: str) -> Path:
        """The file a URL names, if it lies in one of the folders; RefusedURL otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"adresse refusée (seuls les modèles sont lus) : {url}")
        asked = Path(url2pathname(parts.path)).resolve()
        for root in self.folders.search_path:
            if asked.is_relative_to(root):
                relative = asked.relative_to(root)
                for folder in self.folders.search_path:
                    candidate = (folder / relative).resolve()
                    if candidate.is_relative_to(folder) and candidate.is_file():
                        return candidate
        raise RefusedURL(f"fichier refusé (hors des dossiers de modèles) : {url}")
