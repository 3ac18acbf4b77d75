"""The fact-sheet model (pydantic).  `schemas/factsheet.schema.json` is generated from it.

Field order here is the key order of every written sheet.  Optional fields that are None are
left out of the files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal[1] = 1
SCHEMA_ID = "https://github.com/factsheet/factsheet/schemas/factsheet.schema.json"

Family = Literal["aid", "spending", "exercise", "casualties", "other"]
Qualifier = Literal[
    "exact", "approximate", "nearly", "more_than", "at_least", "less_than", "at_most"
]
# Every integer fits SQLite's (and every other database's) signed 64-bit integer; no float is
# NaN or infinite.  Both are refused by the model and by the JSON Schema.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
Int = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
# A float this large is a whole number anyway (doubles are integral beyond 2^53).
Float = Annotated[float, Field(allow_inf_nan=False, gt=INT64_MIN, lt=2**63)]
Number = Int | Float


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
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Span(_Strict):
    start: int = Field(
        ge=0, le=INT64_MAX, description="Unicode code point offset into the decoded text"
    )
    end: int = Field(ge=0, le=INT64_MAX, description="end offset, exclusive")
    line: int = Field(ge=1, le=INT64_MAX, description="1-based line of the start offset")
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
    donor: str | list[str] | None = None  # several: "Germany and France will each give ..."
    recipient: str | list[str] | None = None
    scope: Literal["package", "cumulative", "component"] | None = None
    since: Int | None = None
    restates: str | None = Field(None, description="id of the fact this amount restates")
    part_of: str | None = Field(None, description="id of the total this figure is part of")
    subject: str | list[str] | None = None
    status: Literal["actual", "target", "commitment"] | None = None
    year: Int | None = None
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

    @model_validator(mode="after")
    def _unique_fact_ids(self) -> FactSheet:
        first: dict[str, int] = {}
        for i, fact in enumerate(self.facts):
            if fact.id in first:
                raise ValueError(f"duplicate fact id {fact.id} (facts[{first[fact.id]}] and [{i}])")
            first[fact.id] = i
        return self

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
