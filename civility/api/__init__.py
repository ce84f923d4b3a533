"""The JSON API (``/api/v1``), documented at ``/api/docs``.

Endpoints are thin: parse input, call a service or selector, shape the output.
"""
