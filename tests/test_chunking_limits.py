"""Chunks fit the model: long sentences split at clauses and words, tables by row, lists by item."""

from __future__ import annotations

from ingest.chunking import approx_tokens, chunk_letter, split_to_fit
from ingest.loaders import RawDocument
from ingest.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block
from ingest.parse import parse_letter
from ingest.settings import Settings


def words(text: str) -> int:
    return len(text.split())


def parse(text: str):
    return parse_letter(RawDocument(source="brief.txt", format="text", digest="x", text=text))


def test_a_sentence_longer_than_the_limit_is_split_at_clauses_then_words():
    clause = "de minister heeft de Kamer toegezegd het onderzoek naar de digitale identiteit voort te zetten"
    sentence = ", ".join([clause] * 12) + "."
    spans = split_to_fit(sentence, (0, len(sentence)), 40, words)
    assert all(words(sentence[a:b]) <= 40 for a, b in spans)
    assert "".join(sentence[a:b] for a, b in spans).replace(" ", "") == sentence.replace(" ", "")
    assert all(sentence[b - 1] == "," or b == len(sentence) for a, b in spans)  # cut after a clause
    one_clause = " ".join(["woord"] * 95)
    spans = split_to_fit(one_clause, (0, len(one_clause)), 40, words)
    assert [words(one_clause[a:b]) for a, b in spans] == [40, 40, 15]
    url = "https://example.org/" + "a" * 300
    assert all(approx_tokens(url[a:b]) <= 30 for a, b in split_to_fit(url, (0, len(url)), 30, approx_tokens))


def test_no_chunk_over_the_limit_even_for_one_endless_sentence():
    endless = ", ".join(["Het kabinet zet in op een veilige en betrouwbare digitale overheid"] * 60) + "."
    letter = parse(f"Inleiding\n\n{endless}\n")
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=60), approx_tokens)
    assert len(chunks) > 5
    assert all(approx_tokens(c.text) <= 60 for c in chunks)
    assert all(c.section_path == ("Inleiding",) for c in chunks)
    assert all(letter.text[c.span[0] : c.span[1]] == c.text for c in chunks)


def _blocks_letter(rows: int):
    blocks = [Block(HEADING, "Overzicht van de moties", level=1, page=1)]
    blocks.append(
        Block(PARAGRAPH, "In de tabel hieronder staat elke motie met haar stand van zaken.", page=1)
    )
    for i in range(rows):
        blocks.append(
            Block(
                TABLE_ROW,
                f"Motie {i} | Kamerstuk 36 600 VII, nr. {i} | aangenomen | de regering verzoekt een plan "
                f"te maken voor de digitale toegankelijkheid van alle overheidsdiensten in {2020 + i % 5}",
                page=1 + i // 10,
                label=f"Motie {i}",
            )
        )
    blocks.append(Block(HEADING, "Lijst", level=1, page=4))
    for i in range(12):
        blocks.append(
            Block(LIST_ITEM, f"• Punt {i}: een maatregel die het kabinet neemt in {2024 + i}.", page=4)
        )
    raw = RawDocument(source="tabel.docx", format="docx", digest="y", text="", blocks=tuple(blocks))
    return parse_letter(raw)


def test_a_table_is_split_by_row_and_every_chunk_carries_its_heading():
    letter = _blocks_letter(30)
    limit = 80
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=limit), approx_tokens)
    rows = [c for c in chunks if c.section_path == ("Overzicht van de moties",)]
    assert len(rows) >= 5  # never one chunk for the whole table
    for c in rows:
        assert approx_tokens(c.text) <= limit
        # every chunk holds whole rows: it starts at a row (or the heading) and ends at a row's end
        assert c.text.startswith(("Overzicht", "Motie ")) and c.text.rstrip()[-4:].isdigit()


def test_a_list_is_split_by_item():
    letter = _blocks_letter(3)
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=40), approx_tokens)
    items = [c for c in chunks if c.section_path == ("Lijst",)]
    assert len(items) >= 3
    for c in items:
        assert approx_tokens(c.text) <= 40
        assert all(part.startswith(("Lijst", "• Punt")) for part in c.text.split("\n\n"))


def test_text_table_rows_and_bullets_stand_alone():
    rows = "\n".join(f"| Motie {i} | Kamerstuk 36 600 VII, nr. {i} | aangenomen |" for i in range(40))
    bullets = "\n".join(f"• maatregel {i} die het kabinet neemt om de regio te helpen" for i in range(30))
    letter = parse(f"Overzicht\n\n{rows}\n\nMaatregelen\n\n{bullets}\n")
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=60), approx_tokens)
    table = [c for c in chunks if c.section_path == ("Overzicht",)]
    assert len(table) >= 4 and all(approx_tokens(c.text) <= 60 for c in chunks)
    assert all(part.startswith(("Overzicht", "| Motie")) for c in table for part in c.text.split("\n\n"))
    listed = [c for c in chunks if c.section_path[-1:] == ("Maatregelen",)]
    assert len(listed) >= 3
    assert all(
        part.startswith(("Maatregelen", "• maatregel")) for c in listed for part in c.text.split("\n\n")
    )
