"""The times layer: date expressions in Arabic news, resolved against the publication date.

In Python::

    from rawi.time import tag
    tag("وأعلنت الوزارة أمس ...", published="2017-09-25")
    # [Time(id='t1', start=15, end=18, text='أمس', type='DATE', value='2017-09-24')]

Patterns and word lists live in ``rawi/data/time`` (see ``docs/time.md``).
"""

from rawi.time.tagger import TimeTagger, tag, tagger

__all__ = ["TimeTagger", "tag", "tagger"]
