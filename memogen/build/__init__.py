"""Plan and write: what each output was made from (so only stale work is rendered), and the
staging folder moved into place atomically under a lock.
"""
