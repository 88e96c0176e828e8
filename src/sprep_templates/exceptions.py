"""The library's errors: one base class, each subclass also a builtin it resembles."""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "InvalidInputError",
    "InvalidInputTypeError",
    "MissingOrientationError",
    "ProfileError",
    "ReplyLengthError",
    "ReplyTooLongError",
    "ReplyTooShortError",
    "SprepError",
    "TemplateProblemError",
    "TemplateSecurityError",
    "UnreadableInputError",
]


class SprepError(Exception):
    """Base class of every error sprep_templates raises on purpose."""


class InvalidInputError(SprepError, ValueError):
    """An input value was refused when it was built; the message names the field."""


class InvalidInputTypeError(InvalidInputError, TypeError):
    """An input has the wrong type (a number where text is expected); names the field."""


class UnreadableInputError(SprepError, ValueError):
    """A whole input cannot be read (its encoding, its first line): nothing can be drafted."""


class ProfileError(SprepError, ValueError):
    """A profile file cannot be read or holds a bad value; names the file and the key."""


class DataFileError(SprepError, ValueError):
    """A word list of ``sprep_templates/data`` cannot be used as it is written."""


class MissingOrientationError(SprepError, ValueError):
    """A reply needs an orientation: at least one contact or a first-level answer."""


class ReplyLengthError(SprepError, ValueError):
    """The drafted reply would fall outside the guide's 60 to 150 words."""

    def __init__(self, message: str, *, word_count: int, free_text_words: dict[str, int]) -> None:
        super().__init__(message)
        self.word_count = word_count
        self.free_text_words = free_text_words


class ReplyTooLongError(ReplyLengthError):
    """The agent's free text makes the reply longer than 150 words."""

    @property
    def excess(self) -> int:
        """How many words must go for the reply to fit 150 words."""
        return self.word_count - 150


class ReplyTooShortError(ReplyLengthError):
    """The reply is shorter than 60 words (only custom templates can cause this)."""


class TemplateProblemError(SprepError, RuntimeError):
    """A template is missing, malformed or failed to render; names the template and line."""

    def __init__(
        self, message: str, *, template: str | None = None, line: int | None = None
    ) -> None:
        where = ""
        if template:
            where = f"{template}:{line}: " if line else f"{template}: "
        super().__init__(where + message)
        self.reason = message
        self.template = template
        self.line = line


class TemplateSecurityError(TemplateProblemError):
    """A custom template tried something the sandbox forbids."""
