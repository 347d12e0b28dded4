"""Evidence matching: whitespace, case, quotes and hyphenation must not hide a snippet."""

from eval.matching import contains, contains_any, normalise, variants


def test_normalise_collapses_whitespace_and_case():
    assert normalise("  De  Staatssecretaris\n\n zegt \t toe ") == "de staatssecretaris zegt toe"


def test_curly_quotes_and_soft_hyphen():
    assert contains("het uitgangspunt \u201copen, tenzij\u201d bij", 'uitgangspunt "open, tenzij"')
    assert contains("mkb\u2019s en start-ups", "mkb's en start-ups")
    assert contains("digi\u00adtale overheid", "digitale overheid")


def test_snippet_across_lines_matches_passage():
    passage = "Tijdens het debat heeft mijn voorganger toegezegd om MitID \nen vergelijkbare technologieën"
    assert contains(passage, "toegezegd om MitID en vergelijkbare technologieën")


def test_hyphenation_joined_or_not_on_either_side():
    printed = "voor de e-\nmailbeveiligingsstandaard DANE"
    assert contains(printed, "de e-mailbeveiligingsstandaard DANE")
    assert contains(printed, "de e- mailbeveiligingsstandaard DANE")
    assert contains("voor de emailbeveiligingsstandaard DANE", "de e- mailbeveiligingsstandaard")
    assert contains("een AI-strategie waarin", "een AI- strategie waarin")
    assert contains("een AI- strategie waarin", "een AIstrategie waarin")


def test_variants_are_the_three_forms():
    assert variants("AI-\nsystemen") == ("ai- systemen", "ai-systemen", "aisystemen")
    assert variants("geen afbreking") == ("geen afbreking",)


def test_suspended_hyphen_in_compound_list_still_matches_as_printed():
    assert contains("scherm- en sociale mediagebruik", "scherm- en sociale mediagebruik")


def test_different_words_do_not_match():
    assert not contains("een budget van 3 miljoen euro voor 2025", "een budget van 4 miljoen euro voor 2025")
    assert not contains("De motie is afgedaan.", "De motie is niet afgedaan.")
    assert not contains("anything", "   ")


def test_contains_any():
    assert contains_any("Het algoritmeregister is in december 2022 gelanceerd.", ["x y z", "december 2022"])
    assert not contains_any("Het algoritmeregister", ["MitID"])
