"""Places below the country (ISO 3166-2 first-level units, GeoNames cities): the generated tables
and their reader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractor import extract
from extractor.discourse import document_context
from extractor.gazetteer import EntityIndex
from extractor.places import places_in

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["gen_places.py", "gen_cities.py"])
def test_generated_place_table_is_current(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def _read(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.code) for p in places_in(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods in Rio Grande do Sul", [("Rio Grande do Sul", "BR")]),  # not 'Rio Grande'
        ("heavy rain across Sindh and Balochistan", [("Sindh", "PK"), ("Balochistan", "PK")]),
        ("the Helmand and Kunar valleys", [("Helmand", "AF"), ("Kunar", "AF")]),  # ISO 'Kunaṟ'
        ("fighting in North Kivu", [("North Kivu", "CD")]),  # ISO 'Nord-Kivu'
        ("a quake in Sichuan", [("Sichuan", "CN")]),  # ISO 'Sichuan Sheng'
        ("shelling of Kharkiv region", [("Kharkiv", "UA")]),  # ISO 'Kharkivska oblast'
        ("the Belgorod region", [("Belgorod", "RU")]),  # ISO "Belgorodskaya oblast'"
    ],
)
def test_places_are_read_with_their_country(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Georgia and Victoria",  # the gazetteer's (a country, a capital), not a US or AU state
        "Punjab and Amazonas",  # names several countries share
        "Mary said the Unity party met in Central Park",  # ordinary words and names
        "ships in the Red Sea",  # a sea, not Sudan's Red Sea state
        "kerala and sindh",  # lower case is no name
    ],
)
def test_names_that_are_no_place(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("QUETTA, Pakistan - A bomb went off.", "PK"),
        ("GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - Fighting went on.", "CD"),
        ("PORT SUDAN, Sudan (AP) — The camp was shelled.", "SD"),
        ("WELLINGTON (Reuters) - The government said.", "NZ"),
        ("CANBERRA, March 3 (AAP) - The minister said.", "AU"),
    ],
)
def test_dateline_names_its_country(line: str, country: str) -> None:
    assert document_context(line, EntityIndex(line)).country == country


def test_dateline_on_the_line_after_a_headline() -> None:
    text = "Budget rises again\nNAIROBI — The Treasury said on Thursday."
    assert document_context(text, EntityIndex(text)).country == "KE"


def test_dateline_naming_no_known_country_gives_none() -> None:
    line = "SPRINGFIELD, Atlantis - The council met."
    assert document_context(line, EntityIndex(line)).country is None


# --- cities (GeoNames, data/cities.yaml) -----------------------------------------------------


def _cities(text: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.code, p.kind) for p in places_in(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A suicide bomber blew himself up in a crowded market in Quetta, killing 27.",
            [("Quetta", "PK", "city")],
        ),
        (
            "Gunmen opened fire on worshippers at a church in Maiduguri on Sunday.",
            [("Maiduguri", "NG", "city")],
        ),
        (
            "A missile struck the railway station in Kramatorsk as families waited.",
            [("Kramatorsk", "UA", "city")],
        ),
        (
            "A gunman killed 51 people at two mosques in Christchurch.",
            [("Christchurch", "NZ", "city")],
        ),
        (
            "In Goma, the hospitals were overwhelmed.",  # a sentence's first word before it
            [("Goma", "CD", "city")],
        ),
        ("the Battle of Mosul", [("Mosul", "IQ", "city")]),  # a small word before it
        (
            "shelling of Aleppo and Homs",  # small words join a run
            [("Aleppo", "SY", "city"), ("Homs", "SY", "city")],
        ),
        (
            "fighting in El Fasher, the capital of North Darfur",
            [("El Fasher", "SD", "city"), ("North Darfur", "SD", "subdivision")],
        ),
        ("a flood in Kraków and Wrocław", [("Kraków", "PL", "city"), ("Wrocław", "PL", "city")]),
        ("a flood in Krakow", [("Krakow", "PL", "city")]),  # the plain ASCII form too
        ("a tornado hit Buffalo", [("Buffalo", "US", "city")]),
        ("the Kaya attack", [("Kaya", "BF", "city")]),
    ],
)
def test_cities_are_read_with_their_country(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _cities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ordinary words, refused by the generator
        "Mobile phones and Reading glasses",
        "Nice weather, a Split decision, a Bath towel",
        "Brits and Independence",
        # first names and surnames
        "Austin said Charlotte and Jackson spoke to Santos",
        # a city's name inside a longer name: a person, an institute, a storm, a club
        "Kobe Bryant",
        "according to the Kiel Institute",
        "Hurricane Milton",
        "Lloyd Austin",
        "the Karachi Stock Exchange",
        # names several countries' cities share: Libya and Lebanon, India and Pakistan,
        # Spain and Venezuela
        "in Tripoli, Hyderabad and Valencia",
        # a smaller city's name that means a larger one elsewhere: Odessa, Texas (not Odesa)
        "in Odessa",
        # the gazetteer owns capitals: they are actors there, not places here
        "in Paris and Islamabad",
        "quetta and maiduguri",  # lower case is no name
    ],
)
def test_names_that_are_no_city(text: str) -> None:
    assert _cities(text) == []


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("MAIDUGURI, Jan 30 (Reuters) - Gunmen killed 14 people.", "NG"),
        ("KRAMATORSK — A missile struck the station.", "UA"),
        ("Goma, Feb 7 (Reuters) - Fighting went on.", "CD"),  # title case, with a date
        ("CHRISTCHURCH (AP) — A gunman opened fire.", "NZ"),
        ("HOUSTON, Texas (Reuters) - Floods killed 30.", "US"),  # a city, then its state
        ("DAR ES SALAAM (Reuters) - Floods killed 30.", "TZ"),  # a region's name too
        ("JERSEY CITY (AP) - A fire killed 3.", "US"),  # not Jersey, the island
    ],
)
def test_dateline_city_names_its_country(line: str, country: str) -> None:
    assert document_context(line, EntityIndex(line)).country == country


@pytest.mark.parametrize(
    "line",
    [
        "MOBILE, Alabama - The council met.",  # a refused name
        "Goma - Fighting went on.",  # title case without agency or date: no dateline
        "QUETTA, Atlantis - The council met.",  # a country the city is not in
    ],
)
def test_dateline_that_names_no_known_city(line: str) -> None:
    assert document_context(line, EntityIndex(line)).country is None


def test_a_toll_in_a_city_is_that_country_s() -> None:
    sheet = extract("A suicide bomber blew himself up in a mosque in Quetta, killing 27 people.")
    assert [(f.quantity.value, f.subject) for f in sheet.facts] == [(27, "PK")]
    sheet = extract("KRAMATORSK (Reuters) - A missile struck the station, killing 57 people.")
    assert [(f.quantity.value, f.subject) for f in sheet.facts] == [(57, "UA")]
