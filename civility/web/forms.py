from django import forms
from django.utils.translation import gettext_lazy as _

from civility.moderation.models import Reason


class ActionForm(forms.Form):
    """What to do: approve, or reject with a reason from the policy."""

    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    reason = forms.ChoiceField(choices=[("", _("— reason —")), *Reason.choices], required=False)
    note = forms.CharField(required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Choose why the comment is rejected."))
        return data


class DecisionForm(ActionForm):
    """The action for one comment or a bulk selection (several ``ids``)."""

    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), error_messages={
        "required": _("Select at least one comment first.")})
    take_over = forms.BooleanField(required=False)  # decide even where a colleague is on it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any integer is acceptable here; the service reports ids that do not exist.
        self.fields["ids"].valid_value = lambda value: str(value).isdigit()
