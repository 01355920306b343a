"""Places: Arabic toponyms resolved to coordinates (gazetteer, detection, disambiguation).

In Python::

    from rawi import Article, analyze
    doc = analyze(Article("قصفت الطائرات بلدة هجين بريف دير الزور الشرقي"))
    [(p.text, p.name, p.lat, p.lon, p.qualifier, p.precision) for p in doc.places]
"""
