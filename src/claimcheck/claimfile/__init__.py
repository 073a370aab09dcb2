"""Claim files: the YAML loader with spans, the claim model and its JSON Schema, project
configuration, and bounded, symlink-aware file access.  Imports `reading`,
`quantities` and `diagnostics` only (docs/architecture.md)."""
