"""The Arabic text layer: normalisation, sentences, tokens with clitics."""

from rawi.text.normalize import normalize, normalize_aligned
from rawi.text.sentences import split_sentences
from rawi.text.tokenize import tokenize

__all__ = ["normalize", "normalize_aligned", "split_sentences", "tokenize"]
