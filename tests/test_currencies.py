"""The currency table: generated from CLDR, merged with the hand table, every surface read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractor.lexicon import SHARED_PREFIX, lexicon, load_data, shared_candidates
from extractor.pipeline import extract_text
from extractor.quantities import CONTEXT_DOLLAR, quantities

ROOT = Path(__file__).resolve().parent.parent


def test_generated_table_is_current() -> None:
    """Re-run the generator: the committed CLDR table must be exactly what it writes (babel is
    in the test extra, so a missing babel fails here rather than skipping)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_currencies.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_every_iso_currency_in_use_is_read_by_code() -> None:
    rows = load_data("currencies_cldr.yaml")
    assert len(rows) >= 150  # CLDR lists about 180 currencies in use
    refused = set(load_data("currencies.yaml")["not_codes"])
    for row in rows:
        code = row["code"]
        if code in refused:
            continue
        (q,) = quantities(f"a grant of {code} 12 million today")
        assert (q.unit, q.value) == (code, 12_000_000), code
        (q,) = quantities(f"a grant of 12 million {code} today")
        assert (q.unit, q.value) == (code, 12_000_000), code


def test_every_surface_round_trips() -> None:
    """Each surface before (glued and spaced) and after the amount gives its own unit."""
    for entry in lexicon().currencies:
        want = entry.code or CONTEXT_DOLLAR
        texts = []
        if entry.position in ("prefix", "both"):
            texts += [f"{entry.surface}250 million", f"{entry.surface} 250 million"]
        if entry.position in ("suffix", "both"):
            texts.append(f"250 million {entry.surface}")
        for quote in texts:
            text = f"a grant of {quote} today"
            found = quantities(text)
            assert [(q.unit, q.value, text[q.start : q.end]) for q in found] == [
                (want, 250_000_000, quote)
            ], quote
            assert found[0].currency_from == (
                "context" if want == CONTEXT_DOLLAR or want.startswith(SHARED_PREFIX) else "text"
            )


@pytest.mark.parametrize(
    ("text", "quote", "unit", "value"),
    [
        ("Oslo set aside NOK 12 billion for the army.", "NOK 12 billion", "NOK", 12e9),
        ("a 3.5 billion Swedish kronor package", "3.5 billion Swedish kronor", "SEK", 3.5e9),
        ("it adds 2.2 billion Danish kroner", "2.2 billion Danish kroner", "DKK", 2.2e9),
        ("Warsaw spends 4 billion zlotys more", "4 billion zlotys", "PLN", 4e9),
        ("a budget of 59.4 trillion won", "59.4 trillion won", "KRW", 59.4e12),
        ("Manila's ₱35 billion modernisation", "₱35 billion", "PHP", 35e9),
        ("Jakarta plans Rp 139 trillion", "Rp 139 trillion", "IDR", 139e12),
        ("Pretoria's R52 billion budget", "R52 billion", "ZAR", 52e9),
        ("Ankara adds 40 billion lira", "40 billion lira", "TRY", 40e9),
        ("orders worth 186 billion PLN", "186 billion PLN", "PLN", 186e9),
        ("a 900 million Czech crowns deal", "900 million Czech crowns", "CZK", 9e8),
        ("Hanoi spends 5,000 billion dong", "5,000 billion dong", "VND", 5e12),
        ("a 3 billion naira fund in Lagos", "3 billion naira", "NGN", 3e9),
    ],
)
def test_currencies_in_real_style_sentences(text: str, quote: str, unit: str, value: float) -> None:
    found = [q for q in quantities(text) if text[q.start : q.end] == quote]
    assert found, [text[q.start : q.end] for q in quantities(text)]
    assert found[0].unit == unit
    assert float(found[0].value or 0) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Mexico City spent 1.2 billion pesos", ("MXN", "PHP")),
        ("a grant of 300 million rupees", ("INR", "PKR", "LKR")),
        ("it cost 40 million francs", ("CHF", "XOF")),
        ("Baghdad paid 2 trillion dinars", ("IQD", "JOD")),
        ("a fine of 5 million crowns", ("SEK", "NOK", "DKK", "CZK")),
        ("Rs 500 crore for the navy", ("INR", "PKR")),
    ],
)
def test_shared_names_are_left_to_the_context(text: str, candidates: tuple[str, ...]) -> None:
    (q,) = quantities(text)
    assert q.kind == "money" and q.currency_from == "context"
    assert q.unit.startswith(SHARED_PREFIX)
    got = shared_candidates(q.unit)
    assert got[0] == candidates[0] and set(candidates) <= set(got)


