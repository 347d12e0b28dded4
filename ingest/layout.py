"""Page layout of extracted text: pages, footnote blocks, link debris and body lines (a pure function)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT

SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_INT = {c: i for i, c in enumerate(SUP_DIGITS)}
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december "
    "jan feb mrt apr jun jul aug sep okt nov dec"
).split()
# A number at the start of a line followed by one of these is body text, not a footnote.
UNITS = set(MONTHS) | set(
    "miljoen miljard procent euro fte jaar jaren dagen weken maanden uur minuten keer leden "
    "organisaties locaties deelnemers apparaten toestellen labs documenten %".split()
)
DEF_RES = {
    PLAIN: re.compile(r"^\s{0,3}(\d{1,3})\s+(\S.*)$"),
    BRACKETED: re.compile(r"^\s{0,3}\[(\d{1,3})\]\s+(\S.*)$"),
    SUPERSCRIPT: re.compile(rf"^\s{{0,3}}([{SUP_DIGITS}]{{1,3}})\s+(\S.*)$"),
}
STRONG_FOOTNOTE = re.compile(r"Kamerstuk|Handelingen|TZ\d{6}|\bT\d{5}\b|https?://|\bnr\.", re.I)
URL_LINE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?\s*$", re.I)
MAX_GAP = 3  # footnote texts lost in extraction: a definition may skip at most this many numbers


@dataclass(frozen=True)
class FootnoteDef:
    """A footnote definition found at a page bottom."""

    number: int
    label: str
    style: str
    series: int  # 0, or 1.. when the numbering restarts
    text: str
    page: int | None


@dataclass(frozen=True)
class BodyLine:
    text: str
    page: int | None
    blank_before: bool
    page_break_before: bool


@dataclass(frozen=True)
class Layout:
    lines: tuple[BodyLine, ...]
    footnotes: tuple[FootnoteDef, ...]
    pages_known: bool


def _split_pages(text: str) -> tuple[list[tuple[str, bool]], bool]:
    """Lines with a flag 'starts a page'. Form feeds are exact; pdftotext-like artefacts are heuristic."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[tuple[str, bool]] = []
    if "\f" in text:
        pages = _strip_running_lines([p.split("\n") for p in text.split("\f")])
        for page in pages:
            for i, line in enumerate(page):
                out.append((line, i == 0))
        return out, True
    lines = text.split("\n")
    found = False
    for i, line in enumerate(lines):
        start = i == 0
        if line.strip() and i >= 1:
            prev = lines[i - 1]
            # a page that begins with one leading space right after a non-blank line
            if re.match(r"^ \S", line) and prev.strip():
                start = True
            # blank, blank, space, blank, space: the gap pdftotext leaves between pages
            j = i - 1
            gap = []
            while j >= 0 and not lines[j].strip():
                gap.append(lines[j])
                j -= 1
            gap.reverse()
            if len(gap) >= 5 and gap[0] == "" and gap[1] == "" and sum(1 for g in gap if g == " ") >= 2:
                start = True
        found |= start and i > 0
        out.append((line, start))
    return out, found


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers and page numbers that repeat at page edges."""
    if len(pages) < 3:
        return pages

    def norm(s: str) -> str:
        return re.sub(r"\d+", "#", s.strip())

    edges = Counter()
    for page in pages:
        content = [ln for ln in page if ln.strip()]
        edges.update({norm(ln) for ln in content[:3] + content[-3:]})
    running = {k for k, n in edges.items() if n >= max(3, len(pages) // 2)}
    return [[ln for ln in page if not (ln.strip() and norm(ln) in running)] for page in pages]


def _def_match(line: str, style: str) -> tuple[int, str, str] | None:
    m = DEF_RES[style].match(line)
    if not m:
        return None
    label, rest = m.group(1), m.group(2)
    number = int("".join(str(SUP_TO_INT[c]) for c in label)) if style == SUPERSCRIPT else int(label)
    first = rest.split()[0].lower().strip(".,:;")
    if first in UNITS or rest.startswith(("%", "€")):
        return None
    return number, label if style != BRACKETED else f"[{label}]", rest


class _Scanner:
    """Walks the lines once, separating footnote definitions and link debris from the body."""

    def __init__(self) -> None:
        self.expected = {PLAIN: 1, BRACKETED: 1, SUPERSCRIPT: 1}
        self.series = {PLAIN: 0, BRACKETED: 0, SUPERSCRIPT: 0}
        self.defs: list[dict] = []

    def try_def(self, line: str, after_blank: bool, in_block: bool, page: int | None) -> bool:
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            hit = _def_match(line, style)
            if not hit:
                continue
            number, label, rest = hit
            exp = self.expected[style]
            if not (after_blank or in_block or (number == exp and STRONG_FOOTNOTE.search(rest))):
                continue
            restart = number == 1 and exp > 1 and after_blank and STRONG_FOOTNOTE.search(rest)
            # a text that starts mid-letter: its first footnote may carry any number
            first = exp == 1 and self.series[style] == 0 and after_blank and STRONG_FOOTNOTE.search(rest)
            if not (exp <= number <= exp + MAX_GAP or restart or first):
                continue
            if restart:
                self.series[style] += 1
            self.expected[style] = number + 1
            self.defs.append(
                {
                    "number": number,
                    "label": label,
                    "style": style,
                    "series": self.series[style],
                    "lines": [rest],
                    "page": page,
                }
            )
            return True
        return False


def analyse(text: str) -> Layout:
    """Split extracted text into body lines and footnote definitions, tracking pages."""
    lines, pages_known = _split_pages(text)
    scan = _Scanner()
    body: list[BodyLine] = []
    page = 1
    state = "body"  # body | note | tail
    blank = False
    page_break = False
    for idx, (line, starts_page) in enumerate(lines):
        if starts_page and idx > 0:
            page += 1
            page_break = True
            state = "body"
        if not line.strip():
            blank = True
            continue
        pg = page if pages_known else None
        if scan.try_def(line, blank or page_break, state == "note", pg):
            state = "note"
        elif state == "note" and not starts_page and (not blank or pages_known) and not URL_LINE.match(line):
            # With known pages the body resumes only on the next page: until then, it is footnote text.
            scan.defs[-1]["lines"].append(line.strip())
        elif state == "note" and not starts_page and not blank and URL_LINE.match(line):
            scan.defs[-1]["lines"].append(line.strip())
        elif URL_LINE.match(line) and (state in ("note", "tail") or _next_starts_page(lines, idx)):
            state = "tail"  # link targets repeated under the footnotes
        elif PAGE_NUMBER.match(line) and (starts_page or _next_starts_page(lines, idx)):
            pass  # a page number
        else:
            state = "body"
            body.append(BodyLine(line.rstrip(), pg, blank, page_break))
            page_break = False
        blank = False
    footnotes = tuple(
        FootnoteDef(d["number"], d["label"], d["style"], d["series"], join_lines(d["lines"]), d["page"])
        for d in scan.defs
    )
    return Layout(tuple(body), footnotes, pages_known)


def _next_starts_page(lines: list[tuple[str, bool]], idx: int) -> bool:
    for line, starts in lines[idx + 1 :]:
        if line.strip():
            return starts
    return True


def join_lines(parts: list[str], context: str = "") -> str:
    """Join wrapped lines, undoing hyphenation only where the word was split by the line break."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        out = join_two(out, part, context) if out else part
    return out


