"""Partial dates sort and display honestly."""
import pytest

from briefing.dates import DateError, PartialDate


def test_partial_dates_sort_year_before_month_before_day():
    dates = sorted(PartialDate.parse(t) for t in ["2025-06-13", "2025", "2025-06", "2024-12-31"])
    assert [d.iso() for d in dates] == ["2024-12-31", "2025", "2025-06", "2025-06-13"]


@pytest.mark.parametrize("text, shown", [("2025", "2025"), ("2025-06", "June 2025"),
                                         ("2025-06-13", "13 June 2025"), ("2024-02-29", "29 February 2024")])
def test_display_is_never_more_precise_than_known(text, shown):
    assert PartialDate.parse(text).display() == shown


@pytest.mark.parametrize("text, message", [
    ("2025-00", "'2025-00' has no month 00; months run 01 to 12"),
    ("2023-02-29", "'2023-02-29' is not a real date: February 2023 has 28 days"),
    ("13/06/2025", "'13/06/2025' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_bad_dates(text, message):
    with pytest.raises(DateError) as err:
        PartialDate.parse(text)
    assert str(err.value) == message