def test_words_that_end_a_currency_name_are_not_money_alone() -> None:
    for text in ("passed the 1 million mark", "a 2,000 pound bomb", "2 million Afghanis fled"):
        assert [q for q in quantities(text) if q.kind == "money"] == [], text


def test_bare_dollar_and_dollars_stay_context_dollars() -> None:
    for text in ("it cost $5 million", "it cost 5 million dollars"):
        (q,) = quantities(text)
        assert (q.unit, q.currency_from) == (CONTEXT_DOLLAR, "context")


@pytest.mark.parametrize(
    ("text", "quote", "unit", "value"),
    [
        ("Abu Dhabi set aside Dh40 million for the navy", "Dh40 million", "AED", 40e6),
        ("the ministry spent Dhs 1.2 billion on drones", "Dhs 1.2 billion", "AED", 1.2e9),
        ("the emirate budgets about Dh70 billion a year", "about Dh70 billion", "AED", 70e9),
        ("Kuwait City approved KD 12 million in relief", "KD 12 million", "KWD", 12e6),
        ("Manama adds BD 3.5m to the coastguard", "BD 3.5m", "BHD", 3.5e6),
        ("Doha committed QR2bn to reconstruction", "QR2bn", "QAR", 2e9),
        ("Muscat earmarked RO 8 million for housing", "RO 8 million", "OMR", 8e6),
        ("Amman received JD 25 million in grants", "JD 25 million", "JOD", 25e6),
        ("Cairo allots LE 40 billion to the army", "LE 40 billion", "EGP", 40e9),
    ],
)
def test_gulf_and_arab_press_abbreviations(text: str, quote: str, unit: str, value: float) -> None:
    """The Latin forms the region's English-language press prints (CLDR has none of them)."""
    found = [q for q in quantities(text) if text[q.start : q.end] == quote]
    assert found, [text[q.start : q.end] for q in quantities(text)]
    assert found[0].unit.removeprefix(SHARED_PREFIX).split("|")[0] == unit
    assert float(found[0].value or 0) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Riyadh raised its defence budget to SR250 billion this year.", "SAR"),
        ("Saudi Arabia will spend SR 9 billion on housing.", "SAR"),
        ("The Seychelles coast guard gets SR 30 million from Victoria.", "SCR"),
        ("The UAE sent Dh30 million of aid to Sudan.", "AED"),
        ("Morocco will invest Dh 12 billion in its railways.", "MAD"),
    ],
)
def test_shared_gulf_abbreviations_take_the_country_of_the_sentence(text: str, unit: str) -> None:
    """'SR' is the Saudi riyal and the Seychelles rupee, 'Dh' the UAE and the Moroccan dirham:
    the country the sentence names decides, as for 'Rs' and 'pesos'."""
    from extractor import extract

    money = [f.quantity for f in extract(text).facts if f.quantity.unit not in ("percent",)]
    assert [q.unit for q in money] == [unit], money


def test_gulf_abbreviations_are_not_read_inside_words() -> None:
    for text in ("the ZKD 15 million figure", "SKD15 units", "a PRO 5 model"):
        assert [q for q in quantities(text) if q.kind == "money"] == [], text


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Georgia will spend GEL 1.9 billion on defence.", "GEL 1.9 billion", "GEL"),
        ("Morocco plans MAD 73 billion for the army.", "MAD 73 billion", "MAD"),
        ("Lima approved PEN 2.5bn for the navy.", "PEN 2.5bn", "PEN"),
    ],
)
def test_word_like_codes_only_before_a_scaled_amount(text: str, quote: str, unit: str) -> None:
    found = {text[q.start : q.end]: q.unit for q in quantities(text)}
    assert found.get(quote) == unit, found


