"""Shared code of the report "Western (Chongqing) Science City, one year on".

Notebooks and tests import from here; nothing in ``book/`` types a path, an id or a period. The
package has four layers, one folder each, lowest first; a module imports only its own layer or
lower ones, at module level (``tests/test_layers.py`` checks it from the imports):

1. :mod:`sciencecity.reading`: the files as they are.
   ``paths`` (the project's folders), ``seed`` (the source, its checksum, article and forum
   boilerplate apart), ``scanner`` (every quantity in Chinese text), ``periods`` (the one
   parser of periods and dates), ``text`` (Chinese characters, keys, numbers as text),
   ``descriptor`` (``datapackage.json``, ``DataError``), ``csv_tables`` (a CSV table typed
   against its schema), ``geojson`` (the district boundaries).
2. :mod:`sciencecity.rules`: what ``data/`` must obey.
   ``package`` (structure: keys, quotes at their offsets), ``intrinsic`` (rules that need
   nothing beside the repository), ``lostdigits`` (the repost's damage rule), ``arithmetic``
   (printed numbers: rounding bands, gaps, weighted sums, parts that add up), ``claims`` (the
   ledger's status rules), ``later_table``, ``economy_table``, ``terminology``, ``copies`` (the
   copy of ``../shared``), ``validate`` (every content rule, ``python -m sciencecity validate``)
   and, on top, ``checked``: the loader notebooks call, which validates before it returns.
3. :mod:`sciencecity.analysis`: pure functions from tables to numbers and tables.
   ``growth``, ``industries``, ``pipeline``, ``timeline``, ``after``, ``economy``, ``scale``,
   ``geo``, ``repost_gaps`` (the lost digits' gaps), ``claims_ledger``, ``inventory``.
4. :mod:`sciencecity.presentation`: what a reader sees.
   ``words`` (numbers with units, quotes, source lines, sentences), ``tables`` (reader tables),
   ``style`` (one CJK font, one palette; ``style.chart`` draws desktop and phone layouts),
   ``charts`` (every chart), ``glue`` (results into the text), and one ``<topic>_results``
   module per chapter: one function per result a chapter shows, called by its notebook.

``python -m sciencecity`` (:mod:`sciencecity.__main__`) runs ``validate`` and ``scan``.
"""

__all__ = ["analysis", "presentation", "reading", "rules"]
