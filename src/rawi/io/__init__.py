"""Reading articles in and writing analyses out."""

from rawi.io.readers import InputError, ReadResult, read_articles

__all__ = ["InputError", "ReadResult", "read_articles"]
