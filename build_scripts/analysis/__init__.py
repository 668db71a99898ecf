"""Analysis: pure functions of a validated dataset, no templates, no files written.

Holds the national frame and totals, the shortage signals, structured diffs (between years and
against a git revision) and their text/Markdown/JSON reports, calendar entries and iCalendar
feeds, the status board, and small derived facts per region. It may import reading and contract.
"""
