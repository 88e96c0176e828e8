"""The rendered steps a template set keeps, bounded by entries and by bytes.

A step is rendered once per phrasing and values it reads (see ``_compose``): a batch
renders the same greeting for every "Sandrine". Agent sentences make each entry as
large as they are (an answer of 150 words), so the bound is on bytes as well as on
entries: past either, the cache starts again empty (cheaper than tracking the least
recently used, and a batch refills what it needs within a few rows).

Besides the steps, it keeps texts rendered only to be compared (what a step would say
without one of the experience's items, see ``_compose._items_used``), under the same
bounds: a batch compares with the same few plain texts over and over. And whole replies'
steps (their texts, word count and the items they use), keyed by the phrasings chosen
and every value they read: a reply whose values were all seen is one lookup.
"""

from __future__ import annotations

import sys
import threading

__all__ = [
    "RENDER_CACHE_BYTES",
    "RENDER_CACHE_ENTRIES",
    "RenderCache",
    "Rendered",
    "RenderedReply",
]

#: A step's text, its word count and what of the experience it depends on.
Rendered = tuple[str, int, frozenset[str]]
#: A reply's step texts, its word count and the items of the experience it used, in order.
RenderedReply = tuple[tuple[str, ...], int, tuple[str, ...]]

#: At most this many rendered steps per template set...
RENDER_CACHE_ENTRIES = 100_000
#: ... and at most about this many bytes of them (their texts and keys' strings).
RENDER_CACHE_BYTES = 48 * 1024 * 1024

#: What an entry costs beyond its strings: the dict slot, the key and value tuples.
_ENTRY_OVERHEAD = 400


def entry_size(key: tuple[object, ...], text: str) -> int:
    """About how many bytes an entry holds: its text, the strings its key holds (one
    level deep: the values a phrasing reads), and a fixed overhead."""
    size = _ENTRY_OVERHEAD + sys.getsizeof(text)
    for part in key:
        if part.__class__ is tuple:
            for value in part:
                if value.__class__ is str:
                    size += sys.getsizeof(value)
        elif part.__class__ is str:
            size += sys.getsizeof(part)
    return size


class RenderCache:
    """A dict of rendered steps that empties itself past its bounds (thread-safe)."""

    def __init__(
        self, max_entries: int = RENDER_CACHE_ENTRIES, max_bytes: int = RENDER_CACHE_BYTES
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: dict[object, Rendered] = {}
        self._texts: dict[object, str] = {}
        self._replies: dict[object, RenderedReply] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: object) -> Rendered | None:
        return self._entries.get(key)

    def put(self, key: tuple[object, ...], value: Rendered) -> None:
        size = entry_size(key, value[0])
        with self._lock:
            self._make_room(size)
            self._entries[key] = value
            self._bytes += size

    def text(self, key: object) -> str | None:
        """The text rendered for ``key``: a step's, or one kept by :meth:`put_text`."""
        found = self._entries.get(key)
        return found[0] if found is not None else self._texts.get(key)

    def put_text(self, key: tuple[object, ...], text: str) -> None:
        """Keep a text rendered only to be compared, under the same bounds."""
        size = entry_size(key, text)
        with self._lock:
            self._make_room(size)
            self._texts[key] = text
            self._bytes += size

    def reply(self, key: object) -> RenderedReply | None:
        """A whole reply's steps kept by :meth:`put_reply`."""
        return self._replies.get(key)

    def put_reply(self, key: tuple[object, ...], value: RenderedReply) -> None:
        """Keep a whole reply's steps, under the same bounds (its texts are counted
        again: they are the step entries' strings, so the bound stays safe)."""
        size = entry_size(key, "") + sum(sys.getsizeof(text) for text in value[0])
        with self._lock:
            self._make_room(size)
            self._replies[key] = value
            self._bytes += size

    def _make_room(self, size: int) -> None:
        count = len(self._entries) + len(self._texts) + len(self._replies)
        if count >= self.max_entries or self._bytes + size > self.max_bytes:
            self._entries = {}
            self._texts = {}
            self._replies = {}
            self._bytes = 0

    def clear(self) -> None:
        with self._lock:
            self._entries = {}
            self._texts = {}
            self._replies = {}
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries) + len(self._texts) + len(self._replies)

    @property
    def size(self) -> int:
        """About how many bytes the entries hold."""
        return self._bytes
