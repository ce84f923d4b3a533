"""Things that happened to comments, for parts of Civility that want to know.

These signals only inform (caches, notifications, triage); no receiver can stop
or alter what happened.
"""

from django.dispatch import Signal

#: sent with ``comment`` once a submitted comment is stored
comment_submitted = Signal()

#: sent with ``comments`` (a list) whose public status just changed; by a moderation decision,
#: also with ``decisions`` (the audit rows, in the same order)
comment_status_changed = Signal()
