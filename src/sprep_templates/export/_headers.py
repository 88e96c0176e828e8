"""One reading of the export's column names, for ``sprep draft``, :func:`draft_many` and
:meth:`Experience.from_export_row`: it lives in ``inputs/_export_row.py`` (which
``Experience.from_export_row`` imports); the ``export`` modules import it from here.

A header cell is read with its BOM dropped, its runs of white space made one space and
its case aside: ``\\ufeffID expérience``, ``Intitulé structure  3`` (the official export's
own double space) and ``ressenti usager`` are the export's ``ID expérience``,
``Intitulé structure 3`` and ``Ressenti usager``. A name that is no export column keeps
its spelling (white space and BOM aside): a JSON line's ``action`` stays ``action``.
"""

from __future__ import annotations

from ..inputs import column_name, export_fields, repaired_fields

__all__ = ["column_name", "export_fields", "repaired_fields"]
