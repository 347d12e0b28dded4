"""The readers' version, stamped on every letter read, so an index re-reads letters an older reader read.

Bump READER_VERSION in any change that alters what a reader produces (loaders, layout, footnotes,
metadata, sections, keys: any field of a Letter read from the same bytes). The next ingest then reads
every file it is given again, even with unchanged bytes, and its new reading replaces the stored one;
unchanged chunk texts keep their vectors. Letters stored before versions were recorded have 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.model import Letter

# 1: the first recorded version (motie titles keep "ter vervanging van ..." and every dossier).
# 2: plain text: a footnote deferred to the next page's foot, two footnotes on one printed line, a
#    Kamerstuk header with one space after the dossier number, a fiche under a page label, pages that
#    start inside a paragraph (Letter.page_starts, each marker's page), body text written after a
#    page's footnotes, a motie's Kamerstuk header (ingest/text_kamerstuk.py).
READER_VERSION = 2


def current() -> int:
    """The version this brieven's readers stamp (read at call time, so a test can change it)."""
    return READER_VERSION


def outdated(letter: Letter) -> bool:
    """Whether another version of the readers read this letter (a letter from before versions: yes)."""
    return letter.reader_version != current()


def count_outdated(letters: Iterable[Letter]) -> int:
    return sum(1 for x in letters if outdated(x))


def outdated_line(n: int) -> str:
    """The one line saying what to do about stored letters an older reader read."""
    return (
        f"{n} letter(s) in the index were read by an older version of the readers: ingest their files "
        "again (`brieven ingest PATH`) to read them anew; `--rebuild` alone re-chunks the stored "
        "letters but does not re-read their files"
    )
