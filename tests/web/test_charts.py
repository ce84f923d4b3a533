"""The stats page's SVG charts: escaped, linked, with readable axes."""

import re

from civility.web.charts import Point, Series, bar_chart, line_chart, stacked_bars


def test_line_chart_escapes_links_and_leaves_gaps():
    svg = line_chart("<b>Precision</b>", ["w1", "w2", "w3"], [
        Series("Hate & co", [Point(0.5, "a<b", "/x?a=1&b=2"), Point(None, "none"), Point(1.0, "full")])])
    assert "<b>" not in svg and "&lt;b&gt;Precision" in svg and "Hate &amp; co" in svg
    assert '<a href="/x?a=1&amp;b=2" aria-label="a&lt;b">' in svg  # a link named by its point's title
    assert 'role="group"' in svg  # links inside an img would be focusable but never announced
    assert svg.count("<circle") == 2 and "<polyline" not in svg  # two points with a gap: no line joins them


def test_bar_chart_labels_its_gridlines_with_whole_numbers():
    svg = bar_chart("Waiting", ["d1", "d2"], [Point(1, "one"), Point(0, "none")])
    ticks = re.findall(r'text-anchor="end"[^>]*>([^<]+)<', svg)
    assert ticks == ["0", "1", "2", "3", "4"]
    assert svg.count("<rect") == 2
    assert 'role="img"' in svg  # nothing to follow inside: one picture


def test_stacked_bars_link_each_part():
    svg = stacked_bars("Decisions", [("ana", [Point(2, "2 approved", "/a"), Point(0, "0 rejected", "/r")])],
                       ["approved", "rejected"])
    assert '<a href="/a" aria-label="2 approved">' in svg and '<a href="/r"' not in svg and ">2</text>" in svg
