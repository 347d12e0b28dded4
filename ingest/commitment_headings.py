"""A section's heading as the commitment it names ('Motie van het lid X over Y', 'Toezegging T0...')."""

from __future__ import annotations

import re

from ingest.commitment_draft import (
    GROUP_RE,
    HEADING_RE,
    NUMBER_RE,
    QUOTE_RE,
    Draft,
    ids_for,
    promised_words,
)
from ingest.commitment_patterns import (
    DASH_RE,
    GLUED_RE,
    INLINE_KST_RE,
    OF_MEMBER_RE,
    TO_MEMBER_RE,
)
from ingest.commitment_table import NAMES_CELL_RE
from ingest.commitment_text import (
    find_members,
    parse_member_list,
    squash,
)
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import Footnote, Section


class HeadingDrafts:
    """The Reader's heading part: where a heading ends, and the drafts it names."""

    def heading_end(self, section: Section) -> int:
        """Where the printed heading (with its glued footnote markers) ends in the letter text."""
        start = section.span[0]
        pos = start
        for w in section.heading.split():
            found = self.masked.find(w, pos, section.span[1])
            if found < 0:
                break
            pos = found + len(w)
        while pos < section.span[1] and (
            self.masked[pos] in " ,\t" or self.letter.text[pos] != self.masked[pos]
        ):
            pos += 1
        return pos

    # -- one section --------------------------------------------------------------------------

    def _runs_on(self, section: Section, head_end: int) -> bool:
        """The 'heading' is a numbered paragraph's first line ('1. Met de motie van het lid X heeft uw
        Kamer ...'): its sentence runs on into the text, no capital between (the parser may have set the
        'heading' apart with a blank line)."""
        if not NUMBER_RE.match(section.heading) or re.search(r"[.:;?!]\s*$", section.heading):
            return False
        after = re.match(r"\s*(\S)", self.letter.text[head_end : section.span[1]])
        return bool(after) and (after.group(1).islower() or after.group(1).isdigit())

    def _heading_drafts(self, section: Section, heading: str, footnotes: list[Footnote]) -> list[Draft]:
        m = HEADING_RE.match(heading)
        pos = section.span[0]
        if GROUP_RE.match(NUMBER_RE.sub("", heading)):
            return []
        if m and m.group("rest"):
            kind = "motie" if m.group("kind").lower().startswith("moti") else "toezegging"
            rest = re.sub(r"^[–—-]\s*", "", m.group("rest"))
            # 'Motie (Kamerstuk 29 984, nr. 1190) van de leden X en Y over Z', 'Toezegging (T03812): ...':
            # the number in brackets after the kind word is the commitment's own (an annex's items).
            bracket = re.match(r"\(([^()]{4,80})\)\s*:?\s*", rest)
            own_ids = []
            if bracket:
                own_ids = list(toezegging_ids(bracket.group(1)) or kamerstuk_ids(bracket.group(1)))
                rest = rest[bracket.end() :] if own_ids else rest
            # 'Motie van het lid Kathmann (Kamerstuk 33 009, nr. 130)': the Kamerstuk printed in the
            # heading after the members is the motie's own too (dev10).
            printed = INLINE_KST_RE.search(rest) if kind == "motie" and not own_ids else None
            if printed and kamerstuk_ids(printed.group(1)):
                own_ids = list(kamerstuk_ids(printed.group(1)))
                rest = squash(rest[: printed.start()] + rest[printed.end() :])
            # 'Toezegging T03970' (dev15): the number is the heading's whole subject, the quoted promise
            # under it the title.
            numbered = toezegging_ids(rest) if kind == "toezegging" and not own_ids else ()
            if numbered and not re.sub(r"\b(?:T\d{5}|TZ\d{6}-\d{2,4})\b|[\s–—:()-]", "", rest):
                own_ids, rest = list(numbered), ""
            parts = DASH_RE.split(rest, maxsplit=1)
            names, title = (parts[0], parts[1]) if len(parts) == 2 and parts[1] else ("", rest)
            if kind == "toezegging":
                names, title = "", rest
            glued = GLUED_RE.match(rest) if m.group("rest").startswith("-") and not names else None
            if kind == "motie" and glued:  # "Motie-Tielen over het sportakkoord": the member glued on
                names, title = glued.group("names"), glued.group("about")
            printed = OF_MEMBER_RE.match(names or rest)
            if kind == "motie" and printed:  # "Motie van het lid Kathmann c.s. over online veiligheid"
                about = printed.group("about") or (title if names else None)
                names = printed.group("names")
                title = about or f"Motie {names}"
            members = (
                tuple(x for _, x in find_members(f"{m.group('kind')} {names}")) if kind == "motie" else ()
            )
            # 'Motie Grinwis/Bikker', 'Motie Kostić c.s.' (dev15): names alone are the indieners.
            if kind == "motie" and not members and not names and NAMES_CELL_RE.fullmatch(rest.strip()):
                members, title = parse_member_list(rest), f"Motie {rest.strip()}"
            asked = TO_MEMBER_RE.match(rest) if kind == "toezegging" else None
            if asked:  # "Toezegging aan het lid Kröger (GroenLinks-PvdA) over warmtenetten"
                members = tuple(x for _, x in find_members(rest[: asked.start("about")]))
                title = asked.group("about")
            if m.group("kind") == "Moties" and len(members) > 1:  # two moties under one heading
                pairs = (
                    [[fn] for fn in footnotes]
                    if len(footnotes) == len(members)
                    else [footnotes] * len(members)
                )
                group = [
                    Draft("motie", squash(title), pos, ids_for("motie", fns)[0], (mem,))
                    for mem, fns in zip(members, pairs, strict=True)
                ]
                for d in group:
                    d.siblings = group
                return group
            ids, cites = ids_for(kind, footnotes)
            ids += [i for i in own_ids if i not in ids]
            if not title:  # the heading is the number alone: the promise under it titles it
                title = self._quoted_promise(section.span[0], section.span[1])
            return [Draft(kind, squash(title), pos, ids, members, cites=cites)]
        if section.kind in ("motie", "toezegging") or any(f.toezeggingen for f in footnotes):
            kind = "motie" if section.kind == "motie" else "toezegging"
            ids, cites = ids_for(kind, footnotes)
            return [Draft(kind, NUMBER_RE.sub("", heading), pos, ids, cites=cites)]
        return []

    def _quoted_promise(self, start: int, end: int) -> str:
        """The promise quoted under a heading ('"De minister zal de Kamer ... informeren over X."')."""
        quoted = QUOTE_RE.search(self.masked, start, end)
        return promised_words(quoted.group(1)) if quoted else ""
