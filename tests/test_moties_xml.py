"""Moties in official publication XML: the twelve demo moties from ../shared, and every dossier form.

The dossier forms are publications the test writes itself in the shape of the real ones (both
metadata flavours: a full <metadata> block, or only externMetadataRecord with the facts in the body).
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest import dictum
from ingest.chunking import chunk_letter
from ingest.errors import InputError
from ingest.loaders import load_bytes, load_document
from ingest.model import Member
from ingest.parse import parse_letter
from ingest.xml_reader import read_publication
from tests.conftest import MOTIES_XML

FILES = sorted(MOTIES_XML.glob("*.xml"))


@pytest.mark.skipif(not FILES, reason="../shared/corpus/moties-xml is not present")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_motie_xml_parses_with_metadata(path):
    letter = parse_letter(load_document(path))
    assert letter.id == path.stem  # e.g. kst-26643-1341
    assert letter.format == "xml" and letter.kind == "motie"
    assert letter.date is not None and letter.date.year >= 2020
    assert letter.title and "motie" in letter.title.lower() and "; " in letter.title
    assert letter.addressee == "Tweede Kamer"
    assert letter.kamerstuk and letter.kamerstuk_id == path.stem
    assert "verzoekt de regering" in letter.text or "verzoekt het kabinet" in letter.text
    # the indieners: Member objects, the first one named in the title, also the sender
    assert letter.indieners and letter.indieners[0].name in letter.title
    assert letter.sender == ", ".join(m.name for m in letter.indieners)
    # one section, the motie itself, whose ask can be found
    assert [s.kind for s in letter.sections] == ["motie"]
    assert dictum.asks(letter.text) and dictum.asks(letter.text)[0].startswith("verzoekt")
    # the printed header is metadata: not in the body, and no chunk of a few characters
    assert "Voorgesteld" not in letter.text and f"Nr. {path.stem.rsplit('-', 1)[1]}" not in letter.text
    # (a motie longer than one chunk may leave its closing formula and signature as a short last chunk)
    chunks = chunk_letter(letter)
    short = [c.clean_text for c in chunks if len(c.clean_text) < 80]
    assert chunks and all(t.startswith("en gaat over tot de orde van de dag.") for t in short), short


def publication(
    dossiers: list[tuple[str, str | None, str]],
    number: str,
    title: str,
    names: list[str],
    voorgesteld: str | None = "2025-02-06",
    metadata: str = "",
    extra_body: str = "",
) -> bytes:
    """A motie in the shape of the Kamerstuk XML; dossiers are (number, chapter or sub-number, title)."""
    dossier_xml = ""
    for nr, part, dossier_title in dossiers:
        if part and part.isdigit():
            number_xml = f"<dossiernr>{nr}</dossiernr>-<raadnr>{part}</raadnr>"
        elif part and part.startswith("R"):
            number_xml = f"<dossiernr>{nr}</dossiernr> (<rijkswetnr>{part}</rijkswetnr>)"
        elif part:
            number_xml = f"<dossiernr>{nr}</dossiernr><begrotingshoofdstuk>{part}</begrotingshoofdstuk>"
        else:
            number_xml = f"<dossiernr>{nr}</dossiernr>"
        dossier_xml += (
            f"<dossier><dossiernummer>{number_xml}</dossiernummer><titel>{dossier_title}</titel></dossier>"
        )
    when = (
        f'<datumtekst>Voorgesteld <datum isodatum="{voorgesteld}">6 februari 2025</datum></datumtekst>'
        if voorgesteld
        else ""
    )
    signature = (
        f"<al>{names[0]}</al>"
        if len(names) == 1
        else "<al-groep>" + "".join(f"<al>{n}</al>" for n in names) + "</al-groep>"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><metadata>{metadata}</metadata><kamerstuk>
<kamerstukkop><tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
<tekstregel inhoud="kamernummer">2</tekstregel></kamerstukkop>
{dossier_xml}
<stuk><stuknr>Nr. <ondernummer kamer="2">{number}</ondernummer></stuknr><titel>{title}</titel>{when}
<algemeen><vrije-tekst><tekst status="goed">
<al>De Kamer,</al><al>gehoord de beraadslaging,</al>
<al>constaterende dat incassobureaus geen inzicht hebben in de schuldhulpverlening;</al>
<al>overwegende dat zij de incasso dan stoppen;</al>
<al>verzoekt de regering een pilot te doen en over de uitkomsten aan de Kamer te rapporteren,</al>
{extra_body}
<al>en gaat over tot de orde van de dag.</al>{signature}
</tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>""".encode()


