"""Headings and sections: the letter's own structure (numbered parts, moties, toezeggingen, topics)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.footnotes import strip_markers
from ingest.model import Footnote, Marker, Section
from ingest.paragraphs import ends_sentence

NUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
GROUP_RE = re.compile(r"^(Moties|Toezeggingen|Beleidsupdates|Bijlagen?(?: \d+)?|Rapporten)$")
COMMITMENT_RE = re.compile(r"^(Motie|Moties|Toezegging)\b")
T_ITEM_RE = re.compile(r"^T\d{5}:")
# "a) Inhoud voorstel": a form's lettered parts (a BNC-fiche), under the numbered part above them.
LETTERED_RE = re.compile(r"^[a-z]\)\s+[A-ZÀ-Ý]")
# "Bijlage: Mogelijke aanvullende maatregelen", "Bijlage 2. Overzicht moties": an appendix's title.
APPENDIX_RE = re.compile(r"^Bijlage(?:\s+\d{1,2})?\s*[:.]\s+\S")
HEADER_FIELD_RE = re.compile(
    r"^(Datum|datum|Betreft|betreft|Kenmerk|Retouradres|> Retouradres|Geachte|Aan|aan|Den Haag|Nr\."
    r"|Bijlage\(n\)|Prinses|Postbus|De Voorzitter|Bewindspersoon)\b"
)
SIGNATURE_RE = re.compile(r"^(De |)(staatssecretaris|minister|Staatssecretaris|Minister)\b")


@dataclass(frozen=True)
class Para:
    """A paragraph placed in the letter text."""

    text: str
    start: int
    end: int
    bullet: bool


def heading_kind(heading: str, footnotes: tuple[Footnote, ...]) -> str:
    """ "motie", "toezegging" or "topic" for a heading and the footnotes it cites."""
    ids = [i for fn in footnotes for i in fn.toezeggingen]
    kst = [i for fn in footnotes for i in fn.kamerstukken]
    numbered = NUMBERED_RE.match(heading)
    title = numbered.group(2) if numbered else heading
    if title.startswith("Moti") or re.match(r"(?:Nader )?[Gg]ewijzigde motie\b", title):
        return "motie"
    if COMMITMENT_RE.match(title) or T_ITEM_RE.match(title) or re.search(r"\bT\d{5}\b|TZ\d{6}", title) or ids:
        return "toezegging"
    if kst and re.search(r"\bmotie", title, re.I):
        return "motie"
    return "topic"


def _level(heading: str, nxt: Para | None, stack: list[tuple[int, str, str]]) -> tuple[int, str]:
    """(level, role) where role is "structural" (numbered, group), "item" or "sub"."""
    numbered = NUMBERED_RE.match(heading)
    if numbered and T_ITEM_RE.match(numbered.group(2)):
        return 2, "item"  # committee items "1. T03926: Toezegging ..."
    if numbered:
        return numbered.group(1).count(".") + 1, "structural"
    if T_ITEM_RE.match(heading):
        return 3, "item"  # an item grouped under the numbered item before it
    if GROUP_RE.match(heading) or APPENDIX_RE.match(heading):
        return 1, "structural"
    if len(heading.split()) <= 2 and nxt is not None and nxt.bullet:
        main = [lv for lv, _, role in stack if role != "sub"]
        if main:
            return main[-1] + 1, "sub"  # "Leren", "Inspireren": sub-headings over a bullet list
    structural = [lv for lv, _, role in stack if role == "structural"]
    return (structural[-1] + 1 if structural else 1), "item"


def _is_heading(p: Para, clean: str, nxt: Para | None, in_list: bool) -> bool:
    if p.bullet or nxt is None or in_list or HEADER_FIELD_RE.match(clean) or SIGNATURE_RE.match(clean):
        return False
    if SIGNATURE_RE.match(nxt.text) and len(nxt.text) < 120:
        return False  # a name above its role in the signature
    if ends_sentence(clean) or clean.endswith(","):
        return False
    if NUMBERED_RE.match(clean):
        return len(clean) <= 250
    if COMMITMENT_RE.match(clean) or T_ITEM_RE.match(clean):
        return len(clean) <= 300
    if GROUP_RE.match(clean):
        return True
    if LETTERED_RE.match(clean) or APPENDIX_RE.match(clean):
        return len(clean) <= 120
    words = clean.split()
    return (
        len(clean) <= 100
        and len(words) <= 14
        and clean[:1].isupper()
        and ": " not in clean
        and (len(nxt.text) > 60 or nxt.bullet or nxt.text.startswith("|"))  # a paragraph, list or table
        and not nxt.text[:1].islower()
    )


def find_sections(
    text: str, paras: list[Para], markers: tuple[Marker, ...], footnotes: tuple[Footnote, ...]
) -> tuple[Section, ...]:
    """Sections in order; the text before the first heading is the preamble (path ())."""
    by_id = {fn.id: fn for fn in footnotes}
    numbered_run = _numbered_lists(paras)
    heads: list[tuple[int, int, str, str]] = []  # (start, level, heading, kind)
    stack: list[tuple[int, str, str]] = []  # the open headings: (level, heading, role)
    for i, p in enumerate(paras):
        pm = tuple(m for m in markers if p.start <= m.span[0] < p.end)
        clean = " ".join(strip_markers(p.text, pm, p.start).split())
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if not _is_heading(p, clean, nxt, i in numbered_run):
            continue
        fns = tuple(by_id[m.footnote_id] for m in pm if m.footnote_id in by_id)
        level, role = _level(clean, nxt, stack)
        heads.append((p.start, level, clean, heading_kind(clean, fns)))
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, clean, role))
    return sections_from_headings(text, heads)


def sections_from_headings(text: str, heads: list[tuple[int, int, str, str]]) -> tuple[Section, ...]:
    """Sections from known headings (start offset, level, heading, kind), in text order.

    The text before the first heading is the preamble (path ()); a heading's section runs to the next
    heading; the path holds the open headings of lower level above it.
    """
    sections: list[Section] = []
    if not heads or heads[0][0] > 0:
        first = heads[0][0] if heads else len(text)
        if text[:first].strip():
            sections.append(Section("", (), 0, (0, first), "preamble"))
    path: list[tuple[int, str]] = []
    for j, (start, level, heading, kind) in enumerate(heads):
        end = heads[j + 1][0] if j + 1 < len(heads) else len(text)
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, heading))
        sections.append(Section(heading, tuple(h for _, h in path), level, (start, end), kind))
    return tuple(sections)


def _numbered_lists(paras: list[Para]) -> set[int]:
    """Paragraphs in a run of three or more consecutive items "1.", "2.", "3.": a list, not headings."""
    out: set[int] = set()
    run: list[int] = []
    prev = 0
    for i, p in enumerate(paras + [Para("", 0, 0, False)]):
        m = re.match(r"^(\d+)\.\s", p.text)
        if m and len(p.text) < 120 and (not run or int(m.group(1)) == prev + 1):
            run.append(i)
            prev = int(m.group(1))
            continue
        if len(run) >= 3:
            out.update(run)
        run = [i] if m and len(p.text) < 120 else []
        prev = int(m.group(1)) if run else 0
    return out
