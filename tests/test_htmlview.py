"""The HTML page: every layer marked at its offsets, text escaped, bad lines skipped."""

import json
from html.parser import HTMLParser

from rawi.cli import main
from rawi.io.htmlview import marked_text, render_page
from rawi.model import Actor, Article, Attribution, Doc, Entity, Span, Speaker, Time

TEXT = "وقال وزير الخارجية أمس إن <الحل> قريب.\nوأضاف أن الوفد وصل."


def _doc() -> Doc:
    doc = Doc(article=Article(TEXT, id="t1", published="2020-03-02", title="عنوان"))
    minister = TEXT.index("وزير الخارجية")
    said, yesterday = TEXT.index("قال"), TEXT.index("أمس")
    content = TEXT.index("<الحل>")
    actor = Actor(id="x-mfa", name="Foreign Minister of X", type="person")
    doc.entities = [Entity("e1", minister, minister + 13, "وزير الخارجية", "PER", actor)]
    doc.times = [Time("t1", yesterday, yesterday + 3, "أمس", "DATE", "2020-03-01")]
    doc.attributions = [Attribution(
        "a1", Span(said, said + 3, "قال"), Span(content, content + 11, TEXT[content:content + 11]),
        Speaker(minister, minister + 13, "وزير الخارجية", actor, entity="e1"), time="t1")]
    return doc


class _Spans(HTMLParser):
    """The text inside each element carrying a given class."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.found: dict[str, str] = {}
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.text += "\n"
            return
        self.stack.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag):
        if tag != "br":
            self.stack.pop()

    def handle_data(self, data):
        self.text += data
        for classes in self.stack:
            for c in classes.split():
                self.found[c] = self.found.get(c, "") + data


def test_marked_text_keeps_the_text_and_marks_each_layer():
    data = _doc().to_dict()
    parser = _Spans()
    parser.feed(f"<div>{marked_text(data)}</div>")
    assert parser.text == TEXT  # nothing lost, «<الحل>» escaped and read back
    assert parser.found["e-PER"] == "وزير الخارجية"
    assert parser.found["cue"] == "قال"
    assert parser.found["time"] == "أمس"
    assert parser.found["content"] == "<الحل> قريب"
    assert "<الحل>" not in marked_text(data)  # never raw markup from the article


def test_page_lists_who_said_what():
    page = render_page([_doc().to_dict()], title="case 7")
    assert page.startswith("<!DOCTYPE html>") and "<title>case 7</title>" in page
    assert "Foreign Minister of X" in page and "2020-03-01" in page
    assert page.count('data-a="a1"') >= 3  # the card, and the cue, speaker and content spans
    assert "no articles" in render_page([])


def test_analyze_html_and_view(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": TEXT, "published": "2020-03-02"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["analyze", str(src), "--format", "html", "-o", str(page), "--quiet"]) == 0
    assert "قال" in page.read_text(encoding="utf-8")
    analyses = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(analyses), "--quiet"]) == 0
    with analyses.open("a", encoding="utf-8") as handle:
        handle.write("not json\n{\"id\": 3}\n")
    viewed = tmp_path / "view.html"
    assert main(["view", str(analyses), "-o", str(viewed)]) == 1  # two bad lines
    err = capsys.readouterr().err
    assert f"{analyses}:2: not valid JSON" in err and f"{analyses}:3: not a rawi/1" in err
    assert "n1" in viewed.read_text(encoding="utf-8")
    assert main(["view", str(tmp_path / "missing.jsonl")]) == 2


def test_search_results_as_a_page(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    other = "وأعلنت البلدية افتتاح حديقة جديدة في المدينة."
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": "n1", "text": TEXT, "published": "2020-03-02"},
        {"id": "n2", "text": other, "published": "2020-03-03"})) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db), "--quiet"]) == 0
    page = tmp_path / "hits.html"
    assert main(["search", "الوفد", "--db", str(db), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<article>") == 1 and "n1" in html and "n2" not in html