def extern(kst_id: str) -> str:
    url = f"https://zoek.officielebekendmakingen.nl/{kst_id}/metadata.xml"
    return f'<meta name="OVERHEIDop.externMetadataRecord" scheme="" content="{url}"/>'


def read(data: bytes, name: str = "motie.xml"):
    from pathlib import Path

    return parse_letter(load_bytes(data, Path(name)))


@pytest.mark.parametrize(
    ("dossiers", "kst_id", "kamerstuk"),
    [
        ([("24 515", None, "Stille armoede")], "kst-24515-782", "24515 nr. 782"),
        ([("36 410", "VII", "Begroting BZK 2024")], "kst-36410-VII-782", "36410 VII nr. 782"),
        ([("21 501", "20", "Europese Raad")], "kst-21501-20-782", "21501-20 nr. 782"),
        ([("36 027", "R2160", "Verdrag immuniteit")], "kst-36027-782", "36027 nr. 782"),
        (
            [("36 410", "XVI", "Begroting VWS 2024"), ("36 410", "VI", "Begroting JenV 2024")],
            "kst-36410-XVI-782",
            "36410 XVI nr. 782",
        ),
    ],
    ids=["plain", "chapter", "sub-number", "rijkswet", "two-dossiers"],
)
def test_every_dossier_form_from_the_body(dossiers, kst_id, kamerstuk):
    letter = read(publication(dossiers, "782", "MOTIE VAN HET LID CEDER", ["Ceder"]))
    assert (letter.kamerstuk, letter.kamerstuk_id, letter.id) == (kamerstuk, kst_id, kst_id)
    # the own title, then every dossier's title (a motie on two begrotingen names both)
    assert letter.title == "; ".join(["Motie van het lid Ceder", *(d[2] for d in dossiers)])
    assert letter.date == date(2025, 2, 6) and letter.kind == "motie"
    assert letter.indieners == (Member("Ceder"),) and letter.sender == "Ceder"
    assert letter.addressee == "Tweede Kamer"
    # the dossier number and "Voorgesteld" are metadata, never headings or body
    assert [s.heading for s in letter.sections] == ["Motie van het lid Ceder"]
    assert not any(d[0] in letter.text for d in dossiers) and "Voorgesteld" not in letter.text


def test_both_metadata_flavours_agree():
    body_only = publication([("21 501", "20", "Europese Raad")], "2258", "MOTIE VAN HET LID BOSWIJK C.S.", [])
    names = ["Boswijk", "Van Campen", "Diederik van Dijk"]
    args = ([("21 501", "20", "Europese Raad")], "2258", "MOTIE VAN HET LID BOSWIJK C.S.", names)
    full = "".join(
        f'<meta name="{k}" content="{v}"/>'
        for k, v in [
            ("DC.identifier", "kst-21501-20-2258"),
            ("OVERHEIDop.dossiernummer", "21501-20"),
            ("OVERHEIDop.ondernummer", "2258"),
            ("DC.type", "Motie"),
            ("OVERHEIDop.documenttitel", "Motie van het lid Boswijk c.s. over de havens van Odessa"),
            ("OVERHEIDop.dossiertitel", "Europese Raad"),
            # the metadata lists the indieners in reverse order, with initials
            ("OVERHEIDop.indiener", "D.J.H. (Diederik) van Dijk"),
            ("OVERHEIDop.indiener", "A.A.H. van Campen"),
            ("OVERHEIDop.indiener", "D.G. Boswijk"),
            ("DCTERMS.issued", "2025-02-06"),
            ("DC.creator", "Tweede Kamer der Staten-Generaal"),
        ]
    )
    a = read(publication(*args, metadata=full))
    b = read(publication(*args, metadata=extern("kst-21501-20-2258")))
    c = read(publication(*args))  # no metadata at all
    facts = [(x.id, x.kamerstuk, x.date, x.title, x.indieners, x.sender, x.kind) for x in (a, b, c)]
    assert facts[0] == facts[1] == facts[2]
    assert a.title == "Motie van het lid Boswijk c.s.; Europese Raad"
    assert [m.name for m in a.indieners] == names
    # a motie whose body prints no names falls back on the metadata's, first indiener first
    d = read(body_only.replace(b"<metadata></metadata>", f"<metadata>{full}</metadata>".encode()))
    assert d.indieners[0] == Member("D.G. Boswijk")


