"""One module per output format; each turns ready HTML or context into bytes."""
