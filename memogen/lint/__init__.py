"""Beside the pipeline: `memogen lint` runs the rules of `rules/` on what validation
accepted (`engine`), and keeps the accepted findings in a baseline file (`baseline`).
"""
