"""Chart geometry for the reports' inline SVG.

The functions here compute positions, sizes and colours only; the SVG itself
is written by the Jinja macros in ``templates/_charts.html``, so every label
(an actor, a chapter title from a PDF) goes through the template's
autoescaping. Colours are fixed per framing category so that a reader learns
them once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

COLORS: dict[str, str] = {
    "repressive": "#b4442c",
    "preventive": "#c98a16",
    "positive": "#1f7a68",
    "chain": "#3b4f7a",
    "partners": "#1f7a68",
    "residents": "#c98a16",
    "neutral": "#8a94a6",
    "ink": "#1d2433",
    "muted": "#5b6578",
    "grid": "#d9dee7",
}


def color(key: str) -> str:
    """The colour of a framing category or actor group (a neutral grey otherwise)."""
    return COLORS.get(key, COLORS["neutral"])


def _mix(c1: str, c2: str, t: float) -> str:
    t = min(max(t, 0.0), 1.0)
    a = [int(c1[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(c2[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def diverging(value: float | None) -> str:
    """Background colour for a balance from −1 (repressive) through white to +1 (positive)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "#f3f4f7"
    if value < 0:
        return _mix("#ffffff", COLORS["repressive"], 0.75 * -value)
    return _mix("#ffffff", COLORS["positive"], 0.75 * value)


def balance_color(value: float | None) -> str:
    """The colour of a plan's mark by its balance, as the reports colour the balance.

    Grey in balance, towards the repressive red at −0,5 and below and towards the
    connecting green at +0,5 and above: a mark never takes the other pole's colour
    (the table's balance cell uses :func:`diverging`, which is white at 0; a mark
    needs a colour there). Without a balance: grey.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return COLORS["neutral"]
    pole = COLORS["repressive"] if value < 0 else COLORS["positive"]
    return _mix(COLORS["neutral"], pole, min(abs(float(value)) / 0.5, 1.0))


CLUSTER_SHAPES: tuple[str, ...] = ("circle", "square", "diamond", "up", "down")
"""The shape of a plan's mark by its cluster (1 = circle, 2 = square, ...)."""
SHAPE_GLYPHS: dict[str, str] = {
    "circle": "●",
    "square": "■",
    "diamond": "◆",
    "up": "▲",
    "down": "▼",
}


def cluster_shape(cluster: int | None) -> str:
    """The marker shape of a cluster (numbered from 1); a circle without one."""
    if not cluster:
        return "circle"
    return CLUSTER_SHAPES[(int(cluster) - 1) % len(CLUSTER_SHAPES)]


def marker_path(shape: str, x: float, y: float, r: float) -> str:
    """An SVG path of a marker of about the area of a circle of radius ``r``."""
    if shape == "square":
        h = r * 0.89
        return f"M{x - h:.1f},{y - h:.1f}h{2 * h:.1f}v{2 * h:.1f}h{-2 * h:.1f}Z"
    if shape == "diamond":
        h = r * 1.25
        return f"M{x:.1f},{y - h:.1f}L{x + h:.1f},{y:.1f}L{x:.1f},{y + h:.1f}L{x - h:.1f},{y:.1f}Z"
    if shape in ("up", "down"):
        h = r * 1.35
        s = -1 if shape == "up" else 1
        return (
            f"M{x:.1f},{y + s * h:.1f}L{x + h:.1f},{y - s * h * 0.7:.1f}"
            f"L{x - h:.1f},{y - s * h * 0.7:.1f}Z"
        )
    return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0Z"


def sequential(category: str, value: float, vmax: float) -> str:
    """Background colour for a rate: white to the category's colour at ``vmax``."""
    if vmax <= 0 or value <= 0:
        return "#ffffff"
    return _mix("#ffffff", color(category), 0.8 * min(value / vmax, 1.0))


def text_on(background: str) -> str:
    """Black or white text, whichever reads better on ``background``."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 150 else COLORS["ink"]


@dataclass(frozen=True)
class Scale:
    """A linear map from a data domain to pixel positions."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, v: float) -> float:
        if self.d1 == self.d0:
            return (self.r0 + self.r1) / 2
        return round(self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0), 2)


