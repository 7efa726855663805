"""Layer 2, rules: every rule ``data/`` must obey, the one validator, and the checked loader.

Imports only :mod:`sciencecity.reading`. Within the layer, :mod:`~sciencecity.rules.checked` (load
and validate: what the notebooks call) sits on top; no other rule module imports it.
"""