def test_gewijzigde_moties_replace_the_number_printed():
    title = "NADER GEWIJZIGDE MOTIE VAN DE LEDEN VAN DER BURG EN CEDER"
    title += " TER VERVANGING VAN DIE GEDRUKT ONDER NR. 599"
    letter = read(publication([("36 410", "XVI", "Begroting VWS")], "607", title, ["Van der Burg", "Ceder"]))
    assert letter.replaces == ("kst-36410-XVI-599",)
    own = "Nader gewijzigde motie van de leden Van der Burg en Ceder"
    own += " ter vervanging van die gedrukt onder nr. 599"
    assert letter.title == f"{own}; Begroting VWS"  # the title as printed: found by either number
    assert letter.sections[0].heading.endswith("ter vervanging van die gedrukt onder nr. 599")
    assert letter.sections[0].kind == "motie"
    assert [m.name for m in letter.indieners] == ["Van der Burg", "Ceder"]


def test_misprinted_titles_take_the_signed_names():
    # "MOTIE VAN" (names left out), "ROODERKER" for Rooderkerk, "TIMMERS" for Timmermans
    cases = [
        ("MOTIE VAN ", ["Kröger"], "Motie van het lid Kröger"),
        ("MOTIE VAN DE LEDEN ROODERKER EN VAN CAMPEN", ["Rooderkerk", "Van Campen"], None),
        ("MOTIE VAN HET LID TIMMERS C.S.", ["Timmermans", "Klaver", "Bontenbal"], None),
        ("MOTIE DE LEDEN VAN BAARLE EN KLAVER", ["Van Baarle", "Klaver"], None),
    ]
    for title, names, own in cases:
        letter = read(publication([("36 600", None, "Dossier")], "1", title, names))
        assert [m.name for m in letter.indieners] == names, title
        if own:
            assert letter.title == f"{own}; Dossier"
    two = read(publication([("36 600", None, "Dossier")], "1", "MOTIE VAN", ["Dijk", "Bushoff"]))
    assert two.title == "Motie van de leden Dijk en Bushoff; Dossier"
    # "DIJK" and "Inge van Dijk" are two members
    other = read(
        publication(
            [("36 600", None, "D")],
            "1",
            "MOTIE VAN DE LEDEN DIJK EN INGE VAN DIJK",
            ["Dijk", "Inge van Dijk"],
        )
    )
    assert [m.name for m in other.indieners] == ["Dijk", "Inge van Dijk"]


def test_dictum_labels_and_lists():
    items = (
        "<lijst><li><li.nr>–</li.nr><al>een register;</al></li>"
        "<li><li.nr>–</li.nr><al>een loket,</al></li></lijst>"
    )
    data = publication(
        [("24 515", None, "Armoede")], "9", "MOTIE VAN HET LID CEDER", ["Ceder"], extra_body=items
    )
    raw = load_bytes(data, __import__("pathlib").Path("m.xml"))
    labels = [(b.kind, b.label) for b in raw.blocks]
    assert labels == [
        ("heading", None),
        ("paragraph", "opening"),
        ("paragraph", "opening"),
        ("paragraph", "consideration"),
        ("paragraph", "consideration"),
        ("paragraph", "ask"),
        ("list_item", "ask"),
        ("list_item", "ask"),
        ("paragraph", "closing"),  # with the names under it: "en gaat over tot de orde van de dag.\nCeder"
    ]
    letter = parse_letter(raw)
    assert dictum.asks(letter.text) == (
        "verzoekt de regering een pilot te doen en over de uitkomsten aan de Kamer te rapporteren,",
        "– een register;",
        "– een loket,",
    )