def nice_domain(values: Sequence[float], kind: str) -> tuple[float, float]:
    """A readable axis domain for ``values`` of a measure ``kind``."""
    if kind == "balance":
        return -1.0, 1.0
    if kind == "share":
        hi = max(values, default=0.0)
        return 0.0, next(m for m in (0.25, 0.5, 0.75, 1.0) if hi <= m or m == 1.0)
    hi = max(values, default=0.0)
    if hi <= 0:
        return 0.0, 1.0
    step = 10 ** math.floor(math.log10(hi))
    for m in (1, 2, 2.5, 5, 10):
        if hi <= m * step:
            return 0.0, m * step
    return 0.0, 10 * step


def ticks(d0: float, d1: float, n: int = 4) -> list[float]:
    """``n + 1`` evenly spaced tick values from ``d0`` to ``d1``."""
    return [d0 + (d1 - d0) * i / n for i in range(n + 1)]


# ------------------------------------------------------------------ gauge
MARKER_WIDTH = 8.0
"""Width in px of a peer's triangle above the gauge."""
MARKER_ROW = 9.0
"""Height in px of a row of peer triangles; overlapping triangles go a row higher."""


def stack_markers(xs: Sequence[float], width: float = MARKER_WIDTH, gap: float = 1.0) -> list[int]:
    """The row (0 = nearest the track) of each marker at ``xs``, so that no two overlap.

    Markers are placed from left to right, each in the lowest row where it keeps
    ``width + gap`` px from the last marker of that row: two plans with nearly
    the same balance (+0,23 and +0,25) show as two triangles, one above the other.
    """
    last: list[float] = []  # the x of the last marker in each row
    rows = [0] * len(xs)
    for i in sorted(range(len(xs)), key=lambda k: xs[k]):
        for r, lx in enumerate(last):
            if xs[i] - lx >= width + gap:
                rows[i], last[r] = r, xs[i]
                break
        else:
            rows[i] = len(last)
            last.append(xs[i])
    return rows


def gauge(
    value: float | None,
    low: float | None,
    high: float | None,
    peers: Sequence[float] = (),
    *,
    width: int = 360,
) -> dict[str, Any]:
    """The balance gauge: a −1..+1 track, the interval as a band, the estimate as a dot.

    ``peers`` are the other plans' balances, drawn as triangles above the track;
    triangles that would overlap are stacked (:func:`stack_markers`), and the
    track moves down to make room for the rows.
    """
    x = Scale(-1, 1, 24, width - 24)
    xs = [x(v) for v in peers]
    rows = stack_markers(xs)
    extra = MARKER_ROW * max(rows, default=0)
    track_y = 34 + extra
    return {
        "width": width,
        "height": round(104 + extra),
        "track_y": track_y,
        "x0": x(-1),
        "x1": x(1),
        "zero": x(0),
        "value": None if value is None else x(value),
        "low": None if low is None else x(low),
        "high": None if high is None else x(high),
        "peers": [
            {"x": px, "y": track_y - 10 - MARKER_ROW * r, "half": MARKER_WIDTH / 2}
            for px, r in zip(xs, rows, strict=True)
        ],
        "ticks": [{"x": x(t), "value": t} for t in (-1, -0.5, 0, 0.5, 1)],
    }


