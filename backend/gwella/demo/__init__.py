"""Demo data: a fictional partnership around the coastal Welsh city of Abermor (``data``),
loaded idempotently by ``loader.load_demo``."""
