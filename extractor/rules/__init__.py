"""Domain rules, in the order they are tried: the first that matches a quantity makes the fact.

`grammar` holds the named rules of the quantity grammar (examples only; the code is in
extractor.quantities).  `RULES` is the domain registry.
"""

from __future__ import annotations

from extractor.rules import aid, casualties, common, exercise, other, spending
from extractor.rules.base import Registry, Rule

RULES = Registry()
for _rule in (
    common.RULE,
    aid.RULE,
    spending.ALLIES_MEETING,
    spending.GDP_SHARE,
    spending.BUDGET,
    spending.BUDGET_CHANGE,
    exercise.RULE,
    casualties.RULE,
    common.SHARE_OF_EARLIER,
    other.RULE,
):
    RULES.add(_rule)

__all__ = ["RULES", "Rule"]
