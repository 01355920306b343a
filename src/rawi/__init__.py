"""rawi (راوي): Arabic news to structured, attributed records."""

__version__ = "0.1.0"

from rawi.model import Article, Doc  # noqa: E402
from rawi.pipeline import Pipeline, analyze  # noqa: E402

__all__ = ["Article", "Doc", "Pipeline", "analyze", "__version__"]
