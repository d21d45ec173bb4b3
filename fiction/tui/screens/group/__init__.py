"""The group journey: a wizard from the dealt cards to the written 2050 scenario.

`wizard.GroupWizardScreen` hosts one step at a time (a module each, with its
stylesheet beside it) under a header that stays put: who is writing, the
shared countdown and the progress through the steps. `session` is the group's
door to the store and the engine; `saving` types nothing away: it saves each
field half a second after the last keystroke.
"""