# ------------------------------------------------------------------ strip plot
def strip(
    values: Sequence[tuple[str, float]],
    kind: str,
    *,
    highlight: str | None = None,
    width: int = 260,
    height: int = 40,
    fmt: Callable[[float], str] | None = None,
    vmax: float | None = None,
) -> dict[str, Any]:
    """A strip plot of named values with quartile box; ``highlight`` marks one name.

    ``fmt`` writes a value as the page does (a count without decimals, a share
    as a percentage) for the hover labels and the axis ends; ``vmax`` is the
    largest possible value of a count (7 policy fields), which then ends the
    axis instead of a round number above it.
    """
    fmt = fmt or (lambda v: _plain_number(v))
    nums = [v for _, v in values]
    d0, d1 = nice_domain(nums, kind)
    if vmax is not None and max(nums, default=0.0) <= vmax:
        d0, d1 = 0.0, float(vmax)
    d0, d1 = min(d0, min(nums, default=d0)), max(d1, max(nums, default=d1))
    x = Scale(d0, d1, 10, width - 10)
    s = sorted(nums)
    box = None
    if len(s) >= 4:
        q = [_quantile(s, p) for p in (0.25, 0.5, 0.75)]
        box = {"x0": x(q[0]), "x1": x(q[2]), "median": x(q[1])}
    # Jitter points that coincide, deterministically, so each stays visible.
    seen: dict[float, int] = {}
    points = []
    for name, v in values:
        px = x(v)
        k = seen.get(round(px), 0)
        seen[round(px)] = k + 1
        dy = (k % 3 - 1) * 6 if k else 0
        points.append(
            {
                "name": name,
                "value": v,
                "text": fmt(v),
                "x": px,
                "y": height / 2 + dy,
                "own": name == highlight,
            }
        )
    points.sort(key=lambda p: p["own"])  # the highlighted point is drawn last, on top
    return {
        "width": width,
        "height": height,
        "mid": height / 2,
        "x0": x(d0),
        "x1": x(d1),
        "zero": x(0) if d0 < 0 < d1 else None,
        "box": box,
        "points": points,
        "d0": d0,
        "d1": d1,
        "d0_text": fmt(d0),
        "d1_text": fmt(d1),
    }


def _plain_number(v: float) -> str:
    """A value in Dutch notation: no decimals for a whole number, else two."""
    text = f"{abs(v):.0f}" if float(v).is_integer() else f"{abs(v):.2f}".replace(".", ",")
    return ("−" if v < 0 else "") + text


# ------------------------------------------------------------------ forest plot
def forest(
    rows: Sequence[Mapping[str, Any]],
    *,
    plot_width: int = 400,
    value_width: int = 170,
    row_height: int = 22,
) -> dict[str, Any]:
    """The balance of each plan with its 95% interval, one labelled row per plan.

    ``rows`` are {name, value, low, high, own}; they are drawn from the most
    connecting (top) to the most repressive, on the balance's own scale (−1 to
    +1), so that a printed page names every plan and shows which intervals
    overlap. A row without an interval is drawn as a dot alone. The column of
    names is as wide as the longest name (bold for the plan itself).
    """
    names_w = round(
        max([90.0] + [label_width(str(r["name"])) * (1.1 if r.get("own") else 1.0) for r in rows])
        + 12
    )
    width = names_w + 8 + plot_width + 8 + value_width
    x = Scale(-1, 1, names_w + 8, width - value_width - 8)
    ordered = sorted(rows, key=lambda r: -float(r["value"]))
    out = []
    for i, r in enumerate(ordered):
        lo, hi = r.get("low"), r.get("high")
        out.append(
            {
                **r,
                "y": 10 + i * row_height + row_height / 2,
                "x": x(float(r["value"])),
                "x_low": None if lo is None else x(float(lo)),
                "x_high": None if hi is None else x(float(hi)),
            }
        )
    bottom = 10 + len(ordered) * row_height
    return {
        "width": width,
        "height": bottom + 34,
        "label_width": names_w,
        "value_x": width - value_width + 4,
        "top": 4,
        "bottom": bottom,
        "zero": x(0),
        "ticks": [{"x": x(t), "value": t} for t in (-1, -0.5, 0, 0.5, 1)],
        "rows": out,
    }


def _quantile(sorted_values: Sequence[float], p: float) -> float:
    n = len(sorted_values)
    if n == 1:
        return sorted_values[0]
    pos = p * (n - 1)
    i = math.floor(pos)
    frac = pos - i
    if i + 1 >= n:
        return sorted_values[-1]
    return sorted_values[i] + frac * (sorted_values[i + 1] - sorted_values[i])


