// SPDX-License-Identifier: GPL-3.0-or-later
//
// The dagre side of the graph benchmark: reads the graph with node sizes
// that graph-bench wrote, lays it out with the same spacing as Plateau,
// and prints the fastest of N layouts and the geometry as JSON.
//
//   node dagre-layout.js SIZES.json N

const fs = require('fs');
const dagre = require('@dagrejs/dagre');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const repeat = parseInt(process.argv[3] || '5', 10);

function build() {
  const g = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  g.setGraph({ rankdir: input.direction, nodesep: 36, edgesep: 18, ranksep: 48,
               marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of input.subgraphs)
    g.setNode('cluster:' + s.id, {});
  for (const s of input.subgraphs)
    if (s.parent !== null)
      g.setParent('cluster:' + s.id, 'cluster:' + s.parent);
  for (const n of input.nodes) {
    g.setNode(n.id, { width: n.width, height: n.height });
    if (n.subgraph !== null)
      g.setParent(n.id, 'cluster:' + n.subgraph);
  }
  input.edges.forEach(([from, to, minlen], i) => {
    g.setEdge({ v: from, w: to, name: 'e' + i }, { minlen: minlen });
  });
  return g;
}

let best = Infinity;
let g = null;
for (let r = 0; r < repeat; r++) {
  g = build();
  const start = process.hrtime.bigint();
  dagre.layout(g);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  best = Math.min(best, ms);
}

const out = { time_ms: best, nodes: [], edges: [] };
for (const n of input.nodes) {
  const v = g.node(n.id);
  out.nodes.push([v.x, v.y, v.width, v.height]);
}
input.edges.forEach(([from, to], i) => {
  const e = g.edge({ v: from, w: to, name: 'e' + i });
  out.edges.push(e.points.map(p => [p.x, p.y]));
});
console.log(JSON.stringify(out));
