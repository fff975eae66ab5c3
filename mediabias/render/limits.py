"""Sizes at which a view changes its layout (kept apart so the command
line's --help can name them without importing a renderer)."""

# `report` above this many articles writes the corpus-level view (the
# comparison and charts, no article texts) unless --all is given: 1,300
# articles with their texts made a 62 MB page no browser rendered in minutes.
REPORT_ALL_UP_TO = 200
# terminal tables: below this many columns a table that needs them is laid
# out as one card per row instead
WIDE_TABLE_AT = 120
