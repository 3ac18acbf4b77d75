"""Generate extractor/data/places.yaml from the standard: ISO 3166-2 first-level subdivisions.

A casualty report names where the harm happened more often by a province or state than by its
country: "in Zamfara state", "the Mandalay earthquake", "floods in Rio Grande do Sul".  ISO
3166-2 (through pycountry, a development-time dependency) lists every country's first-level
subdivisions; this script keeps the ones a text can name without ambiguity:

- first-level only (a province, state, region, governorate, county ...), not the thousands of
  municipalities, parishes, wards and communes whose names are too often ordinary words;
- each name also in plain ASCII ("Kunaṟ" -> "Kunar", "Herāt" -> "Herat");
- a name two countries share (Punjab: India and Pakistan; Amazonas: four countries) is dropped;
- a name that is a generic word of geography ("Central", "Northern", "Capital", "Islands") or
  shorter than four letters is dropped.

The loader (extractor/places.py) drops at run time the names the gazetteer already owns (a
country, capital or adjective: "Georgia", "Victoria", "Washington"): the gazetteer decides.

    python scripts/gen_places.py            # rewrite extractor/data/places.yaml
    python scripts/gen_places.py --check    # exit 1 when the committed file is stale
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry
from generated import write_or_check  # beside this script

OUT = Path(__file__).resolve().parent.parent / "extractor" / "data" / "places.yaml"

# Kinds of first-level unit whose names are too small or too often ordinary words to read as a
# place in running text.
SKIPPED_TYPES = frozenset(
    {
        "Municipality",
        "Local council",
        "Parish",
        "Commune",
        "Quarter",
        "Urban municipality",
        "Rural municipality",
        "Special municipality",
        "Island council",
        "Town",
        "Town council",
        "Borough",
        "Ward",
        "Administrative atoll",
    }
)
# Words of geography that name no one place: a name made only of these is dropped.
GENERIC = frozenset(
    """north south east west northern southern eastern western central centre center middle
    capital coast coastal island islands lakes lake upper lower plateau valley littoral mount
    mountain mountains highland highlands lowland lowlands border river sea delta city district
    region province state territory north-east north-west south-east south-west northeast
    northwest southeast southwest far great greater new old of the and saint st interior inner
    outer federal special autonomous""".split()
)

# Names of first-level units that ordinary English text uses as words or personal names (Mary,
# Turkmenistan; Unity, South Sudan; Rivers, Nigeria; Meta, Colombia), or that name a wider area
# than the unit (Sahel, Ulster, Volta): read as a place they would misplace more than they find.
ORDINARY: frozenset[str] = frozenset(
    """Batman Mary Nelson Unity Gulf Pool Rivers Male Meta Saga Pest Mono Isabel Toledo Bari Leon
    Sahel Ulster Volta Lemba Mara Kara Lara Mila Sila Susa Nara Lori Bong Hela Atua Caue Gasa
    Moka Valle Arta Berea Napo Cayo Niger Flores Lacs Norte Ouest Leste Sud Nord Centre Est
    Ouham Mercedes Florida Victoria Georgia Washington Jalapa Salto Rivera Rocha Cortes Colon
    Bolivar Sucre Santander Antioquia Amazonas Orange Limon Mexico Panama Belize Lima Porto
    Guarda Tasman Marche Jura Eger Wales Papua Lobata Yuma Toyama Acre Chin""".split()
) | {"Red Sea", "White Nile", "Blue Nile", "River Nile", "Cross River", "Black River"}


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def _surfaces(name: str) -> list[str]:
    """The names a text may use for one ISO 3166-2 name."""
    name = re.sub(r"\s*\[[^\]]*\]", "", name)  # 'Wales [Cymru GB-CYM]'
    name = re.sub(r"\s*\([^()]*\)", "", name)  # 'Kyiv (city)'
    parts = [p.strip() for p in re.split(r"\s*[/;]\s*|\s+-\s+", name) if p.strip()]
    out: list[str] = []
    for part in parts:
        out.extend([part, _ascii(part)])
        out.extend(_english(_ascii(part)))
    return list(dict.fromkeys(out))


# ISO 3166-2 writes many names in the country's own form, with its word for the kind of unit:
# 'Sichuan Sheng', 'Gyeonggi-do', 'Kharkivska oblast', "Belgorodskaya oblast'", 'Almaty
# oblysy'.  English text names the place without that word.
_LOCAL_KIND = [
    (re.compile(r"(\w+?)skaya oblast'?"), [r"\1"]),  # Russian: Belgorodskaya -> Belgorod
    (re.compile(r"(\w+?)ska oblast"), [r"\1", r"\1sk"]),  # Ukrainian: Kharkivska -> Kharkiv
    (re.compile(r"(\w+) (?:\w+zu |Uygur )?(?:Sheng|Shi|Zizhiqu)"), [r"\1"]),  # Chinese
    (re.compile(r"(\w+)-(?:do|teukbyeoljachido|gwangyeoksi|teukbyeolsi)"), [r"\1"]),  # Korean
    (re.compile(r"(\w+(?: \w+)?) (?:oblysy|oblast'?|kray|kraj|okrug|voblasc)"), [r"\1"]),
]


def _english(name: str) -> list[str]:
    compass = re.fullmatch(r"(Nord|Sud)-(\w+)", name)  # French: 'Nord-Kivu' -> 'North Kivu'
    if compass:
        return [f"{'North' if compass.group(1) == 'Nord' else 'South'} {compass.group(2)}"]
    for pattern, forms in _LOCAL_KIND:
        m = pattern.fullmatch(name)
        if m:
            return [m.expand(f) for f in forms]
    return []


def _kept(surface: str) -> bool:
    words = surface.lower().replace("-", " ").split()
    if len(surface) < 4 or not surface[0].isupper():
        return False
    if not re.fullmatch(r"[A-Za-z .'-]+", surface):
        return False  # scripts and marks a text in English does not write
    return surface not in ORDINARY and not all(w in GENERIC for w in words)


def generate() -> str:
    owners: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type in SKIPPED_TYPES:
            continue
        for surface in _surfaces(sub.name):
            if _kept(surface):
                owners[surface].add(sub.country_code)
    by_country: dict[str, list[str]] = defaultdict(list)
    for surface, codes in owners.items():
        if len(codes) == 1:
            by_country[next(iter(codes))].append(surface)
    header = (
        "# GENERATED by scripts/gen_places.py: do not edit (tests/test_places.py checks).\n"
        f"# ISO 3166-2 first-level subdivisions from pycountry {version('pycountry')}: the\n"
        "# names a text can use for each country's provinces, states and regions (ASCII forms\n"
        "# too), without the names two countries share or generic words of geography.\n"
    )
    lines = ["places:"]
    for code in sorted(by_country):
        names = ", ".join(_quoted(n) for n in sorted(by_country[code]))
        lines.append(f'  "{code}": [{names}]')
    return header + "\n".join(lines) + "\n"


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args()
    text = generate()
    return write_or_check(OUT, text, check=args.check, script="gen_places.py")


if __name__ == "__main__":
    sys.exit(main())
