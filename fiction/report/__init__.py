"""The news report ("journal télévisé"): domain code for the groups' scripts.

Plain Python, no UI import: the app's script step, the prompter and the print
booklet all read their timings from here.
"""
