/*
 * Talking to the Civility API: every failure becomes a NetworkError or an ApiError
 * carrying the server's {"error": {"code", "message", "fields"}}. Each request says the
 * thread's language in Accept-Language, so the server's messages (field errors, the
 * nudge, "held for review") come in it.
 */

export class NetworkError extends Error {}

export class ApiError extends Error {
  constructor(status, detail, retryAfter) {
    super(detail.message);
    this.status = status;
    this.code = detail.code;
    this.fields = detail.fields || {};
    this.retryAfter = retryAfter;
  }
}

export class Api {
  constructor(base, t) {
    this.base = base;
    this.t = t;
  }

  /** fetch() with cookies (a logged-in author or moderator comments under their account). */
  async request(url, { method = 'GET', headers = {}, body, signal } = {}) {
    const { t } = this;
    let response;
    try {
      response = await fetch(url, {
        method,
        body,
        signal,
        credentials: 'include',
        headers: { Accept: 'application/json', 'Accept-Language': t.language, ...headers },
      });
    } catch {
      throw new NetworkError(t.gettext('Could not reach the comment service.'));
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      // A proxy or load balancer may answer with an HTML page; handled below.
    }
    if (response.ok && data !== null) return { status: response.status, data };
    const detail = data && data.error && data.error.message ? data.error : {
      code: `http_${response.status}`,
      message: t.format(t.gettext(
        'The comment service answered with an error (HTTP %(status)s). Please try again later.',
      ), { status: response.status }),
      fields: {},
    };
    // Retry-After is only readable cross-origin if the server exposes it; then we do without.
    throw new ApiError(response.status, detail, response.headers.get('Retry-After'));
  }

  url(path) {
    return `${this.base}/api/v1/${path}`;
  }
}
