"""Reusable widgets of the app: a card, the countdown, the segment table, list editors.

Widgets do not open the store: they post a message when something changes,
and their screen saves it and passes the new data down.
"""
