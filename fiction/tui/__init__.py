"""The workshop app, in Textual: the facilitator's screens and each group's wizard.

`app.FictionApp` holds what screens share (the store, the decks, the help);
one screen per mode lives in `screens/`, reusable widgets in `widgets/`, each
with its stylesheet beside it. The same app runs in a terminal (`fiction`)
and in the browsers of the room (`fiction serve`).
"""
