"""Letter identity: a key by what the document is, one letter per document, never one per file name."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.model import Letter, Marker
from ingest.store import Store
from tests import input_files as f
from tests.letter_ids import demo_id, id_by_source
from tests.reliability_support import DEMO, letter_text, use_fake_model, wrapped

D003 = DEMO / "003_8bc0e4d4bf612069.txt"
D004 = DEMO / "004_2db611365dd9d4ee.txt"


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return use_fake_model(monkeypatch)


def _letter(text: str, **kw) -> Letter:
    from ingest.identity import letter_key

    letter = Letter(id="", source="x.txt", format="text", digest="0", text=text, **kw)
    return replace(letter, id=letter_key(letter))


def _ingest(index: Path, model: list[str], *paths: Path) -> int:
    return main(["ingest", "--index", str(index), *model, "--quiet", *map(str, paths)])


def test_key_prefers_kamerstuk_then_kenmerk_with_date_then_body_digest():
    from ingest.identity import body_key, letter_key

    body = "De staatssecretaris zegt toe de Kamer te informeren."
    assert letter_key(_letter(body, kamerstuk="26643 nr. 1371")) == "kst-26643-1371"
    assert letter_key(_letter(body), identifier="kst-36600-VII-62") == "kst-36600-VII-62"
    dated = _letter(body, kenmerk="2025-0000123456", date=date(2025, 7, 11))
    assert letter_key(dated) == "kenmerk-2025-0000123456-2025-07-11"
    key = letter_key(_letter(body))
    assert key.startswith("doc-") and len(key) == 20 and key == body_key(_letter(body))


def test_body_digest_ignores_whitespace_line_breaks_hyphenation_case_and_markers():
    from ingest.identity import body_key

    one = _letter("De uitvoering van de motie loopt.\n\nZie technologieën20.")
    text = "De  uitvoe-\nring van de MOTIE loopt.  Zie technologieën20."
    at = text.index("20")
    two = _letter(text, markers=(Marker(20, "20", "plain", (at, at + 2), None),))
    plain = _letter("De uitvoering van de motie loopt. Zie technologieën.")
    assert body_key(two) == body_key(plain)
    assert body_key(one) != body_key(plain)  # without its marker span, "20" is text
    assert body_key(_letter("De uitvoering van de motie is gestopt.")) != body_key(plain)


def test_near_duplicates_share_most_shingles_and_different_letters_do_not():
    from ingest.identity import fingerprint, similarity

    a = _letter(letter_text(1))
    b = _letter(" ".join(wrapped(letter_text(1), 50)))
    c = _letter(letter_text(2))
    assert similarity(fingerprint(a), fingerprint(b)) >= 0.95
    assert similarity(fingerprint(a), fingerprint(c)) < 0.2


def test_two_files_with_one_name_in_two_folders_are_two_letters(tmp_path, capsys, fake_model):
    for n, folder in enumerate(("a", "b")):
        f.write(tmp_path / "in" / folder, "brief.txt", letter_text(10 + n))
    f.write(tmp_path / "in", "Brief 1.txt", letter_text(20))
    f.write(tmp_path / "in", "brief_1.md", letter_text(21))
    assert _ingest(tmp_path / "idx", fake_model, tmp_path / "in") == 0
    out = capsys.readouterr().out
    assert "letters: 4 added, 0 replaced, 0 unchanged (4 in the index)" in out
    letters = Store(tmp_path / "idx").load().letters
    assert len(letters) == 4 and len({x.source for x in letters.values()}) == 4


def test_a_new_file_named_like_an_indexed_letter_does_not_replace_it(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D004) == 0
    chunks_before = len(Store(index).load().chunks)
    other = f.write(tmp_path / "elsewhere", D004.name, letter_text(30))
    capsys.readouterr()
    assert _ingest(index, fake_model, other) == 0
    assert "letters: 1 added, 0 replaced" in capsys.readouterr().out
    snap = Store(index).load()
    assert len(snap.letters) == 2
    assert sum(c.letter_id == demo_id("004") for c in snap.chunks) == chunks_before


def test_the_same_letter_rewrapped_in_two_files_is_one_letter_and_reported(tmp_path, capsys, fake_model):
    text = letter_text(40, words=600)
    f.write(tmp_path / "in", "origineel.txt", text)
    # the copy is re-wrapped, has a page line and one other word: another digest, nearly the same text
    copy = "\n".join(wrapped(text, 47)).replace(" budget ", " begroting ", 1) + "\nPagina 1 van 1\n"
    f.write(tmp_path / "in", "kopie.md", copy)
    assert _ingest(tmp_path / "idx", fake_model, tmp_path / "in") == 0
    out = capsys.readouterr().out
    assert "letters: 1 added" in out and "(1 in the index)" in out
    # files are read in sorted order and, in one format, the first is kept
    assert "origineel.txt: same document as" in out and "% of the text in common" in out
    assert out.rstrip().endswith("kopie.md (text)\nfiles skipped: 0")


def test_a_pdf_and_its_text_are_one_letter_and_the_pdf_is_kept(tmp_path, capsys, fake_model):
    text = letter_text(50, words=500)
    lines = wrapped(text, 80)
    pdf = f.write(tmp_path / "in", "brief.pdf", f.pdf_bytes([lines[:40], lines[40:]]))
    f.write(tmp_path / "in", "brief-tekst.txt", text)
    assert _ingest(tmp_path / "idx", fake_model, tmp_path / "in") == 0
    out = capsys.readouterr().out
    (letter,) = Store(tmp_path / "idx").load().letters.values()
    assert letter.source == str(pdf) and letter.format == "pdf"
    assert f"brief-tekst.txt: same document as {pdf}" in out and f"kept {pdf} (pdf)" in out
    # the next run meets the text file again: still one letter, the PDF kept
    capsys.readouterr()
    assert _ingest(tmp_path / "idx", fake_model, tmp_path / "in") == 0
    assert len(Store(tmp_path / "idx").load().letters) == 1


def test_a_file_whose_key_matches_an_indexed_letter_replaces_it_and_says_so(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D003, D004) == 0
    newer = f.write(tmp_path / "update", "herzien.txt", D003.read_text(encoding="utf-8") + "\nNaschrift.\n")
    capsys.readouterr()
    assert _ingest(index, fake_model, newer) == 0
    out = capsys.readouterr().out
    assert "letters: 0 added, 1 replaced" in out
    assert f"kst-26643-1371: replaces the letter read from {D003}" in out
    snap = Store(index).load()
    assert snap.letters["kst-26643-1371"].source == str(newer) and len(snap.letters) == 2


def test_reingest_of_a_copy_is_unchanged_and_ids_are_found_by_source(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, DEMO) == 0
    copy = Path(shutil.copy(D004, tmp_path / "kopie.txt"))
    capsys.readouterr()
    assert _ingest(index, fake_model, copy) == 0
    assert "0 added, 0 replaced, 1 unchanged" in capsys.readouterr().out
    letters = Store(index).load().letters.values()
    assert id_by_source(letters, D004.name) == demo_id("004")


@pytest.mark.parametrize("seed", [60, 61])
def test_different_dates_keep_near_identical_letters_apart(seed):
    from ingest.identity import could_be_same

    a = _letter(letter_text(seed), date=None)
    b = replace(a, id="doc-b", date=date(2025, 3, 3))
    c = replace(a, id="doc-c", date=date(2025, 3, 4))
    assert could_be_same(a, b) and not could_be_same(b, c)
