"""Renderers: one module per output format, each fed the same Report."""
