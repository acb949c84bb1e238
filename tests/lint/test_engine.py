"""`memogen lint`: every rule fails on a bad example and passes a good one, verbatim.

Two clean standards (Russian and English) are the passing examples of every rule;
each failing example changes one thing in them and expects the exact message, hint,
severity and the line and column of the text at fault.
"""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.errors import Issue
from memogen.findings import Findings
from memogen.lint.engine import CHECKS, lint
from memogen.lint.rules.catalog import RULES
from memogen.lint.rules.text import sentences, words

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2027, 1, 1)

RU = """\
memogen: 1
id: office-supplies
title: Канцелярские товары
language: ru
version: "1.0"
effective: 2026-12-01
department: Отдел снабжения
summary: |
  Выдаём ручки, бумагу и блокноты сотрудникам. Заявка — одна строка в форме.
owner:
  name: Ирина Петрова
  email: i.petrova@example.com
request:
  channel: form
  form_name: Заявка на канцелярию
  form_url: https://intranet.example.com/forms/office
  steps:
    - Откройте [форму](https://intranet.example.com/forms/office?a="b").
    - Нажмите «Отправить».
inputs:
  - name: Что нужно
    example: Бумага A4, 2 пачки
    required: true
  - name: Кабинет
    required: false
stages:
  - name: Приём заявки
    performer: Менеджер по закупкам
    deadline: 1 рабочий день
    result: Клиент получил номер заявки
  - name: Выдача
    performer: Кладовщик
    deadline: 1 рабочий день
    result: Товар выдан по накладной
deadline: 2 рабочих дня
result:
  criteria:
    - Всё, что в заявке, выдано
  delivery: |
    Заберите товар на складе, каб. 104, с 10:00 до 17:00.
    - Крупное привезём сами.
contacts:
  - name: Пётр Смирнов
    phone: "+7 495 123-45-68"
    when: Нет ответа за один день
feedback:
  url: https://survey.example.com/office
poster:
  slogan: Всё для работы — за два дня
"""

EN = """\
memogen: 1
id: help-desk
title: Help with small things
language: en
version: "1.0"
effective: 2026-12-01
department: Support desk
summary: We help colleagues with small things. You get an answer within a day.
owner:
  name: Ann Lee
  email: ann.lee@example.com
request:
  channel: form
  form_url: https://intranet.example.com/forms/help
  steps:
    - Open the form.
    - Describe the problem in two or three sentences.
inputs:
  - name: What is wrong
    example: The printer in room 4 prints blank pages
    required: true
stages:
  - name: Registration
    performer: Support engineer
    deadline: 1 business day
    result: You get a request number
  - name: Work
    performer: Support engineer
    deadline: 2 business days
    result: We fix the problem and tell you
deadline: 3 business days
result:
  criteria:
    - The problem is gone
  delivery: We tell you by email.
contacts:
  - name: Bob Stone
    email: bob.stone@example.com
    when: No answer within a day
feedback:
  url: https://survey.example.com/help
poster:
  slogan: Small things, fixed fast
"""

RU_FILE = "standards/office-supplies.yaml"
EN_FILE = "standards/help-desk.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repo, made the current folder; `memogen lint` there counts from TODAY."""
    (tmp_path / "standards").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_of(TODAY))
    return tmp_path


def epoch_of(day: date) -> str:
    """SOURCE_DATE_EPOCH for the start of `day` (UTC)."""
    return str(int(datetime.combine(day, time(), UTC).timestamp()))


def run(
    repo: Path, text: str, config: str | None = None, today: date = TODAY, **kwargs: bool
) -> Findings:
    """Lint one standard (its id decides the file name) with an optional memogen.yaml."""
    name = RU_FILE if "id: office-supplies" in text else EN_FILE
    (repo / name).write_text(text, encoding="utf-8")
    if config is not None:
        (repo / "memogen.yaml").write_text(config, encoding="utf-8")
    return lint([], None, today=today, **kwargs)


