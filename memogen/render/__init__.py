"""Context and render: models to what templates print, then each output format's bytes, made
in warm worker processes (`worker` runs one job, `pool` keeps the bounded workers).
"""
