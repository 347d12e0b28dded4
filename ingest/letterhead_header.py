"""The header above the salutation on page 1: return address, addressee block, Datum, Betreft (pure)."""

from __future__ import annotations

from ingest.letterhead_fields import (
    ADDRESSEE_START_RE,
    HEADER_LINES,
    INLINE_RE,
    LABELS,
    POSTCODE_RE,
    SALUTATION_RE,
    STREET_RE,
    HeaderField,
    despace,
    field_label,
    squeeze,
    strong_line,
)


def header_fields(lines: list[str], pages: list[int], marked: set[int]) -> tuple[set[int], list[HeaderField]]:
    """The header above the salutation on page 1: return address, addressee block, Datum, Betreft.

    Evidence: a salutation ("Geachte voorzitter,") within the first lines of page 1; everything the
    header prints above it is one of these fields. Without a salutation the header stays body text
    (the metadata reader still finds Datum and Betreft in the raw text)."""
    first = [i for i, p in enumerate(pages) if p == pages[0]] if pages else []
    salutation = next((i for i in first[:HEADER_LINES] if SALUTATION_RE.match(lines[i])), None)
    if salutation is None:
        return set(), []
    out: set[int] = set()
    fields: list[HeaderField] = []
    i = 0
    while i < salutation:
        s = lines[i].strip()
        if i in marked or not s:
            i += 1
            continue
        inline = INLINE_RE.match(s)
        label = field_label(s)
        if inline:
            name = LABELS[squeeze(inline.group("label"))]
            value = [inline.group("value")]
            j = i + 1
            if name == "betreft":  # the subject wraps until the salutation or the next field
                while j < salutation and (j in marked or _continues_subject(lines[j])):
                    if j not in marked and lines[j].strip():
                        value.append(lines[j].strip())
                    j += 1
            fields.append(
                HeaderField(name, despace(" ".join(value)) if name == "kenmerk" else " ".join(value))
            )
            out.update(range(i, j))
            i = j
            continue
        if label in ("datum", "betreft"):
            # labels alone on their lines, their values below in the same order ("Datum", "Betreft",
            # "3 februari 2023", "Nationaal Programma ..."): each label takes one line, the subject the rest
            labels, j = [label], i + 1
            while j < salutation and (j in marked or field_label(lines[j]) in ("datum", "betreft")):
                if j not in marked:
                    labels.append(field_label(lines[j]))
                j += 1
            for k, name in enumerate(labels):
                while j < salutation and j in marked:
                    j += 1
                value = [lines[j].strip()] if j < salutation else []
                j += 1
                last = k == len(labels) - 1
                while (
                    name == "betreft"
                    and last
                    and j < salutation
                    and (j in marked or _continues_subject(lines[j]))
                ):
                    if j not in marked:
                        value.append(lines[j].strip())
                    j += 1
                fields.append(HeaderField(name, " ".join(value)))
            out.update(range(i, min(j, salutation)))
            i = j
            continue
        if ADDRESSEE_START_RE.match(s):
            # the addressee block: name lines down to the postcode and city
            j, block = i, []
            while j < salutation and len(block) < 6 and lines[j].strip() and not INLINE_RE.match(lines[j]):
                block.append(lines[j].strip())
                j += 1
                if POSTCODE_RE.match(block[-1]):
                    break
            names = [b for b in block if not (strong_line(b) or STREET_RE.match(b))]
            fields.append(HeaderField("addressee", " ".join(names)))
            out.update(range(i, j))
            i = j
            continue
        i += 1
    return out, fields


def _continues_subject(line: str) -> bool:
    s = line.strip()
    return bool(s) and not (INLINE_RE.match(s) or field_label(s) or strong_line(s) or SALUTATION_RE.match(s))
