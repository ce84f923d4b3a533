"""Triage: every comment arrives explained.

A pipeline of small *signals* reads a comment and adds evidence ("findings":
label, score, spans in the original text, reason). One policy module turns the
evidence into flags, a risk score and the queue order. Nothing here publishes or
rejects anything: moderators decide.

    doc = pipeline().run(Subject(text="f.u.c.k you"))
    report = policy.assess(doc)   # report.flags, report.risk, report.scores
"""
