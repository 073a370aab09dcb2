"""Checking: a claim file's environment, the engine, comparison and verdicts, the solver,
explain, calc, the report model and the lock.  Imports the stages below it
(`claimfile`, `expressions`, `reading`, `quantities`) and `diagnostics`; never a renderer
or the CLI (docs/architecture.md)."""
