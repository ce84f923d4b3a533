"""The widget's ES modules load from any news page: modules are fetched in CORS mode."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["embed.js", "widget/main.js", "widget/i18n.js", "widget/thread.js",
                                  "widget/form.js", "widget/api.js", "widget/dom.js", "embed.css"])
def test_widget_files_are_served_to_every_origin_as_javascript(client, name):
    r = client.get(f"/static/civility/{name}", headers={"Origin": "https://news.example.org"})
    assert r.status_code == 200
    assert r["Access-Control-Allow-Origin"] == "*"
    if name.endswith(".js"):
        assert r["Content-Type"].startswith("text/javascript")
