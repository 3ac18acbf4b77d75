"""Attribution on the document model: clause roles, the running frame, document context.

The probes are sentences of our own in the style of real copy; the metamorphic tests change a
text in a way that must (or must not) change the roles.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from extractor.documents import load_document
from extractor.model import Fact
from extractor.pipeline import build_sheet, extract_text

ROOT = Path(__file__).resolve().parent.parent


def facts(text: str, published: date | None = None) -> list[Fact]:
    return list(extract_text(text, published=published).facts)


def one(text: str, quote: str, published: date | None = None) -> Fact:
    found = [f for f in facts(text, published) if f.span.quote == quote]
    assert len(found) == 1, [f.span.quote for f in facts(text, published)]
    return found[0]


PROBES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Ukraine received $2 billion in aid from the European Union.",
        "$2 billion",
        {"family": "aid", "donor": "EU", "recipient": "UA"},
    ),
    (
        "Japan will provide Ukraine with ¥1 trillion in aid.",
        "¥1 trillion",
        {
            "family": "aid",
            "donor": "JP",
            "recipient": "UA",
            "claim": "Japan commits ¥1 trillion to Ukraine.",
        },
    ),
    (
        "Canada announced a new package for Ukraine on Monday. It includes C$500 million in "
        "military aid.",
        "C$500 million",
        {"family": "aid", "donor": "CA", "recipient": "UA"},
    ),
    (
        "WELLINGTON (Reuters) - The government will give a further $5 million to Ukraine, the "
        "prime minister said.",
        "$5 million",
        {
            "family": "aid",
            "donor": "NZ",
            "recipient": "UA",
            "unit": "NZD",
            "currency_from": "context",
        },
    ),
    (
        "Poland spends more than twice as much as Germany, at 4.1% of GDP.",
        "4.1% of GDP",
        {"family": "spending", "subject": "PL"},
    ),
    (
        "Some 12,000 troops took part in Vostok-2014.",
        "Some 12,000 troops",
        {"family": "exercise", "event": "Vostok-2014", "year": 2014},
    ),
    (
        "Norway will send NOK 1.5 billion (about $140 million) to Kyiv.",
        "about $140 million",
        {"family": "aid", "donor": "NO", "recipient": "UA", "unit": "USD"},
    ),
    (
        "Berlin has promised Kyiv further weapons worth €1.1 billion.",
        "€1.1 billion",
        {"family": "aid", "donor": "DE", "recipient": "UA"},
    ),
    (
        "The Swedish government said the package for Ukraine includes 50 combat vehicles.",
        "50 combat vehicles",
        {"family": "aid", "recipient": "UA"},
    ),
    (
        "The exercise, held in 2023, drew about 25,000 personnel from 30 nations.",
        "about 25,000 personnel",
        {"family": "exercise", "year": 2023},
    ),
    (
        "Some 9,000 soldiers took part in the drills, of which 2,000 were Kazakh.",
        "2,000",
        {"family": "exercise", "subject": "KZ"},
    ),
    # a sentence going on about aid: only what the aid gives is aid, not what staff join
    (
        "Norway will give $5 million in aid to Moldova. The Norwegian army will also transfer "
        "officers to the 900-person mission.",
        "900-person",
        {"family": "other"},
    ),
    (
        "Norway will give $5 million in aid to Moldova. The Norwegian army will also send 90 "
        "engineers.",
        "90 engineers",
        {"family": "aid", "donor": "NO", "recipient": "MD"},
    ),
    # 'this year' in a text without a publication date: the date the sentence writes out
    (
        "Turkey will raise its defence budget by 15% this year, the treasury said in a "
        "statement dated 12 January 2025.",
        "15%",
        {"year": 2025},
    ),
    # a financial year is the year it closes in, for a budget as for a target
    (
        "Bangladesh has allocated Tk 42,000 crore to defence for 2025-26.",
        "Tk 42,000 crore",
        {"year": 2026},
    ),
    (
        "Spending will rise to 2.2% of GDP by 2030-31, the ministry said.",
        "2.2% of GDP",
        {"year": 2031},
    ),
    # a month between the preposition and the year
    (
        "Canada's cabinet approved a C$40 billion defence budget for the fiscal year starting "
        "in April 2026.",
        "C$40 billion",
        {"year": 2026},
    ),
    # 'since 2009' after the figure is a baseline, not the figure's year
    (
        "Global arms imports grew 9.2% in 2022, the fastest growth since 2009.",
        "9.2%",
        {"year": 2022},
    ),
    (
        "The rise of 4.4% was the steepest since 2015.",
        "4.4%",
        {"year": None},
    ),
    # money sent to the districts or people of a country: that country receives
    (
        "Sweden will send SEK 40 million to drought-hit regions of Kenya's north.",
        "SEK 40 million",
        {"family": "aid", "donor": "SE", "recipient": "KE"},
    ),
    (
        "Ireland will give €3 million to the families of Gaza.",
        "€3 million",
        {"family": "aid", "donor": "IE", "recipient": "PS"},
    ),
]


def _get(fact: Fact, key: str) -> Any:
    if key in ("unit", "currency_from", "value", "qualifier"):
        return getattr(fact.quantity, key)
    value = getattr(fact, key)
    return value


@pytest.mark.parametrize(("text", "quote", "expect"), PROBES, ids=[p[1] for p in PROBES])
def test_probe(text: str, quote: str, expect: dict[str, Any]) -> None:
    fact = one(text, quote)
    for key, want in expect.items():
        assert _get(fact, key) == want, key


SWAP = (
    "Canada will provide Latvia with C$40 million in military aid. The package includes 30 "
    "armoured vehicles."
)


def test_swapping_countries_swaps_roles() -> None:
    before = {f.span.quote: (f.donor, f.recipient) for f in facts(SWAP)}
    swapped = SWAP.replace("Canada", "XX").replace("Latvia", "Canada").replace("XX", "Latvia")
    after = {f.span.quote: (f.donor, f.recipient) for f in facts(swapped)}
    assert before["C$40 million"] == ("CA", "LV")
    assert after["C$40 million"] == ("LV", "CA")
    assert after["30 armoured vehicles"] == ("LV", "CA")


def _roles(sheet_facts: list[Fact]) -> list[tuple[str, Any, Any, Any, Any, Any]]:
    return [(f.span.quote, f.donor, f.recipient, f.subject, f.event, f.year) for f in sheet_facts]


def test_unrelated_paragraph_above_changes_no_attribution() -> None:
    text = (
        "Denmark pledged DKK 1.2 billion in military aid to Ukraine on Tuesday.\n\n"
        "The package includes 20 howitzers, the ministry said."
    )
    noise = "The weather in Copenhagen was mild this week, forecasters said.\n\n"
    assert _roles(facts(noise + text)) == _roles(facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Finland gave €50 million in aid to Moldova.",
        "€50 million in aid was given to Moldova by Finland.",
        "Moldova received €50 million in aid from Finland.",
        "Finland's €50 million aid package for Moldova was approved.",
    ],
)
def test_active_and_passive_give_the_same_roles(text: str) -> None:
    fact = one(text, "€50 million")
    assert (fact.family, fact.donor, fact.recipient) == ("aid", "FI", "MD")


def test_a_new_named_event_resets_the_frame() -> None:
    text = (
        "Zapad-2021 involved about 200,000 troops.\n\n"
        "Vostok-2022 was smaller. The drills involved some 50,000 troops."
    )
    found = {f.span.quote: f for f in facts(text)}
    assert found["about 200,000 troops"].event == "Zapad-2021"
    assert found["some 50,000 troops"].event == "Vostok-2022"
    assert found["some 50,000 troops"].year == 2022


def test_frame_carries_donor_to_a_follow_up_sentence() -> None:
    text = (
        "Spain will send €30 million in aid to Ukraine. A further €10 million will go to demining."
    )
    fact = one(text, "€10 million")
    assert (fact.donor, fact.recipient) == ("ES", "UA")


def _all_facts() -> list[Fact]:
    out: list[Fact] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out += build_sheet(load_document(path)).facts
    for case in yaml.safe_load((ROOT / "tests/gold/passages.yaml").read_text(encoding="utf-8")):
        out += extract_text(case["text"], doc_id=case["id"]).facts
    return out


def test_claims_have_no_empty_slots() -> None:
    bad = re.compile(r"\s{2}|\s[.,:]|\b(?:to|of|in|by|for)\s*\.$|^[:']|'s support to \.|\(\)")
    for fact in _all_facts():
        assert not bad.search(fact.claim), (fact.span.quote, fact.claim)
        assert fact.claim.endswith("."), fact.claim


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        (
            "The Netherlands pledged €2 billion in aid to Ukraine for 2024, including €300m for "
            "air defence.",
            "€2 billion",
            "€300m",
        ),
        (
            "Washington approved a $10 billion package for Kyiv, of which $4.5 billion is "
            "military aid.",
            "$10 billion",
            "$4.5 billion",
        ),
    ],
)
def test_a_part_points_to_its_whole_and_keeps_its_roles(text: str, whole: str, part: str) -> None:
    found = {f.span.quote: f for f in facts(text)}
    assert found[part].part_of == found[whole].id
    assert (found[part].donor, found[part].recipient) == (
        found[whole].donor,
        found[whole].recipient,
    )


def test_a_bracketed_conversion_keeps_the_roles_of_its_amount() -> None:
    found = {
        f.span.quote: f
        for f in facts(
            "Sweden will give Ukraine a package worth 3.5 billion Swedish kronor ($330 million)."
        )
    }
    conversion, amount = found["$330 million"], found["3.5 billion Swedish kronor"]
    assert conversion.quantity.unit == "USD"
    assert conversion.restates == amount.id
    assert (conversion.donor, conversion.recipient) == ("SE", "UA")


def test_the_value_of_an_aid_item_is_aid() -> None:
    fact = one(
        "Norway is sending 12 armoured vehicles worth NOK 200 million to Lithuania.",
        "NOK 200 million",
    )
    assert (fact.family, fact.donor, fact.recipient) == ("aid", "NO", "LT")


@pytest.mark.parametrize(
    ("year", "end", "closes"),
    [("2025", "26", 2026), ("1999", "00", 2000), ("2099", "00", 2100), ("2024", None, 2024)],
)
def test_a_financial_year_is_the_year_it_closes_in(year: str, end: str | None, closes: int) -> None:
    from extractor.rules.attribution import closing_year

    assert closing_year(year, end) == closes


@pytest.mark.parametrize(
    ("text", "quote", "year"),
    [
        ("Nepal's 2024/25 budget gives the army Rs 62 billion.", "Rs 62 billion", 2025),
        ("India will spend ₹6.8 lakh crore on defence in 2025-26.", "₹6.8 lakh crore", 2026),
        (
            "Australia will spend A$59 billion on defence in the 2025–26 budget.",
            "A$59 billion",
            2026,
        ),
    ],
)
def test_budgets_of_a_financial_year(text: str, quote: str, year: int) -> None:
    from extractor import extract

    facts = [f for f in extract(text).facts if f.span.quote == quote]
    assert facts and facts[0].year == year, [(f.span.quote, f.year) for f in extract(text).facts]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("The flood killed 120 people, and only about 5,000 homes remained standing.", "5,000"),
        ("Of the 91,000 soldiers taken prisoner, only about 5,000 came home.", "5,000"),
    ],
)
def test_a_bare_figure_goes_on_a_toll_only_when_joined_to_it(text: str, bare: str) -> None:
    """'up from 980', 'followed by X with 416', 'and Cuba 52' go on counting the same people;
    a lower-case word after a comma is no gapped name, and a new clause is no list."""
    from extractor import extract

    facts = [f for f in extract(text).facts if bare in f.span.quote]
    assert all(f.family != "casualties" or f.quantity.unit != "person" for f in facts), facts


@pytest.mark.parametrize(
    ("text", "quote", "field", "want"),
    [
        # the sentence's own subject country decides a shared currency name before the dateline
        (
            "ISLAMABAD (Reuters) - India raised its defence budget to 6.8 trillion rupees.",
            "6.8 trillion rupees",
            "unit",
            "INR",
        ),
        (
            "NAIROBI — Somalia has been allocated Sh3.9 trillion for its army.",
            "Sh3.9 trillion",
            "unit",
            "SOS",
        ),
        # a date is no financial year
        ("By 2024-06-30, Canada had spent C$2 billion on defence.", "C$2 billion", "year", 2024),
        # one financial year for a list, closing year for every item
        (
            "Colombia and Chile will spend 3.2% and 1.8% of GDP on defence in 2025-26, "
            "respectively.",
            "3.2%",
            "year",
            2026,
        ),
        # "since" opening a clause does not set its subject aside
        (
            "Since Poland joined NATO in 1999, it has modernised its army. Military spending "
            "reached 4.2% of GDP.",
            "4.2% of GDP",
            "subject",
            "PL",
        ),
        # a guessed shared name is no subject without India's scale words
        (
            "The defence budget will rise to 250 billion pesos next year.",
            "250 billion pesos",
            "subject",
            None,
        ),
    ],
)
def test_review_cases(text: str, quote: str, field: str, want: object) -> None:
    from extractor import extract

    facts = [f for f in extract(text).facts if f.span.quote == quote]
    assert facts, [f.span.quote for f in extract(text).facts]
    got = facts[0].quantity.unit if field == "unit" else getattr(facts[0], field)
    assert got == want


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The United States gave Ukraine $300 million in aid, a day after Russian drones hit 3 "
            "convoys.",
            "3 convoys",
        ),
        (
            "Britain pledged £3 billion in military aid. Separately, Moscow said the money it "
            "earns would buy 1,000 new tanks.",
            "1,000 new tanks",
        ),
        (
            "Ukraine needs external financing of about 15% of its GDP in assistance.",
            "about 15% of its GDP",
        ),
        # the eighth session's review: counts after aid with a clause or subject of their own
        (
            "Turkey sent 50 tonnes of humanitarian aid to Syria as 300 buildings collapsed.",
            "300 buildings",
        ),
        (
            "Germany gave €20 million in aid to Ukraine, and Russia launched 120 missiles.",
            "120 missiles",
        ),
        (
            "India sent 25 tonnes of relief material to Sri Lanka, and the navy rescued 300 "
            "fishermen.",
            "300 fishermen",
        ),
        (
            "The UAE sent $20 million in aid to Sudan, where the war has brought hunger to 25 "
            "million people.",
            "25 million people",
        ),
        (
            "Police seized 3,000 counterfeit bags worth $2 million at a warehouse used by aid "
            "smugglers in Lagos.",
            "3,000 counterfeit bags",
        ),
        (
            "Japan will provide $5 million in emergency aid to Nepal. A 12-member delegation of "
            "Chinese investors arrived in Kathmandu on Monday.",
            "12-member",
        ),
    ],
)
def test_review_cases_that_are_no_aid(text: str, quote: str) -> None:
    from extractor import extract

    facts = [f for f in extract(text).facts if f.span.quote == quote]
    assert facts and facts[0].family != "aid", facts


def test_an_appeal_named_by_a_charity_is_for_no_country_its_adjective_names() -> None:
    from extractor import extract

    text = "The British Red Cross Turkey-Syria Earthquake Appeal has raised £20 million."
    assert all(f.recipient != "GB" for f in extract(text).facts)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Spain spent 1.3% of GDP on defence in 2024. Its spending rose, while inflation "
            "was 3%.",
            "3%",
        ),
        (
            "Italy spends 1.5% of GDP on defence. Spending on roads is expected to reach 4% of the "
            "budget.",
            "4%",
        ),
    ],
)
def test_a_bare_share_after_a_gdp_share_is_no_gdp_share_unless_spending_reaches_it(
    text: str, quote: str
) -> None:
    assert one(text, quote).rule != "spending.gdp_share"


@pytest.mark.parametrize(
    ("text", "quote", "field", "want"),
    [
        # the eighth session's review
        (
            "Britain sent £5 million in aid to victims of Russian shelling in Kharkiv.",
            "£5 million",
            "recipient",
            "UA",
        ),
        (
            "Ethiopia is in crisis. Britain has given £40 million in aid, one of 14 nations to "
            "respond.",
            "£40 million",
            "recipient",
            "ET",
        ),
        (
            "The health ministry will receive N2.1 trillion of Nigeria's N28.7 trillion 2024 "
            "budget.",
            "N2.1 trillion",
            "family",
            "other",
        ),
        (
            "Kenya has earmarked KSh 10 billion for the 2027 elections.",
            "KSh 10 billion",
            "family",
            "other",
        ),
        (
            "Nigeria allocated N3.25 trillion to defence in 2024. The share of education is 7.9 "
            "percent of the N28.7 trillion budget.",
            "7.9 percent",
            "family",
            "other",
        ),
        (
            "The Philippine disaster agency reported 120 deaths from Typhoon Kristine.",
            "120 deaths",
            "event",
            "Typhoon Kristine",
        ),
        (
            "Exercise Malabar was held off Sydney in 2023 with 12 ships.\n\nThis year's Malabar "
            "exercise will involve 30 ships.",
            "30 ships",
            "year",
            None,
        ),
        (
            "Under a new agreement, the Indian government will give Nepal Rs 700 crore for "
            "hydropower.",
            "Rs 700 crore",
            "unit",
            "INR",
        ),
    ],
)
def test_review_cases_of_the_eighth_session(
    text: str, quote: str, field: str, want: object
) -> None:
    assert _get(one(text, quote), field) == want
