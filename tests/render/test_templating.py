"""The template environment: escaped, strict, French-spaced, overridable by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.render import templating
from fiction.render.templating import TemplateFolders


def render_string(folders: TemplateFolders, source: str, **context: object) -> str:
    return templating.environment(folders).from_string(source).render(**context)


def test_typed_markup_is_escaped_in_html_templates(tmp_path: Path):
    (tmp_path / "essai.html").write_text("<p>{{ texte }}</p>", encoding="utf-8")
    folders = TemplateFolders.chosen(tmp_path)

    html = templating.render(folders, "essai.html", texte="<script>alert(1)</script>")

    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_every_printed_text_gets_french_spacing(folders):
    assert render_string(folders, "{{ a }} {{ b }}", a="Et si demain ?", b="«oui»") == (
        "Et si demain\u00a0? «\u00a0oui\u00a0»"
    )


def test_paragraphs_escape_each_line_and_space_it(folders):
    html = str(templating.paragraphs("Un <b>café</b> ?\n\nDeux"))

    assert html == "<p>Un &lt;b&gt;café&lt;/b&gt;\u00a0?</p><p>Deux</p>"


def test_a_misspelt_variable_in_a_custom_template_is_a_french_error(tmp_path: Path):
    (tmp_path / "essai.html").write_text("{{ inconnue }}", encoding="utf-8")

    with pytest.raises(FictionError, match="variable inconnue"):
        templating.render(TemplateFolders.chosen(tmp_path), "essai.html")


def test_a_broken_custom_template_names_its_file_and_line(tmp_path: Path):
    (tmp_path / "cards.html").write_text("ligne 1\n{% if %}", encoding="utf-8")

    with pytest.raises(FictionError, match="ligne 2"):
        templating.render(TemplateFolders.chosen(tmp_path), "cards.html")


def test_a_users_template_replaces_the_built_in_one_of_the_same_name(tmp_path: Path):
    (tmp_path / "icons.html").write_text(
        "{% macro icon(kind, ink, paper, size) %}[{{ kind }}]{% endmacro %}", encoding="utf-8"
    )
    env = templating.environment(TemplateFolders.chosen(tmp_path))

    rendered = env.from_string('{% from "icons.html" import icon %}{{ icon("roles", 1, 2, 3) }}')

    assert rendered.render() == "[roles]"
    assert env.get_template("cards.css") is not None  # the others still come from the kit


def test_a_missing_templates_folder_is_a_french_error(tmp_path: Path):
    with pytest.raises(FictionError, match="n'existe pas"):
        TemplateFolders.chosen(tmp_path / "absent")


def test_a_template_changed_added_or_swapped_for_a_link_between_two_prints_is_used(
    tmp_path: Path,
):
    """The app keeps compiled templates between prints: a folder edited meanwhile is
    read again, whether a file changed (even keeping its size), was added in front of
    a built-in one, or was swapped for a symlink (refused, as on a first print)."""
    folder = tmp_path / "modeles"
    folder.mkdir()
    page = folder / "essai.html"
    page.write_text("un {% include 'piece.html' %}", encoding="utf-8")
    (folder / "piece.html").write_text("A", encoding="utf-8")
    folders = TemplateFolders.chosen(folder)
    assert templating.render(folders, "essai.html") == "un A"

    (folder / "piece.html").write_text("B", encoding="utf-8")  # same size, newer
    os.utime(folder / "piece.html", ns=(1, 2_000_000_000_000_000_000))
    assert templating.render(folders, "essai.html") == "un B"

    fonts = folders.builtin / "fonts.css"
    page.write_text("{% include 'fonts.css' %}", encoding="utf-8")
    assert templating.render(folders, "essai.html") == fonts.read_text("utf-8").removesuffix("\n")
    (folder / "fonts.css").write_text("/* aucune police */", encoding="utf-8")
    assert templating.render(folders, "essai.html") == "/* aucune police */"

    outside = tmp_path / "ailleurs.html"
    outside.write_text("un {% include 'piece.html' %}", encoding="utf-8")
    page.unlink()
    page.symlink_to(outside)
    with pytest.raises(FictionError, match="lien symbolique"):
        templating.render(folders, "essai.html")
