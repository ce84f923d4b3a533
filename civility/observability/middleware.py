"""Per-request notes for the metrics (and, below, the logs)."""

from __future__ import annotations

from civility.observability.metrics import ROUTE_KEY


class RouteTag:
    """Notes the matched URL pattern in the WSGI environ, where :func:`metrics.observed` reads
    it after the response: a bounded label (``api/v1/articles/<key>/comments``), never the path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None:
            request.META[ROUTE_KEY] = match.route or match.view_name or "unnamed"
