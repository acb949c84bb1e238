"""The data of the guide's offline calculator (templates/guide-calculator.js): the calendar's
exceptions to a Monday-to-Friday week, the working hours and every deadline in minutes."""

from __future__ import annotations

import json
import math
from typing import Any

from babel.dates import get_month_names

from memogen.data.clock import Clock
from memogen.data.durations import Duration
from memogen.data.models import Standard
from memogen.data.times import Span, minute_of
from memogen.render.labels import LABELS


def calculator_json(standard: Standard, clock: Clock, lang: str) -> str:
    """What the guide's calculator needs, as JSON safe inside a <script> element."""
    within = standard.request.acknowledge_within

    def span(duration: Duration) -> dict[str, Any]:
        minutes = math.ceil(duration.minutes(clock.workday_hours))
        return {"minutes": minutes, "business": duration.is_business}

    def minutes(span: Span | None) -> list[int] | None:
        return [minute_of(span.start), minute_of(span.end)] if span else None

    data = {
        **clock.calendar.exceptions(),
        "hours": minutes(clock.hours),
        "lunch": minutes(clock.lunch),
        "cutoff": minute_of(clock.cutoff) if clock.cutoff else None,
        "ack": span(within) if within else None,
        "stages": [span(stage.deadline) for stage in standard.stages],
        "deadline": span(standard.deadline),
        "months": list(get_month_names("wide", "format", lang).values()),
        "outside": LABELS[lang]["calc_outside"],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
