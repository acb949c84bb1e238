"""Load and validate: YAML bytes to frozen, checked models (and the JSON Schema and the
`memogen new` scaffold drawn from them).
"""
