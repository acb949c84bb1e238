"""The lint rules for service standards, one module per family.

`catalog` is the one table of ids, names, severities and rationales; it imports
only `errors.Severity`, so the config's `lint:` model (data/lint_settings.py) can list
the rule ids without the checks. The checks live
in `completeness`, `plain_language` and `typography`; `memogen.lint.engine` runs them.
"""
