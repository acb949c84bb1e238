"""`memogen diff`: what changed in a standard, classified by what it means to its clients.

A tool beside the pipeline (like `lint/`): it reads two states of the standards (a git
revision's and the working tree's, or two files), compares their models, classifies each
change by one table of rules (`rules.py`) and reports them or writes the change notices.
"""
