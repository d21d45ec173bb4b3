"""`fiction print` shows the layout warnings about the document, in French, and
keeps WeasyPrint's notices about the machine in the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from fiction import cli
from fiction.resources import data_dir


@pytest.fixture
def print_cards(capsys, monkeypatch, tmp_path: Path):
    """Run `fiction print cards --kind figures ARGS` through the real entry point."""
    monkeypatch.setenv("FICTION_STORE", str(tmp_path / "ateliers.sqlite3"))
    monkeypatch.chdir(tmp_path)

    def run(*arguments: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["print", "cards", "--kind", "figures", *arguments])
        captured = capsys.readouterr()
        return exit_info.value.code, captured.out, captured.err

    return run


def test_fonttools_notice_without_harfbuzz_subset_is_logged_not_shown(
    print_cards, monkeypatch, caplog
):
    # A machine without libharfbuzz-subset0: WeasyPrint subsets fonts with fontTools.
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        code, out, err = print_cards()

    assert any("fontTools" in record.getMessage() for record in caplog.records)
    assert code == 0
    assert "fontTools" not in out + err
    assert "Avertissement" not in out + err


def test_a_layout_warning_about_the_document_is_still_shown(print_cards, tmp_path: Path):
    folder = tmp_path / "modeles"
    folder.mkdir()
    css = (data_dir("templates") / "cards.css").read_text(encoding="utf-8")
    (folder / "cards.css").write_text(css + "\n.card { colour: red; }\n", encoding="utf-8")

    code, _, err = print_cards("--templates", str(folder))

    assert code == 0
    assert "Avertissement (mise en page) :" in err
    assert "colour" in err
