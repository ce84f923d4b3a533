"""People behind the comments: sanctions (bans), the person page and moderators' notes."""
