"""Partial dates: `2025`, `2025-06` or `2025-06-13`, sorted and shown honestly."""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [calendar.month_name[m] for m in range(13)]


class DateError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        match = _DATE.match(text.strip())
        if not match:
            raise DateError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if match.group(2) and not 1 <= month <= 12:
            raise DateError(f"'{text}' has no month {month:02d}; months run 01 to 12")
        if match.group(3):
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(f"'{text}' is not a real date: {MONTHS[month]} {year} has {last} days")
        return cls(year, month, day)

    def definitely_after(self, other: "PartialDate") -> bool:
        """True when this date is later than `other` at every day either could be."""
        if self.year != other.year:
            return self.year > other.year
        if not (self.month and other.month) or self.month != other.month:
            return bool(self.month and other.month) and self.month > other.month
        return bool(self.day and other.day) and self.day > other.day

    def as_date(self) -> datetime.date:
        """The earliest day it could be."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """'13 June 2025', 'June 2025' or '2025': never more precise than we know."""
        if self.day:
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()
