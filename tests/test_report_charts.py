"""Chart geometry of the reports: labels that can be read."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from textscan.report import charts

GROUPS = ["chain", "partners", "residents"]
# Long and short actor names of the three groups, as a broad plan names them.
CHAIN = [
    "politie",
    "officier van justitie",
    "Halt",
    "Openbaar Ministerie",
    "burgemeester",
    "Zorg- en Veiligheidshuis",
    "boa",
    "veiligheidsregio",
    "RIEC",
    "handhaver",
    "reclassering",
]
PARTNERS = [
    "woningcorporatie",
    "welzijnswerk",
    "GGZ",
    "maatschappelijk werk",
    "zorginstelling",
    "kerk",
    "horeca",
    "verslavingszorg",
    "jongerenwerk",
    "school",
    "GGD",
    "winkelier",
    "wijkteam",
    "sportvereniging",
]
RESIDENTS = ["inwoner", "bewoner", "buurtpreventieteam", "jongere", "ouder", "buurtapp"]
LONG_PARTNERS = [
    "maatschappelijk werk",
    "woningcorporatie",
    "welzijnswerk",
    "verslavingszorg",
    "zorginstelling",
    "sportvereniging",
    "buurtbemiddeling",
    "jongerenwerk",
    "ondernemersvereniging",
    "schuldhulpverlening",
    "wijkteam",
    "GGD",
]


def _network(names_by_group: dict[str, list[str]]) -> dict:
    nodes = []
    for g, names in names_by_group.items():
        for k, name in enumerate(names):
            nodes.append({"id": name, "category": g, "mentions": 1 + (7 * k) % 23})
    edges = [
        {"source": a["id"], "target": b["id"], "weight": 1}
        for a, b in itertools.combinations(nodes, 2)
        if len(a["id"]) % 3 == len(b["id"]) % 3
    ]
    net = charts.network({"nodes": nodes, "edges": edges}, GROUPS)
    assert net is not None
    return net


def _overlapping_labels(nodes: list[dict]) -> list[tuple[str, str]]:
    boxes = [charts.label_box(v) for v in nodes]
    return [
        (va["id"], vb["id"])
        for (a, va), (b, vb) in itertools.combinations(zip(boxes, nodes, strict=True), 2)
        if charts._overlap(a, b, 0)
    ]


def test_crowded_network_labels_do_not_overlap_and_stay_in_view(monkeypatch):
    groups = {"chain": CHAIN, "partners": PARTNERS, "residents": RESIDENTS}
    with monkeypatch.context() as m:  # labels simply beside their nodes collide here
        m.setattr(charts, "_place_labels", lambda nodes: [v.update(leader=None) for v in nodes])
        assert _overlapping_labels(_network(groups)["nodes"])
    net = _network(groups)
    nodes = net["nodes"]
    assert net["shown"] == 28 < net["total"]
    assert _overlapping_labels(nodes) == []
    boxes = [charts.label_box(v) for v in nodes]
    for box, v in zip(boxes, nodes, strict=True):
        for other in nodes:
            if other is not v:
                assert not charts._overlap(box, charts.node_box(other), 0), (v["id"], other["id"])
    x0, y0, w, h = (float(p) for p in net["view"].split())
    for box in boxes:
        assert x0 <= box[0] and box[2] <= x0 + w and y0 <= box[1] and box[3] <= y0 + h


def test_a_label_moved_away_from_its_node_gets_a_leader_line():
    net = _network({"chain": CHAIN[:8], "partners": LONG_PARTNERS, "residents": RESIDENTS[:5]})
    assert _overlapping_labels(net["nodes"]) == []
    moved = [v for v in net["nodes"] if v["leader"] is not None]
    assert [v["id"] for v in moved] == ["ondernemersvereniging"]
    for v in moved:
        x1, y1, _, _ = v["leader"]
        assert abs(((x1 - v["x"]) ** 2 + (y1 - v["y"]) ** 2) ** 0.5 - v["r"]) < 0.5


def test_a_sparse_network_keeps_every_label_beside_its_node():
    net = _network({"chain": CHAIN[:3], "partners": PARTNERS[:3], "residents": RESIDENTS[:2]})
    for v in net["nodes"]:
        assert v["leader"] is None
        # beside the node, on the side away from the circle's centre
        cx = net["width"] / 2
        if v["anchor"] == "start":
            assert v["lx"] > v["x"] > cx
        elif v["anchor"] == "end":
            assert v["lx"] < v["x"] < cx


def test_label_width_grows_with_the_text():
    assert charts.label_width("Zorg- en Veiligheidshuis") > charts.label_width("politie") > 0
    assert charts.label_width("WWW") > charts.label_width("iii")


_NAME = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ- "),
    min_size=1,
    max_size=26,
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_NAME, st.sampled_from(GROUPS), st.integers(1, 200)),
        min_size=1,
        max_size=40,
        unique_by=lambda t: t[0],
    )
)
def test_labels_never_overlap_for_any_set_of_actors(actors):
    nodes = [{"id": n, "category": g, "mentions": m} for n, g, m in actors]
    net = charts.network({"nodes": nodes, "edges": []}, GROUPS)
    assert net is not None
    shown = net["nodes"]
    assert _overlapping_labels(shown) == []
    x0, y0, w, h = (float(p) for p in net["view"].split())
    for v in shown:
        box = charts.label_box(v)
        assert x0 <= box[0] and box[2] <= x0 + w and y0 <= box[1] and box[3] <= y0 + h
        for other in shown:
            if other is not v:
                assert not charts._overlap(box, charts.node_box(other), 0), (v["id"], other["id"])


# ---------------------------------------------------------------- scatter labels
def _scatter_overlaps(sc: dict) -> list[tuple[str, str]]:
    pts = sc["points"]
    boxes = [charts.point_label_box(p) for p in pts]
    out = [
        (a["name"], b["name"])
        for (ba, a), (bb, b) in itertools.combinations(zip(boxes, pts, strict=True), 2)
        if charts._overlap(ba, bb, 0)
    ]
    for box, p in zip(boxes, pts, strict=True):
        for q in pts:
            if q is not p and charts._overlap(box, charts._point_box(q), 0):
                out.append((p["name"], q["name"]))
    return out


def test_scatter_labels_of_plans_close_together_do_not_overlap():
    # plans with nearly the same balance and breadth (as in the demo corpus)
    pts = [
        {"name": "Marledal", "x": 0.25, "y": 0.70},
        {"name": "Duinhoven", "x": 0.23, "y": 0.68},
        {"name": "Wilgendaal", "x": 0.54, "y": 0.87},
        {"name": "Dijkerveen", "x": 0.86, "y": 0.85},
        {"name": "Vlietmonde", "x": -0.19, "y": 0.55},
        {"name": "Stroomburg", "x": -0.94, "y": 0.24},
    ]
    sc = charts.scatter(pts, x_kind="balance", y_kind="share")
    assert _scatter_overlaps(sc) == []
    for p in sc["points"]:
        x0, y0, x1, y1 = charts.point_label_box(p)
        assert x0 >= 0 and y0 >= 0, p["name"]
        assert x1 <= sc["width"] and y1 <= sc["height"], p["name"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_NAME, st.floats(-1, 1), st.floats(0, 1)),
        min_size=2,
        max_size=12,
        unique_by=lambda t: t[0],
    )
)
def test_scatter_labels_never_overlap_for_a_few_plans_anywhere(plans):
    # two plans on the very same spot would need a leader line each; keep them apart a bit
    spots = {(round(x, 2), round(y, 2)) for _, x, y in plans}
    if len(spots) < len(plans):
        return
    pts = [{"name": n, "x": x, "y": y} for n, x, y in plans]
    sc = charts.scatter(pts, x_kind="balance", y_kind="share")
    assert _scatter_overlaps(sc) == []


def test_the_forest_chart_has_room_for_every_name():
    rows = [
        {
            "name": "coalitieakkoord-2021-2025 (dit deel)",
            "value": -0.55,
            "low": -0.77,
            "high": -0.3,
            "own": True,
        },
        {"name": "SP", "value": 0.29, "low": 0.15, "high": 0.44, "own": False},
    ]
    f = charts.forest(rows)
    for r in f["rows"]:
        width = charts.label_width(r["name"]) * (1.1 if r["own"] else 1.0)
        assert f["label_width"] - width >= 0, r["name"]  # right-aligned at label_width
    # the most connecting on top, its interval drawn around its dot
    assert [r["name"] for r in f["rows"]] == ["SP", "coalitieakkoord-2021-2025 (dit deel)"]
    top = f["rows"][0]
    assert top["x_low"] < top["x"] < top["x_high"]


def test_peer_markers_on_the_gauge_that_would_overlap_are_stacked() -> None:
    # Duinhoven (+0,23) and Marledal (+0,25) are some 5 px apart on the track
    g = charts.gauge(-0.2, -0.41, 0.03, [0.86, 0.23, 0.25, -0.94, 0.54])
    markers = g["peers"]
    assert len(markers) == 5
    for a, b in itertools.combinations(markers, 2):
        if a["y"] == b["y"]:  # markers in one row keep a marker's width apart
            assert abs(a["x"] - b["x"]) >= charts.MARKER_WIDTH, (a, b)
    assert len({m["y"] for m in markers}) == 2
    # the track moves down to make room, so the upper row stays in the drawing
    assert min(m["y"] for m in markers) - 7 >= 0
    apart = charts.gauge(0.0, -0.1, 0.1, [-0.5, 0.5])
    assert len({m["y"] for m in apart["peers"]}) == 1 and apart["height"] < g["height"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=-1, max_value=1), max_size=12))
def test_stacked_markers_never_overlap(values: list[float]) -> None:
    g = charts.gauge(0.0, None, None, values)
    for a, b in itertools.combinations(g["peers"], 2):
        if a["y"] == b["y"]:
            assert abs(a["x"] - b["x"]) >= charts.MARKER_WIDTH
    assert all(m["y"] - 7 >= 0 for m in g["peers"])
