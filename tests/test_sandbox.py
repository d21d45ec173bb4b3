"""The one template sandbox: hostile templates end in a French error, quickly, and
the process goes on; ordinary templates are untouched."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fiction.sandbox import (
    DECK_LIMITS,
    BudgetExceeded,
    Folder,
    FolderLoader,
    Limits,
    TemplateRefused,
    sandboxed,
)

SMALL = Limits(seconds=2.0, steps=50_000, output=10_000, operand=10_000)


def fill(source: str, limits: Limits = DECK_LIMITS, **context: object) -> str:
    return sandboxed(limits=limits).from_string(source).render(**context)


def test_ordinary_templates_render_as_before():
    source = (
        "{{ 3 * 4 }} {{ 'ab' * 3 }} {{ [1, 2] + [3] }} {{ 2 ** 10 }} {{ '%05d' % 42 }} "
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'a' ~ 'b' }} {{ 'x'|center(5) }} "
        "{{ '{} et {}'.format('un', 'deux') }} {{ 'a-b'|replace('-', ' ') }}"
    )

    assert fill(source) == "12 ababab [1, 2, 3] 1024 00042 012 ab   x   un et deux a b"


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 10**9 }}",
        "{{ ['a'] * 10**9 }}",
        "{{ 'a' * 9000 + 'b' * 9000 }}",
        "{{ 7 ** (10**9) }}",
        "{{ 'x'.center(10**9) }}",
        "{{ 'x'|center(10**9) }}",
        "{{ ('\t' * 1000).expandtabs(9000) }}",
        "{{ ('a' * 5000)|replace('a', 'aaaaa') }}",
        "{{ 'a\nb\nc'|indent(9000) * 2 }}",
        "{{ '%999999999s' % 'x' }}",
        "{{ '%999999999s'|format('x') }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{% set s = 'a' * 6000 %}{% set s = s ~ s %}{{ s|length }}",
        "{% for x in range(10**9) %}{% endfor %}",
        "{{ range(10**6)|list|length }}",
        "{% set x %}{% for i in range(5000) %}{{ 'aaaaa' }}{% endfor %}{% endset %}{{ x|length }}",
        "{% for i in range(5000) %}{{ 'aaaaa' }}{% endfor %}",
        "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
        "{% for a in 'x' * 9000 %}{% for b in 'x' * 9000 %}{% endfor %}{% endfor %}",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(40) }}",
    ],
)
def test_a_hostile_template_is_stopped_within_its_budget(source):
    started = time.monotonic()

    with pytest.raises(BudgetExceeded) as caught:
        fill(source, SMALL)

    assert time.monotonic() - started < 5
    assert "modèle" in str(caught.value) or "texte produit" in str(caught.value)


def test_the_clock_stops_a_template_that_stays_under_every_other_limit():
    slow = Limits(seconds=0.2, steps=10**9, output=10**6, operand=10**6)
    source = "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}"
    started = time.monotonic()

    with pytest.raises(BudgetExceeded, match=r"plus de 0\.2 secondes"):
        fill(source, slow)

    assert time.monotonic() - started < 3


def test_lipsum_is_not_offered_to_templates():
    with pytest.raises(Exception, match="lipsum"):
        fill("{{ lipsum(2) }}")


@pytest.mark.parametrize(
    "source",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{% set l = [1] %}{{ l.append(2) }}",
    ],
)
def test_python_internals_and_mutations_are_out_of_reach(source):
    from jinja2.sandbox import SecurityError

    with pytest.raises(SecurityError):
        fill(source)


def test_the_budget_is_per_rendering_not_per_environment():
    environment = sandboxed(limits=SMALL)
    template = environment.from_string("{% for i in range(9000) %}{% endfor %}ok")

    assert [template.render() for _ in range(20)] == ["ok"] * 20


def loader_over(folder: Path, within: Path | None = None) -> object:
    return sandboxed(FolderLoader([Folder(folder, within)]))


def test_a_template_that_is_a_symlink_is_refused_by_name(tmp_path: Path):
    (tmp_path / "vrai.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "lien.j2").symlink_to(tmp_path / "vrai.txt")

    with pytest.raises(TemplateRefused, match=r"« lien\.j2 ».*lien symbolique"):
        loader_over(tmp_path).get_template("lien.j2")


def test_a_template_under_a_symlinked_folder_is_refused(tmp_path: Path):
    (tmp_path / "r").symlink_to("/")

    with pytest.raises(TemplateRefused, match=r"« r/etc/hostname ».*lien symbolique"):
        loader_over(tmp_path).get_template("r/etc/hostname")


def test_a_folder_must_stay_within_the_folder_it_belongs_to(tmp_path: Path):
    deck = tmp_path / "jeu"
    deck.mkdir()
    (deck / "prompts").symlink_to(tmp_path)
    (tmp_path / "question.j2").write_text("dehors", encoding="utf-8")

    with pytest.raises(TemplateRefused, match="lien symbolique"):
        loader_over(deck / "prompts", within=deck).get_template("question.j2")


def test_a_template_going_up_its_folder_is_not_found(tmp_path: Path):
    from jinja2 import TemplateNotFound

    (tmp_path / "dedans").mkdir()
    (tmp_path / "dehors.j2").write_text("secret", encoding="utf-8")

    with pytest.raises(TemplateNotFound):
        loader_over(tmp_path / "dedans").get_template("../dehors.j2")


def test_an_oversized_template_is_refused_without_reading_it_all(tmp_path: Path):
    (tmp_path / "gros.j2").write_bytes(b"a" * 600_000)

    with pytest.raises(TemplateRefused, match=r"« gros\.j2 ».*trop gros"):
        loader_over(tmp_path).get_template("gros.j2")


def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "tube.j2")

    with pytest.raises(TemplateRefused, match="pas un fichier ordinaire"):
        loader_over(tmp_path).get_template("tube.j2")


def test_a_template_not_in_utf8_is_refused_in_french(tmp_path: Path):
    (tmp_path / "latin.j2").write_bytes("café".encode("latin-1"))

    with pytest.raises(TemplateRefused, match="UTF-8"):
        loader_over(tmp_path).get_template("latin.j2")
