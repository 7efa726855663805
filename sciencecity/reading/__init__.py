"""Layer 1, reading: paths, the seed, the tables and their descriptor, the boundaries.

Nothing here knows a rule beyond what a file must be to be read (its checksum, its schema's
columns and types); nothing here imports from a higher layer (:mod:`sciencecity.rules`,
:mod:`sciencecity.analysis`, :mod:`sciencecity.presentation`).
"""
