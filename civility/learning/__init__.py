"""Learning from moderators' decisions: how good each flag is, thresholds per site, a model that adapts.

Decisions are labels (``civility.triage.policy.REASON_LABELS``). This room reads them and the
triage reports through the moderation selectors, and writes only its own tables.
"""