# ------------------------------------------------------------------ bars
def hbars(
    rows: Sequence[Mapping[str, Any]],
    *,
    vmax: float | None = None,
    width: int = 800,
    label_width: int = 220,
    row_height: int = 26,
    value_width: int = 90,
) -> dict[str, Any]:
    """Horizontal bars: rows of {label, value, color, text}; ``text`` is the value label."""
    top = max((float(r["value"]) for r in rows), default=0.0)
    vmax = vmax if vmax is not None else (top or 1.0)
    x = Scale(0, vmax, label_width, width - value_width)
    out = []
    for i, r in enumerate(rows):
        w = max(x(float(r["value"])) - label_width, 0.0)
        out.append({**r, "y": i * row_height, "w": round(w, 2), "bar_h": row_height - 10})
    return {
        "width": width,
        "height": len(rows) * row_height + 4,
        "label_width": label_width,
        "bar_x": label_width,
        "value_x": width - value_width + 8,
        "rows": out,
        "row_height": row_height,
    }


def stacked(
    rows: Sequence[Mapping[str, Any]],
    parts: Sequence[str],
    *,
    width: int = 800,
    label_width: int = 220,
    value_width: int = 150,
    row_height: int = 28,
) -> dict[str, Any]:
    """100%-stacked horizontal bars: each row {label, counts: {part: n}, note}."""
    bar_w = width - label_width - value_width
    out = []
    for i, r in enumerate(rows):
        counts = r["counts"]
        total = sum(counts.get(p, 0) for p in parts)
        segs = []
        x = float(label_width)
        for p in parts:
            n = counts.get(p, 0)
            w = bar_w * n / total if total else 0
            if w > 0:
                segs.append(
                    {
                        "part": p,
                        "x": round(x, 2),
                        "w": round(w, 2),
                        "n": n,
                        "color": color(p),
                        "show": w >= 8 + 8 * len(str(n)),
                    }
                )
            x += w
        out.append(
            {**r, "y": i * row_height, "segs": segs, "total": total, "bar_h": row_height - 10}
        )
    return {
        "width": width,
        "height": len(rows) * row_height + 4,
        "label_width": label_width,
        "bar_w": bar_w,
        "value_x": width - value_width + 10,
        "rows": out,
    }


# ------------------------------------------------------------------ network
def network(
    net: Mapping[str, Any],
    groups: Sequence[str],
    *,
    max_nodes: int = 28,
    width: int = 900,
    height: int = 560,
) -> dict[str, Any] | None:
    """A circular co-mention network: nodes grouped by actor group around a circle.

    The ``max_nodes`` most-mentioned actors are drawn; node area follows
    mentions, edge width follows the number of sentences naming both actors.
    Returns None when there is nothing to draw.
    """
    nodes = list(net.get("nodes") or ())
    if not nodes:
        return None
    nodes.sort(key=lambda n: -n.get("mentions", 0))
    nodes = nodes[:max_nodes]
    order = {g: i for i, g in enumerate(groups)}
    nodes.sort(key=lambda n: (order.get(n.get("category"), len(order)), -n.get("mentions", 0)))
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 70
    n_groups = len({n.get("category") for n in nodes})
    gap = 0.5  # empty slots between groups
    slots = len(nodes) + gap * n_groups
    top = max(n.get("mentions", 1) for n in nodes)
    placed: dict[str, dict[str, Any]] = {}
    pos = 0.0
    prev = None
    for n in nodes:
        if n.get("category") != prev and prev is not None:
            pos += gap
        prev = n.get("category")
        angle = -math.pi / 2 + 2 * math.pi * pos / slots
        pos += 1
        r = 4 + 10 * math.sqrt(n.get("mentions", 1) / top)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        lx = cx + (radius + r + 6) * math.cos(angle)
        ly = cy + (radius + r + 6) * math.sin(angle)
        placed[n["id"]] = {
            "id": n["id"],
            "category": n.get("category"),
            "mentions": n.get("mentions", 0),
            "x": x,
            "y": y,
            "r": r,
            "lx": lx,
            "ly": ly + 4,
            "anchor": "start"
            if math.cos(angle) > 0.15
            else ("end" if math.cos(angle) < -0.15 else "middle"),
            "color": color(n.get("category", "")),
        }
    _place_labels(list(placed.values()))
    for v in placed.values():
        for k in ("x", "y", "r", "lx", "ly"):
            v[k] = round(v[k], 1)
        if v["leader"] is not None:
            v["leader"] = tuple(round(c, 1) for c in v["leader"])
    boxes = [label_box(v) for v in placed.values()] + [node_box(v) for v in placed.values()]
    # the view grows to take in a label pushed beyond the drawing (a long name at the side)
    vx = min(0.0, min(b[0] for b in boxes) - 4)
    vy = min(0.0, min(b[1] for b in boxes) - 4)
    vw = max(float(width), max(b[2] for b in boxes) + 4) - vx
    vh = max(float(height), max(b[3] for b in boxes) + 4) - vy
    edges = [e for e in net.get("edges") or () if e["source"] in placed and e["target"] in placed]
    wmax = max((e.get("weight", 1) for e in edges), default=1)
    drawn = []
    for e in sorted(edges, key=lambda e: e.get("weight", 1)):
        a, b = placed[e["source"]], placed[e["target"]]
        # Curve towards the centre so that edges between neighbours stay visible.
        mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
        qx, qy = mx + (cx - mx) * 0.55, my + (cy - my) * 0.55
        w = e.get("weight", 1)
        drawn.append(
            {
                "d": f"M{a['x']},{a['y']} Q{qx:.1f},{qy:.1f} {b['x']},{b['y']}",
                "w": round(0.6 + 3.4 * w / wmax, 2),
                "opacity": round(0.18 + 0.5 * w / wmax, 2),
                "source": e["source"],
                "target": e["target"],
                "weight": w,
            }
        )
    return {
        "width": round(vw),
        "height": round(vh),
        "view": f"{vx:g} {vy:g} {vw:g} {vh:g}",
        "nodes": list(placed.values()),
        "edges": drawn,
        "shown": len(placed),
        "total": len(net.get("nodes") or ()),
        "edges_total": len(net.get("edges") or ()),
    }


