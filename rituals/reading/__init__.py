"""The free-text reader: what an owner's weekly update says about each of their initiatives,
and how sure the reading is (a field a careful reader would hesitate on is asked, not stored).

Pure domain code: no Slack, no clock, no network. `read(text, context)` reads at most
`MAX_CHARS` characters, in time linear in the length of the text.
"""

from rituals.reading.model import Context, Field, Intent, Known, Last, Part, Reading
from rituals.reading.reader import MAX_CHARS, read

__all__ = ["MAX_CHARS", "Context", "Field", "Intent", "Known", "Last", "Part", "Reading", "read"]
