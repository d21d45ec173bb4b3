"""The URL fetcher serves the template folders and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.render.fetcher import FolderFetcher, RefusedURL
from fiction.render.templating import TemplateFolders


@pytest.fixture
def fetcher(tmp_path: Path) -> FolderFetcher:
    user = tmp_path / "mes-modeles"
    (user / "fonts").mkdir(parents=True)
    (user / "fonts" / "OpenSans-Bold.ttf").write_bytes(b"ma police")
    (user / "lien").symlink_to("/etc")
    return FolderFetcher(TemplateFolders.chosen(user))


def test_the_shipped_fonts_are_served(fetcher: FolderFetcher):
    url = (fetcher.folders.builtin / "fonts" / "OpenSans-Regular.ttf").as_uri()

    response = fetcher.fetch(url)

    assert response.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert response.content_type == "font/ttf"


def test_a_file_in_the_users_folder_wins_over_the_built_in_one(fetcher: FolderFetcher):
    url = (fetcher.folders.builtin / "fonts" / "OpenSans-Bold.ttf").as_uri()

    assert fetcher.fetch(url).read() == b"ma police"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://exemple.fr/image.png",
        "https://exemple.fr/police.ttf",
        "ftp://exemple.fr/x",
        "data:text/plain,bonjour",
        "file://serveur/partage/fichier",
    ],
)
def test_anything_outside_the_template_folders_is_refused(fetcher: FolderFetcher, url: str):
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.asked == [url]


def test_climbing_out_of_a_folder_is_refused(fetcher: FolderFetcher):
    escape = fetcher.folders.builtin.as_uri() + "/fonts/../../../../etc/passwd"

    with pytest.raises(RefusedURL):
        fetcher.fetch(escape)


def test_a_symbolic_link_out_of_the_users_folder_is_refused(fetcher: FolderFetcher):
    assert fetcher.folders.user is not None
    with pytest.raises(RefusedURL):
        fetcher.fetch((fetcher.folders.user / "lien" / "passwd").as_uri())
