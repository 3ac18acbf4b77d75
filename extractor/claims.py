"""A readable sentence per fact, built from its fields (never copied from the text)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extractor.gazetteer import gazetteer
from extractor.quantities import plural

SYMBOLS = {
    "AUD": "A$",
    "NZD": "NZ$",
    "USD": "US$",
    "CAD": "C$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "HKD": "HK$",
    "SGD": "S$",
    "TWD": "NT$",
    "INR": "₹",
}
QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "about ",
    "nearly": "nearly ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "up to ",
}


def _capital(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _num(value: Decimal) -> str:
    if value >= 1_000_000_000_000 and value % 10_000_000_000 == 0:
        return f"{(value / 1_000_000_000_000).normalize():f} trillion"
    if value >= 1_000_000_000 and value % 10_000_000 == 0:
        return f"{(value / 1_000_000_000).normalize():f} billion"
    if value >= 1_000_000 and value % 10_000 == 0:
        return f"{(value / 1_000_000).normalize():f} million"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"


def amount(
    value: Decimal | None, lo: Decimal | None, hi: Decimal | None, unit: str, kind: str
) -> str:
    def one(v: Decimal) -> str:
        if kind == "money":
            symbol = SYMBOLS.get(unit)
            if symbol:
                return f"{symbol}{_num(v)}"
            return f"{_num(v)} {unit}" if unit else _num(v)
        if kind == "percent":
            return f"{_num(v)}%"
        return _num(v)

    text = (
        f"{one(lo)} to {one(hi)}" if lo is not None and hi is not None else one(value or Decimal(0))
    )
    if kind in ("money", "percent"):
        return text
    many = (value or hi or Decimal(0)) != 1
    noun = unit if not many else plural(unit)
    return f"{text} {noun}"


def _name(code: Any) -> str:
    if isinstance(code, list):
        names = [_name(c) for c in code]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return gazetteer().name(str(code)) if code else ""


def _event_name(event: Any) -> str:
    if not event:
        return ""
    name = str(event)
    if name.split()[-1].lower() in (
        "massacre",
        "war",
        "siege",
        "battle",
        "genocide",
        "bombing",
    ) and not name.startswith("World War"):
        return f"the {name}"
    return name


def claim(
    family: str,
    kind: str,
    value: Decimal | None,
    lo: Decimal | None,
    hi: Decimal | None,
    unit: str,
    qualifier: str,
    fields: dict[str, Any],
) -> str:
    figure = QUALIFIER_WORDS.get(qualifier, "") + amount(value, lo, hi, unit, kind)
    if kind == "percent" and fields.get("of"):
        figure += f" of {fields['of']}"
    if family == "aid":
        donor, recipient = _name(fields.get("donor")), _name(fields.get("recipient"))
        to = f" to {recipient}" if recipient else ""
        if fields.get("scope") == "cumulative":
            since = f" since {fields['since']}" if fields.get("since") else ""
            whose = f"{donor}'s support" if donor else "Support"
            return f"{whose}{to}{since} totals {figure}."
        if fields.get("scope") == "component":
            whose = f" of {donor}'s support" if donor else " of the support"
            return f"{_capital(figure)}{whose} goes{to or ' to this purpose'}."
        if donor:
            return f"{donor} commits {figure}{to}."
        return f"{_capital(figure)} in aid{to}."
    if family == "spending":
        subject = _name(fields.get("subject")) or "The subject"
        plural = isinstance(fields.get("subject"), list)
        year = f" in {fields['year']}" if fields.get("year") else ""
        if fields.get("measure"):
            count = QUALIFIER_WORDS.get(qualifier, "") + amount(value, lo, hi, "", "money").strip()
            return f"{subject}: {count} {fields['measure']}{year}."
        if kind == "money":
            period = f" over {fields['period']}" if fields.get("period") else ""
            return f"{subject} plans defence spending of {figure}{period}."
        if fields.get("status") == "target":
            verb = "aim to spend" if plural else "aims to spend"
        else:
            verb = "spend" if plural else "spends"
        return f"{subject} {verb} {figure} on defence{year}."
    if family == "exercise":
        event = fields.get("event") or "A military exercise"
        return f"{event} involved {figure}."
    if family == "casualties":
        event = _event_name(fields.get("event"))
        if kind == "duration":
            return (
                f"{event[0].upper() + event[1:]} lasted {figure}."
                if event
                else f"It lasted {figure}."
            )
        victims = fields.get("victims")
        if victims and kind == "count":
            count = QUALIFIER_WORDS.get(qualifier, "") + amount(value, lo, hi, "", "money").strip()
            figure = f"{count} {victims}"
        figure = figure[0].upper() + figure[1:]
        harm = fields.get("harm")
        where = f" in {event}" if event else ""
        if harm in ("died", "perished", "casualties"):
            return f"{figure} {harm if harm != 'casualties' else 'were casualties'}{where}."
        if harm:
            return f"{figure} were {harm}{where}."
        return f"{figure} were victims{where}."
    subject = _name(fields.get("subject"))
    lead = f"{subject}: " if subject else ""
    year = f" ({fields['year']})" if fields.get("year") else ""
    return f"{lead}{figure}{year}."