# Node labels: 13 px text (svg .node in style.css). Widths are estimated from
# the characters, as no font is measured here; the estimate errs wide.
LABEL_SIZE = 13.0
_NARROW = set("iljtfrI.,:;'|!() -/")
_WIDE = set("mwMWOQGDCHNUÖÜ")


def label_width(text: str, size: float = LABEL_SIZE) -> float:
    """Estimated width in px of ``text`` in the reports' sans-serif at ``size`` px."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.32
        elif ch in _WIDE:
            em += 0.82
        elif ch.isupper() or ch.isdigit():
            em += 0.66
        else:
            em += 0.56
    return em * size


def label_box(v: Mapping[str, Any], size: float = LABEL_SIZE) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) of a node's label; ``ly`` is the text baseline."""
    w = label_width(str(v["id"]), size)
    x = float(v["lx"])
    x0 = {"start": x, "end": x - w}.get(v["anchor"], x - w / 2)
    y = float(v["ly"])
    return x0, y - 0.8 * size, x0 + w, y + 0.25 * size


def node_box(v: Mapping[str, Any]) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) around a node's circle."""
    return v["x"] - v["r"], v["y"] - v["r"], v["x"] + v["r"], v["y"] + v["r"]


def _overlap(a: tuple[float, ...], b: tuple[float, ...], pad: float) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _place_labels(nodes: list[dict[str, Any]], pad: float = 2.0, rounds: int = 300) -> None:
    """Move labels apart until none overlaps another label or another node.

    Labels start beside their node, outside the circle. Where two overlap
    (the crowded top and bottom of the circle, long names), each is pushed
    up or down by half the overlap, the lower one down; a label on top of a
    node other than its own is pushed off it, away from that node's centre.
    A label that ends up away from its node gets a thin leader line
    (``leader``: x1, y1, x2, y2), else ``leader`` is None.
    """
    home = [v["ly"] for v in nodes]
    for _ in range(rounds):
        moved = False
        boxes = [label_box(v) for v in nodes]
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                a, b = boxes[i], boxes[j]
                if not _overlap(a, b, pad):
                    continue
                # the lower label (then the later one) goes down
                lo, hi = (i, j) if (a[1] + a[3], i) > (b[1] + b[3], j) else (j, i)
                push = (min(a[3], b[3]) - max(a[1], b[1]) + pad) / 2 + 0.5
                nodes[lo]["ly"] += push
                nodes[hi]["ly"] -= push
                boxes[lo], boxes[hi] = label_box(nodes[lo]), label_box(nodes[hi])
                moved = True
            for k, other in enumerate(nodes):
                if k == i:
                    continue
                circle = node_box(other)
                box = boxes[i]
                if _overlap(box, circle, pad):
                    down = (box[1] + box[3]) / 2 >= other["y"]
                    shift = (circle[3] - box[1] + pad) if down else -(box[3] - circle[1] + pad)
                    nodes[i]["ly"] += shift + (0.5 if down else -0.5)
                    boxes[i] = label_box(nodes[i])
                    moved = True
        if not moved:
            break
    for v, hy in zip(nodes, home, strict=True):
        v["leader"] = None
        if abs(v["ly"] - hy) > 6:
            box = label_box(v)
            ty = (box[1] + box[3]) / 2
            tx = {"start": box[0] - 2, "end": box[2] + 2}.get(v["anchor"], (box[0] + box[2]) / 2)
            if v["anchor"] == "middle":
                ty = box[1] - 1 if ty > v["y"] else box[3] + 1
            dx, dy = tx - v["x"], ty - v["y"]
            dist = math.hypot(dx, dy) or 1.0
            v["leader"] = (v["x"] + dx * v["r"] / dist, v["y"] + dy * v["r"] / dist, tx, ty)


