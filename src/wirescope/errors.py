"""One exception tree. Each error says what went wrong, where, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


class WirescopeError(Exception):
    """Base of every error wirescope raises on purpose."""

    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class DocumentError(WirescopeError):
    """A document cannot be read or cleaned. The batch goes on without it."""

    def __init__(self, uri: str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{uri}: {reason}", hint=hint)
        self.uri = uri
        self.reason = reason


class NotRegularFile(DocumentError):
    """A path that names a device, FIFO, socket or folder where a file was expected."""

    def __init__(self, uri: str, kind: str) -> None:
        super().__init__(uri, f"not a regular file ({kind}): only regular files are read")


class DocumentTooSlow(DocumentError):
    """A document took longer than the per-document time budget (`doc_timeout`)."""


class AnnotatorError(WirescopeError):
    """An annotator failed on one article (a bug to report, with the article that shows it)."""


class EvalDataError(WirescopeError):
    """A gold evaluation file that cannot be read as the format it should be in."""


class StoreError(WirescopeError):
    """The store cannot be opened, migrated or written."""


class NotFound(WirescopeError):
    """A record asked for by id does not exist."""


class ConfigError(WirescopeError):
    """A setting, flag or pipeline definition is wrong."""


class MissingExtra(WirescopeError):
    """An optional dependency is needed for this feature and is not installed."""

    def __init__(self, feature: str, extra: str, *, hint: str | None = None) -> None:
        super().__init__(
            f"{feature} needs optional dependencies that are not installed",
            hint=hint or f"install them with: pip install 'wirescope[{extra}]'",
        )


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document the batch skipped, as a value: which one, and why."""

    uri: str
    reason: str

    def __str__(self) -> str:
        return f"{self.uri}: {self.reason}"
