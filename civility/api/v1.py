"""Assembles version 1 of the API."""

from typing import Any

from ninja import NinjaAPI

from civility.api import counts, errors, moderation, people, person_data, readers, stats, team, threads

#: errors any operation can answer besides its own, as the OpenAPI document lists them
#: (ApiErrors and InputGuard in civility.api.middleware write them before or after the view)
COMMON_ERRORS = {
    "400": "`bad_json`: the body is not valid JSON; `bad_request`: a malformed request (e.g. a Host "
           "header this server does not answer to).",
    "413": "`too_large`: the body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE.",
    "415": "`unsupported_media_type`: a body that is not `Content-Type: application/json`.",
    "422": "`invalid` (each field named in `fields`, e.g. a NUL character in any text) or `bad_cursor`.",
    "500": "`server_error`: our fault; the details are in the server's log.",
}
#: which of them an operation can meet: body errors only where there is a body
_BODY_ONLY = {"413", "415"}


class CivilityApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                has_input = "requestBody" in operation or bool(operation.get("parameters"))
                for status, description in COMMON_ERRORS.items():
                    if status in _BODY_ONLY and "requestBody" not in operation:
                        continue
                    if status == "422" and not has_input:
                        continue
                    responses, code = operation["responses"], int(status)
                    if code in responses:
                        responses[code]["description"] = f"{responses[code].get('description', '')} {description}"
                    else:
                        responses[code] = {"description": description, **ref}
        return schema


api = CivilityApi(
    title="Civility API",
    version="1",
    description=(
        "Pre-moderated comments. Readers post to an article's thread; every comment waits "
        "for a moderator. Errors always have the shape "
        '`{"error": {"code", "message", "fields"}}`, also for addresses that do not exist (404) '
        "and methods an address does not answer (405). Staff endpoints take a browser session "
        "(with the X-CSRFToken header on writes) or `Authorization: Bearer <token>` "
        "(`civility user token NAME`); an invalid bearer token is 401 on every endpoint."
    ),
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/", threads.router)
api.add_router("/", counts.router)
api.add_router("/", readers.router)
api.add_router("/moderation", moderation.router)
api.add_router("/moderation", people.router)
api.add_router("/moderation", team.router)
api.add_router("/people", person_data.router)
api.add_router("/moderation/stats", stats.router)
