"""The patterns a letter's running text names and judges commitments by (pure regular expressions)."""

from __future__ import annotations

import re

OF_MEMBER_RE = re.compile(
    r"^van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)(?:\s+c\.s\.)?(?:\s+(?:over|inzake|betreffende)\s+(?P<about>.+))?$"
)
TO_MEMBER_RE = re.compile(
    r"^(?:aan\s+)?(?:het\s+lid|de\s+leden)\s+.+?\s+(?:over|inzake|betreffende)\s+(?P<about>\S.*)$"
)
GLUED_RE = re.compile(r"^(?P<names>[^\s].{0,60}?)\s+(?:over|inzake|betreffende)\s+(?P<about>\S.*)$")
DASH_RE = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
# Words that name a commitment in running text; plural 'moties' only counts with names after it.
# 'zegde ik (het lid X) toe' is the writer's promise in the past tense (dev08).
# 'Per toezegging vindt u de stand van zaken' distributes over all of them: it names none; 'per motie
# (Kamerstukken 32852, nr. 199) verzocht' names the one it cites.
KIND_RE = re.compile(
    r"(?:(?<!\b[Pp]er\s)|(?=motie\s*\((?:Kamerstuk|[^()]{0,40}\bnr\.)))\b(?P<w>moties|motie|toezegging|toegezegd|zeg\s+(?:ik\s+)?graag\s+toe|zegde\s+(?:ik|we|wij)(?=\s[^.;]*?\btoe\b))\b",
    re.I,
)
# The letter says it does not report on the commitment it names ('valt buiten dit overzicht', 'ik noem
# haar hier volledigheidshalve'): named in passing, and nothing in that sentence is its verdict.
OUT_OF_SCOPE_RE = re.compile(
    r"\bbuiten\s+(?:dit|deze|het)\s+(?:overzicht|brief|rapportage|verslag)\b|\bvolledigheidshalve\b", re.I
)
ADDRESSED_RE = re.compile(r"\b(?:uw|de)\s+Kamer\b|\bKamerleden\b|\b[Uu]\b|\bheb\s+ik\b", re.I)
MOTION_EVENT_RE = re.compile(r"\bmotie\s+(?:aangenomen|ingediend)|\bdiende\b[^.]*\bmotie\b", re.I)
ANAPHOR_RE = re.compile(r"\b(?:de|deze|die)\s+(?P<kind>motie|toezegging)\b", re.I)
INLINE_KST_RE = re.compile(r"\(((?:Kamerstuk\w*|Kamerbrief)[^()]{4,80}|[^()]{0,40}\bnr\.\s*\d+[^()]{0,20})\)")
# The same without brackets: 'de motie van het lid X, Kamerstuk 36 410 XV, nr. 12, verzoekt ...'.
BARE_KST_RE = re.compile(r"(\bKamerstuk\w*\s+(?:II\s+)?(?:\d{4}/\d{2,4},?\s+)?[^.;()]{0,40}?\bnr\.\s*\d+)")
INLINE_TZ_RE = re.compile(r"\(\s*(T\d{5}|TZ\d{6}-\d{2,4})\s*\)")
PAST_PROMISE = re.compile(r"\b(?:had|hadden)\b[^.]*\b(?:beloofd|toegezegd|aangegeven)\b", re.I)
# The letter's writer says it made a promise ('heb ik het lid X toegezegd', 'zeg ik toe'); 'zoals
# toegezegd' looks back at one.
PROMISE_MADE_RE = re.compile(
    r"\b(?:heb|hebben)\s+(?:ik|we|wij)\b[^.;]*?\btoegezegd\b|\bzeg\s+(?:ik\s+)?(?:graag\s+)?toe\b|"
    r"\bzegde\s+(?:ik|we|wij)\b[^.;]*?\btoe\b|"
    # the passive and the predecessor: 'is in het debat toegezegd', 'heeft mijn ambtsvoorganger toegezegd'
    r"\b(?:is|werd|zijn|werden)\s+(?:[\w,]+\s+){0,8}?toegezegd\b|"
    r"\bheeft\s+(?:de\s+minister|de\s+staatssecretaris|het\s+kabinet|mijn\s+\w*voorganger)\b[^.;]*?\btoegezegd\b",
    re.I,
)
LOOKS_BACK_RE = re.compile(r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b", re.I)
# A commitment named as the ground of something else ('In lijn met de eerder aangenomen motie van het lid
# Omtzigt werk ik ...', 'conform de motie'): named in passing, a record only where it gets a verdict.
REFERENCE_RE = re.compile(
    # 'Het programma is gestart naar aanleiding van de motie van het lid X' gives its origin (dev04)
    r"\b(?:in\s+lijn\s+met|conform|overeenkomstig|in\s+het\s+verlengde\s+van|in\s+de\s+geest\s+van|"
    r"naar\s+aanleiding\s+van|aansluit\w*\s+bij|sluit\s+(?:\w+\s+){0,6}aan\s+bij)"
    r"\s+(?:de|het|deze|die)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# 'die de motie op nr. 19 vervangt', 'ter vervanging van die gedrukt onder nr. 61': the number near a
# form of 'vervangen' is the predecessor, in the motie's own dossier.
REPLACING_RE = re.compile(r"\bvervang\w*|\bvervanging\b", re.I)
NR_RE = re.compile(r"\bnr\.\s*(\d{1,5})\b")
WEAK_RUNNING_RE = re.compile(r"momenteel|op\s+dit\s+moment|inmiddels\b.*", re.I | re.S)
# A motie's asking words, as a footnote quotes its dictum.
DICTUM_RE = re.compile(r"\bverzoekt\s+de\s+regering\b", re.I)
PROMISE_CUE = re.compile(
    r"\bverzo(?:cht|ekt)|\bvraagt\b|\bgevraagd\b|\btoegezegd\b|\btoe\s+(?:dat|te)\b", re.I
)
