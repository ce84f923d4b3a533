from django import forms

from civility.notifications.models import ModeratorAlerts


class AlertsForm(forms.ModelForm):
    class Meta:
        model = ModeratorAlerts
        fields = ("high_risk", "waiting_minutes", "daily_digest", "digest_hour")
