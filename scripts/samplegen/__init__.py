"""The sample generator: `catalogue` (what samples/ holds), `seeds` and `written` (the seed samples and the
samples the project wrote, from `texts/`), `layouts` (hard PDF layouts), `dev` (the dev texts of ../shared
rendered when tests need them, never committed), `render` and `sites` (pages and PDFs), `shared` (../shared)."""
