"""Limits: each one refuses with its reason, before the cost it guards (peak memory measured in a
subprocess), and the question path stays linear in the question's length."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.errors import InputError
from ingest.loaders import load_document
from ingest.settings import Settings
from tests import input_files as f
from tests.reliability_support import DEMO, ROOT, cli_env, use_fake_model

D000 = DEMO / "000_942beb3f78852484.txt"


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return use_fake_model(monkeypatch)


def docx_bomb(expands_to: int) -> bytes:
    """A DOCX whose document part inflates to `expands_to` bytes (zeros compress ~1000:1)."""
    buffer = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(f.docx_bytes(footnotes=False)))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, good.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"<w:t>" + b"0" * (1 << 20)
            for _ in range(expands_to // len(block) + 1):
                member.write(block)
    return buffer.getvalue()


def docx_many_parts(parts: int) -> bytes:
    buffer = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(f.docx_bytes(footnotes=False)))
    with zipfile.ZipFile(buffer, "w") as out:
        for item in good.infolist():
            out.writestr(item, good.read(item))
        for n in range(parts):
            out.writestr(f"customXml/item{n}.xml", b"<a/>")
    return buffer.getvalue()


def long_paragraph_html(chars: int, tag: str = "p") -> str:
    words = ("motie " * (chars // 6 + 1))[:chars]
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Brief</title></head><body>"
        f"<h1>Voortgang</h1><p>Eerste alinea over de toezegging.</p><{tag}>{words}</{tag}>"
        "<p>Slotalinea die niet verloren mag gaan.</p></body></html>"
    )


CASES = {
    # name: (file name, bytes or size of a sparse file, words the reason names)
    "file size": (
        "groot.txt",
        30_000_001,
        "file of 30,000,001 bytes; the limit is 30,000,000 (setting max_file_bytes",
    ),
    "docx expands": ("bom.docx", None, "DOCX that expands to"),
    "docx parts": ("delen.docx", None, "DOCX with 2,0"),
    "pdf pages": ("dik.pdf", None, "PDF of 601 pages; the limit is 600 (setting max_pdf_pages"),
    "html text run": ("lang.html", None, "a paragraph of 10,500,0"),
    "paragraph": ("alinea.html", None, "a paragraph of 250,000 characters; the limit is 200,000"),
    "letter chars": (
        "lang.txt",
        None,
        "characters of text; the limit is 3,000,000 (setting max_letter_chars",
    ),
}


def make(case: str, folder: Path) -> tuple[Path, str]:
    name, size, reason = CASES[case]
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    if case == "file size":
        with path.open("wb") as fh:
            fh.truncate(size)  # sparse: no disk, and never read
    elif case == "docx expands":
        path.write_bytes(docx_bomb(61_000_000))
    elif case == "docx parts":
        path.write_bytes(docx_many_parts(2_000))
    elif case == "pdf pages":
        path.write_bytes(f.pdf_bytes([["Pagina"]] * 601))
    elif case == "html text run":
        path.write_text(long_paragraph_html(10_500_000), encoding="utf-8")
    elif case == "paragraph":
        path.write_text(long_paragraph_html(250_000), encoding="utf-8")
    elif case == "letter chars":
        line = "De staatssecretaris informeert de Kamer over de voortgang van de toezegging.\n"
        path.write_text(line * (3_000_000 // len(line) + 1), encoding="utf-8")
    return path, reason


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_limit_refuses_the_file_with_its_reason_and_the_others_go_on(case, tmp_path, capsys, fake_model):
    bad, reason = make(case, tmp_path / "in")
    good = f.write(tmp_path / "in", "brief.txt", D000.read_bytes())
    index = tmp_path / "idx"
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if str(bad) in line]
    assert len(lines) == 1 and reason in lines[0], err
    assert "Slotalinea" not in out  # nothing of a refused file is kept


def test_limits_are_set_from_the_environment(tmp_path, capsys, fake_model, monkeypatch):
    pdf = f.write(tmp_path, "drie.pdf", f.pdf_bytes([f.PAGE_1, f.PAGE_2, ["Slot"]]))
    monkeypatch.setenv("BRIEVEN_MAX_PDF_PAGES", "2")
    assert main(["ingest", "--index", str(tmp_path / "idx"), *fake_model, "--quiet", str(pdf)]) == 1
    assert "PDF of 3 pages; the limit is 2 (setting max_pdf_pages, env BRIEVEN_MAX_PDF_PAGES)" in (
        capsys.readouterr().err
    )


def test_a_long_script_is_not_a_paragraph(tmp_path):
    html = long_paragraph_html(300_000, tag="script").replace("<p>Slotalinea", "<p>Slotalinea")
    path = f.write(tmp_path, "script.html", html)
    doc = load_document(path)
    assert "Slotalinea die niet verloren mag gaan." in doc.text and "motie motie" not in doc.text


PEAK = """
import resource, sys
from pathlib import Path
from ingest.errors import InputError
from ingest.loaders import load_document
try:
    load_document(Path(sys.argv[1]))
    print("read")
