"""Layer 3, analysis: pure functions from tables to numbers and tables.

Imports only :mod:`sciencecity.reading` and :mod:`sciencecity.rules`: no Matplotlib, no wording,
no file writing.
"""
