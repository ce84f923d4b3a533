"""Watching Civility run: Prometheus metrics at ``/metrics`` and the format of log lines."""
