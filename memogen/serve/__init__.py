"""`memogen serve`: the preview server, the live build (pages first, then PDFs and PNGs), the
watcher, what the browsers are told, and the error, preview and 404 pages.
"""
