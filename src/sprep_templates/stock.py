"""Kept for the path the README used before: the stock-reply audit now lives in
:mod:`sprep_templates.checking` (``from sprep_templates.checking import find_stock_groups``)."""

from .checking import StockGroup, find_stock_groups, normalise_reply, stock_finding

__all__ = ["StockGroup", "find_stock_groups", "normalise_reply", "stock_finding"]
