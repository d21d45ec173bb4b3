"""One Textual screen per mode of the app, and the modals they open.

Home, workshops, new workshop, dashboard, join and prompter are modes; help,
error and confirm are modals; the groups' wizard is its own package, `group`.
Screens reach the store through the app and pass data down to their widgets.
"""
