"""The sample generator: `render` (pages and PDFs) and `catalogue` (which texts, how rendered)."""