@pytest.mark.parametrize("text", ["ALL 32 allies agreed.", "The TOP 10 list.", "GEL 5 tubes"])
def test_word_like_codes_are_no_currency_otherwise(text: str) -> None:
    assert all(q.kind != "money" for q in quantities(text)), text


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("NAIROBI — Kenya has signed a Sh130bn rail loan with China.", "Sh130bn", "KES"),
        ("Uganda will spend Sh4 trillion on defence next year.", "Sh4 trillion", "UGX"),
        ("Tanzania set aside Sh500 billion for the floods.", "Sh500 billion", "TZS"),
    ],
)
def test_east_african_shillings_are_read_from_the_country(text: str, quote: str, unit: str) -> None:
    from extractor.pipeline import extract_text

    found = {f.span.quote: f.quantity.unit for f in extract_text(text).facts}
    assert found.get(quote) == unit, found


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        # the yen sign writes the yuan too: China named (and not Japan) makes it the yuan
        ("China will provide ¥1 billion in grant aid to Laos.", "¥1 billion", "CNY"),
        ("Japan will lend the Philippines ¥60 billion.", "¥60 billion", "JPY"),
        ("The ¥9 trillion budget passed.", "¥9 trillion", "JPY"),
        # "dollars" and the bare sign are never the real or the peso, whose own signs hold "$"
        (
            "After the floods in Brazil, Uruguay's government wired three million dollars.",
            "three million dollars",
            "USD",
        ),
        ("Mexico will receive $5 million from Canada.", "$5 million", "CAD"),
    ],
)
def test_a_sign_two_currencies_write_is_read_from_the_countries_named(
    text: str, quote: str, unit: str
) -> None:
    facts = [f for f in extract_text(text).facts if f.span.quote == quote]
    assert facts and facts[0].quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Abuja budgeted N2.1 trillion for the armed forces.", "N2.1 trillion", "NGN"),
        ("Nigeria's army gets N640bn this year.", "N640bn", "NGN"),
        ("Manila will spend P51-billion on new frigates.", "P51-billion", "PHP"),
        ("The navy receives P8.5 billion.", "P8.5 billion", "PHP"),
        ("Pretoria set aside R3.4 billion for the SANDF.", "R3.4 billion", "ZAR"),
    ],
)
def test_one_letter_symbols_before_a_scaled_amount(text: str, quote: str, unit: str) -> None:
    found = {text[q.start : q.end]: q.unit for q in quantities(text)}
    assert found.get(quote) == unit, found


@pytest.mark.parametrize(
    "text",
    ["Take the N1 towards Lagos.", "The P5 states met.", "Route R52 was closed.", "an N95 mask"],
)
def test_one_letter_symbols_are_no_currency_otherwise(text: str) -> None:
    assert all(q.kind != "money" for q in quantities(text)), text


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("NEW DELHI: The ministry allocated Rs 700 crore to Nepal.", "INR"),
        ("KATHMANDU: The cabinet set aside Rs 7 billion for roads to India.", "NPR"),
        ("MEXICO CITY — The government will send 20 million pesos of aid to Cuba.", "MXN"),
        ("The ministry allocated Rs 700 crore to Nepal.", "NPR"),
        # no dateline: a country that labels the amount in a list
        ("Budgets: Uzbekistan – not published; Kyrgyzstan – 28.1 billion som.", "KGS"),
        ("Budgets: Kyrgyzstan: not published; Uzbekistan: 9 trillion som.", "UZS"),
    ],
)
def test_shared_names_take_the_datelines_currency_first(text: str, unit: str) -> None:
    """A paper writes its own currency by the bare shared name, whichever countries its
    sentence names; without a dateline the sentence's country decides."""
    from extractor import extract

    money = [f.quantity for f in extract(text).facts if f.quantity.unit != "percent"]
    assert [q.unit for q in money] == [unit], money


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The IMF board unlocked SDR 139.88 million for Zambia.", "SDR 139.88 million"),
        ("Ghana drew 1.2 billion SDRs from the Fund.", "1.2 billion SDRs"),
    ],
)
def test_special_drawing_rights(text: str, quote: str) -> None:
    found = {text[q.start : q.end]: q.unit for q in quantities(text)}
    assert found.get(quote) == "XDR", found


def test_sdr_before_an_unscaled_number_is_no_money() -> None:
    assert [q for q in quantities("The SDR 2 rate and the SDR 5 model.") if q.kind == "money"] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Beijing's police aid to Honiara has reached SI$60 million.", "SBD"),
        ("Suva will spend FJ$120 million on the military.", "FJD"),
        ("PORT MORESBY – The government allocated K1.2 billion to defence.", "PGK"),
        ("LUSAKA – Zambia's defence budget rises to K8.5 billion.", "ZMW"),
        # a bare '$' beside a small island state is the donor's dollar, not the island's
        ("Australia will give $200 million to PNG. Fiji will receive $50 million.", "AUD"),
    ],
)
def test_small_dollars_and_the_kina_by_their_own_signs(text: str, unit: str) -> None:
    from extractor import extract

    money = [f.quantity.unit for f in extract(text).facts if f.quantity.unit.isupper()]
    assert set(money) == {unit}, money


@pytest.mark.parametrize("text", ["The K9 unit searched 20 cars.", "the K2 rifle"])
def test_the_letter_k_is_no_currency_without_a_scale(text: str) -> None:
    assert all(q.kind != "money" for q in quantities(text)), text