def of(findings: Findings, rule: str) -> list[Issue]:
    return [issue for issue in findings.issues if issue.rule == rule]


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of the nth occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def change(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def issue(
    file: str, place: tuple[int, int], path: str, message: str, hint: str, severity: str, rule: str
) -> Issue:
    return Issue(file, place[0], place[1], path, message, hint, severity, rule)  # type: ignore[arg-type]


# --- the catalogue and the passing examples ---------------------------------------------------


def test_every_rule_has_a_check_and_a_docs_entry() -> None:
    docs = (REPO / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    flowing = " ".join(docs.split())
    assert set(CHECKS) == {rule.id for rule in RULES}
    for rule in RULES:
        assert f"## {rule.id} {rule.name}\n\n**{rule.severity}** · " in docs, rule.id
        assert (
            f"| [{rule.id}](#{rule.id.lower()}-{rule.name}) | {rule.name} | {rule.severity} |"
            in docs
        ), rule.id
        assert f"**{rule.severity}** · {rule.rationale}" in flowing, rule.id
        section = docs.split(f"## {rule.id} ")[1].split("\n## ")[0]
        assert "Bad" in section and "Good" in section, rule.id


@pytest.mark.parametrize("text", [RU, EN], ids=["ru", "en"])
def test_the_clean_standards_have_no_findings(repo: Path, text: str) -> None:
    findings = run(repo, text)
    assert findings.issues == []
    assert findings.files == [RU_FILE if text is RU else EN_FILE]


def test_the_example_standards_lint_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    findings = lint([], None, today=TODAY)
    assert [issue.text() for issue in findings.issues] == []
    assert len(findings.files) == len(list((REPO / "standards").glob("*.yaml")))


# --- MG1xx completeness -------------------------------------------------------------------


def test_mg101_a_required_input_without_example(repo: Path) -> None:
    text = change(EN, "    example: The printer in room 4 prints blank pages\n", "")
    assert of(run(repo, text), "MG101") == [
        issue(
            EN_FILE,
            where(text, "name: What is wrong"),
            "inputs.1",
            "the required input 'What is wrong' has no example",
            "add 'example:' with a filled-in sample of what to write",
            "warning",
            "MG101",
        )
    ]


def test_mg101_an_optional_input_needs_no_example(repo: Path) -> None:
    assert "Кабинет\n    required: false" in RU
    assert of(run(repo, RU), "MG101") == []


def test_mg102_a_stage_without_performer(repo: Path) -> None:
    text = change(RU, "    performer: Кладовщик\n", "")
    assert of(run(repo, text), "MG102") == [
        issue(
            RU_FILE,
            where(text, "name: Выдача"),
            "stages.2",
            "the stage 'Выдача' has no performer",
            "add 'performer:' with the role that does this stage",
            "warning",
            "MG102",
        )
    ]


def test_mg103_a_stage_without_result(repo: Path) -> None:
    text = change(EN, "    result: You get a request number\n", "")
    assert of(run(repo, text), "MG103") == [
        issue(
            EN_FILE,
            where(text, "name: Registration"),
            "stages.1",
            "the stage 'Registration' has no result",
            "add 'result:' saying what exists when the stage is done",
            "warning",
            "MG103",
        )
    ]


def test_mg104_a_contact_without_email_or_phone(repo: Path) -> None:
    text = change(EN, "    email: bob.stone@example.com\n", "")
    assert of(run(repo, text), "MG104") == [
        issue(
            EN_FILE,
            where(text, "name: Bob Stone"),
            "contacts.1",
            "the contact 'Bob Stone' has no email or phone",
            "add 'email:' or 'phone:' so that clients can reach this person",
            "error",
            "MG104",
        )
    ]


def test_mg104_a_phone_alone_is_a_channel(repo: Path) -> None:
    assert "phone:" in RU and "Пётр Смирнов\n    phone" in RU
    assert of(run(repo, RU), "MG104") == []


def test_mg105_a_portal_without_form_url(repo: Path) -> None:
    text = change(
        change(EN, "channel: form", "channel: portal"),
        "  form_url: https://intranet.example.com/forms/help\n",
        "",
    )
    assert of(run(repo, text), "MG105") == [
        issue(
            EN_FILE,
            where(text, "portal"),
            "request.channel",
            "the 'portal' channel has no form_url",
            "add 'form_url: https://…' under request; the poster prints it as a QR code",
            "error",
            "MG105",
        )
    ]


def test_mg105_an_email_request_needs_no_form_url(repo: Path) -> None:
    text = change(
        EN,
        "  channel: form\n  form_url: https://intranet.example.com/forms/help\n",
        "  channel: email\n  address: help@example.com\n",
    )
    assert of(run(repo, text), "MG105") == []


def test_mg106_no_feedback_link(repo: Path) -> None:
    text = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    assert of(run(repo, text), "MG106") == [
        issue(
            RU_FILE,
            (1, 1),
            "",
            "the standard has no feedback link",
            "add 'feedback:' with 'url: https://…' of a short survey",
            "warning",
            "MG106",
        )
    ]


def test_mg107_effective_too_long_ago(repo: Path) -> None:
    text = change(EN, "effective: 2026-12-01", "effective: 2024-12-01")
    assert of(run(repo, text), "MG107") == [
        issue(
            EN_FILE,
            where(text, "2024-12-01"),
            "effective",
            "the standard took effect on 2024-12-01, 761 days ago (more than 730)",
            "review it, then raise 'version' and set a new 'effective' date",
            "warning",
            "MG107",
        )
    ]


def test_mg107_exactly_the_limit_passes_and_the_limit_is_configurable(repo: Path) -> None:
    text = change(EN, "effective: 2026-12-01", "effective: 2025-01-01")  # 730 days before TODAY
    assert of(run(repo, text), "MG107") == []
    assert len(of(run(repo, text, today=date(2027, 1, 2)), "MG107")) == 1
    assert (
        of(run(repo, text, "lint:\n  max_age_days: 1000\n", today=date(2027, 1, 2)), "MG107") == []
    )


@pytest.mark.parametrize(("day", "stale"), [(date(2028, 11, 30), False), (date(2028, 12, 1), True)])
def test_mg107_counts_from_the_build_day_of_source_date_epoch_not_the_clock(
    repo: Path, monkeypatch: pytest.MonkeyPatch, day: date, stale: bool
) -> None:
    """`memogen lint` counts a standard's age as validation counts a review date: from
    SOURCE_DATE_EPOCH's day (the action sets the commit's), so a commit lints the same on
    any day and the tests do not change with the calendar."""
    (repo / EN_FILE).write_text(
        EN, encoding="utf-8"
    )  # effective 2026-12-01, 730 days before 2028-11-30
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_of(day))
    result = CliRunner().invoke(main, ["lint", "--format", "json"])
    rules = [finding["rule"] for finding in json.loads(result.stdout)["issues"]]
    assert ("MG107" in rules) is stale


# --- MG2xx plain language -----------------------------------------------------------------


LONG = (
    "Please write what you need, who will use it, when you need it and where we should "
    "bring it, so that we can plan the work"
)


def test_mg201_a_sentence_longer_than_the_limit(repo: Path) -> None:
    assert len(words(LONG)) == 26
    text = change(EN, "  delivery: We tell you by email.", f"  delivery: {LONG}.")
    assert of(run(repo, text), "MG201") == [
        issue(
            EN_FILE,
            where(text, "Please write what"),
            "result.delivery",
            "a sentence of 26 words, more than 25: 'Please write what you need, who …'",
            "split it into two or three short sentences",
            "warning",
            "MG201",
        )
    ]


def test_mg201_the_limit_itself_passes_and_sentences_are_counted_apart(repo: Path) -> None:
    exactly = LONG.removesuffix(" the work") + " it"
    assert len(words(exactly)) == 25
    text = change(EN, "  delivery: We tell you by email.", f"  delivery: {exactly}. {exactly}!")
    assert of(run(repo, text), "MG201") == []
    assert len(of(run(repo, text, "lint:\n  max_sentence_words: 20\n"), "MG201")) == 2


def test_sentences_end_at_paragraphs_and_list_items_not_at_abbreviations() -> None:
    assert sentences("Заберите товар, каб. 104, до 17:00. Крупное привезём.\n- Один\n- Два") == (
        "Заберите товар, каб. 104, до 17:00.",
        "Крупное привезём.",
        "Один",
        "Два",
    )
    assert words("Откройте [форму ЗК-1](https://x.example/a) до **10:00**") == [
        "Откройте",
        "[форму",
        "ЗК-1](https://x.example/a)",
        "до",
        "**10:00**",
    ]


def test_mg202_jargon_in_russian_with_a_suggestion(repo: Path) -> None:
    text = change(RU, "Выдаём ручки", "Осуществляем выдачу: ручки")
    assert of(run(repo, text), "MG202") == [
        issue(
            RU_FILE,
            where(text, "Осуществляем"),
            "summary",
            "'Осуществляем' is jargon",
            "write 'делать, проводить' instead",
            "warning",
            "MG202",
        )
    ]


def test_mg202_jargon_in_english_phrases(repo: Path) -> None:
    text = change(EN, "- Open the form.", "- Open the form in order to\n      start.")
    assert of(run(repo, text), "MG202") == [
        issue(
            EN_FILE,
            where(text, "in order to"),
            "request.steps.1",
            "'in order to' is jargon",
            "write 'to' instead",
            "warning",
            "MG202",
        )
    ]


def test_mg202_links_are_not_text_and_words_are_whole(repo: Path) -> None:
    text = change(
        EN,
        "- Open the form.",
        "- Open [the form](https://x.example/in-order-to). Our leverages are small.",
    )
    assert of(run(repo, text), "MG202") == []


def test_mg202_a_configured_list_replaces_the_built_in_one(repo: Path) -> None:
    text = change(EN, "- Open the form.", "- Open the widget form in order to start.")
    found = of(run(repo, text, "lint:\n  jargon:\n    en: [widget*]\n"), "MG202")
    assert [(i.message, i.hint) for i in found] == [
        ("'widget' is jargon", "say it in everyday words")
    ]


def test_mg203_passive_voice_in_english(repo: Path) -> None:
    text = change(EN, "  delivery: We tell you by email.", "  delivery: The file is sent by email.")
    assert of(run(repo, text), "MG203") == [
        issue(
            EN_FILE,
            where(text, "is sent"),
            "result.delivery",
            "passive voice: 'is sent'",
            "say who does it, e.g. 'we send the file' instead of 'the file is sent'",
            "info",
            "MG203",
        )
    ]


def test_mg203_active_voice_and_russian_standards_pass(repo: Path) -> None:
    assert "The problem is gone" in EN  # 'gone' is not a passive participle
    assert of(run(repo, EN), "MG203") == []
    findings = run(repo, RU)
    assert findings.skipped[RU_FILE]["MG203"] == "applies to standards in 'en' only"


# --- MG301 poster -------------------------------------------------------------------------


SLOGAN_24 = (
    "Small things fixed fast by friendly people who care about your day and your work, "
    "so write to us early and we will help"
)


def test_mg301_the_poster_over_its_default_word_budget(repo: Path) -> None:
    assert len(words(SLOGAN_24)) == 24
    slogan = SLOGAN_24 + " you"
    text = change(EN, "slogan: Small things, fixed fast", f"slogan: {slogan}")
    assert of(run(repo, text), "MG301") == [
        issue(
            EN_FILE,
            where(text, "Small things fixed"),
            "poster.slogan",
            "the poster has 31 words (title 4, slogan 25, stage names 2), more than the budget "
            "of 30",
            "shorten the slogan, the title or the stage names",
            "warning",
            "MG301",
        )
    ]


def test_mg301_the_budget_itself_passes(repo: Path) -> None:
    text = change(EN, "slogan: Small things, fixed fast", f"slogan: {SLOGAN_24}")
    assert of(run(repo, text), "MG301") == []


def test_mg301_the_message_counts_each_part(repo: Path) -> None:
    text = change(EN, "slogan: Small things, fixed fast", "slogan: One two three four five")
    assert of(run(repo, text, "lint:\n  poster_word_budget: 10\n"), "MG301") == [
        issue(
            EN_FILE,
            where(text, "One two"),
            "poster.slogan",
            "the poster has 11 words (title 4, slogan 5, stage names 2), more than the budget of 10",
            "shorten the slogan, the title or the stage names",
            "warning",
            "MG301",
        )
    ]


def test_mg301_without_a_slogan_points_at_the_title(repo: Path) -> None:
    text = change(EN, "poster:\n  slogan: Small things, fixed fast\n", "")
    assert [
        (i.path, (i.line, i.col))
        for i in of(run(repo, text, "lint:\n  poster_word_budget: 5\n"), "MG301")
    ] == [("title", where(text, "Help with"))]


# --- MG4xx Russian typography -------------------------------------------------------------


def test_mg401_straight_quotes(repo: Path) -> None:
    text = change(RU, "Нажмите «Отправить».", 'Нажмите "Отправить".')
    assert of(run(repo, text), "MG401") == [
        issue(
            RU_FILE,
            where(text, '"Отправить'),
            "request.steps.2",
            'straight quotes in "Отправить"',
            "use «ёлочки»: «…» (and „лапки“ for quotes inside quotes)",
            "warning",
            "MG401",
        )
    ]


def test_mg401_quotes_in_links_and_in_english_pass(repo: Path) -> None:
    assert '?a="b")' in RU  # a quote inside the link's address is not text
    assert of(run(repo, RU), "MG401") == []
    text = change(EN, "- Open the form.", '- Press "Submit".')
    assert of(run(repo, text), "MG401") == []


def test_mg402_hyphens_used_as_dashes_each_located(repo: Path) -> None:
    text = change(
        RU,
        "  delivery: |\n    Заберите товар на складе, каб. 104, с 10:00 до 17:00.",
        "  delivery: |\n    Заберите товар - на складе.\n    Склад -- каб. 104.",
    )
    assert of(run(repo, text), "MG402") == [
        issue(
            RU_FILE,
            where(text, " - на"),
            "result.delivery",
            "a hyphen used as a dash in 'товар - на'",
            "write a dash with spaces around it: ' — '; for ranges of numbers write '–' "
            "without spaces, e.g. 3–5",
            "warning",
            "MG402",
        ),
        issue(
            RU_FILE,
            where(text, " -- каб"),
            "result.delivery",
            "a hyphen used as a dash in 'Склад -- каб.'",
            "write a dash with spaces around it: ' — '; for ranges of numbers write '–' "
            "without spaces, e.g. 3–5",
            "warning",
            "MG402",
        ),
    ]


def test_mg402_dashes_list_items_and_compound_words_pass(repo: Path) -> None:
    assert "Заявка — одна" in RU and "\n    - Крупное" in RU
    text = change(RU, "Отдел снабжения", "ИТ-служба")
    assert of(run(repo, text), "MG402") == []


def test_mg403_a_number_glued_to_its_unit(repo: Path) -> None:
    text = change(RU, "example: Бумага A4, 2 пачки", "example: Бумага 80г/м², 500₽ за пачку")
    found = of(run(repo, text), "MG403")
    hint = (
        "put a space between the number and the unit, e.g. '5 кг': memogen keeps them on one line"
    )
    assert found == [
        issue(
            RU_FILE,
            where(text, "80г"),
            "inputs.1.example",
            "a number glued to its unit in '80г'",
            hint,
            "info",
            "MG403",
        ),
        issue(
            RU_FILE,
            where(text, "500₽"),
            "inputs.1.example",
            "a number glued to its unit in '500₽'",
            hint,
            "info",
            "MG403",
        ),
    ]


def test_mg403_ordinary_spaces_thousands_dates_and_counts_pass(repo: Path) -> None:
    text = change(
        RU,
        "example: Бумага A4, 2 пачки",
        "example: Бумага 80 г/м², 10%, 15 000 ₽, 2 пачки к 10 марта 2027 года",
    )
    assert of(run(repo, text), "MG403") == []


# --- placing a finding --------------------------------------------------------------------


def test_a_fragment_in_a_quoted_value_is_found_after_the_quote(repo: Path) -> None:
    text = change(RU, "    when: Нет ответа за один день", '    when: "Нет - ответа за день"')
    [found] = of(run(repo, text), "MG402")
    line, col = where(text, "Нет - ")
    assert (found.line, found.col) == (line, col + 3)


def test_a_fragment_that_cannot_be_found_points_at_the_value(repo: Path) -> None:
    # Markdown emphasis splits 'in **order** to' in the file; the reader sees 'in order to'.
    text = change(EN, "- Open the form.", "- Open the form in **order** to start.")
    [found] = of(run(repo, text), "MG202")
    assert (found.line, found.col) == where(text, "Open the form in")


# --- configuration ------------------------------------------------------------------------


def test_a_disabled_rule_does_not_run(repo: Path) -> None:
    text = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    findings = run(repo, text, "lint:\n  disable: [MG106]\n")
    assert of(findings, "MG106") == []
    assert "MG106" not in {rule.id for rule in findings.rules}


def test_a_configured_severity_replaces_the_default(repo: Path) -> None:
    text = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    [found] = of(run(repo, text, "lint:\n  severity:\n    MG106: error\n"), "MG106")
    assert found.severity == "error"


def test_an_unknown_rule_is_a_located_config_error(repo: Path) -> None:
    findings = run(repo, RU, "lint:\n  disable: [MG106, MG601]\n  severity:\n    MG1O1: info\n")
    assert [i.text() for i in findings.issues] == [
        "memogen.yaml:2:20: error: lint.disable.2: 'MG601' is not a lint rule "
        "(did you mean 'MG401'?)",
        "memogen.yaml:4:5: error: lint.severity.MG1O1: unknown key 'MG1O1' (did you mean 'MG101'?)",
    ]


def test_a_wrong_severity_and_unknown_lint_key_are_config_errors(repo: Path) -> None:
    findings = run(repo, RU, "lint:\n  severity:\n    MG101: fatal\n  baseline_file: x\n")
    assert [i.text() for i in findings.issues] == [
        "memogen.yaml:3:12: error: lint.severity.MG101: 'fatal' is not allowed here "
        "(use one of: error, warning, info)",
        "memogen.yaml:4:3: error: lint.baseline_file: unknown key 'baseline_file' "
        "(did you mean 'baseline'?)",
    ]


# --- invalid files ------------------------------------------------------------------------


def test_an_invalid_standard_is_reported_and_not_linted(repo: Path) -> None:
    text = change(EN, "deadline: 3 business days", "deadline: 2 business days")
    findings = run(repo, text)
    assert [(i.rule, i.path) for i in findings.issues] == [("", "deadline")]
    assert set(findings.skipped[EN_FILE].values()) == {
        "the file is not valid; fix its errors first"
    }


# --- the baseline -------------------------------------------------------------------------


def test_the_baseline_hides_accepted_findings_until_the_value_changes(repo: Path) -> None:
    text = change(EN, "    example: The printer in room 4 prints blank pages\n", "")
    (repo / EN_FILE).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--write-baseline"])
    assert (result.exit_code, result.stderr) == (
        0,
        "accepted 1 finding(s) in .memogen-lint-baseline.json\n",
    )
    recorded = json.loads((repo / ".memogen-lint-baseline.json").read_text(encoding="utf-8"))
    assert recorded["version"] == 1
    assert [(f["file"], f["rule"], f["path"]) for f in recorded["findings"]] == [
        (EN_FILE, "MG101", "inputs.1")
    ]

    findings = lint([], None, today=TODAY)
    assert (findings.issues, findings.hidden) == ([], 1)
    result = CliRunner().invoke(main, ["lint"])
    assert result.stdout == "1 file checked, no findings; 1 accepted in the baseline\n"

    moved = "# a comment that moves every line down\n" + text
    (repo / EN_FILE).write_text(moved, encoding="utf-8")
    assert lint([], None, today=TODAY).hidden == 1

    edited = change(moved, "name: What is wrong", "name: What went wrong")
    (repo / EN_FILE).write_text(edited, encoding="utf-8")
    findings = lint([], None, today=TODAY)
    assert [(i.rule, i.message) for i in findings.issues] == [
        ("MG101", "the required input 'What went wrong' has no example")
    ]
    assert len(lint([], None, today=TODAY, use_baseline=False).issues) == 1


def test_the_baseline_never_accepts_validation_errors(repo: Path) -> None:
    (repo / EN_FILE).write_text(
        change(EN, "deadline: 3 business", "deadline: 2 business"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["lint", "--write-baseline"])
    assert result.exit_code == 1
    assert "error: deadline: the stages add up" in result.stdout
    recorded = json.loads((repo / ".memogen-lint-baseline.json").read_text(encoding="utf-8"))
    assert recorded["findings"] == []
    assert lint([], None, today=TODAY).issues[0].path == "deadline"


def test_a_broken_baseline_is_a_located_error(repo: Path) -> None:
    (repo / ".memogen-lint-baseline.json").write_text("{not json", encoding="utf-8")
    (repo / EN_FILE).write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint"])
    assert (result.exit_code, result.stderr) == (
        1,
        ".memogen-lint-baseline.json:1:1: error: cannot read the lint baseline: it is not a "
        "memogen baseline (write it again with 'memogen lint --write-baseline')\n",
    )


def test_the_baseline_file_is_configurable(repo: Path) -> None:
    text = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    run(repo, text, "lint:\n  baseline: ci/accepted.json\n")
    result = CliRunner().invoke(main, ["lint", "--write-baseline"])
    assert result.stderr == "accepted 1 finding(s) in ci/accepted.json\n"
    assert (repo / "ci" / "accepted.json").is_file()
    assert lint([], None, today=TODAY).hidden == 1


@pytest.mark.parametrize(
    "baseline", ["ABSOLUTE", "../outside.json", "ci/../../outside.json", "linked.json"]
)
def test_the_baseline_must_stay_inside_the_repo(repo: Path, baseline: str) -> None:
    baseline = baseline.replace("ABSOLUTE", str(repo.parent / "outside.json"))
    (repo / "linked.json").symlink_to(repo.parent / "outside.json")
    (repo / EN_FILE).write_text(EN, encoding="utf-8")
    (repo / "memogen.yaml").write_text(f"lint:\n  baseline: {baseline}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--write-baseline"])
    assert (result.exit_code, result.stdout) == (
        1,
        f"memogen.yaml:2:13: error: lint.baseline: the lint baseline '{baseline}' is outside "
        "the repo (name a file inside the repo, e.g. .memogen-lint-baseline.json)\n",
    )
    assert not (repo.parent / "outside.json").exists()


def test_an_unwritable_baseline_is_a_one_sentence_user_error(repo: Path) -> None:
    (repo / EN_FILE).write_text(EN, encoding="utf-8")
    (repo / "memogen.yaml").write_text("lint:\n  baseline: standards\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--write-baseline"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"cannot write the lint baseline standards: {os.strerror(errno.EISDIR)} "
        "(make its folder writable, "
        "or set lint.baseline in memogen.yaml to another file)\n",
    )


# --- the command line ---------------------------------------------------------------------


def test_cli_exit_codes_follow_fail_on(repo: Path) -> None:
    warning_only = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    (repo / RU_FILE).write_text(warning_only, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["lint"]).exit_code == 0
    assert runner.invoke(main, ["lint", "--fail-on", "warning"]).exit_code == 1
    error = change(warning_only, '    phone: "+7 495 123-45-68"\n', "")
    (repo / RU_FILE).write_text(error, encoding="utf-8")
    assert runner.invoke(main, ["lint"]).exit_code == 1
    assert runner.invoke(main, ["lint", "--fail-on", "never"]).exit_code == 0
    assert runner.invoke(main, ["lint", "--fail-on", "sometimes"]).exit_code == 2


def test_cli_text_output_names_the_rule(repo: Path) -> None:
    text = change(RU, "feedback:\n  url: https://survey.example.com/office\n", "")
    (repo / RU_FILE).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint"])
    assert result.stdout == (
        f"{RU_FILE}:1:1: warning: the standard has no feedback link (add 'feedback:' with "
        "'url: https://…' of a short survey) [MG106]\n"
        "1 file checked: 0 error(s), 1 warning(s)\n"
    )


def test_lint_with_a_base_revision_flags_a_breaking_change_without_a_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from click.testing import CliRunner

    from memogen.cli import main
    from tests.conftest import VALID_STANDARD_FILE

    tiny = VALID_STANDARD_FILE.read_text(encoding="utf-8")
    standard = tmp_path / "standards" / "tiny-service.yaml"
    standard.parent.mkdir()
    standard.write_text(tiny, encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "first"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )
    standard.write_text(tiny.replace("\ndeadline: 3 business", "\ndeadline: 5 business"), "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["lint", "--base", "HEAD", "--no-baseline"])
    assert result.exit_code == 1
    assert (
        "standards/tiny-service.yaml:5:10: error: version: 1 breaking change(s) since the base "
        "revision (deadline: The total time is longer: was 3 business days, now 5 business "
        "days) but no new version with its history entry (raise 'version', and add its entry "
        "first under 'history' with what changed) [MG109]" in result.output
    )
    assert "MG109" not in CliRunner().invoke(main, ["lint", "--no-baseline"]).output
