"""Kept for the path the README gave before issue 19: the stock-reply audit lives in
:mod:`sprep_templates.checking` (``from sprep_templates.checking import find_stock_groups``)."""

from .checking import StockGroup, find_stock_groups, normalise_reply, stock_finding

__all__ = ["StockGroup", "find_stock_groups", "normalise_reply", "stock_finding"]