except InputError as exc:
    print("refused:", exc.reason)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib(path: Path) -> tuple[str, int]:
    proc = subprocess.run(
        [sys.executable, "-c", PEAK, str(path)],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    outcome, peak = proc.stdout.strip().splitlines()[-2:]
    return outcome, int(peak)


@pytest.mark.parametrize("case", ["docx expands", "docx parts", "file size", "html text run", "letter chars"])
def test_refusal_comes_before_the_cost_peak_memory_in_a_subprocess(case, tmp_path):
    """The refused file costs at most 80 MiB more than reading a small letter of the same format."""
    bad, reason = make(case, tmp_path / "bad")
    small = {".docx": f.docx_bytes(), ".html": f.HTML.encode(), ".txt": D000.read_bytes()}[bad.suffix]
    outcome, peak = _peak_kib(bad)
    _, baseline = _peak_kib(f.write(tmp_path / "small", "klein" + bad.suffix, small))
    assert outcome.startswith("refused:") and reason.split(";")[0][:20] in outcome, outcome
    assert peak - baseline < 80 * 1024, (peak, baseline)


def test_the_question_limit_holds_on_the_command_line(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(D000)]) == 0
    capsys.readouterr()
    long_question = "toezegging " * 201
    for command in ("ask", "search"):
        assert main([command, long_question, "--index", str(index), *fake_model]) == 2
        err = capsys.readouterr().err.strip()
        assert err == (
            f"brieven: the question is {len(long_question):,} characters long; the limit is 2,000 "
            "(setting max_question_chars, env BRIEVEN_MAX_QUESTION_CHARS)"
        )


def test_the_question_limit_holds_for_questions_read_from_stdin(tmp_path, capsys, fake_model, monkeypatch):
    index = tmp_path / "idx"
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(D000)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("toezegging IPO\n" + "x" * 5000 + "\n"))
    assert main(["ask", "-", "--index", str(index), *fake_model]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "answer" in first and "the limit is 2,000" in second["error"]


class CountingSet(set):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.lookups += 1
        return super().__contains__(item)


@pytest.mark.parametrize("length", [20_000, 1_000_000])
def test_splitting_a_long_word_looks_up_a_bounded_number_of_parts(length):
    """A one-word question of any length: the decompounder tries no more cuts than its longest known
    word allows (on the old code a 20,000-letter word took ~100,000 lookups, a 1 MB one 100 s)."""
    from index.tokenize import Decompounder, tokenize

    vocabulary = CountingSet({"algoritme", "kader", "toezegging", "overheid"})
    d = Decompounder(vocabulary)
    CountingSet.lookups = 0
    assert d.split("a" * length) == []
    assert tokenize("algoritmekader " + "b" * length, d)[1:3] == ["algoritme", "kader"]
    assert CountingSet.lookups < 500


def test_the_limits_of_the_settings_are_what_readers_get():
    from ingest.limits import Limits

    settings = Settings(max_pdf_pages=7, max_paragraph_chars=99)
    limits = Limits.of(settings)
    assert (limits.max_pdf_pages, limits.max_paragraph_chars) == (7, 99)
    assert Limits().max_file_bytes == Settings().max_file_bytes


def test_a_refused_file_is_an_input_error_naming_it(tmp_path):
    bad, reason = make("pdf pages", tmp_path)
    with pytest.raises(InputError) as info:
        load_document(bad)
    assert info.value.path == str(bad) and reason in info.value.reason
