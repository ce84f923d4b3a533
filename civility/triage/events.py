"""Things that happened in triage, for parts of Civility that want to know (they only inform)."""

from django.dispatch import Signal

#: sent with ``comment``, ``report`` and ``seconds`` (the pipeline's run and storing the
#: report) each time a stored comment is triaged
comment_triaged = Signal()
