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
