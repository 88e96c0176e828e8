"""CSV for a spreadsheet (``sprep draft --excel``): what French Excel opens by double-click.

French Excel reads a CSV without a BOM in the Windows code page (cp1252: UTF-8's
``’`` shows as ``â€™``) and splits cells on ``;`` (the list separator where the decimal
mark is a comma). So: UTF-8 *with* a BOM, ``;`` between cells, and list cells as plain
text, one item per line in the cell (a finding as ``error [jargon]: message``), never
JSON. Cells a spreadsheet would read as a formula are neutralised, as in every CSV.

The plain ``.csv`` output stays UTF-8 without BOM and comma-separated: scripts and
``csv.reader`` read it as it is, and ``--resume`` reads both.
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["EXCEL", "EXCEL_BOM", "EXCEL_DELIMITER", "CsvForm", "excel_cell"]

#: The value of ``as_csv`` that asks for the spreadsheet form.
EXCEL: Literal["excel"] = "excel"
#: ``as_csv``: False (JSON lines), True (plain CSV) or ``"excel"``.
CsvForm = bool | Literal["excel"]
EXCEL_BOM = "\ufeff"
EXCEL_DELIMITER = ";"


def excel_cell(field: str, value: Any) -> Any:
    """A record's value as a spreadsheet cell: lists as plain text, one item a line."""
    if not isinstance(value, list):
        return value
    if field == "findings":
        return "\n".join(
            f"{item['severity']} [{item['rule']}]: {item['message']}" for item in value
        )
    return "\n".join(str(item) for item in value)
