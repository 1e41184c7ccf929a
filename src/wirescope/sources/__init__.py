"""1. Bytes in: files, folders and stdin, as RawDocuments (or Rejected values with a reason)."""

from wirescope.sources.document import Metadata, RawDocument
from wirescope.sources.files import read_paths

__all__ = ["Metadata", "RawDocument", "read_paths"]