# ------------------------------------------------------------------ scatter
def scatter(
    points: Sequence[Mapping[str, Any]],
    *,
    x_kind: str = "balance",
    y_kind: str = "share",
    width: int = 800,
    height: int = 440,
) -> dict[str, Any]:
    """A labelled scatter of plans: points {name, x, y, group}."""
    xs = [float(p["x"]) for p in points]
    ys = [float(p["y"]) for p in points]

    def domain(vals: list[float], kind: str) -> tuple[float, float]:
        if kind == "score":
            lo, hi = min(vals, default=-1), max(vals, default=1)
            pad = (hi - lo) * 0.12 or 1.0
            return lo - pad, hi + pad
        if kind == "share":
            return 0.0, 1.0
        d0, d1 = nice_domain(vals, kind)
        return min(d0, min(vals, default=d0)), max(d1, max(vals, default=d1))

    x0, x1 = domain(xs, x_kind)
    y0, y1 = domain(ys, y_kind)
    left, right, top, bottom = 56, 24, 20, 46
    x = Scale(x0, x1, left, width - right)
    y = Scale(y0, y1, height - bottom, top)
    out = [{**p, "px": x(float(p["x"])), "py": y(float(p["y"]))} for p in points]
    for p in out:
        p["d"] = marker_path(str(p.get("shape") or "circle"), p["px"], p["py"], POINT_RADIUS)
    _place_point_labels(out, (left, top, width - right, height - bottom), (0, 0, width, height))
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "xticks": [{"pos": x(t), "value": t} for t in ticks(x0, x1)],
        "yticks": [{"pos": y(t), "value": t} for t in ticks(y0, y1)],
        "zero_x": x(0) if x0 < 0 < x1 else None,
        "zero_y": y(0) if y0 < 0 < y1 else None,
        "points": out,
    }


POINT_LABEL_SIZE = 12.5
"""Scatter labels: 12.5 px text (svg .pt in style.css)."""
POINT_RADIUS = 6.5


def point_label_box(p: Mapping[str, Any]) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) of a scatter point's label; ``ly`` is its baseline."""
    w = label_width(str(p["name"]), POINT_LABEL_SIZE)
    x = float(p["lx"])
    x0 = {"start": x, "end": x - w}.get(p["anchor"], x - w / 2)
    y = float(p["ly"])
    return x0, y - 0.8 * POINT_LABEL_SIZE, x0 + w, y + 0.25 * POINT_LABEL_SIZE


