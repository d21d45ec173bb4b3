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
    assert "--host ADRESSE" in result.stdout and "code d'entrée" in result.stdout
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
