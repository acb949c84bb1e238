"""atheris fuzz target: YAML bytes → loader → models. Only located UserErrors may come out.

Not collected by pytest; CI runs it for a bounded time with a corpus seeded from the fixtures:

    pip install -c constraints.txt -e '.[fuzz]'
    mkdir -p /tmp/memogen-corpus
    cp tests/fixtures/good/*.yaml tests/fixtures/bad/*/standards/*.yaml /tmp/memogen-corpus/
    python tests/adversarial/fuzz_loader.py -max_total_time=30 -rss_limit_mb=512 \
        -timeout=2 /tmp/memogen-corpus

libFuzzer stops at the first crash (any exception but UserError, a malformed Issue, a
RecursionError, more than 2 s for one input or more than 512 MB) and writes the input
to crash-<hash> in the current folder.
"""

from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["memogen"]):
    from memogen.data.config_model import Config
    from memogen.data.loader import load_bytes
    from memogen.data.models import Standard
    from memogen.data.wording import to_model
    from memogen.errors import UserError

FILE = "standards/fuzz.yaml"
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a new line


def test_one_input(data: bytes) -> None:
    """One input: every issue it yields names the file, a line and a column, and a message."""
    try:
        document = load_bytes(data, FILE)
    except UserError as exc:
        issues = exc.issues
    else:
        issues = to_model(Standard, document)[1] + to_model(Config, document)[1]
    lines = len(_BREAKS.split(data.decode("utf-8", "replace"))) + 1
    for issue in issues:
        if issue.file != FILE or not 1 <= issue.line <= lines or issue.col < 1:
            raise AssertionError(f"badly located issue: {issue}")
        if not issue.message or "Traceback" in issue.text():
            raise AssertionError(f"issue without a proper message: {issue}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
