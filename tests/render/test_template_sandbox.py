"""Print templates (`--templates DIR`) are code from whoever shared the folder:
sandboxed, read only from their folder, and held to a budget."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.render import templating
from fiction.render.templating import TemplateFolders


def render_custom(folder: Path, source: str, **context: object) -> str:
    (folder / "script.html").write_text(source, encoding="utf-8")
    return templating.render(TemplateFolders.chosen(folder), "script.html", **context)


def test_a_custom_template_cannot_run_commands(tmp_path: Path):
    with pytest.raises(FictionError, match=r"« script\.html » : opération interdite") as caught:
        render_custom(tmp_path, '{{ cycler.__init__.__globals__.os.popen("id").read() }}')

    assert "uid=" not in str(caught.value)


def test_an_include_through_a_symlinked_folder_is_refused(tmp_path: Path):
    (tmp_path / "r").symlink_to("/")

    with pytest.raises(FictionError, match=r"« r/etc/hostname ».*lien symbolique"):
        render_custom(tmp_path, '{% include "r/etc/hostname" %}')


def test_a_template_that_is_a_symlink_is_refused(tmp_path: Path):
    (tmp_path / "script.html").symlink_to("/etc/passwd")

    with pytest.raises(FictionError, match=r"« script.html ».*lien symbolique"):
        templating.render(TemplateFolders.chosen(tmp_path), "script.html")


def test_an_oversized_custom_template_is_refused(tmp_path: Path):
    with pytest.raises(FictionError, match="trop gros"):
        render_custom(tmp_path, "a" * 600_000)


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 10**9 }}",
        "{{ lipsum(10**6) }}",
        "{% for x in range(10**9) %}{% endfor %}",
        "{{ 'x'.ljust(10**9) }}",
    ],
)
def test_a_hostile_custom_template_ends_in_a_french_error_naming_it(tmp_path: Path, source):
    started = time.monotonic()

    with pytest.raises(FictionError, match=r"« script\.html »"):
        render_custom(tmp_path, source)

    assert time.monotonic() - started < 5


def test_text_typed_by_a_group_is_never_compiled_as_a_template(tmp_path: Path):
    html = render_custom(tmp_path, "{{ texte }}", texte='{{ 7 * 7 }}{% include "x" %}')

    assert html == "{{ 7 * 7 }}{% include &#34;x&#34; %}"


def test_the_built_in_templates_still_include_their_stylesheets(folders):
    css = templating.environment(folders).get_template("booklet.css").render()

    assert "@page" in css
