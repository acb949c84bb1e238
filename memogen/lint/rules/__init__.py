"""The lint rules for service standards, one module per family.

`catalog` is the one table of ids, names, severities and rationales; it imports
nothing from memogen, so the config model can list the rule ids. The checks live
in `completeness`, `plain_language` and `typography`; `memogen.lint.engine` runs them.
"""
