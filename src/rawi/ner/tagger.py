"""The NER tagger: a linear-chain CRF over the features of ``rawi.ner.features``.

Load once (``get_tagger()`` caches the packaged model per process), then call
``tag(tokens)`` per sentence. Tags follow ANERcorp (``B-PERS``...); ``PERS`` is
reported as ``PER`` in the output contract.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rawi.ner.consistency import propagate
from rawi.ner.dictionary import complete_spans
from rawi.ner.features import FeatureExtractor
from rawi.ner.resources import MODEL_DIR, load_clusters, load_gazetteer

#: Environment variable that overrides which packaged tagger runs (``crf`` or ``neural``)
ENV = "RAWI_NER"

#: ANERcorp type -> output-contract type
CONTRACT_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


#: sentences either side that stand in for a document in files without breaks
CONLL_WINDOW = 20


class ModelMissing(FileNotFoundError):
    """The packaged model file is absent (a broken install or an untrained checkout)."""


class NerTagger:
    """A loaded NER model (the CRF, or the neural tagger that ``meta.json`` names) plus
    the lexical resources it reads."""

    def __init__(
        self,
        model: Path | None = None,
        clusters: Path | None = None,
        gazetteer: Path | None = None,
        dictionary: Path | None = None,
        neural: Path | None = None,
    ) -> None:
        """``model``: a CRF file; ``neural``: a network file (then no CRF is loaded).

        With neither, the packaged model: ``meta.json`` says which tagger ships
        (``"tagger": "neural"`` or ``"crf"``).
        """
        import json

        from rawi.ner.dictionary import load_dictionary, load_triggers

        default = model is None
        model = Path(model) if model else MODEL_DIR / "ner.crfsuite"
        packaged = model.parent == MODEL_DIR
        if neural is None and default:
            meta = MODEL_DIR / "meta.json"
            kind = json.loads(meta.read_text()).get("tagger") if meta.exists() else None
            kind = os.environ.get(ENV, kind)  # RAWI_NER=crf|neural picks the other one
            if kind == "neural":
                neural = MODEL_DIR / "neural.npz"
        if clusters is None and packaged:
            clusters = MODEL_DIR / "clusters.tsv"
        if gazetteer is None and packaged:
            gazetteer = MODEL_DIR / "gazetteer.tsv"
        if dictionary is None and packaged:
            dictionary = MODEL_DIR / "dictionary.tsv"
        names = load_dictionary(dictionary)
        self.features = FeatureExtractor(
            load_clusters(clusters), load_gazetteer(gazetteer), names,
            load_triggers() if names else None,
        )
        self._neural = None
        self._tagger = None
        if neural is not None:
            from rawi.ner.neural import NeuralTagger

            if not Path(neural).exists():
                raise ModelMissing(f"NER model not found at {neural}; run `make train-ner`")
            fx = self.features
            self._neural = NeuralTagger(Path(neural), fx.clusters, fx.gazetteer, fx.triggers,
                                        fx.matcher)
            return
        import pycrfsuite

        if not model.exists():
            raise ModelMissing(f"NER model not found at {model}; run `make train-ner`")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence of surface tokens."""
        if not tokens:
            return []
        if self._neural is not None:
            return self._neural.tag_sentences([tokens])[0]
        return self._tagger.tag(self.features.encoded(tokens))

    def tag_document(
        self, sentences: Sequence[Sequence[str]], window: int | None = None,
        complete: bool = False,
    ) -> list[list[str]]:
        """Tag every sentence, then make repeated names agree (``rawi.ner.consistency``).

        ``window``: None = the sentences are one document; n = treat n sentences
        before and after as its document (for files without document breaks);
        0 = no propagation. ``complete``: grow names the model cut inside a
        dictionary name (``rawi.ner.dictionary.complete_spans``).
        """
        if self._neural is not None:
            tags = self._neural.tag_sentences(sentences)
        else:
            tags = [self.tag(s) for s in sentences]
        if window != 0:
            tags = propagate(sentences, tags, window)
        matcher = self.features.matcher
        if complete and matcher is not None:
            tags = [complete_spans(matcher, self.features.stems(s), t)
                    for s, t in zip(sentences, tags, strict=True)]
        return tags


_default: NerTagger | None = None


def get_tagger() -> NerTagger:
    """The packaged model, loaded on first use and shared by the process."""
    global _default
    if _default is None:
        _default = NerTagger()
    return _default
