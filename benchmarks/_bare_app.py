"""The baseline of bench_serve.py: a Textual app with one line of text, nothing else."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Bonjour")


if __name__ == "__main__":
    Bare().run()
