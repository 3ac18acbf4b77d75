"""Counted nouns: demonyms of several words count people, a list of group names before the head
noun is crossed, and a postcode or a house number before its place is no count."""

from __future__ import annotations

import pytest

from extractor.quantities import Quantity, quantities


def one(text: str, quote: str) -> Quantity:
    found = [q for q in quantities(text) if text[q.start : q.end] == quote]
    assert len(found) == 1, [(text[q.start : q.end], q.unit) for q in quantities(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("1,204 New Zealanders served", "1,204 New Zealanders"),
        ("about 90 Sri Lankans were evacuated", "about 90 Sri Lankans"),
        ("17 Papua New Guineans", "17 Papua New Guineans"),
        ("some 600 Solomon Islanders", "some 600 Solomon Islanders"),
        ("3,400 South Africans", "3,400 South Africans"),
        ("8,000 Canadians", "8,000 Canadians"),
        ("2,000 East Timorese fled", "2,000 East Timorese"),
    ],
)
def test_demonyms_of_one_to_three_words_count_people(text: str, quote: str) -> None:
    assert one(text, quote).unit == "person"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("30 NATO and EU countries", "30 NATO and EU countries", "country"),
        (
            "roughly 40,000 Khmer Rouge and Pathet Lao guerrillas",
            "roughly 40,000 Khmer Rouge and Pathet Lao guerrillas",
            "guerrilla",
        ),
        (
            "some 300,000 South Vietnamese and Hmong Army troops",
            "some 300,000 South Vietnamese and Hmong Army troops",
            "troop",
        ),
        ("900 Russian and Wagner fighters", "900 Russian and Wagner fighters", "fighter"),
    ],
)
def test_a_list_of_group_names_before_the_head_noun_is_crossed(
    text: str, quote: str, unit: str
) -> None:
    assert one(text, quote).unit == unit


def test_a_nationality_listed_with_another_still_counts_people() -> None:
    text = "50,000 Chinese and Japanese died"
    assert one(text, "50,000 Chinese and Japanese").unit == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Write to Rue Belliard 20, 1040 Brussels.",
        "Ministère des Armées, 60 boulevard du Général Martial Valin, 75015 Paris",
        "Platz der Republik 1, 11011 Berlin",
        "Ul. Klonowa 1, 00-909 Warsaw",
        "Av. Ilha da Madeira, 1400-204 Lisbon",
        "PO Box 1200, 1010 Vienna",
        "The embassy is at 3100 Massachusetts Avenue NW.",
        "Send it to 77 Acacia Road, Leeds",
        "HQ: 1600 Pennsylvania Ave. NW",
        "Wilhelmstraße 54 and 11 Unter den Linden Strasse",
    ],
)
def test_a_postcode_before_its_city_is_no_count(text: str) -> None:
    assert [(text[q.start : q.end], q.unit) for q in quantities(text) if q.kind != "number"] == []


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("about 300 Kabul residents", "about 300 Kabul residents", "resident"),
        ("2,000 Brussels officials", "2,000 Brussels officials", "official"),
        ("1,500 Paris police officers", "1,500 Paris police officers", "officer"),
        ("300 Wall Street bankers", "300 Wall Street bankers", "banker"),
        ("2,000 St Petersburg residents", "2,000 St Petersburg residents", "resident"),
    ],
)
def test_a_city_that_modifies_the_counted_noun_keeps_the_count(
    text: str, quote: str, unit: str
) -> None:
    assert one(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        (
            "The camps hold 80,000 refugees. Food will run out for 20,000 of them in May.",
            "20,000",
            "refugee",
        ),
        ("It fields 6,000 soldiers, 900 of whom are conscripts.", "900", "soldier"),
        ("Kyiv got 60 drones; 12 of those were shot down.", "12", "drone"),
    ],
)
def test_a_figure_of_them_counts_what_the_count_before_it_counted(
    text: str, quote: str, unit: str
) -> None:
    assert one(text, quote).unit == unit


def test_a_figure_of_them_with_no_count_before_it_stays_bare() -> None:
    text = "In the end, 30 of them left."
    (q,) = quantities(text)
    assert (q.kind, q.unit) == ("number", "")


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("It involved 1,500 airmen.", "1,500 airmen", "airman"),
        ("some 300 seamen were rescued", "some 300 seamen", "seaman"),
        ("40 crewmen and 3 frogmen", "40 crewmen", "crewman"),
        ("aid went to 5 Yemen districts", "5 Yemen districts", "district"),  # a name, not -men
        ("3 specimen jars", "3 specimen jars", "jar"),  # a singular -men word
    ],
)
def test_plurals_in_men_are_counted_nouns(text: str, quote: str, unit: str) -> None:
    assert one(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Japan gave 120 buses to Cambodia.", "120 buses", "bus"),
        ("It will build two wharves.", "two wharves", "wharf"),
        ("the fund covered 14 campuses", "14 campuses", "campus"),
        ("40 houses were destroyed", "40 houses", "house"),  # -ouses: the suffix rule holds
        ("12 warehouses burned", "12 warehouses", "warehouse"),
        ("the submarine fired six torpedoes", "six torpedoes", "torpedo"),  # -oes
        ("40 cargoes were seized", "40 cargoes", "cargo"),
        ("they handed out 300 shoes", "300 shoes", "shoe"),  # -oes of a noun in -oe
    ],
)
def test_plurals_in_ves_and_uses(text: str, quote: str, unit: str) -> None:
    assert one(text, quote).unit == unit


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("far fewer than the 200,000 Moscow claimed for the drills", "200,000"),
        ("down from the 12,000 Minsk reported", "12,000"),
    ],
)
def test_a_grouped_figure_before_a_city_is_no_address(text: str, quote: str) -> None:
    assert [text[q.start : q.end] for q in quantities(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("the contingent of 60 personnel comprises troops", "60 personnel", "personnel"),
        (
            "a team of 12 police liaison officers remains in Dili",
            "12 police liaison officers",
            "officer",
        ),
        ("the shipment of 40 generators includes spare parts", "40 generators", "generator"),
    ],
)
def test_a_verb_in_s_after_the_noun_ends_it(text: str, quote: str, unit: str) -> None:
    assert one(text, quote).unit == unit


def test_a_compound_of_children_is_a_plural_head() -> None:
    """'100,000 schoolchildren and emergency cash transfers': the head is the children, not a
    modifier of the next noun."""
    text = "hot meals to 100,000 schoolchildren and emergency cash transfers"
    assert one(text, "100,000 schoolchildren").unit == "schoolchild"
