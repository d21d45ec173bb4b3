"""`fiction serve --help`: French, and as light as the rest of the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.serve.served import ENTRY

HEAVY = ("aiohttp", "textual", "textual_serve", "segno", "jinja2", "weasyprint")
PROBE = ENTRY.replace(
    "main(sys.argv[1:])\n",
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "import json\n"
    "loaded = sorted({name.split('.')[0] for name in sys.modules})\n"
    "print('MODULES=' + json.dumps(loaded), file=sys.stderr)\n",
)


def test_serve_help_is_french_and_imports_neither_the_server_nor_textual():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "serve", "--help"], capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0
    assert "Ouvrir l'atelier dans les navigateurs" in result.stdout
    words = " ".join(result.stdout.split())  # the help wraps where its columns end
    assert "--host ADRESSE" in words and "code d'entrée" in words
    assert "--code-animation CODE" in words
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_facilitator_may_choose_the_code_that_opens_the_facilitators_screens(
    monkeypatch, tmp_path
):
    from click.testing import CliRunner

    import fiction.serve.launch
    from fiction.cli import cli

    served = []
    monkeypatch.setattr(
        fiction.serve.launch, "serve", lambda settings, say: served.append(settings)
    )
    store = str(tmp_path / "ateliers.sqlite3")
    runner = CliRunner()

    chosen = runner.invoke(
        cli,
        ["serve", "--host", "0.0.0.0", "--code-animation", "salle-bleue-2050", "--store", store],
    )
    assert chosen.exit_code == 0, chosen.output
    assert served[-1].facilitator_code == "SALLEBLEUE2050"

    for typed in ("court", "salle bleue !", "x" * 33):
        refused = runner.invoke(cli, ["serve", "--code-animation", typed, "--store", store])
        assert refused.exit_code == 2
        assert "--code-animation" in refused.output
        assert "10 à 32 lettres ou chiffres" in refused.output
    assert len(served) == 1
