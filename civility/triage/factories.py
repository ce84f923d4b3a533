"""Every built-in signal is registered here, and only here.

Registering in one explicit module (not as a side effect of importing the
signal's own module) keeps import order irrelevant and lists, in one place,
what Civility ships. Each is imported the first time a pipeline uses it.
Plugins register through the ``civility.signals`` entry-point group instead.
"""

from civility.triage.registry import register_lazy

register_lazy("normalize.v1", "civility.triage.signals.basic:Normalize")
register_lazy("langid.v1", "civility.triage.signals.langid:LanguageId")
register_lazy("wordlist.v1", "civility.triage.signals.wordlist:WordList")
register_lazy("spam.v1", "civility.triage.signals.spam:SpamHeuristics")
register_lazy("spam.v2", "civility.triage.signals.spam_evidence:SpamEvidence")
register_lazy("history.v1", "civility.triage.signals.history:AuthorHistory")
register_lazy("duplicates.v1", "civility.triage.signals.duplicates:Duplicates")
register_lazy("akismet.v1", "civility.triage.signals.akismet:Akismet")
register_lazy("classifier.v1", "civility.classify.signal:Classifier")