VOWELS = set("aeiouyáéíóúëïöü")


def join_two(left: str, right: str, context: str = "") -> str:
    """Join two wrapped line fragments; see join_lines."""
    last_token = left.split()[-1] if left.split() else ""
    if re.search(r"(https?://|www\.)\S*[-/_.=?&]$", last_token) or (
        last_token.startswith(("http", "<http")) and not left.endswith((" ", ">"))
    ):
        return left + right  # a URL broken across lines
    if left.endswith(" -"):
        return left + right  # "AI-innovatie en -toepassing"
    if left.endswith("-") and len(left) > 1:
        before = re.search(r"(\w+)-$", left)
        after = re.match(r"(\w+)", right)
        if before and after:
            b, a = before.group(1), after.group(1)
            keep = (
                len(b) == 1  # e-mail
                or not b[-1].islower()  # AI-verordening, LAA-systemen
                or not a[0].islower()  # niet-Europese
                or (b[-1] in VOWELS and a[0] in VOWELS)  # actie-agenda: Dutch keeps the hyphen
                or f"{b}-{a}" in context  # the hyphenated form occurs elsewhere
            )
            if not keep and f"{b}{a}" not in context and f"{b}-{a}".lower() in context.lower():
                keep = True
            return left + right if keep else left[:-1] + right
        return left + right
    return left + " " + right
