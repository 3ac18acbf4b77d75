"""The gazetteer: every ISO 3166 country from the standard, hand tables merged, one owner a
surface, office holders with their years."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor.gazetteer import (
    EntityIndex,
    GazetteerError,
    build_gazetteer,
    gazetteer,
)
from extractor.lexicon import load_data

ROOT = Path(__file__).resolve().parent.parent


def codes(text: str) -> list[str]:
    return [m.code for m in EntityIndex(text).mentions]


def test_generated_country_table_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_countries.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_every_iso_country_is_an_entity() -> None:
    import pycountry

    entities = gazetteer().entities
    for country in pycountry.countries:
        assert entities[country.alpha_2].kind == "country", country.alpha_2
    assert len([e for e in entities.values() if e.kind == "country"]) >= 249


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("North Korea", "KP"),
        ("Iran", "IR"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Taiwan", "TW"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Syria", "SY"),
        ("Bolivia", "BO"),
        ("Moldova", "MD"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Laos", "LA"),
        ("Burma", "MM"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Democratic Republic of the Congo", "CD"),
        ("Eswatini", "SZ"),
        ("Guinea-Bissau", "GW"),
        ("Papua New Guinea", "PG"),
        ("Nigeria", "NG"),
        ("Niger", "NE"),
    ],
)
def test_standard_and_common_names(surface: str, code: str) -> None:
    assert codes(f"Officials in {surface} said so.") == [code]


def test_adjectives_demonyms_capitals_and_seats() -> None:
    assert codes("Chinese and Japanese officials met Afghans") == ["CN", "JP", "AF"]
    assert codes("the Kremlin, the White House and Downing Street") == ["RU", "US", "GB"]
    assert codes("Canberra's largest package") == ["AU"]
    assert [m.possessive for m in EntityIndex("Canberra’s gift").mentions] == [True]
    forms = {m.code: m.form for m in EntityIndex("Swiss troops in Nairobi").mentions}
    assert forms == {"CH": "adjective", "KE": "capital"}


def test_bundeswehr_is_the_german_armed_forces_not_a_capital() -> None:
    [m] = EntityIndex("The Bundeswehr will get 100 tanks.").mentions
    assert (m.code, m.form) == ("DE", "institution")


def test_historic_states_and_organisations() -> None:
    assert codes("the Soviet Union and the USSR; Soviet losses") == ["SU", "SU", "SU"]
    assert codes("NATO, the EU, the CSTO, ASEAN and the African Union") == [
        "NATO",
        "EU",
        "CSTO",
        "ASEAN",
        "African Union",
    ]
    assert gazetteer().entity("SU").kind == "country"
    assert gazetteer().entity("OSCE").kind == "organisation"


def test_a_shared_name_belongs_to_nobody_and_a_longer_name_hides_a_shorter() -> None:
    assert codes("Congo and Korea") == []
    assert codes("Republic of the Congo") == ["CG"]
    assert codes("New Mexico and New South Wales, not Mexico") == ["MX"]
    assert codes("the Kyiv Independent reported that Germany sent tanks") == ["DE"]


def test_currencies_from_iso_4217() -> None:
    gaz = gazetteer()
    assert gaz.entity("AU").currency == "AUD"
    assert gaz.entity("JP").currency == "JPY"
    assert gaz.entity("DE").currency == "EUR"
    assert gaz.entity("BT").currency == "BTN"  # its own, though INR is tender there too
    kiribati = gaz.entity("KI")
    assert (kiribati.currency, kiribati.uses) == (None, "AUD")
    # a national currency names exactly one country (aid's donor from "A$" relies on it)
    for cur in ("AUD", "NZD", "GBP", "USD", "JPY", "CAD"):
        users = [c for c, e in gaz.entities.items() if e.currency == cur]
        assert len(users) == 1, (cur, users)


def test_office_holders_speak_for_their_latest_entity() -> None:
    assert codes("Albanese said") == ["AU"]
    assert codes("Mark Rutte said") == ["NATO"]  # NL prime minister until 2024, then NATO
    assert codes("Kallas said") == ["EU"]
    assert codes("Tusk said") == ["PL"]  # European Council 2014-2019, Polish PM since 2023
    assert codes("Bill Blair and Tony Blair") == ["CA", "GB"]
    assert codes("Blair said") == []  # a shared surname is matched by full name only
    assert {m.form for m in EntityIndex("Biden and Xi Jinping").mentions} == {"person"}
    rutte = [o for o in gazetteer().offices if o.name == "Rutte"]
    assert [(o.code, o.start, o.end) for o in rutte] == [("NL", 2010, 2024), ("NATO", 2024, None)]


def tables() -> tuple[dict[str, Any], dict[str, Any]]:
    return load_data("countries.yaml"), copy.deepcopy(load_data("gazetteer.yaml"))


def test_a_surface_claimed_twice_fails_the_load_naming_both() -> None:
    generated, hand = tables()
    hand["organisations"]["EU"]["names"].append("Brussels")
    with pytest.raises(
        GazetteerError,
        match=r"'Brussels' is claimed by countries\.BE\.capitals "
        r"and by organisations\.EU",
    ):
        build_gazetteer(generated, hand)


def test_two_people_sharing_a_surname_fail_the_load() -> None:
    generated, hand = tables()
    hand["people"] += [
        {
            "name": "Blair",
            "aliases": ["Tony Blair"],
            "country": "GB",
            "office": "prime minister",
            "from": 1997,
            "to": 2007,
        },
        {
            "name": "Blair",
            "aliases": ["Bill Blair"],
            "country": "CA",
            "office": "defence minister",
            "from": 2023,
            "to": 2025,
        },
    ]
    with pytest.raises(GazetteerError, match="two people named 'Blair'"):
        build_gazetteer(generated, hand)
    generated, hand = tables()
    hand["people"].append(
        {"name": "Ottawa", "country": "CA", "office": "mayor", "from": 2000, "to": None}
    )
    with pytest.raises(GazetteerError, match=r"'Ottawa' is claimed by countries\.CA\.capitals"):
        build_gazetteer(generated, hand)


def test_bad_keys_fail_the_load() -> None:
    generated, hand = tables()
    hand["countries"]["XX"] = {"adjectives": ["Xish"]}
    with pytest.raises(GazetteerError, match="'XX' is no ISO 3166-1 code"):
        build_gazetteer(generated, hand)
    generated, hand = tables()
    hand["people"].append({"name": "Nobody", "country": "ZZ", "office": "x", "from": 1, "to": 0})
    with pytest.raises(GazetteerError, match="Nobody"):
        build_gazetteer(generated, hand)


def named(text: str) -> list[tuple[str, str, int | None]]:
    return [(e.name, e.kind, e.year) for e in EntityIndex(text).events]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Vostok 2018 exercise began.", [("Vostok-2018", "exercise", 2018)]),
        # a translation is named as written, unless the paragraph gives the canonical name
        (
            "Center-2019 and Centre-2019",
            [("Center-2019", "exercise", 2019), ("Centre-2019", "exercise", 2019)],
        ),
        ("West-2021 drills; the West", [("West-2021", "exercise", 2021)]),
        # a translation inside a longer name is that name, not the series
        ("the Cope Thunder 2025 exercise", [("Cope Thunder 2025", "exercise", 2025)]),
        ("Exercise Ocean-2024 began", [("Ocean-2024", "exercise", 2024)]),
        ("Russia's Ocean-2024 drills", [("Ocean-2024", "exercise", 2024)]),  # an owner
        # an unknown name of three words; a day, a month or "Exercise" before it is no part
        (
            "the naval exercise Maritime Security Belt 2024 began",
            [("Maritime Security Belt 2024", "exercise", 2024)],
        ),
        ("On Monday Noble Partner 2025 drills began", [("Noble Partner 2025", "exercise", 2025)]),
        (
            "Last March Dawn Shield Storm 2022 drills began",
            [("Dawn Shield Storm 2022", "exercise", 2022)],
        ),
        ("Center-2019 (Tsentr-2019)", [("Tsentr-2019", "exercise", 2019)] * 2),
        ("the Zapad drill", [("Zapad", "exercise", None)]),
        ("Zapad-81 was large.", [("Zapad-81", "exercise", 1981)]),
        ("The Zapad exercises in 1981 involved", [("Zapad-81", "exercise", 1981)]),  # Soviet era
        (
            "Zapad-2009 and Okean-1970",
            [("Zapad-2009", "exercise", 2009), ("Okean-70", "exercise", 1970)],
        ),
        ("Trident Juncture in 2018 with", [("Trident Juncture 2018", "exercise", 2018)]),
        ("in Defender-Europe 20.", [("Defender Europe 20", "exercise", 2020)]),
        ("RIMPAC 24 ships joined the drills", [("RIMPAC", "exercise", None)]),  # a count
        ("Talisman Saber 2023", [("Talisman Sabre 2023", "exercise", 2023)]),
        ("the Joint Sword-2024A drills", [("Joint Sword-2024A", "exercise", 2024)]),
        (
            "Kavkaz-2020 and Union Shield-2023",
            [("Kavkaz-2020", "exercise", 2020), ("Union Shield-2023", "exercise", 2023)],
        ),
    ],
)
def test_exercise_series_and_editions(text: str, want: list[tuple[str, str, int | None]]) -> None:
    assert named(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the Bengal famine of 1943", ("Bengal famine of 1943", "famine", 1943)),
        ("the Soviet famine of 1932-33", ("Soviet famine of 1932-33", "famine", 1932)),
        ("the Armenian Genocide", ("Armenian genocide", "genocide", None)),  # an alias
        ("the Malmedy massacre", ("Malmedy massacre", "massacre", None)),
        ("The Wola Massacre", ("Wola Massacre", "massacre", None)),
        ("the Battle of Stalingrad", ("Battle of Stalingrad", "battle", None)),
        ("the siege of Homs", ("Siege of Homs", "siege", None)),
        ("the Leningrad Blockade", ("Siege of Leningrad", "siege", None)),  # an alias
        ("the Battle of the Bulge", ("Battle of the Bulge", "battle", None)),
        ("the atomic bombing of Nagasaki", ("Atomic bombing of Nagasaki", "bombing", 1945)),
        ("the Fall of Saigon", ("Fall of Saigon", "battle", None)),
        ("the Winter War", ("Winter War", "war", None)),
        ("the Korean War", ("Korean War", "war", None)),
        ("the Second World War", ("World War II", "war", None)),
        ("World War Two", ("World War II", "war", None)),
        ("the Rape of Nanking", ("Nanking Massacre", "massacre", 1937)),
        ("the Nanjing Massacre", ("Nanking Massacre", "massacre", 1937)),
        ("the Holodomor", ("Holodomor", "famine", None)),
        ("The Ukrainian Genocide of 1932-33", ("Holodomor", "famine", None)),
        ("The Bengal Famine struck", ("Bengal famine of 1943", "famine", 1943)),  # the table's year
        ("the Siege of Mariupol", ("Siege of Mariupol", "siege", 2022)),
        ("the Iran–Iraq War", ("Iran–Iraq War", "war", None)),  # joined by an en dash
        ("after Cyclone Idai struck", ("Cyclone Idai", "disaster", None)),  # the kind first
        ("the Seveso gas leak", ("Seveso gas leak", "disaster", None)),
        ("the Izmit earthquakes", ("Izmit earthquakes", "disaster", None)),
        ("the Partition of Bengal", ("Partition of Bengal", "partition", None)),
        ("the 2011 Oslo attacks", ("2011 Oslo attacks", "attack", 2011)),
        ("the Lindt Cafe siege", ("Lindt Cafe siege", "siege", None)),
        ("the War of the Pacific", ("War of the Pacific", "war", None)),
    ],
)
def test_named_casualty_events(text: str, want: tuple[str, str, int | None]) -> None:
    assert named(text) == [want]


def test_no_event_without_a_name() -> None:
    assert named("The massacre and the war; the Cold War; a World War; the West") == []
    assert named("Covid-2019 spread") == []  # an unknown name with a year needs an exercise cue
    assert named("Kakadu National Park and Malabar Hill") == []  # no exercise word nearby


def dated_year(sentence: str) -> list[int]:
    from extractor.gazetteer import events

    table = events()
    dated = table.dated + table.office_dated
    return [year for pattern, year in dated if pattern.search(sentence)]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Nine allies met it when President Biden came to office.", [2021]),
        ("when Albanese took office", [2022]),
        ("since Russia’s full-scale invasion", [2022]),
        ("Since the annexation of Crimea, spending rose.", [2014]),
        ("at the Wales Summit", [2014]),
        ("since the Defence Investment Pledge", [2014]),
        ("before the October 7 attacks", [2023]),
        ("since the Vilnius summit", [2023]),
        ("Trump's second term", [2025]),  # two terms: "came to office" alone is ambiguous
        ("when Trump came to office", []),
        ("the target agreed in Wales", []),
        ("the largest rise since World War II", []),  # a war fixes no single year
        ("since the invasion of Iraq", []),
        ("at the Madrid summit", []),  # Madrid hosted two: the year must be stated
    ],
)
def test_dated_events(sentence: str, want: list[int]) -> None:
    assert dated_year(sentence) == want


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Royal Navy sent a frigate.", "GB"),
        ("Two RAAF jets landed.", "AU"),
        ("The Royal Canadian Air Force flew in supplies.", "CA"),
        ("U.S. Africa Command leads the drill.", "US"),
    ],
)
def test_armed_services_name_their_country(text: str, code: str) -> None:
    found = EntityIndex(text).mentions
    assert found and found[0].code == code and found[0].form == "institution", found


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the 1918 influenza pandemic", ("1918 influenza pandemic", "disaster", 1918)),
        ("the West African Ebola epidemic", ("West African Ebola epidemic", "disaster", None)),
        ("The COVID-19 pandemic spread", ("COVID-19 pandemic", "disaster", None)),
        ("the 2010 Haiti cholera outbreak", ("2010 Haiti cholera outbreak", "disaster", 2010)),
    ],
)
def test_epidemics_are_named_by_disease_and_spread(
    text: str, want: tuple[str, str, int | None]
) -> None:
    assert want in named(text), named(text)


def test_a_spread_without_a_disease_is_no_named_event() -> None:
    assert named("the outbreak of fighting and the pandemic of lies") == []


def test_institutes_named_after_a_place_are_no_country() -> None:
    text = "said the Stockholm International Peace Research Institute and the Kiel Institute"
    assert EntityIndex(text).mentions == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("About 350 SANDF members joined the drill.", "ZA"),
        ("Some 300 PNGDF soldiers took part.", "PG"),
        ("The KDF sent 200 troops.", "KE"),
        ("The IRGC navy deployed 10 vessels.", "IR"),
    ],
)
def test_a_national_defence_force_speaks_for_its_country(text: str, code: str) -> None:
    assert [m.code for m in EntityIndex(text).mentions] == [code]
