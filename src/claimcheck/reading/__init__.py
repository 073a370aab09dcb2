"""Reading: text as a reporter wrote it → a figure (value, precision interval, unit,
hedge).  The lexer, number words, unit phrases, hedges, periods and the figure reader.
Imports `quantities` and `diagnostics` only (docs/architecture.md)."""
