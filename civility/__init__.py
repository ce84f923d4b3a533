"""Civility: pre-moderated comments for newsrooms.

The packages follow a comment's life: ``publishing`` (sites and articles it is
posted under), ``comments`` (a reader submits, the thread shows approved ones),
``moderation`` (a moderator decides; every decision is an audit row),
``api`` and ``web`` (thin interfaces over those services), ``accounts`` (roles
and API tokens).
"""