def _point_box(p: Mapping[str, Any]) -> tuple[float, float, float, float]:
    r = POINT_RADIUS
    return p["px"] - r, p["py"] - r, p["px"] + r, p["py"] + r


def _outside(box: tuple[float, ...], frame: tuple[float, ...]) -> float:
    """How far (px, summed over the sides) ``box`` reaches beyond ``frame``."""
    return (
        max(frame[0] - box[0], 0)
        + max(box[2] - frame[2], 0)
        + max(frame[1] - box[1], 0)
        + max(box[3] - frame[3], 0)
    )


def _place_point_labels(
    points: list[dict[str, Any]],
    frame: tuple[float, float, float, float],
    view: tuple[float, float, float, float],
) -> None:
    """Give each scatter point a label position where it overlaps no other label or point.

    Each label tries, in turn, the positions right, left, above, below and the
    four diagonals of its point, then the same positions one to three lines
    further out; it takes the first that stays inside the plot ``frame`` (left,
    top, right, bottom) and overlaps neither a label placed before it nor any
    point. Without such a place it takes the one with the least overlap, and
    rather over the axis labels than beyond the drawing (``view``). Points are
    labelled from left to right, top to bottom, so the result does not depend
    on the order of the rows. A label away from its point gets a leader line.
    """
    size = POINT_LABEL_SIZE
    gap = POINT_RADIUS + 3
    placed: list[tuple[float, float, float, float]] = []
    dots = [_point_box(p) for p in points]

    def candidates(p: Mapping[str, Any]) -> list[tuple[str, float, float]]:
        px, py = p["px"], p["py"]
        below = py + gap + size * 0.8
        out = []
        for step in (0.0, 1.0, 2.0, 3.0):
            d = step * size
            if step:  # beside the point, a line or two higher or lower
                out += [
                    (a, x, py + 4 + s * d)
                    for s in (-1, 1)
                    for a, x in (("start", px + gap), ("end", px - gap))
                ]
            else:
                out += [("start", px + gap, py + 4), ("end", px - gap, py + 4)]
            out += [
                ("middle", px, py - gap - d),
                ("middle", px, below + d),
                ("start", px + gap * 0.7, py - gap - d),
                ("start", px + gap * 0.7, below + d),
                ("end", px - gap * 0.7, py - gap - d),
                ("end", px - gap * 0.7, below + d),
            ]
        return out

    def area(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        return w * h if w > 0 and h > 0 else 0.0

    for p in sorted(points, key=lambda q: (q["px"], q["py"])):
        best: tuple[float, str, float, float] | None = None
        for anchor, lx, ly in candidates(p):
            box = point_label_box({"name": p["name"], "lx": lx, "ly": ly, "anchor": anchor})
            cost = 10 * (sum(area(box, b) for b in placed) + sum(area(box, d) for d in dots))
            # out of the plot (over the axis labels) is bad, out of the drawing worse
            cost += 2 * _outside(box, frame) + 1000 * _outside(box, view)
            if best is None or cost < best[0]:
                best = (cost, anchor, lx, ly)
            if cost == 0:
                break
        assert best is not None
        _, p["anchor"], p["lx"], p["ly"] = best
        p["lx"], p["ly"] = round(p["lx"], 2), round(p["ly"], 2)
        box = point_label_box(p)
        placed.append(box)
        # a leader line when the label is not right beside its point
        near = abs((box[1] + box[3]) / 2 - p["py"]) <= size and (
            abs(box[0] - p["px"]) <= gap + 1 or abs(box[2] - p["px"]) <= gap + 1
        )
        p["leader"] = None
        if not near:
            tx = min(max(p["px"], box[0]), box[2])
            ty = box[3] if box[3] < p["py"] else box[1]
            dx, dy = tx - p["px"], ty - p["py"]
            dist = math.hypot(dx, dy) or 1.0
            if dist > POINT_RADIUS + 4:
                p["leader"] = (
                    round(p["px"] + dx * POINT_RADIUS / dist, 1),
                    round(p["py"] + dy * POINT_RADIUS / dist, 1),
                    round(tx, 1),
                    round(ty, 1),
                )
