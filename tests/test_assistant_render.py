"""Document text on the page is escaped, never HTML or markdown; citations link to their source cards."""

from dataclasses import replace

from assistant import render
from ingest.model import Answer, Citation
from tests.assistant_fakes import corpus

EVIL = 'Zie <script>alert("x")</script> en **vet** <img src=x onerror=alert(1)>. Tweede zin hier.'


def _citation():
    letters, chunks = corpus()
    chunk = replace(chunks[0], text=EVIL, clean_text=EVIL)
    span = (0, EVIL.index(". ") + 1)
    return Citation(n=1, chunk=chunk, letter=letters[0], quote=EVIL[: span[1]], quote_span=span)


def test_source_card_escapes_document_text_and_marks_the_quote():
    html = render.source_html(_citation(), turn=1)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "**vet**" in html  # shown as typed, not rendered
    assert html.count("<mark>") == 1 and "Tweede zin hier." in html.split("</mark>")[1]
    assert 'id="src-1-1"' in html and "[20] TZ202504-147" in html
    assert "Kamerstuk 26643 nr. 1371" in html


def test_answer_text_links_valid_citations_only():
    citation = _citation()
    answer = Answer(
        question="<b>q</b>",
        text="Een “<i>x</i> [2]” zin [1]. En [3].",
        abstained=False,
        citations=(citation,),
    )
    html = render.transcript_html([answer])
    assert '<a class="cite" href="#src-1-1" data-n="1">[1]</a>' in html
    assert "[3]" in html and 'data-n="3"' not in html
    assert "&lt;b&gt;q&lt;/b&gt;" in html and "&lt;i&gt;x&lt;/i&gt;" in html


def test_letters_table_lists_metadata_escaped():
    letters, _ = corpus()
    evil = replace(letters[1], title="<b>AI</b>")
    html = render.letters_html([letters[0], evil])
    assert "26643 nr. 1371" in html and "2025-07-11" in html and "&lt;b&gt;AI&lt;/b&gt;" in html
