"""The pipeline: an ordered list of stages, each adding one layer to a Doc."""

from rawi.pipeline.base import Stage
from rawi.pipeline.runner import Pipeline, analyze

__all__ = ["Pipeline", "Stage", "analyze"]
