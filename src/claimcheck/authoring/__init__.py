"""Authoring: tools for writing claim files: `extract` (article → draft), drafting,
scaffolding for `new`, and `lint`.  Imports `checking` and everything below it; never a
renderer or the CLI (docs/architecture.md)."""
