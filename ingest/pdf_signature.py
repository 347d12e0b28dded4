"""The signature block of a PDF letter: who signs, in what function, several signers side by side (pure).

A signer is a function ("De minister van Onderwijs, Cultuur en Wetenschap,") and a person's name
("Robbert Dijkgraaf", "drs. M.A.M. Adriaansens"), the function above the name (the usual Word
letter), under it, or on one line with it after a comma. Several signers stand side by side in
columns or one under the other. Evidence: the development letters and the arrangements typeset by
tests/test_pdf_signatures.py.
"""

from __future__ import annotations

import re

from ingest.pdf_page import Line

CLOSING_RE = re.compile(
    r"^(Hoogachtend|Met (?:vriendelijke|hoogachtende) groet(?:en)?|Met de meeste hoogachting),?$", re.I
)
ROLE_RE = re.compile(
    r"^(?:de\s+)?(minister(?:-president)?|staatssecretaris|secretaris-generaal|directeur(?:-generaal)?"
    r"|voorzitter|griffier)\b(.*)$",
    re.I,
)
# What may follow the function's word: "van …", "voor …", ", minister van Algemene Zaken", nothing.
_ROLE_REST_RE = re.compile(r"^(?:\s*,.*|\s+(?:van|voor)\b.*|\s*)$", re.I | re.S)
# A function starting inside a line after a name ("M. Adriaansens Minister van …", lines joined).
_ROLE_INSIDE_RE = re.compile(r"\s(?=(?:De\s+|de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)\b)")
TITLE_RE = re.compile(r"^(?:(?:drs|mr|dr|ir|prof|ing|ds|mgr|bc|mw|dhr)\.\s*)+", re.I)
_DEGREE_RE = re.compile(r",?\s+(?:MSc|MA|MBA|LLM|MPA|BSc|PhD)$")
_INITIALS_RE = re.compile(r"^(?:[A-ZÀ-Ý][a-z]?\.-?)+$")  # "M.A.M.", "Th.", "J.-P."
_WORD_RE = re.compile(r"^[A-ZÀ-Ý][\w’'-]*$")
_PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "het",
    "'t",
    "’t",
    "op",
    "in",
    "la",
    "le",
    "du",
    "da",
    "te",
}
_SMALL = {"van", "en", "voor", "der", "de", "het", "op", "in", "te", "den", "ter"}
# A function's second line naming a portfolio ("Digitalisering en Koninkrijksrelaties").
_PORTFOLIO_RE = re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?:,?\s+(?:en|van|voor|[A-ZÀ-Ý][\w’'-]*))*,?$")
_CONNECTORS = ("en", "van", "voor", "der", "de", "het", "op", "in", ",", "–", "-")


def _role(text: str) -> str | None:
    """The function a line prints ("minister van Economische Zaken en Klimaat"); None if the line is
    no function: a sentence about a minister ("De minister zendt …") ends in a full stop or goes on
    with a verb rather than "van" or "voor"."""
    text = " ".join(text.split()).rstrip(",").strip()
    m = ROLE_RE.match(text)
    if not m or not _ROLE_REST_RE.match(m.group(2)) or text.endswith(".") or len(text.split()) > 16:
        return None
    role = (m.group(1) + m.group(2)).strip().rstrip(",").strip()
    if role.isupper():  # "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,"
        words = role.lower().split()
        role = " ".join([words[0]] + [w if w in _SMALL else w.capitalize() for w in words[1:]])
    return role[0].lower() + role[1:]


def is_function(text: str) -> bool:
    return _role(text) is not None


def person(text: str) -> str | None:
    """A person's name as signed, titles and degrees left off ("mr. dr. A.B. van der Jansen" ->
    "A.B. van der Jansen"): initials or given names, particles, a surname; None for anything else
    (a ministry's words "Cultuur en Wetenschap", one bare word, a function)."""
    text = _DEGREE_RE.sub("", TITLE_RE.sub("", " ".join(text.split()).rstrip(",").strip()))
    words = text.split()
    if not 2 <= len(words) <= 6 or ROLE_RE.match(text) or not _WORD_RE.match(words[-1]):
        return None
    for word in words:
        if word.lower() in _PARTICLES and word.islower():
            continue
        if _INITIALS_RE.match(word):
            continue
        if not _WORD_RE.match(word) or word.lower() == "en" or (len(word) > 2 and word.isupper()):
            return None
    if all(_INITIALS_RE.match(w) or w.lower() in _PARTICLES for w in words[:-1]) and _INITIALS_RE.match(
        words[-1]
    ):
        return None
    return text


def signers(lines: list[Line]) -> str | None:
    """'Name (function)' for each signer, '; ' between them, from the block's lines; None if none."""
    start = next((i + 1 for i, ln in enumerate(lines) if CLOSING_RE.match(ln.text.strip())), 0)
    block = lines[start:]
    if not block:
        return None
    columns: list[list[Line]] = []
    for line in sorted(block, key=lambda ln: ln.x0):
        col = next((c for c in columns if abs(c[0].x0 - line.x0) < 60), None)
        if col is None:
            columns.append([line])
        else:
            col.append(line)
    found: list[str] = []
    for col in sorted(columns, key=lambda c: c[0].x0):
        col.sort(key=lambda ln: (ln.page, ln.top))
        texts: list[str] = []
        for prev, line in zip([None, *col], col, strict=False):
            # lines of one paragraph ("..., E. van" / "Marum") are one text; function and name
            # usually stand apart, with white space between them
            if prev is not None and line.page == prev.page and line.top - prev.bottom < 0.6 * line.size:
                texts[-1] += " " + line.text.strip()
            else:
                texts.append(line.text.strip())
        found.extend(pairs(_split_inside(texts)))
    return "; ".join(found) or None


def _split_inside(texts: list[str]) -> list[str]:
    """A name and the function under it read as one text ("M.A.M. Adriaansens Minister van …") apart."""
    out: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        parts = _ROLE_INSIDE_RE.split(text, maxsplit=1)
        if len(parts) == 2 and person(parts[0]) and _role(parts[1]):
            out += parts
        else:
            out.append(text)
    return out


def _one_line(text: str) -> tuple[str, str] | None:
    """'De staatssecretaris van BZK, E. van Marum': the function and the name after its last comma."""
    body = text.rstrip(",")
    for m in reversed(list(re.finditer(",", body))):
        before, after = body[: m.start()], body[m.end() :]
        if (name := person(after)) and (role := _role(before)):
            return role, name
    return None


def pairs(texts: list[str]) -> list[str]:
    """Functions paired with the names under them (a function may run over lines until its comma),
    or names with the function under them."""
    out: list[str] = []
    role: str | None = None
    name: str | None = None  # a name waiting for the function under it
    i = 0
    while i < len(texts):
        text = " ".join(texts[i].split())
        if _role(text) is not None:
            parts = [text]
            while not parts[-1].endswith(",") and i + 1 < len(texts) and _role(texts[i + 1]) is None:
                nxt = " ".join(texts[i + 1].split())
                if not parts[-1].endswith(_CONNECTORS) and person(nxt):
                    break  # the name under the function
                if (
                    not parts[-1].endswith(_CONNECTORS)
                    and not nxt.endswith(",")
                    and not _PORTFOLIO_RE.match(nxt)
                ):
                    break
                parts.append(nxt)
                i += 1
            joined = " ".join(parts)
            if (both := _one_line(joined)) is not None:
                out.append(f"{both[1]} ({both[0]})")
                role = name = None
            elif name is not None:  # the function under a name
                out.append(f"{name} ({_role(joined)})")
                role = name = None
            else:
                role = _role(joined)
        elif (n := person(text)) is not None:
            if role is not None:
                out.append(f"{n} ({role})")
                role = None
            else:
                name = n
        i += 1
    return out
