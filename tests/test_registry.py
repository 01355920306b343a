"""The stage registry: every layer a stage reads is written before it runs."""

from rawi.pipeline import Pipeline, Stage
from rawi.pipeline.registry import INPUT_LAYERS, STAGES, build_stage, stage_names


def test_every_stage_builds_and_has_the_stage_shape():
    for name in stage_names():
        stage = build_stage(name)
        assert isinstance(stage, Stage)
        assert stage.name == name


def test_reads_are_written_by_earlier_stages():
    available = set(INPUT_LAYERS)
    for name in stage_names():
        stage = build_stage(name)
        missing = set(stage.reads) - available
        assert not missing, f"stage {name} reads {missing} before any stage writes it"
        available |= set(stage.writes)


def test_used_layers_come_from_earlier_stages():
    """A layer a stage uses when present must not be written only by a later stage."""
    stages = [build_stage(n) for n in stage_names()]
    for i, stage in enumerate(stages):
        for layer in getattr(stage, "uses", ()):
            writers = [j for j, s in enumerate(stages) if layer in s.writes]
            assert writers and min(writers) < i, f"{stage.name} uses {layer} written later"


def test_stage_names_unique_and_text_first():
    names = [n for n, _ in STAGES]
    assert len(names) == len(set(names))
    assert names[0] == "text"


def test_pipeline_subset():
    assert Pipeline(["text"]).names == ["text"]
