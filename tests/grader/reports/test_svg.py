"""The SVG charts: well-formed XML, labels escaped, values placed on the right scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from grader.reports import svg

NS = "{http://www.w3.org/2000/svg}"


def test_a_line_chart_puts_each_value_at_its_height():
    chart = svg.line_chart(
        ["k=1", "k=10"], [svg.Series("s", (0.0, 1.0), svg.SUBMISSION)], title="t", plot="p"
    )
    root = ET.fromstring(chart)
    assert root.get("data-plot") == "p"
    y0, y1 = (float(c.get("cy")) for c in root.iter(f"{NS}circle"))
    frame = svg._Frame(420, 260)
    assert (y0, y1) == (frame.top + frame.inner_h, frame.top)  # 0 at the bottom, 1 at the top


def test_labels_and_names_cannot_inject_markup():
    hostile = '<script>alert(1)</script>"'
    chart = svg.bar_chart(
        [hostile],
        [svg.Series(hostile, (0.5,), svg.SUBMISSION, intervals=((0.4, 0.6),))],
        title=hostile,
        plot=hostile,
    )
    root = ET.fromstring(chart)  # still one well-formed element
    assert "<script" not in chart
    assert root.find(f"{NS}title").text == hostile
    assert len(root.findall(f"{NS}g/{NS}line")) == 3  # the whisker: a stem and two caps


def test_missing_values_leave_gaps():
    chart = svg.bar_chart(
        ["a", "b"], [svg.Series("s", (None, 0.5), svg.SUBMISSION)], title="t", plot="p"
    )
    bars = [r for r in ET.fromstring(chart).iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    assert len(bars) == 1


def test_a_histogram_counts_every_value_once():
    values = (1.0, 2.0, 2.5, 10.0, 100.0)
    chart = svg.histogram(
        [svg.Samples("search", values, svg.SUBMISSION)],
        title="t",
        plot="latency",
        markers=[svg.Marker("p50", 2.5)],
    )
    root = ET.fromstring(chart)
    counted = sum(
        int(r.find(f"{NS}title").text.split(": ")[1].split(" ")[0])
        for r in root.iter(f"{NS}rect")
        if r.find(f"{NS}title") is not None
    )
    assert counted == len(values)
    assert "p50" in chart


def test_an_empty_histogram_says_so():
    chart = svg.histogram([svg.Samples("search", (), svg.SUBMISSION)], title="t", plot="p")
    assert "no timed calls" in chart
    ET.fromstring(chart)


def test_log_ticks_stay_few_over_many_decades():
    assert svg._log_ticks(0.0, 1.0) == [1.0, 2.0, 5.0, 10.0]
    assert len(svg._log_ticks(-3.0, 5.0)) <= 9
