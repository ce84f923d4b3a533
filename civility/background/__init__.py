"""Background work: Django's task API (the ``django-tasks`` backport) with a database queue.

A service that has slow or follow-up work enqueues a task once its transaction commits::

    from civility.background.queue import enqueue_on_commit
    from civility.triage import tasks

    enqueue_on_commit(tasks.campaign_rescore, campaign.pk)

``civility worker`` (``worker.py``) runs the queued tasks; plain ``civility serve`` starts
one for the embedded deployment. Workers report to the ``WorkerBeat`` table while they
live; a task whose worker stopped reporting is queued again (``recovery.py``), so tasks
must be idempotent: running one twice gives the same result as running it once.
"""
