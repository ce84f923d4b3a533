"""Classifiers we train ourselves and ship inside the package (toxic, hate, insult, threat).

Only the small inference part is imported by the web process; training and
evaluation are offline tools (``civility model train|eval``).
"""
