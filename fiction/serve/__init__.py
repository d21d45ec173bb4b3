"""`fiction serve`: the workshop app in the browsers of the room.

textual-serve runs one app process per browser tab; every process opens the
same store, so each group's screen and the facilitator's dashboard see the
same workshop as it is written. Bound to an address other computers can
reach, an HTTP gate asks each new browser for the workshop's join code before
any app process is started (see `fiction.serve.gate`).
"""
