"""The fact-sheet model (pydantic).  `schemas/factsheet.schema.json` is generated from it.

Field order here is the key order of every written sheet.  Optional fields that are None are
left out of the files.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1
SCHEMA_ID = "https://github.com/factsheet/factsheet/schemas/factsheet.schema.json"

Family = Literal["aid", "spending", "exercise", "casualties", "other"]
Qualifier = Literal[
    "exact", "approximate", "nearly", "more_than", "at_least", "less_than", "at_most"
]
Number = int | float


# Attribution fields of a fact, in file order (pipeline and evaluation share this list).
ATTRIBUTION_FIELDS = (
    "donor",
    "recipient",
    "scope",
    "since",
    "subject",
    "status",
    "year",
    "measure",
    "period",
    "event",
    "dates",
    "location",
    "harm",
    "victims",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Strict):
    start: int = Field(ge=0, description="Unicode code point offset into the decoded text")
    end: int = Field(ge=0, description="end offset, exclusive")
    line: int = Field(ge=1, description="1-based line of the start offset")
    quote: str = Field(min_length=1, description="exactly text[start:end]")


class Quantity(_Strict):
    value: Number | None = Field(None, description="the number, scale words applied")
    min: Number | None = Field(None, description="lower bound of a range")
    max: Number | None = Field(None, description="upper bound of a range")
    unit: str = Field(
        min_length=1,
        description="ISO 4217 code, percent, a duration unit, or the counted noun (singular)",
    )
    qualifier: Qualifier = "exact"
    of: str | None = Field(None, description="what a percentage is of, e.g. GDP")
    currency_from: Literal["text", "context"] | None = Field(
        None, description="money only: whether the currency is written or inferred from context"
    )


class Fact(_Strict):
    id: str = Field(pattern=r"^(aid|spending|exercise|casualties|other)-[0-9a-f]{8}$")
    family: Family
    claim: str
    quantity: Quantity
    # attribution, by family
    donor: str | None = None
    recipient: str | None = None
    scope: Literal["package", "cumulative", "component"] | None = None
    since: int | None = None
    restates: str | None = Field(None, description="id of the fact this amount restates")
    part_of: str | None = Field(None, description="id of the total this figure is part of")
    subject: str | list[str] | None = None
    status: Literal["actual", "target", "commitment"] | None = None
    year: int | None = None
    measure: str | None = None
    period: str | None = None
    event: str | None = None
    dates: str | None = Field(None, description="ISO interval start/end")
    location: str | None = None
    harm: str | None = None
    victims: str | None = None
    span: Span
    rule: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")


class Source(_Strict):
    id: str
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None
    published: dt.date | None = None
    byline: str | None = None


class FactSheet(_Strict):
    schema_version: Literal[1] = SCHEMA_VERSION
    source: Source
    facts: list[Fact]

    def to_data(self) -> dict[str, Any]:
        """Plain data in the file's key order, without empty optional fields."""
        return self.model_dump(mode="json", exclude_none=True)


def json_schema() -> dict[str, Any]:
    schema = FactSheet.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "factsheet fact sheet",
        **schema,
    }
