"""Layer 4, presentation: words, number formats, tables for readers, charts and chart data files.

May import every layer below it; nothing below imports it.
"""
