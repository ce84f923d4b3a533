"""Assembles version 1 of the API."""

from ninja import NinjaAPI

from civility.api import counts, errors, moderation, threads

api = NinjaAPI(
    title="Civility API",
    version="1",
    description=(
        "Pre-moderated comments. Readers post to an article's thread; every comment waits "
        "for a moderator. Errors always have the shape "
        '`{"error": {"code", "message", "fields"}}`. Staff endpoints take a browser session '
        "(with the X-CSRFToken header on writes) or `Authorization: Bearer <token>` "
        "(`civility user token NAME`)."
    ),
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/", threads.router)
api.add_router("/", counts.router)
api.add_router("/moderation", moderation.router)
