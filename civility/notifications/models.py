"""What a site sends, who asked not to get it, and the outbox of every message."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civility.comments.models import Comment
from civility.publishing.models import Site


class Kind(models.TextChoices):
    """The kinds of message; each can be turned off per site and unsubscribed from per address."""

    APPROVED = "approved", _("Your comment is live")
    REJECTED = "rejected", _("Your comment was not published")
    REPLY = "reply", _("A reply to your comment")
    # to moderators (their own settings, ModeratorAlerts; a site cannot turn these off)
    HIGH_RISK_ALERT = "alert_high_risk", _("A high-risk comment arrived")
    WAITING_ALERT = "alert_waiting", _("Comments are waiting too long")
    DIGEST = "digest", _("The daily digest")
    CONFIRM = "confirm", _("Please confirm your email address")


class SiteNotifications(models.Model):
    """A site's choices about the mail its commenters get (created with the defaults on first use)."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, primary_key=True, related_name="notifications")
    email_on_approval = models.BooleanField(
        _("email on approval"), default=True, help_text=_('Tell the commenter "your comment is live", with a link.'))
    email_on_rejection = models.BooleanField(
        _("email on rejection"), default=True,
        help_text=_("Tell the commenter why, in the words of the policy (a statement of reasons)."))
    email_on_reply = models.BooleanField(
        _("email on reply"), default=True,
        help_text=_('Tell commenters who ticked "email me replies" when a reply to them is published.'))
    reply_to = models.EmailField(
        _("reply-to address"), blank=True,
        help_text=_("Where readers' answers to these messages go (appeals of a rejection, say)."))
    confirm_email = models.BooleanField(
        _("confirm email before moderation"), default=False,
        help_text=_("A reader's first comment from an address waits, out of the queue, until they follow a "
                    "link sent to it; confirmed addresses are remembered."))

    class Meta:
        verbose_name = _("site notification settings")
        verbose_name_plural = _("site notification settings")

    def __str__(self) -> str:
        return str(self.site)

    def sends(self, kind: str) -> bool:
        return {Kind.APPROVED: self.email_on_approval, Kind.REJECTED: self.email_on_rejection,
                Kind.REPLY: self.email_on_reply}.get(kind, True)


class Unsubscribe(models.Model):
    """An address that asked for no more messages of one kind (through a signed link)."""

    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["email", "kind"], name="unsubscribe_email_kind")]

    def __str__(self) -> str:
        return f"{self.email}: no {self.kind}"


class ReplyWatch(models.Model):
    """The commenter ticked "email me replies" when posting this comment."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, primary_key=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"replies to #{self.comment_id}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")
    CANCELLED = "cancelled", _("No longer true")


class Email(models.Model):
    """One message, written once under ``key`` and sent (or retried) by the background tasks."""

    #: what the message is about, e.g. ``approved:41``: the same event never writes two messages
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    #: when a queued message is (next) due; also a lease: a sender sets it ahead before trying
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["next_attempt_at"], name="email_due_idx",
                                condition=models.Q(status="queued"))]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to} ({self.status})"


class Event(models.TextChoices):
    """What a webhook can be told about."""

    SUBMITTED = "comment.submitted", _("A comment was submitted")
    DECIDED = "comment.decided", _("A comment was approved, rejected or a decision undone")
    HIGH_RISK = "comment.high_risk", _("A high-risk comment arrived")
    CAMPAIGN = "campaign.detected", _("A copy-paste campaign was detected")


class WebhookFormat(models.TextChoices):
    JSON = "json", _("JSON (Civility's own)")
    SLACK = "slack", _("Slack-compatible ({\"text\": …})")


def new_secret() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    """An address that gets a signed JSON POST for each event it subscribed to."""

    name = models.CharField(_("name"), max_length=120)
    url = models.CharField(_("URL"), max_length=500,
                           help_text=_("http:// or https:// address that receives the POSTs."))
    secret = models.CharField(
        _("secret"), max_length=200, default=new_secret,
        help_text=_("Signs every delivery (X-Civility-Signature); at least 16 characters. Share it with the receiver."))
    events = models.JSONField(_("events"), default=list, blank=True)
    format = models.CharField(_("format"), max_length=16, choices=WebhookFormat.choices, default=WebhookFormat.JSON)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.active and event in self.events


class WebhookDelivery(models.Model):
    """One event POSTed (or being tried) to one webhook: the delivery log."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    #: webhook, event and what it is about (``3:comment.decided:41``): each is delivered once
    key = models.CharField(max_length=200, unique=True)
    event = models.CharField(max_length=40, choices=Event.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.CharField(max_length=500, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["next_attempt_at"], name="webhook_delivery_due_idx",
                                condition=models.Q(status="queued"))]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook} ({self.status})"


class ModeratorAlerts(models.Model):
    """What one moderator wants to hear by email (edited on /notifications/alerts/)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                related_name="alerts")
    high_risk = models.BooleanField(_("email me when a high-risk comment arrives"), default=False)
    waiting_minutes = models.PositiveIntegerField(
        _("email me when the oldest pending comment has waited longer than (minutes)"), null=True, blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(7 * 24 * 60)],
        help_text=_("Empty: never. At most one such email per that many minutes."))
    daily_digest = models.BooleanField(_("send me a daily digest"), default=False)
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the digest (UTC)"), default=7, validators=[MaxValueValidator(23)])
    #: state of the periodic task: when the last "waiting" alert went, the day of the last digest
    waiting_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("moderator's alerts")
        verbose_name_plural = _("moderators' alerts")

    def __str__(self) -> str:
        return str(self.user)


class ConfirmedAddress(models.Model):
    """An address whose owner followed a confirmation link: its comments go straight to the queue."""

    email = models.EmailField(max_length=254, unique=True)
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = _("confirmed addresses")

    def __str__(self) -> str:
        return self.email
