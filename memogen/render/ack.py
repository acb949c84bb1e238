"""The acknowledgement sheet's table: a row for each person of memogen.yaml's staff CSV, and
blank rows to fill the page (a sheet without names is filled in by hand)."""

from __future__ import annotations

from typing import Any

from memogen.data.staff import StaffMember

FIRST_PAGE_ROWS = 20  # under the sheet's head, at 9 mm a row
NEXT_PAGE_ROWS = 28


def ack_rows(staff: tuple[StaffMember, ...]) -> list[dict[str, Any]]:
    """Numbered rows: the staff first, then blank ones up to the end of the last page."""
    count = FIRST_PAGE_ROWS
    while count < len(staff):
        count += NEXT_PAGE_ROWS
    people = [(member.name, member.position) for member in staff]
    people += [("", "")] * (count - len(people))
    return [
        {"number": number, "name": name, "position": position}
        for number, (name, position) in enumerate(people, 1)
    ]
