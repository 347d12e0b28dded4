"""The signature block of a PDF letter: who signs, in what function, several signers side by side (pure)."""

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
TITLE_RE = re.compile(r"^(?:(?:drs|mr|dr|ir|prof|ing|ds|mgr|bc)\.\s*)+", re.I)
NAME_RE = re.compile(r"^(?:[A-Z]\.(?:\s?[A-Z][a-z]?\.)*\s+)?[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,4}$")
_SMALL = {"van", "en", "voor", "der", "de", "het", "op", "in", "te", "den", "ter"}


def _role(text: str) -> str | None:
    m = ROLE_RE.match(text.strip().rstrip(","))
    if not m:
        return None
    role = (m.group(1) + m.group(2)).strip().rstrip(",").strip()
    if role.isupper():  # "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,"
        words = role.lower().split()
        role = " ".join([words[0]] + [w if w in _SMALL else w.capitalize() for w in words[1:]])
    return role[0].lower() + role[1:]


def _name(text: str) -> str | None:
    text = TITLE_RE.sub("", text.strip().rstrip(","))
    if NAME_RE.match(text) and len(text.split()) <= 6 and not ROLE_RE.match(text):
        return text
    return None


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
            # lines of one paragraph ("..., E. van" / "Marum") are one text; role and name
            # usually stand apart, with white space between them
            if prev is not None and line.page == prev.page and line.top - prev.bottom < 0.6 * line.size:
                texts[-1] += " " + line.text.strip()
            else:
                texts.append(line.text.strip())
        found.extend(_pairs(texts))
    return "; ".join(found) or None


def _pairs(texts: list[str]) -> list[str]:
    """Role lines (a role may run over lines until its comma) paired with the name after them."""
    out: list[str] = []
    role: str | None = None
    name: str | None = None
    i = 0
    while i < len(texts):
        text = " ".join(texts[i].split())
        head = _role(text)
        if head is not None:
            if role and name:
                out.append(f"{name} ({role})")
                name = None
            parts = [text]
            while not parts[-1].endswith(",") and i + 1 < len(texts) and _role(texts[i + 1]) is None:
                nxt = " ".join(texts[i + 1].split())
                if _name(nxt) and " en " not in nxt:  # "Digitalisering en Koninkrijksrelaties" goes on
                    break
                parts.append(nxt)
                i += 1
            joined = " ".join(parts)
            if "," in joined.rstrip(","):  # "De staatssecretaris van BZK, E. van Marum"
                before, _, after = joined.rstrip(",").rpartition(",")
                if _name(after):
                    role, name = _role(before), _name(after)
                    out.append(f"{name} ({role})")
                    role = name = None
                    i += 1
                    continue
            role = _role(joined)
        elif role and name is None and (n := _name(text)):
            name = n
            out.append(f"{name} ({role})")
            role = name = None
        i += 1
    return out
