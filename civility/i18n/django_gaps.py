"""Words Django translates for most of our languages but not yet for Armenian: the units of
``timesince`` ("5 minutes" in "5 minutes ago" on the queue and history pages).

They are listed here only so that ``make messages`` puts them in our catalogs, which Django
reads before its own (``LOCALE_PATHS``); nothing imports this module's values.
"""

from django.utils.translation import ngettext_lazy

TIMESINCE_UNITS = (
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
)
