"""Quantities: exact intervals, quantities with a central value, a rounding and a hedged
interval, the one pint registry with the newsroom's unit definitions, and number
formatting.  The ground floor of the pipeline: imports nothing of claimcheck's but
`diagnostics` (docs/architecture.md)."""
