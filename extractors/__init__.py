"""Plain-function extractors: bytes -> Document -> candidates -> records. No Prefect here."""
