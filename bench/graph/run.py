#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare Plateau's graph layout with dagre (Mermaid's default) and Graphviz dot.

Every tool gets the same graph with the same node sizes (measured once by
Plateau with Pango), no edge labels and the same spacing (36 between nodes,
18 between edges, 48 between ranks). The geometry each tool returns is
measured by the same code here: edge crossings (points where two edges
cross, away from nodes), edges through nodes (edge/node pairs where the
edge enters the node's box shrunk by 2 px), drawing area, total edge length
and layout time (CPU time, fastest of several runs, so that other work on
the machine does not skew it; Plateau and dagre time the layout call
in-process; dot is timed as a whole process, parsing and output included,
and the CPU time of an empty graph is reported beside the table).

    /usr/bin/python3 bench/graph/run.py [BUILD_DIR]

It installs @dagrejs/dagre into bench/graph/node_modules with npm when it
is missing, and writes the seeded random graphs into corpus-random/.
"""

import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "_build"))
BENCH = os.path.join(BUILD, "bench", "graph", "graph-bench")
RANDOM_SIZES = [(20, 5), (50, 5), (100, 4), (200, 3), (500, 2), (1000, 2)]


def setup():
    subprocess.run(["sh", os.path.join(TOP, "build-aux", "deps.sh"), "--bench"], check=True)
    subprocess.run(["ninja", "-C", BUILD, "bench/graph/graph-bench"], check=True,
                   stdout=subprocess.DEVNULL)
    if not os.path.isdir(os.path.join(HERE, "node_modules", "@dagrejs", "dagre")):
        subprocess.run(["npm", "install", "--prefix", HERE, "--no-save", "--no-audit",
                        "--no-fund", "@dagrejs/dagre"], check=True)


def random_layered(n, seed):
    """A layered graph: ranks of a few nodes, edges mostly to the next rank."""
    rng = random.Random(seed)
    ranks = max(3, int(round(math.sqrt(n) * 0.9)))
    layer = [min(ranks - 1, int(i * ranks / n)) for i in range(n)]
    by_layer = [[i for i in range(n) if layer[i] == r] for r in range(ranks)]
    lines = ["graph %s" % rng.choice(["TB", "TB", "LR"])]
    for i in range(n):
        lines.append("n%d[Node %d]" % (i, i))
    for i in range(n):
        r = layer[i]
        if r + 1 >= ranks:
            continue
        for _ in range(rng.choice([1, 1, 2])):
            span = 1 if rng.random() < 0.8 else min(ranks - 1 - r, rng.choice([2, 3]))
            target = rng.choice(by_layer[r + span])
            lines.append("n%d --> n%d" % (i, target))
    for _ in range(max(1, n // 25)):
        a, b = rng.randrange(n), rng.randrange(n)
        if layer[a] > layer[b]:
            lines.append("n%d --> n%d" % (a, b))
    return "\n".join(lines) + "\n"


def corpus():
    files = sorted(os.path.join(HERE, "corpus", f) for f in os.listdir(os.path.join(HERE, "corpus"))
                   if f.endswith(".mmd"))
    out = os.path.join(HERE, "corpus-random")
    os.makedirs(out, exist_ok=True)
    for n, count in RANDOM_SIZES:
        for k in range(count):
            path = os.path.join(out, "random-%04d-%d.mmd" % (n, k))
            with open(path, "w") as f:
                f.write(random_layered(n, 1000 * n + k))
            files.append(path)
    return files


# Layouts -------------------------------------------------------------------

def ours(path, repeat):
    out = subprocess.run([BENCH, "layout", path, str(repeat)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def dagre(sizes_path, repeat):
    out = subprocess.run(["node", os.path.join(HERE, "dagre-layout.js"), sizes_path, str(repeat)],
                         check=True, capture_output=True, text=True, cwd=HERE).stdout
    return json.loads(out)


def dot_source(sizes):
    index = {n["id"]: i for i, n in enumerate(sizes["nodes"])}
    lines = ["digraph G {",
             '  graph [rankdir=%s, nodesep=%.4f, ranksep=%.4f, splines=spline, margin=0];'
             % (sizes["direction"], 36 / 72, 48 / 72),
             '  node [shape=box, fixedsize=true, label=""];']
    children = {}
    for s in sizes["subgraphs"]:
        children.setdefault(s["parent"], []).append(s["id"])
    members = {}
    for n in sizes["nodes"]:
        members.setdefault(n["subgraph"], []).append(n)

    def emit(cluster, depth):
        pad = "  " * depth
        for n in members.get(cluster, []):
            lines.append('%sn%d [width=%.4f, height=%.4f];'
                         % (pad, index[n["id"]], n["width"] / 72, n["height"] / 72))
        for i, c in enumerate(children.get(cluster, [])):
            lines.append('%ssubgraph cluster_%d_%d {' % (pad, depth, len(lines)))
            emit(c, depth + 1)
            lines.append(pad + "}")

    emit(None, 1)
    for a, b, minlen in sizes["edges"]:
        lines.append("  n%d -> n%d [minlen=%d];" % (index[a], index[b], minlen))
    lines.append("}")
    return "\n".join(lines)


def children_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def run_dot(source):
    start = children_cpu_ms()
    out = subprocess.run(["dot", "-Tplain"], input=source, check=True, capture_output=True,
                         text=True).stdout
    return out, children_cpu_ms() - start


def flatten_bezier(ctrl, steps=16):
    pts = [ctrl[0]]
    for i in range(0, len(ctrl) - 3, 3):
        p0, p1, p2, p3 = ctrl[i:i + 4]
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            pts.append([u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                        + t * t * t * p3[0],
                        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                        + t * t * t * p3[1]])
    return pts


def dot(sizes, repeat, startup_ms):
    source = dot_source(sizes)
    best = float("inf")
    for _ in range(repeat):
        out, ms = run_dot(source)
        best = min(best, ms)
    nodes, edges, height = [], [], 0
    for line in out.splitlines():
        f = line.split()
        if f[0] == "graph":
            height = float(f[3])
        elif f[0] == "node":
            nodes.append([float(f[2]) * 72, (height - float(f[3])) * 72,
                          float(f[4]) * 72, float(f[5]) * 72])
        elif f[0] == "edge":
            n = int(f[3])
            ctrl = [[float(f[4 + 2 * k]) * 72, (height - float(f[5 + 2 * k])) * 72]
                    for k in range(n)]
            edges.append(flatten_bezier(ctrl))
    return {"time_ms": best, "nodes": nodes, "edges": edges}


# Metrics -------------------------------------------------------------------

def resample(poly, step=4.0):
    poly = np.asarray(poly, dtype=float)
    if len(poly) < 2:
        return poly
    out = [poly[:1]]
    for a, b in zip(poly[:-1], poly[1:]):
        k = max(1, int(math.ceil(np.hypot(*(b - a)) / step)))
        t = np.arange(1, k + 1)[:, None] / k
        out.append(a + (b - a) * t)
    return np.vstack(out)


def crossings(polys, boxes, cell=48.0):
    """Points where two edges meet, counted once each, away from nodes.

    Segments that only touch (a crossing exactly at a sample point, as when
    two mirrored curves cross at their middle) count too; the meeting
    points of one pair of edges closer than 2 px are one crossing.
    """
    segs, owner = [], []
    for e, p in enumerate(polys):
        p = np.asarray(p, dtype=float)
        for a, b in zip(p[:-1], p[1:]):
            if np.hypot(*(b - a)) > 1e-9:
                segs.append((a[0], a[1], b[0], b[1]))
                owner.append(e)
    if not segs:
        return 0
    segs = np.array(segs)
    owner = np.array(owner)
    grid = {}
    x0 = np.minimum(segs[:, 0], segs[:, 2]) // cell
    x1 = np.maximum(segs[:, 0], segs[:, 2]) // cell
    y0 = np.minimum(segs[:, 1], segs[:, 3]) // cell
    y1 = np.maximum(segs[:, 1], segs[:, 3]) // cell
    for i in range(len(segs)):
        for cx in range(int(x0[i]), int(x1[i]) + 1):
            for cy in range(int(y0[i]), int(y1[i]) + 1):
                grid.setdefault((cx, cy), []).append(i)
    found = set()
    for ids in grid.values():
        if len(ids) < 2:
            continue
        ids = np.array(ids)
        i, j = np.triu_indices(len(ids), 1)
        a, b = ids[i], ids[j]
        keep = owner[a] != owner[b]
        a, b = a[keep], b[keep]
        if len(a) == 0:
            continue
        p, q = segs[a], segs[b]

        def orient(ax, ay, bx, by, cx, cy):
            return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)

        d1 = orient(p[:, 0], p[:, 1], p[:, 2], p[:, 3], q[:, 0], q[:, 1])
        d2 = orient(p[:, 0], p[:, 1], p[:, 2], p[:, 3], q[:, 2], q[:, 3])
        d3 = orient(q[:, 0], q[:, 1], q[:, 2], q[:, 3], p[:, 0], p[:, 1])
        d4 = orient(q[:, 0], q[:, 1], q[:, 2], q[:, 3], p[:, 2], p[:, 3])
        parallel = (d1 == 0) & (d2 == 0)
        hit = (d1 * d2 <= 0) & (d3 * d4 <= 0) & ~parallel
        for u, v in zip(a[hit], b[hit]):
            found.add((min(u, v), max(u, v)))
    if not found:
        return 0
    boxes = np.asarray(boxes, dtype=float)
    points = {}
    for u, v in found:
        p, q = segs[u], segs[v]
        den = (p[2] - p[0]) * (q[3] - q[1]) - (p[3] - p[1]) * (q[2] - q[0])
        if den == 0:
            continue
        t = ((q[0] - p[0]) * (q[3] - q[1]) - (q[1] - p[1]) * (q[2] - q[0])) / den
        x, y = p[0] + t * (p[2] - p[0]), p[1] + t * (p[3] - p[1])
        # Ignore meetings at node borders, where the edges of one node gather.
        near = (np.abs(boxes[:, 0] - x) <= boxes[:, 2] / 2 + 3) & \
               (np.abs(boxes[:, 1] - y) <= boxes[:, 3] / 2 + 3)
        if near.any():
            continue
        pair = (min(owner[u], owner[v]), max(owner[u], owner[v]))
        points.setdefault(pair, []).append((x, y))
    count = 0
    for pts in points.values():
        kept = []
        for x, y in pts:
            if all(math.hypot(x - a, y - b) > 2 for a, b in kept):
                kept.append((x, y))
        count += len(kept)
    return count


def through_nodes(polys, boxes):
    boxes = np.asarray(boxes, dtype=float)
    count = 0
    for p in polys:
        pts = resample(p)
        if len(pts) == 0:
            continue
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        cand = np.where((boxes[:, 0] + boxes[:, 2] / 2 > lo[0]) & (boxes[:, 0] - boxes[:, 2] / 2 < hi[0])
                        & (boxes[:, 1] + boxes[:, 3] / 2 > lo[1])
                        & (boxes[:, 1] - boxes[:, 3] / 2 < hi[1]))[0]
        for n in cand:
            cx, cy, w, h = boxes[n]
            inside = (np.abs(pts[:, 0] - cx) < w / 2 - 2) & (np.abs(pts[:, 1] - cy) < h / 2 - 2)
            count += bool(inside.any())
    return count


def metrics(layout):
    polys = [np.asarray(p, dtype=float) for p in layout["edges"] if len(p) >= 2]
    boxes = np.asarray(layout["nodes"], dtype=float).reshape(-1, 4)
    xs = [boxes[:, 0] - boxes[:, 2] / 2, boxes[:, 0] + boxes[:, 2] / 2]
    ys = [boxes[:, 1] - boxes[:, 3] / 2, boxes[:, 1] + boxes[:, 3] / 2]
    for p in polys:
        xs.append(p[:, 0])
        ys.append(p[:, 1])
    allx, ally = np.concatenate(xs), np.concatenate(ys)
    area = (allx.max() - allx.min()) * (ally.max() - ally.min()) if len(allx) else 0
    length = sum(float(np.hypot(*np.diff(p, axis=0).T).sum()) for p in polys)
    return {"crossings": crossings(polys, boxes), "through": through_nodes(polys, boxes),
            "area": area, "length": length, "time": layout["time_ms"]}


# Report --------------------------------------------------------------------

def ratio(a, b):
    return a / b if b > 0 else float("nan")


def main():
    setup()
    files = corpus()
    startup = min(run_dot("digraph G { }")[1] for _ in range(5))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            name = os.path.basename(path)[:-4]
            sizes_json = subprocess.run([BENCH, "sizes", path], check=True, capture_output=True,
                                        text=True).stdout
            sizes = json.loads(sizes_json)
            sizes_path = os.path.join(tmp, "sizes.json")
            with open(sizes_path, "w") as f:
                f.write(sizes_json)
            n = len(sizes["nodes"])
            repeat = 3 if n >= 500 else 7
            result = {"name": name, "n": n, "m": len(sizes["edges"])}
            result["ours"] = metrics(ours(path, repeat))
            result["dagre"] = metrics(dagre(sizes_path, 1 if n >= 500 else 3))
            result["dot"] = metrics(dot(sizes, 1 if n >= 500 else 3, startup))
            rows.append(result)
            print("%-34s done" % name, file=sys.stderr)

    head = ("| graph | nodes | edges | crossings P/dagre/dot | through nodes P/dagre/dot "
            "| area P÷dagre | area P÷dot | length P÷dagre | length P÷dot "
            "| time P ms | dagre ms | dot ms | dagre÷P | dot÷P |")
    print(head)
    print("|" + "---|" * 15)
    for r in rows:
        o, d, g = r["ours"], r["dagre"], r["dot"]
        print("| %s | %d | %d | %d / %d / %d | %d / %d / %d | %.2f | %.2f | %.2f | %.2f "
              "| %.3f | %.2f | %.2f | %.0f× | %.0f× |"
              % (r["name"], r["n"], r["m"], o["crossings"], d["crossings"], g["crossings"],
                 o["through"], d["through"], g["through"], ratio(o["area"], d["area"]),
                 ratio(o["area"], g["area"]), ratio(o["length"], d["length"]),
                 ratio(o["length"], g["length"]), o["time"], d["time"], g["time"],
                 ratio(d["time"], o["time"]), ratio(g["time"], o["time"])))

    tot = {k: {m: sum(r[k][m] for r in rows) for m in ("crossings", "through", "area", "length")}
           for k in ("ours", "dagre", "dot")}
    worse = [r["name"] for r in rows if r["ours"]["crossings"] > r["dagre"]["crossings"]]
    speed = [ratio(r["dagre"]["time"], r["ours"]["time"]) for r in rows]
    big = [r["ours"]["time"] for r in rows if r["n"] >= 1000]
    print()
    print("graphs: %d; total crossings: Plateau %d, dagre %d, dot %d (Plateau/dagre %.0f %%, "
          "Plateau/dot %.0f %%)"
          % (len(rows), tot["ours"]["crossings"], tot["dagre"]["crossings"],
             tot["dot"]["crossings"], 100 * ratio(tot["ours"]["crossings"],
                                                  tot["dagre"]["crossings"]),
             100 * ratio(tot["ours"]["crossings"], tot["dot"]["crossings"])))
    print("edges through nodes: Plateau %d, dagre %d, dot %d"
          % (tot["ours"]["through"], tot["dagre"]["through"], tot["dot"]["through"]))
    print("total area: Plateau/dagre %.2f, Plateau/dot %.2f; total edge length: Plateau/dagre "
          "%.2f, Plateau/dot %.2f"
          % (ratio(tot["ours"]["area"], tot["dagre"]["area"]),
             ratio(tot["ours"]["area"], tot["dot"]["area"]),
             ratio(tot["ours"]["length"], tot["dagre"]["length"]),
             ratio(tot["ours"]["length"], tot["dot"]["length"])))
    print("graphs with more crossings than dagre: %s" % (", ".join(worse) or "none"))
    print("dot process start-up (empty graph): %.1f ms, included in the dot column" % startup)
    print("speed-up over dagre: min %.0f×, median %.0f×; 1,000-node layouts: %s ms"
          % (min(speed), sorted(speed)[len(speed) // 2],
             ", ".join("%.1f" % t for t in big)))


if __name__ == "__main__":
    main()
