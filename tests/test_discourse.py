"""The discourse layer on its own: the document context and figures named by their clause."""

from __future__ import annotations

import pytest

from extractor.discourse import Frame, document_context, name_elliptical
from extractor.gazetteer import EntityIndex
from extractor.layout import Layout
from extractor.pipeline import extract_text
from extractor.quantities import quantities


@pytest.mark.parametrize(
    ("text", "place", "country", "agency"),
    [
        ("OSLO (Reuters) - Norway said on Monday", "OSLO", "NO", "Reuters"),
        ("CANBERRA, March 3 (AAP) - The government", "CANBERRA", "AU", "AAP"),
        ("Warsaw, 5 May: The ministry said", "Warsaw", "PL", None),
        ("Headline without a dateline\n\nBody text.", None, None, None),
        ("Good news - nothing here", None, None, None),
    ],
)
def test_dateline(text: str, place: str | None, country: str | None, agency: str | None) -> None:
    ctx = document_context(text, EntityIndex(text))
    assert (ctx.place, ctx.country, ctx.agency) == (place, country, agency)


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The number of states reaching the target had risen from 11 last year.", "11", "state"),
        ("The actual number of participants will be closer to 200,000.", "200,000",
         "participant"),
        ("A total of 66 states supported the text, 19 voted against, 72 abstained.", "72",
         "state"),
        ("The total number of delivered howitzers rose to 90.", "90", "howitzer"),
        # the whole's noun, not that of a part listed under it
        ("The blast killed 40 soldiers, including 12 officers, and wounded 65.", "65", "soldier"),
        ("It had 9,500 troops from 30 nations, including 4,500 from Chile and 3,000 from Peru.",
         "3,000", "troop"),
    ],
)
def test_a_figure_takes_the_noun_of_its_clause(text: str, figure: str, unit: str) -> None:
    found = name_elliptical(text, quantities(text), Layout(text))
    named = [q for q in found if text[q.number_start : q.number_end] == figure]
    assert [q.unit for q in named] == [unit]


def test_a_bare_number_with_no_noun_in_its_clause_stays_bare() -> None:
    text = "The ministry said 2,000 would follow. Numbers of that kind are rare: 14."
    found = name_elliptical(text, quantities(text), Layout(text))
    assert all(q.kind == "number" for q in found if q.unit == "")


def test_a_new_fact_replaces_the_frame_slot() -> None:
    frame = Frame()
    frame.note("exercise", {"event": "Zapad-2021", "year": 2021}, 0, 10)
    frame.note("exercise", {"event": "Vostok-2022", "year": 2022}, 1, 200)
    assert (frame.get("event", 1), frame.get("year", 1)) == ("Vostok-2022", 2022)


def test_a_slot_out_of_reach_is_forgotten() -> None:
    frame = Frame()
    frame.note("aid", {"donor": "SE"}, 0, 0)
    assert frame.get("donor", 3) == "SE"
    assert frame.get("donor", 4) is None
    assert frame.get("donor", 1, family="spending") is None


def test_casualty_figure_named_by_its_clause() -> None:
    sheet = extract_text(
        "The number of civilians who died in the siege is estimated to be around 600,000."
    )
    (fact,) = sheet.facts
    assert (fact.family, fact.quantity.unit, fact.harm) == ("casualties", "person", "died")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("killed during the 1994 genocide in Rwanda.", "Rwandan genocide"),
        ("died in the April 2015 earthquake in Nepal", "Nepal earthquake"),
        ("The 1970 Bhola cyclone killed at least 300,000 people", "1970 Bhola cyclone"),
        # a tragedy or disaster named after its place (lower case: no institution's name)
        ("The Aberfan disaster of October 1966 killed 144 people", "Aberfan disaster"),
        ("The Armero tragedy followed the eruption of the volcano", "Armero tragedy"),
        ("victims of the Bhopal gas tragedy", "Bhopal gas tragedy"),
        # a storm's given name after its kind, with a qualifier before it
        ("the death toll from Super Typhoon Yolanda rose to 6,300", "Super Typhoon Yolanda"),
    ],
)
def test_disasters_and_dated_events_in_a_place(text: str, name: str) -> None:
    assert [e.name for e in EntityIndex(text).events] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "the six-week massacre of Chinese civilians",
        "a man-made famine in Ukraine",
        "The National Disaster Management Authority said 1,200 people had died",
    ],
)
def test_an_undated_kind_in_a_place_is_no_name(text: str) -> None:
    assert EntityIndex(text).events == []


def test_casualty_subject_is_the_place_of_the_harm() -> None:
    sheet = extract_text("Nearly 9,000 people died in the April 2015 earthquake in Nepal.")
    (fact,) = sheet.facts
    assert (fact.family, fact.subject, fact.event) == ("casualties", "NP", "Nepal earthquake")


def test_a_listed_count_belongs_to_the_contingent_before_it() -> None:
    sheet = extract_text(
        "Some 10,000 troops took part in the drills, of which 3,200 were Chinese troops "
        "brought in with 900 vehicles and 30 aircraft."
    )
    found = {f.span.quote: f for f in sheet.facts}
    assert found["900 vehicles"].subject == "CN"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Cobra Gold 2025 exercise began on Tuesday.", ["Cobra Gold 2025"]),
        ("the Interaction-2023 drills", ["Interaction-2023"]),
        ("In 2023 the exercise was held in May.", []),
        ("Paris 2024 Olympics drew crowds.", []),
    ],
)
def test_an_unknown_exercise_name_with_its_year(text: str, names: list[str]) -> None:
    assert [e.name for e in EntityIndex(text).events if e.kind == "exercise"] == names


def test_the_gap_before_a_part_is_read_in_bounded_time() -> None:
    """A run of white space between a toll and the next figure is no ', including ' gap, and
    is refused at once (the unbounded form took minutes on 100 KB of spaces)."""
    from extractor.discourse import _PART_GAP

    assert _PART_GAP.fullmatch(" " * 100_000 + "and") is None
    assert _PART_GAP.fullmatch(", including ") is not None
