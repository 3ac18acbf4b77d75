"""The named rules of the quantity grammar and their examples.

The code is in extractor.quantities (which stamps each quantity with one of these ids); this
module is the rules' record: what each one does, sentences it must read (the quote, value or
range, unit and qualifier it must give) and sentences it must leave alone.  The test suite runs
all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class GrammarRule:
    id: str
    description: str
    examples: tuple[tuple[str, str, dict[str, Any]], ...]  # (sentence, quote, expected fields)
    # a sentence no rule may read a figure in, or (sentence, span) when only that span is
    # meant: no figure may overlap it
    counter_examples: tuple[str | tuple[str, str], ...]


GRAMMAR_RULES: tuple[GrammarRule, ...] = (
    GrammarRule(
        "money.prefix",
        "A currency symbol or code before the amount (A$, $A, NZ$, US$, USD, €, £, ¥, \\$); "
        "a bare $ is resolved from context.",
        (
            ("a grant of EUR 2000 per family", "EUR 2000", {"value": 2000, "unit": "EUR"}),
            ("a $1.2-billion arms sale", "$1.2-billion", {"value": 1200000000, "unit": "USD"}),
            (
                "a budget of ₹6.2 lakh crore",
                "₹6.2 lakh crore",
                {"value": 6200000000000, "unit": "INR"},
            ),
            (
                "Delhi set aside ₹5,93,537.64 crore for its forces.",
                "₹5,93,537.64 crore",
                {"value": 5935376400000, "unit": "INR"},
            ),
            ("Canberra announced a A$100m package.", "A$100m", {"value": 100000000, "unit": "AUD"}),
            (
                "Wellington added NZ$4.1 million in support.",
                "NZ$4.1 million",
                {"value": 4100000, "unit": "NZD"},
            ),
            (
                "The grant totals USD 34.6m this year.",
                "USD 34.6m",
                {"value": 34600000, "unit": "USD"},
            ),
            (
                "Britain set aside £1.7bn for munitions.",
                "£1.7bn",
                {"value": 1700000000, "unit": "GBP"},
            ),
            (
                "The EU approved EUR7.3 million for demining.",
                "EUR7.3 million",
                {"value": 7300000, "unit": "EUR"},
            ),
            ("It costs $12.5million a year.", "$12.5million", {"value": 12500000, "unit": "USD"}),
            (
                "worth nearly \\$A250 million (\\$US167 million)",
                "nearly \\$A250 million",
                {"value": 250000000, "unit": "AUD", "qualifier": "nearly"},
            ),
            (
                "worth nearly \\$A250 million (\\$US167 million)",
                "\\$US167 million",
                {"value": 167000000, "unit": "USD"},
            ),
            ("Ottawa gives C$500 million.", "C$500 million", {"value": 500000000, "unit": "CAD"}),
            (
                "Tokyo will spend ¥43 trillion.",
                "¥43 trillion",
                {"value": 43000000000000, "unit": "JPY"},
            ),
            ("Germany pledged €2.7bn.", "€2.7bn", {"value": 2700000000, "unit": "EUR"}),
            ("Aid rose to AU$1.5 billion.", "AU$1.5 billion", {"value": 1500000000, "unit": "AUD"}),
        ),
        ("The S-400 system and the Su-35 jets.", "He paid in cash.", "The G20 met in 2019."),
    ),
    GrammarRule(
        "money.suffix",
        "A currency word or code after the amount: '250 million Australian dollars', '5 billion "
        "yuan', '10 million roubles'.",
        (
            (
                "a package of 250 million Australian dollars",
                "250 million Australian dollars",
                {"value": 250000000, "unit": "AUD"},
            ),
            (
                "China spent 1.55 trillion yuan on defence.",
                "1.55 trillion yuan",
                {"value": 1550000000000, "unit": "CNY"},
            ),
            (
                "fines of 10 million roubles",
                "10 million roubles",
                {"value": 10000000, "unit": "RUB"},
            ),
            (
                "a budget of 500 million euros",
                "500 million euros",
                {"value": 500000000, "unit": "EUR"},
            ),
            (
                "Seoul approved 59 trillion won",
                "59 trillion won",
                {"value": 59000000000000, "unit": "KRW"},
            ),
            # a scaled compound adjective: its hyphens read as spaces
            (
                "Tokyo extended a 45.2-billion-yen loan to Manila.",
                "45.2-billion-yen",
                {"value": 45200000000, "unit": "JPY"},
            ),
            (
                "Rome approved a 2.5-billion-euro package.",
                "2.5-billion-euro",
                {"value": 2500000000, "unit": "EUR"},
            ),
            (
                "Seoul signed a three-trillion-won contract.",
                "three-trillion-won",
                {"value": 3000000000000, "unit": "KRW"},
            ),
            (
                "Bern issued a 2-billion-Swiss-franc bond.",
                "2-billion-Swiss-franc",
                {"value": 2000000000, "unit": "CHF"},
            ),
        ),
        (
            "Seoul won 3-1 in the final.",
            "It dropped a 500-pound bomb.",
            "a 1 million mark",
            # a year before a currency word after "constant", "real", "at": a price basis
            "Spending is measured in constant 2015 US dollars.",
            "It dropped a 2,000-pound bomb and a 20-ton truck.",
            "outlays at 2021 prices and in real 2020 euros",
        ),
    ),
    GrammarRule(
        "percent",
        "A percentage: %, percent, per cent, '2-percent'; 'percentage points' kept apart.",
        (
            (
                "from 10 per cent to 15 per cent of voters",
                "from 10 per cent to 15 per cent",
                {"min": 10, "max": 15, "unit": "percent"},
            ),
            ("Support rose from 2% to 3%.", "3%", {"value": 3, "unit": "percent"}),
            (
                "over 60 percent of components",
                "over 60 percent",
                {"value": 60, "unit": "percent", "qualifier": "more_than"},
            ),
            ("Support fell to 38 per cent.", "38 per cent", {"value": 38, "unit": "percent"}),
            ("a 2-percent target", "2-percent", {"value": 2, "unit": "percent"}),
            ("Inflation is 3.4%.", "3.4%", {"value": 3.4, "unit": "percent"}),
            (
                "between 10 and 15 percent of voters",
                "between 10 and 15 percent",
                {"min": 10, "max": 15, "unit": "percent"},
            ),
            (
                "rates rose 0.25 percentage points",
                "0.25 percentage points",
                {"value": 0.25, "unit": "percentage point"},
            ),
        ),
        ("the 75th anniversary", "Covid-19 cases"),
    ),
    GrammarRule(
        "percent.of_gdp",
        "A share of GDP: 'of GDP', 'of their GDP', 'of gross domestic product'.",
        (
            ("will rise to 2.5pc of GDP by 2030", "2.5pc of GDP", {"value": 2.5, "of": "GDP"}),
            (
                "NATO members should spend between 2% and 2.5% of GDP.",
                "between 2% and 2.5% of GDP",
                {"min": 2, "max": 2.5, "of": "GDP"},
            ),
            (
                "Israel spends 3.1% of GDP on its army.",
                "3.1% of GDP",
                {"value": 3.1, "unit": "percent", "of": "GDP"},
            ),
            (
                "at least 2 percent of their GDP on defence",
                "at least 2 percent of their GDP",
                {"value": 2, "qualifier": "at_least", "of": "GDP"},
            ),
            (
                "increase to 2 percent of gross domestic product",
                "2 percent of gross domestic product",
                {"value": 2, "of": "GDP"},
            ),
            ("committing two percent of GDP", "two percent of GDP", {"value": 2, "of": "GDP"}),
            ("Poland's 4.12 per cent of GDP", "4.12 per cent of GDP", {"value": 4.12, "of": "GDP"}),
            (
                # "and" with no "between" lists two shares; it opens no range
                "Spain and Italy spend 1.3 per cent and 1.6 per cent of GDP respectively.",
                "1.6 per cent of GDP",
                {"value": 1.6, "of": "GDP"},
            ),
            (
                "Chile and Peru budgeted 1.9% and 2.2% of gross domestic product.",
                "2.2% of gross domestic product",
                {"value": 2.2, "of": "GDP"},
            ),
        ),
        ("GDP grew in 2023.",),
    ),
    GrammarRule(
        "count.noun",
        "A number and the noun it counts, singular in the unit: '128,000 servicemen' -> "
        "serviceman, 'nine US allies' -> ally; ranges keep min and max.",
        (
            (
                "Twenty-three Allies are investing 2 percent.",
                "Twenty-three Allies",
                {"value": 23, "unit": "ally"},
            ),
            (
                "the exercise involved 128,000 servicemen",
                "128,000 servicemen",
                {"value": 128000, "unit": "serviceman"},
            ),
            ("nine US allies were meeting it", "nine US allies", {"value": 9, "unit": "ally"}),
            (
                "Britain sent 18 Challenger 2 tanks",
                "18 Challenger 2 tanks",
                {"value": 18, "unit": "tank"},
            ),
            (
                "some 12,000 troops took part",
                "some 12,000 troops",
                {"value": 12000, "unit": "troop", "qualifier": "approximate"},
            ),
            (
                "between 40,000 and 200,000 people died",
                "between 40,000 and 200,000 people",
                {"min": 40000, "max": 200000, "unit": "person"},
            ),
            (
                "an estimated 40,000 to 90,000 civilians",
                "an estimated 40,000 to 90,000 civilians",
                {"min": 40000, "max": 90000, "unit": "civilian", "qualifier": "approximate"},
            ),
            (
                "forty to ninety thousand refugees",
                "forty to ninety thousand refugees",
                {"min": 40000, "max": 90000, "unit": "refugee"},
            ),
            ("35 000 troops", "35 000 troops", {"value": 35000, "unit": "troop"}),
            ("200 thousand members", "200 thousand members", {"value": 200000, "unit": "member"}),
            (
                "14 thousand 600 soldiers",
                "14 thousand 600 soldiers",
                {"value": 14600, "unit": "soldier"},
            ),
            ("a dozen warships", "a dozen warships", {"value": 12, "unit": "warship"}),
            ("twenty-three countries", "twenty-three countries", {"value": 23, "unit": "country"}),
            (
                "about 450 infantry fighting vehicles",
                "about 450 infantry fighting vehicles",
                {"value": 450, "unit": "infantry fighting vehicle", "qualifier": "approximate"},
            ),
            (
                "over 20,000 pieces of hardware",
                "over 20,000 pieces of hardware",
                {"value": 20000, "unit": "piece of hardware", "qualifier": "more_than"},
            ),
            ("1.5 million people fled", "1.5 million people", {"value": 1500000, "unit": "person"}),
            (
                "up to 200 artillery systems",
                "up to 200 artillery systems",
                {"value": 200, "unit": "artillery system", "qualifier": "at_most"},
            ),
            (
                "no fewer than 300 drones",
                "no fewer than 300 drones",
                {"value": 300, "unit": "drone", "qualifier": "at_least"},
            ),
            (
                "fewer than 50 APCs",
                "fewer than 50 APCs",
                {"value": 50, "unit": "APC", "qualifier": "less_than"},
            ),
            (
                "almost 2,000 soldiers",
                "almost 2,000 soldiers",
                {"value": 2000, "qualifier": "nearly"},
            ),
            (
                "upward of 80000 women",
                "upward of 80000 women",
                {"value": 80000, "unit": "woman", "qualifier": "more_than"},
            ),
            (
                "the treaty caps the army at 370,000 personnel",
                "370,000 personnel",
                {"value": 370000, "unit": "personnel", "qualifier": "at_most"},
            ),
            (
                "Chile deployed 2000 marines to the north.",
                "2000 marines",
                {"value": 2000, "unit": "marine"},
            ),
            (
                "Analysts logged 2,025 estimates by May.",
                "2,025 estimates",
                {"value": 2025, "unit": "estimate"},
            ),
            (
                "The rebels number from a few thousand to 40,000 fighters.",
                "40,000 fighters",
                {"value": 40000, "unit": "fighter", "qualifier": "at_most"},
            ),
            (
                "the force will not exceed 4,000 troops",
                "not exceed 4,000 troops",
                {"value": 4000, "unit": "troop", "qualifier": "at_most"},
            ),
        ),
        (
            "Type 96A tanks, J-11 jets, Il-76 and Y-9 transport aircraft, S-400s.",
            "Resolution 73/27 and ES-11/1 passed.",
            "under Article 5 of the treaty",
            "World War 2 allies and Nord Stream 2 gas",
            "the two countries agreed",
            "They are two sides of the same coin.",
            "the “Five Eyes” alliance",
            "Five Eyes members agreed.",
            "“one country, two systems”",
            "Three features are to be noted.",
            "The 2030 Agenda for Sustainable Development",
            "One of the key focuses",
            "Joint statements between two countries are usual.",
            "Comment (0)",
            "1. The modern world is changing.",
            "the 2+4 Treaty",
            "a 100m sprint",
            # a year right before a plural noun of statistics or documents dates it
            "Military outlays as a percentage of GDP, 2023 estimates (SIPRI)",
            "as set out in their 2026 budgets",
            "Emissions must fall below 2005 levels.",
            "Canada's 2022 figures were revised.",
            "the 2019 defence reports of both ministries",
        ),
    ),
    GrammarRule(
        "count.partitive",
        "A number of a larger group: 'nine of NATO's 30 members' -> 9 member; the span is the "
        "number, the unit comes from the noun phrase after 'of'.",
        (
            (
                "Only nine of NATO's 30 members met the target.",
                "nine",
                {"value": 9, "unit": "member"},
            ),
            ("Two of the victims were children.", "Two", {"value": 2, "unit": "victim"}),
            ("12 out of the 27 member states agreed", "12", {"value": 12, "unit": "member state"}),
        ),
        ("two of them", "one of the key focuses", "three of those"),
    ),
    GrammarRule(
        "count.implicit_person",
        "A number followed by what happened to people, with no noun: '42 dead', '100 killed'.",
        (
            (
                "The blast left at least 42 dead.",
                "at least 42",
                {"value": 42, "unit": "person", "qualifier": "at_least"},
            ),
            ("Officials said 100 killed and 250 wounded.", "250", {"value": 250, "unit": "person"}),
        ),
        ("He was 42 when he died.", "In 2014 killed"),
    ),
    GrammarRule(
        "number.bare",
        "A number with no unit: never a fact by itself; a domain rule may give it one "
        "('the death toll ranges from 40,000 to 300,000' -> people).",
        (
            ("Killed: 1,234. Wounded: 3,456.", "3,456", {"value": 3456, "kind": "number"}),
            (
                "Estimates of the death toll range from 40,000 to 300,000.",
                "from 40,000 to 300,000",
                {"min": 40000, "max": 300000, "kind": "number"},
            ),
            ("The toll rose to 1,200 on Sunday.", "1,200", {"value": 1200, "kind": "number"}),
            (
                "Seven allies met it in 2014, against 19 in 2023.",
                "19",
                {"value": 19, "kind": "number"},
            ),
            (
                # digits to words, no noun: a range all the same
                "Estimates of the dead range from 150,000 to two million.",
                "from 150,000 to two million",
                {"min": 150000, "max": 2000000, "kind": "number"},
            ),
            (
                # a vague low end is no figure; the high end is still at most
                "Estimates of the dead range from several hundred thousand to three million.",
                "three million",
                {"value": 3000000, "kind": "number", "qualifier": "at_most"},
            ),
            (
                "The toll reached some fifteen thousand by May.",
                "some fifteen thousand",
                {"value": 15000, "kind": "number", "qualifier": "approximate"},
            ),
        ),
        ("It happened in 2019.", "Part 2 of the series", "page twelve", "1 in 4 voters"),
    ),
    GrammarRule(
        "measure",
        "A number and a unit of measure: '100 km', '5,000 tonnes'; not a calibre "
        "('155 mm rounds').",
        (
            (
                "Troops massed 100 km from the border.",
                "100 km",
                {"value": 100, "unit": "kilometre"},
            ),
            ("It shipped 5,000 tonnes of grain.", "5,000 tonnes", {"value": 5000, "unit": "tonne"}),
            (
                "a front of 1,000 kilometres",
                "1,000 kilometres",
                {"value": 1000, "unit": "kilometre"},
            ),
        ),
        ("Ukraine fires 155 mm rounds.", "the 155mm shells"),
    ),
    GrammarRule(
        "count.compound",
        "A hyphenated count adjective: '700-person', 'a 3,000-strong force'.",
        (
            ("the 700-person initiative", "700-person", {"value": 700, "unit": "person"}),
            ("a 5,000-strong contingent", "5,000-strong", {"value": 5000, "unit": "person"}),
            ("a 150-member parliament", "150-member", {"value": 150, "unit": "member"}),
        ),
        ("a four-square stance", "a two-state solution", "a 2-1 vote"),
    ),
    GrammarRule(
        "duration",
        "A length of time: 'less than two months', 'for 18 months'; not a point in time "
        "('two weeks ago', 'four years later').",
        (
            (
                "in less than two months, soldiers killed",
                "less than two months",
                {"value": 2, "unit": "month", "qualifier": "less_than"},
            ),
            ("a ceasefire of 30 days", "30 days", {"value": 30, "unit": "day"}),
            ("the siege lasted 872 days", "872 days", {"value": 872, "unit": "day"}),
        ),
        (
            "He resigned two weeks ago.",
            "Four years later he returned.",
            "Two days after the vote",
            "a 25-year-old soldier",
            "the next five years",
        ),
    ),
    GrammarRule(
        "duration.compound",
        "A hyphenated duration adjective: 'six-week massacre', 'three-day summit', '10-year plan'.",
        (
            ("During the six-week massacre", "six-week", {"value": 6, "unit": "week"}),
            ("a three-day summit", "three-day", {"value": 3, "unit": "day"}),
            ("a new 10-year defence plan", "10-year", {"value": 10, "unit": "year"}),
        ),
        ("a five-year-old boy",),
    ),
    GrammarRule(
        "count.predicate",
        "A number whose noun is the predicate of 'were'/'are': 'About 8,000 were officers' -> "
        "officer; the span is the figure.",
        (
            (
                "Of the prisoners, about 5,200 were reservists called up in May.",
                "about 5,200",
                {"value": 5200, "unit": "reservist", "qualifier": "approximate"},
            ),
            (
                "Some 40,000 were Syrians, the agency said.",
                "Some 40,000",
                {"value": 40000, "unit": "person", "qualifier": "approximate"},
            ),
        ),
        ("The 40,000 were ready.", "In 2019 were elections."),
    ),
    GrammarRule(
        "count.shared_noun",
        "A figure with modifiers and 'and' before another count takes that count's noun: "
        "'3.1 million military and 6 million civilian deaths' -> person; so does the first "
        "figure of a change ('rose from 9 to 23 allies').",
        (
            (
                "It lost 3.1 million military and 6 million civilian deaths.",
                "3.1 million military",
                {"value": 3100000, "unit": "person"},
            ),
            (
                "The drill brought 2,000 Kazakh and 900 Kyrgyz soldiers together.",
                "2,000 Kazakh",
                {"value": 2000, "unit": "soldier"},
            ),
            (
                "The squadron shrank from 36 to 21 jets in a decade.",
                "36",
                {"value": 36, "unit": "jet"},
            ),
        ),
        (
            ("In 2019 Polish and 300 Czech troops met.", "2019"),
            ("He said 40 and then 12 ships.", "40"),
        ),
    ),
    GrammarRule(
        "count.respectively",
        "Figures listed before a count that ends with 'respectively' count its noun: 'some 20 "
        "and 10 vessels respectively' -> 20 vessel.",
        (
            (
                "The two navies sent about 12 and 7 frigates respectively.",
                "about 12",
                {"value": 12, "unit": "frigate", "qualifier": "approximate"},
            ),
            (
                "They lost 4, 9 and 15 helicopters respectively.",
                "9",
                {"value": 9, "unit": "helicopter"},
            ),
        ),
        (("They lost 4 in May and 15 helicopters in June, respectively.", "4"),),
    ),
    GrammarRule(
        "percent.shared_of",
        "Percentages listed right before a share of GDP (a comma or 'and' between each two, no "
        "'between') are each their own share of GDP: '4.7%, 3.5% and 3.7% of GDP'.",
        (
            (
                "Estonia, Finland and Norway aim for 3.4%, 2.5% and 2.2% of GDP respectively.",
                "2.5%",
                {"value": 2.5, "unit": "percent", "of": "GDP"},
            ),
            (
                "Spain and Italy spend 1.3 per cent and 1.6 per cent of GDP respectively.",
                "1.3 per cent",
                {"value": 1.3, "unit": "percent", "of": "GDP"},
            ),
        ),
        (
            ("In 2019 and 2024, Spain spent 1.2% of GDP.", "2019 and 2024"),
            ("Article 5 and a 2% of GDP floor", "Article 5"),
        ),
    ),
    GrammarRule(
        "count.gapped",
        "A figure with no noun right after a country's, capital's or organisation's name, listed "
        "after a count (the verb and noun said once), counts that count's noun: '350 personnel "
        "and Kazakhstan 120' -> 120 personnel.",
        (
            (
                "Norway sent 900 engineers and Denmark 250, while Iceland abstained.",
                "250",
                {"value": 250, "unit": "engineer"},
            ),
            (
                "Japan pledged 12 patrol boats, Australia 8 and NATO 4.",
                "8",
                {"value": 8, "unit": "boat"},
            ),
            (
                "Spain deployed 600 marines and Portugal some 150, officials said.",
                "some 150",
                {"value": 150, "unit": "marine", "qualifier": "approximate"},
            ),
        ),
        (
            ("Berlin bought 40 jets and Nord Stream 2, he said.", "Nord Stream 2"),
            ("They moved 18 tanks and Leopard 2 crews.", "Leopard 2"),
            ("It lost 30 ships in World War 2.", "World War 2"),
        ),
    ),
    GrammarRule(
        "count.one_listed",
        "'one' listed after another count counts the singular noun of its item: 'three tanks, "
        "one mobile bridge and two trucks' -> 1 bridge.",
        (
            (
                "The package holds three tanks, one mobile bridge and two trucks.",
                "one mobile bridge",
                {"value": 1, "unit": "bridge"},
            ),
            (
                "Canada sends 8 howitzers, one radar system, and spare parts.",
                "one radar system",
                {"value": 1, "unit": "system"},
            ),
        ),
        ("one of the tanks was lost", ("Three tanks, one of which burned.", "one")),
    ),
    GrammarRule(
        "percent.header",
        "A bare figure ending a row of a list whose header states the unit: 'Defence spending, "
        "% of GDP:' then 'Lithuania: 2.85'.",
        (
            (
                "Defence spending, % of GDP:\nLithuania: 2.85\nFinland: 2.41",
                "2.41",
                {"value": 2.41, "unit": "percent"},
            ),
            (
                "Military spending as a percentage of GDP (2024)\nLatvia 3.15\nItaly 1.49",
                "1.49",
                {"value": 1.49, "unit": "percent"},
            ),
            (
                "Share of the budget (percent):\n- Army 41.2\n- Navy 23.5",
                "41.2",
                {"value": 41.2, "unit": "percent"},
            ),
        ),
        (
            "Troops deployed:\nLithuania: 285",
            ("Spending rose 5% last year.\nPoland: 412", "412"),
        ),
    ),
)
