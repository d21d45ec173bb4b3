"""Step 5, « Le journal télévisé »: the group's news-report script, timed as it is written.

The running order is a table (one row per segment: IMAGE | SON, duration);
under it, the selected segment's editor: its kind, who speaks, the two
columns side by side and its last words. Texts are saved as typed by the
wizard's debounced saver, as `segment/<id>/<field>`; adding, removing,
moving a segment or changing its kind is saved at once. The total against
the group's target (3 minutes unless set otherwise) follows every keystroke,
timed at the group's reading speed. The prompter reads the SON column full
screen, and the speed it was left at becomes the group's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from fiction.errors import FictionError
from fiction.report.conducteur import draft_script, speaker_choices
from fiction.report.norms import VERDICT_LABELS, Target
from fiction.report.script import clock, duration, timed_script
from fiction.report.timing import Pace
from fiction.store.model import SEGMENT_KINDS, SEGMENT_LABELS, Edit, Segment, Workshop
from fiction.tui.access import fiction_app
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.group.saving import FieldSaver
from fiction.tui.screens.group.session import GroupSession
from fiction.tui.screens.group.step import Step
from fiction.tui.screens.pace import PaceScreen
from fiction.tui.screens.prompter import PrompterScreen
from fiction.tui.widgets.segment_table import SegmentTable
from fiction.tui.widgets.speakers import SpeakerSuggester
from fiction.tui.widgets.text_area import FieldTextArea

NEW_KIND = "report"
"""What « Ajouter » adds: a report is what a group writes most."""


class ReportStep(Step):
    NUMBER = 5
    TITLE = "Le journal télévisé"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 5 : le journal télévisé

Écrivez le journal de 2050 que vous allez filmer, séquence après séquence :
titres, lancement plateau, sujet, interview, micro-trottoir, duplex, brève,
retour plateau. Chaque séquence a deux colonnes : **IMAGE** (ce que montre la
caméra, un plan par ligne ; `Bandeau : …` pour un texte à l'écran) et **SON**
(ce qui est dit ; la musique entre crochets, `[Musique]`).

La durée est estimée à votre vitesse de lecture (180 mots par minute au
départ : celle que vous laissez au prompteur devient la vôtre) ou à 3 secondes
par plan muet ; le total se compare à la durée visée (3 minutes). Une séquence
trop courte ou trop longue pour son type est signalée par ⚠.

- **Partir du conducteur du jeu** : un premier jet rempli avec votre scénario ;
- **Ctrl+N** ajoute une séquence après la séquence choisie, **Ctrl+R** la retire ;
- **Ctrl+↑** / **Ctrl+↓** la déplacent ;
- **F5** ouvre le prompteur : le texte défile en grand pour le tournage ;
- **F6** règle votre vitesse de lecture et la durée visée.
"""
    BINDINGS = [
        Binding("ctrl+n", "add", "Ajouter"),
        Binding("ctrl+r", "remove", "Retirer"),
        Binding("ctrl+up", "move(-1)", "Monter", show=False),
        Binding("ctrl+down", "move(1)", "Descendre", show=False),
        Binding("f5", "prompter", "Prompteur"),
        Binding("f6", "pace", "Vitesse et durée", show=False),
    ]

    def __init__(self, session: GroupSession, workshop: Workshop, saver: FieldSaver) -> None:
        super().__init__(session, workshop, saver)
        segments = self.group.segments
        self.selected: int | None = segments[0].id if segments else None
        self.kind = Select(
            [(SEGMENT_LABELS[kind], kind) for kind in SEGMENT_KINDS],
            allow_blank=False,
            id="report-kind",
            compact=True,
        )
        self.speakers = Input(
            placeholder="Qui parle ? (noms séparés par des virgules)",
            suggester=SpeakerSuggester(speaker_choices(session.deck, self.group)),
            id="report-speakers",
            compact=True,
        )
        self.image = FieldTextArea(id="report-image", placeholder="Un plan par ligne…")
        self.sound = FieldTextArea(id="report-sound", placeholder="Ce qui est dit…")
        self.table = SegmentTable(id="report-table")
        self.cue = Input(
            placeholder="vide : les derniers mots du SON", id="report-cue", compact=True
        )
        self.total = Static("", id="report-total")
        self.template = Button("Partir du conducteur du jeu", id="report-template", compact=True)
        self.empty = Static(
            "Aucune séquence : partez du conducteur du jeu, ou ajoutez-en une (Ctrl+N).",
            id="report-empty",
        )
        self.editor = Vertical(id="report-editor")
        self.flag = Static("", id="report-flag", markup=False)

    @classmethod
    def owns(cls, field: str) -> bool:
        return field.startswith("segment/")

    def compose(self) -> ComposeResult:
        has_rows = bool(self.group.segments)  # right from the first frame, not after a refresh
        self.table.display = has_rows
        with Horizontal(id="report-bar"):
            yield self.total
            yield self.template
            yield Button(
                fiction_app(self).with_key("Prompteur", "F5"), id="report-prompter", compact=True
            )
        yield self.table
        self.empty.display = not has_rows
        yield self.empty
        with self.editor:
            self.editor.display = has_rows
            with Horizontal(id="report-meta"):
                yield self.kind
                yield self.speakers
            with Horizontal(id="report-columns"):
                with Vertical(classes="report-column"):
                    yield Static("IMAGE", classes="report-column-label")
                    yield self.image
                with Vertical(classes="report-column"):
                    yield Static("SON", classes="report-column-label")
                    yield self.sound
            with Horizontal(id="report-cue-row"):
                yield Static("Dernière phrase :", id="report-cue-label")
                yield self.cue
            yield self.flag

    def on_mount(self) -> None:
        self._fill_table()
        self._bind()

    def on_resize(self) -> None:
        self._fill_table()

    @property
    def pace(self) -> Pace:
        """The group's reading speed (3 words a second until it reads at another)."""
        return Pace(self.group.reading_speed)

    @property
    def target(self) -> Target:
        """The length the group aims for (3 minutes by default)."""
        return Target(self.group.target_seconds)

    def focus_start(self) -> None:
        (self.table if self.group.segments else self.template).focus()

    # --- what is shown ------------------------------------------------------------

    def _segments(self) -> tuple[Segment, ...]:
        """The stored segments, the selected one as it stands in the editor."""
        typed = self.values()
        found = []
        for segment in self.group.segments:
            if segment.id == self.selected:
                prefix = f"segment/{segment.id}/"
                segment = dataclasses.replace(
                    segment,
                    **{name: typed[prefix + name] for name in _TYPED if prefix + name in typed},
                )
            found.append(segment)
        return tuple(found)

    def _fill_table(self) -> None:
        """Rebuild the table and the total (after a change to the list, or a resize)."""
        if not self.live:
            return
        script = timed_script(self._segments(), self.pace, self.target)
        with self.prevent(DataTable.RowHighlighted):
            self.table.show(script, self.selected, self.size.width or 80)
        has_rows = bool(script.lines)
        self.table.display = has_rows
        self.editor.display = has_rows
        self.empty.display = not has_rows
        self._show_total(script)

    def _show_live(self) -> None:
        """After a keystroke: the selected row, its flag and the total, without a rebuild."""
        if not self.live:
            return
        script = timed_script(self._segments(), self.pace, self.target)
        for line in script.lines:
            if line.segment.id == self.selected:
                self.table.update_line(line)
                self._show_flag(line)
        self._show_total(script)

    def _show_total(self, script: Any) -> None:
        total = self.total
        verdict = script.verdict
        total.update(
            f"{clock(script.total)} sur {clock(script.target.seconds)} : {VERDICT_LABELS[verdict]}"
        )
        for name in VERDICT_LABELS:
            total.set_class(name == verdict, f"-{name}")

    def _show_flag(self, line: Any) -> None:
        text = f"Séquence {line.number} : {duration(line.seconds)}, à {clock(line.start)}."
        if line.flag is not None:
            text += f"  ⚠ {line.flag.message()}"
        flag = self.flag
        flag.update(text)
        flag.set_class(line.flag is not None, "-flagged")

    def _bind(self) -> None:
        """Point the editor at the selected segment; the wizard then saves its fields."""
        self.fields = {}
        segment = next((s for s in self.group.segments if s.id == self.selected), None)
        if segment is None:
            return
        prefix = f"segment/{segment.id}/"
        with self.prevent(TextArea.Changed, Input.Changed, Select.Changed):
            self.kind.value = segment.kind
            self.speakers.value = ", ".join(segment.speakers)
            self.image.load_text(segment.image)
            self.sound.load_text(segment.sound)
            self.cue.value = segment.cue
        self.field(prefix + "image", self.image)
        self.field(prefix + "sound", self.sound)
        self.field(prefix + "speakers", self.speakers)
        self.field(prefix + "cue", self.cue)
        self.saver.track(self.values())  # what the editor shows is what the store holds
        line = next(
            line
            for line in timed_script(self._segments(), self.pace).lines
            if line.segment.id == segment.id
        )
        self._show_flag(line)

    # --- the wizard's saving --------------------------------------------------------

    def values(self) -> dict[str, Any]:
        found = super().values()
        for field, value in found.items():
            if field.endswith("/speakers"):
                found[field] = tuple(name.strip() for name in value.split(",") if name.strip())
        return found

    async def set_value(self, field: str, value: Any) -> None:
        if field.endswith("/speakers") and field in self.fields:
            with self.prevent(Input.Changed):
                self.speakers.value = ", ".join(value or ())
            return
        with self.prevent(TextArea.Changed, Input.Changed):
            await super().set_value(field, value)

    async def refresh_from(self, workshop: Workshop, fields: dict[str, Any]) -> None:
        self.workshop = workshop
        ids = [segment.id for segment in self.group.segments]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
            self._bind()
        else:
            for field, value in fields.items():
                await self.set_value(field, value)
            segment = next(s for s in self.group.segments if s.id == self.selected)
            if segment.kind != self.kind.value:
                with self.prevent(Select.Changed):
                    self.kind.value = segment.kind
        self._fill_table()

    async def show_draft(self, field: str, value: Any) -> None:
        """A draft of a segment's text: in that segment if it is still there, else in a
        new segment (its text must not be lost with it)."""
        number = int(field.split("/")[1])
        if number not in [segment.id for segment in self.group.segments]:
            await self.show_removed_text(field, value)
            return
        if number != self.selected and self._flush():
            self.selected = number
            self._fill_table()
            self._bind()
        await self.set_value(field, value)

    async def show_removed_text(self, field: str, value: Any) -> None:
        """Text typed in a segment that was removed elsewhere: keep it in a new segment."""
        name = field.rsplit("/", 1)[-1]
        if name not in _TYPED or not value:
            return
        texts: dict[str, Any] = {name: tuple(value) if name == "speakers" else value}
        self._apply(lambda: self.session.add_segment(NEW_KIND, **texts))

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _typed(self) -> None:
        self._show_live()  # the event goes on up: the wizard saves it

    # --- changes saved at once --------------------------------------------------------

    def _flush(self) -> bool:
        """Save what was typed before changing the list; False if the store refused."""
        error = self.saver.save()
        if error is not None:
            fiction_app(self).show_error(error, "Enregistrement impossible")
        return error is None

    def _apply(self, change: Any, *, select: int | None = None) -> None:
        """Run one store change, note it, show the list as it now stands."""
        if not self._flush():
            return
        try:
            edit = change()
            if select is None and isinstance(edit, Edit) and edit.old is None:
                select = _added_segment(edit)
            self.workshop = self.session.load()
        except FictionError as error:
            fiction_app(self).show_error(error, "Enregistrement impossible")
            return
        ids = [segment.id for segment in self.group.segments]
        self.selected = (
            select
            if select in ids
            else (self.selected if self.selected in ids else (ids[0] if ids else None))
        )
        self._fill_table()
        self._bind()

    def _index(self) -> int | None:
        ids = [segment.id for segment in self.group.segments]
        return ids.index(self.selected) if self.selected in ids else None

    def action_add(self) -> None:
        index = self._index()
        position = None if index is None else index + 1
        self._apply(lambda: self.session.add_segment(NEW_KIND, position=position))
        self.image.focus()

    def action_remove(self) -> None:
        index = self._index()
        if index is None:
            return
        segment = self.group.segments[index]
        label = SEGMENT_LABELS[segment.kind].lower()

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            neighbours = self.group.segments
            after = neighbours[index + 1].id if index + 1 < len(neighbours) else None
            before = neighbours[index - 1].id if index > 0 else None
            self._apply(lambda: self.session.remove_segment(segment.id), select=after or before)

        self.app.push_screen(
            ConfirmScreen(
                f"Retirer la séquence {index + 1} ({label}) et tout son texte ?", "Retirer"
            ),
            answered,
        )

    def action_move(self, offset: int) -> None:
        index = self._index()
        if index is None or not 0 <= index + offset < len(self.group.segments):
            return
        selected = self.selected
        assert selected is not None
        self._apply(lambda: self.session.move_segment(selected, index + offset), select=selected)

    def action_template(self) -> None:
        """Add the deck's running order, filled from the scenario (after the group's own)."""
        try:
            drafts = draft_script(self.session.deck, self.session.load().group(self.session.number))
        except FictionError as error:
            fiction_app(self).show_error(error, "Conducteur du jeu illisible")
            return
        if not drafts:
            self.notify("Ce jeu de cartes n'a pas de conducteur : ajoutez vos séquences (Ctrl+N).")
            return

        def add_all() -> Edit | None:
            first = None
            for draft in drafts:
                edit = self.session.add_segment(
                    draft.kind, image=draft.image, sound=draft.sound, speakers=draft.speakers
                )
                first = first or edit
            return first

        if not self.group.segments:
            self._apply(add_all)
            return
        self.app.push_screen(
            ConfirmScreen(
                f"Ajouter les {len(drafts)} séquences du conducteur à la suite des vôtres ?",
                "Ajouter",
            ),
            lambda yes: self._apply(add_all) if yes else None,
        )

    def action_prompter(self) -> None:
        if self._flush():
            prompter = PrompterScreen(self._segments(), self.pace.words_per_second)
            self.app.push_screen(prompter, lambda _: self._remember_speed(prompter))

    def action_pace(self) -> None:
        """Ask for the group's reading speed and target; save what changed."""

        def chosen(pace: tuple[float, int] | None) -> None:
            if pace is None:
                return
            speed, seconds = pace
            if speed != self.group.reading_speed:
                self._apply(lambda: self.session.set_field("reading_speed", speed))
            if seconds != self.group.target_seconds:
                self._apply(lambda: self.session.set_field("target_seconds", seconds))

        self.app.push_screen(
            PaceScreen(self.group.reading_speed, self.group.target_seconds), chosen
        )

    def _remember_speed(self, prompter: PrompterScreen) -> None:
        """The speed the group read at in the prompter becomes its reading speed."""
        speed = round(prompter.words_per_second, 2)
        if speed != self.group.reading_speed:
            self._apply(lambda: self.session.set_field("reading_speed", speed))

    @on(Select.Changed, "#report-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        event.stop()
        segment = next((s for s in self.group.segments if s.id == self.selected), None)
        if segment is None or event.value == segment.kind:
            return
        self._apply(lambda: self.session.set_field(f"segment/{segment.id}/kind", event.value))

    @on(DataTable.RowHighlighted, "#report-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row != self.table.cursor_row:
            return  # a stale event from rebuilding the table: the cursor has moved on
        chosen = int(event.row_key.value) if event.row_key.value is not None else None
        if chosen is None or chosen == self.selected:
            return
        if not self._flush():
            return
        self.selected = chosen
        self._fill_table()
        self._bind()

    @on(DataTable.RowSelected, "#report-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.image.focus()

    @on(Button.Pressed, "#report-template")
    def _template_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_template()

    @on(Button.Pressed, "#report-prompter")
    def _prompter_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_prompter()

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Partir du conducteur du jeu",
            "Un premier jet du journal, rempli avec votre scénario",
            self.action_template,
        )
        yield SystemCommand(
            "Ouvrir le prompteur", "Le SON défile en grand (F5)", self.action_prompter
        )
        yield SystemCommand(
            "Vitesse de lecture et durée visée",
            "Le minutage du journal et le prompteur la suivent (F6)",
            self.action_pace,
        )
        yield SystemCommand(
            "Ajouter une séquence", "Après la séquence choisie (Ctrl+N)", self.action_add
        )
        yield SystemCommand("Retirer la séquence", "Avec confirmation (Ctrl+R)", self.action_remove)


_TYPED = ("image", "sound", "speakers", "cue")
"""The fields typed in the editor (the kind is chosen, and saved at once)."""


def _added_segment(edit: Edit) -> int | None:
    """The id of the segment an edit added (`segment/<id>`), None for another edit."""
    head, _, number = edit.path.partition("/")
    return int(number) if head == "segment" and number.isdigit() else None