def test_no_voorgesteld_date_falls_back_on_the_metadata():
    meta = '<meta name="DC.identifier" content="kst-29628-1282"/>'
    meta += '<meta name="DCTERMS.issued" content="2025-09-02"/>'
    letter = read(publication([("29 628", None, "Politie")], "1282", "MOTIE VAN HET LID MICHON-DERKZEN C.S.",
                              ["Michon-Derkzen", "Mutluer"], voorgesteld=None, metadata=meta))  # fmt: skip
    assert letter.date == date(2025, 9, 2)
    assert (
        read(publication([("29 628", None, "P")], "1", "MOTIE VAN HET LID X", ["X"], voorgesteld=None)).date
        is None
    )


def test_body_and_metadata_disagreeing_is_a_reader_note():
    meta = '<meta name="DC.identifier" content="kst-24515-783"/>'
    letter = read(
        publication([("24 515", None, "A")], "782", "MOTIE VAN HET LID CEDER", ["Ceder"], metadata=meta)
    )
    assert letter.id == "kst-24515-783"  # the metadata is used where present
    assert any("24515 nr. 782" in n for n in letter.reader_notes)


def test_kamerbrief_xml_headings_and_footnotes():
    data = b"""<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>26 643</dossiernr>
    </dossiernummer><titel>ICT</titel></dossier><stuk><stuknr>Nr. <ondernummer>1371</ondernummer></stuknr>
    <titel>BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN</titel><algemeen><vrije-tekst><tekst>
    <divisie><kop><nr>1.</nr><titel>Inleiding</titel></kop>
    <al>Het kabinet<noot nr="1"><al>TZ202504-147</al></noot> doet onderzoek.</al>
    <divisie><kop><nr>1.1</nr><titel>MitID</titel></kop><tussenkop>Denemarken</tussenkop>
    <al>Zie de tabel.</al><table><tgroup><tbody><row><entry>Land</entry><entry>Stelsel</entry></row>
    <row><entry>DK</entry><entry>MitID</entry></row></tbody></tgroup></table></divisie></divisie>
    </tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>"""
    pub = read_publication(data)
    blocks = [(b.kind, b.level, b.label, b.text) for b in pub.blocks]
    assert blocks == [
        ("heading", 1, None, "BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN"),
        ("heading", 3, None, "1. Inleiding"),
        ("paragraph", 0, None, "Het kabinet[1] doet onderzoek."),
        ("heading", 4, None, "1.1 MitID"),
        ("heading", 5, None, "Denemarken"),
        ("paragraph", 0, None, "Zie de tabel."),
        ("table_row", 0, "Land", "Land | Stelsel"),
        ("table_row", 0, "DK", "DK | MitID"),
    ]
    assert [(f.id, f.text) for f in pub.footnotes] == [("fn1", "TZ202504-147")]
    assert pub.kamerstuk == "26643 nr. 1371" and pub.kind is None
    letter = read(data)
    assert [s.path for s in letter.sections][1:3] == [
        ("BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN", "1. Inleiding"),
        ("BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN", "1. Inleiding", "1.1 MitID"),
    ]
    assert letter.markers[0].footnote_id == "fn1"


@pytest.mark.parametrize(
    "data",
    [
        # external entity (XXE): the file must not be read
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<officiele-publicatie><brief><al>&e; tekst</al></brief></officiele-publicatie>",
        # billion laughs: entities are not expanded
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "hahahahaha">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        b"<officiele-publicatie><brief><al>&d; tekst</al></brief></officiele-publicatie>",
    ],
    ids=["xxe", "billion-laughs"],
)
def test_entities_are_never_expanded(data):
    pub = read_publication(data)
    assert "root:" not in pub.text and "haha" not in pub.text and "tekst" in pub.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<officiele-publicatie><kamerstuk>", "malformed XML"),
        (b"<html><body>geen publicatie</body></html>", "not an official publication (<html>"),
        (
            b"<officiele-publicatie><metadata/></officiele-publicatie>",
            "official publication without body text",
        ),
    ],
)
def test_bad_xml_is_one_line(tmp_path, data, reason):
    path = tmp_path / "slecht.xml"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        load_document(path)
    message = str(info.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message
