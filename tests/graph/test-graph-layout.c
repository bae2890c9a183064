/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invariants of the layered layout on seeded random graphs and on the six
 * sample diagrams: nodes never overlap, edges follow the ranks (or run
 * against them when they close a cycle), start and end on node outlines,
 * never pass through a node, and subgraph boxes hold their members only.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plateau-graph.h"
#include "plateau-graph-layout.h"

#include "graph-geometry.h"

#define SAMPLES_PER_SEGMENT 24

typedef struct
{
  PlateauGraph *graph;
  PlateauGraphSizes *sizes;
  PlateauGraphLayout *layout;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  plateau_graph_layout_free (f->layout);
  plateau_graph_sizes_free (f->sizes);
  plateau_graph_free (f->graph);
}

static void
lay_out (Fixture    *f,
         const char *text,
         GRand      *rand)
{
  g_autoptr (GError) error = NULL;

  f->graph = plateau_graph_parse (text, -1, NULL, &error);
  g_assert_no_error (error);
  f->sizes = plateau_graph_sizes_new (f->graph);
  for (guint i = 0; i < f->graph->nodes->len; i++)
    {
      f->sizes->node_width[i] = g_rand_double_range (rand, 40, 160);
      f->sizes->node_height[i] = g_rand_double_range (rand, 30, 60);
    }
  for (guint i = 0; i < f->graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (f->graph->edges, PlateauGraphEdge, i);
      if (e->label != NULL)
        {
          f->sizes->label_width[i] = g_rand_double_range (rand, 20, 80);
          f->sizes->label_height[i] = 18;
        }
    }
  for (guint i = 0; i < f->graph->subgraphs->len; i++)
    {
      f->sizes->title_width[i] = g_rand_double_range (rand, 30, 120);
      f->sizes->title_height[i] = 20;
    }
  f->layout = plateau_graph_layout (f->graph, f->sizes, NULL);
}

/* Geometry ----------------------------------------------------------------- */

static PlateauGraphPoint
bezier (const PlateauGraphPoint *p,
        double                   t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (PlateauGraphPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                               a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

static GArray *
sample_path (const GArray *points)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));

  for (guint i = 0; i + 3 < points->len; i += 3)
    for (int k = (i == 0 ? 0 : 1); k <= SAMPLES_PER_SEGMENT; k++)
      {
        PlateauGraphPoint p = bezier (&g_array_index (points, PlateauGraphPoint, i),
                                      (double) k / SAMPLES_PER_SEGMENT);
        g_array_append_val (out, p);
      }

  return out;
}

static PlateauGraphBox
shrunk (const PlateauGraphBox *b,
        double                 by)
{
  return (PlateauGraphBox) { b->x, b->y, MAX (b->width - 2 * by, 0),
                             MAX (b->height - 2 * by, 0) };
}

/*
 * Whether two segments meet, touching included: two mirrored curves cross
 * exactly at a sample point. Meetings within 3 px of a node are ignored, as
 * edges of one node gather there.
 */
static gboolean
segments_cross (const Fixture    *f,
                PlateauGraphPoint a,
                PlateauGraphPoint b,
                PlateauGraphPoint c,
                PlateauGraphPoint d)
{
  double d1 = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  double d2 = (b.x - a.x) * (d.y - a.y) - (b.y - a.y) * (d.x - a.x);
  double d3 = (d.x - c.x) * (a.y - c.y) - (d.y - c.y) * (a.x - c.x);
  double d4 = (d.x - c.x) * (b.y - c.y) - (d.y - c.y) * (b.x - c.x);
  double den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
  double t, x, y;

  if (!(d1 * d2 <= 0 && d3 * d4 <= 0) || den == 0)
    return FALSE;

  t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den;
  x = a.x + t * (b.x - a.x);
  y = a.y + t * (b.y - a.y);
  for (guint v = 0; v < f->layout->n_nodes; v++)
    {
      const PlateauGraphBox *n = &f->layout->nodes[v];
      if (fabs (n->x - x) <= n->width / 2 + 3 && fabs (n->y - y) <= n->height / 2 + 3)
        return FALSE;
    }

  return TRUE;
}

/* Invariants ---------------------------------------------------------------- */

static void
check_no_overlap (const Fixture *f)
{
  const PlateauGraphLayout *l = f->layout;

  for (guint i = 0; i < l->n_nodes; i++)
    for (guint j = i + 1; j < l->n_nodes; j++)
      {
        const PlateauGraphBox *a = &l->nodes[i], *b = &l->nodes[j];
        gboolean apart = fabs (a->x - b->x) >= (a->width + b->width) / 2 + 1
                         || fabs (a->y - b->y) >= (a->height + b->height) / 2 + 1;
        if (!apart)
          g_error ("nodes %u and %u overlap", i, j);
      }
}

static gboolean
is_across (PlateauGraphDirection direction)
{
  return direction == PLATEAU_GRAPH_LR || direction == PLATEAU_GRAPH_RL;
}

/* Position along the flow: y for TB, -y for BT, x for LR, -x for RL. */
static double
along (PlateauGraphDirection direction,
       double                x,
       double                y)
{
  switch (direction)
    {
    case PLATEAU_GRAPH_BT:
      return -y;
    case PLATEAU_GRAPH_LR:
      return x;
    case PLATEAU_GRAPH_RL:
      return -x;
    case PLATEAU_GRAPH_TB:
    default:
      return y;
    }
}

static gboolean
subgraph_within (const PlateauGraph *g,
                 int                 inner,
                 int                 outer)
{
  for (; inner >= 0; inner = g_array_index (g->subgraphs, PlateauGraphSubgraph, inner).parent)
    if (inner == outer)
      return TRUE;

  return FALSE;
}

static int
end_subgraph (const PlateauGraph    *g,
              const PlateauGraphEnd *end)
{
  if (end->is_subgraph)
    return (int) end->index;
  return g_array_index (g->nodes, PlateauGraphNode, end->index).subgraph;
}

/* Mermaid's rule: a subgraph keeps its direction unless an edge leaves it from inside. */
static gboolean
keeps_direction (const PlateauGraph *g,
                 int                 s)
{
  for (guint i = 0; i < g->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (g->edges, PlateauGraphEdge, i);
      int a = end_subgraph (g, &e->from), b = end_subgraph (g, &e->to);
      gboolean in_a = subgraph_within (g, a, s) && !(e->from.is_subgraph && a == s);
      gboolean in_b = subgraph_within (g, b, s) && !(e->to.is_subgraph && b == s);

      if (in_a != in_b)
        return FALSE;
    }

  return TRUE;
}

/* The direction an edge between two nodes follows: that of the subgraph around both. */
static PlateauGraphDirection
edge_direction (const PlateauGraph     *g,
                const PlateauGraphEdge *e)
{
  int s = end_subgraph (g, &e->from);

  while (s >= 0 && !subgraph_within (g, end_subgraph (g, &e->to), s))
    s = g_array_index (g->subgraphs, PlateauGraphSubgraph, s).parent;

  for (; s >= 0; s = g_array_index (g->subgraphs, PlateauGraphSubgraph, s).parent)
    {
      const PlateauGraphSubgraph *sg = &g_array_index (g->subgraphs, PlateauGraphSubgraph, s);
      if (sg->has_direction && keeps_direction (g, s))
        return sg->direction;
    }

  return g->direction;
}

static void
check_ranks (const Fixture *f)
{
  for (guint i = 0; i < f->layout->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (f->graph->edges, PlateauGraphEdge, i);
      const PlateauGraphEdgePath *path = &f->layout->edges[i];
      PlateauGraphDirection dir;
      const PlateauGraphBox *a, *b;
      double ha, hb, from, to;

      if (e->from.is_subgraph || e->to.is_subgraph || e->from.index == e->to.index)
        continue;
      g_assert_cmpuint (path->points->len, >=, 4);
      g_assert_cmpuint ((path->points->len - 1) % 3, ==, 0);

      dir = edge_direction (f->graph, e);
      a = &f->layout->nodes[e->from.index];
      b = &f->layout->nodes[e->to.index];
      ha = (is_across (dir) ? a->width : a->height) / 2;
      hb = (is_across (dir) ? b->width : b->height) / 2;
      from = along (dir, a->x, a->y);
      to = along (dir, b->x, b->y);

      /* The target's rank lies wholly after the source's, or before it for a back edge. */
      if (path->reversed)
        g_assert_cmpfloat (to + hb, <, from - ha);
      else
        g_assert_cmpfloat (from + ha, <, to - hb);
    }
}

static void
check_edge_ends (const Fixture *f)
{
  for (guint i = 0; i < f->layout->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (f->graph->edges, PlateauGraphEdge, i);
      const GArray *points = f->layout->edges[i].points;
      const PlateauGraphEnd *ends[2] = { &e->from, &e->to };
      PlateauGraphPoint tips[2];

      if (points->len == 0)
        continue;
      tips[0] = g_array_index (points, PlateauGraphPoint, 0);
      tips[1] = g_array_index (points, PlateauGraphPoint, points->len - 1);

      for (int k = 0; k < 2; k++)
        {
          const PlateauGraphNode *n;
          double d;

          if (ends[k]->is_subgraph)
            continue;
          n = &g_array_index (f->graph->nodes, PlateauGraphNode, ends[k]->index);
          d = distance_to_outline (n->shape, &f->layout->nodes[ends[k]->index], tips[k]);
          if (d > 0.75)
            g_error ("edge %u ends %.2f px off the outline of %s", i, d, n->id);
        }
    }
}

static void
check_no_edge_through_nodes (const Fixture *f)
{
  for (guint i = 0; i < f->layout->n_edges; i++)
    {
      g_autoptr (GArray) samples = sample_path (f->layout->edges[i].points);

      for (guint v = 0; v < f->layout->n_nodes; v++)
        {
          const PlateauGraphNode *n = &g_array_index (f->graph->nodes, PlateauGraphNode, v);
          PlateauGraphBox inner = shrunk (&f->layout->nodes[v], 1.5);

          for (guint k = 0; k < samples->len; k++)
            {
              PlateauGraphPoint p = g_array_index (samples, PlateauGraphPoint, k);
              if (plateau_graph_shape_contains (n->shape, &inner, p.x, p.y))
                g_error ("edge %u passes through node %s at (%.1f, %.1f)", i, n->id, p.x, p.y);
            }
        }
    }
}

static gboolean
box_inside (const PlateauGraphBox *in,
            const PlateauGraphBox *out)
{
  return in->x - in->width / 2 >= out->x - out->width / 2 - 1e-6
         && in->x + in->width / 2 <= out->x + out->width / 2 + 1e-6
         && in->y - in->height / 2 >= out->y - out->height / 2 - 1e-6
         && in->y + in->height / 2 <= out->y + out->height / 2 + 1e-6;
}

static gboolean
boxes_meet (const PlateauGraphBox *a,
            const PlateauGraphBox *b)
{
  return fabs (a->x - b->x) < (a->width + b->width) / 2
         && fabs (a->y - b->y) < (a->height + b->height) / 2;
}

static void
check_subgraphs (const Fixture *f)
{
  const PlateauGraph *g = f->graph;

  for (guint s = 0; s < g->subgraphs->len; s++)
    {
      const PlateauGraphBox *box = &f->layout->subgraphs[s];
      const PlateauGraphSubgraph *sg = &g_array_index (g->subgraphs, PlateauGraphSubgraph, s);

      if (box->width <= 0)
        continue;

      for (guint v = 0; v < g->nodes->len; v++)
        {
          gboolean member = plateau_graph_node_in_subgraph (g, v, s);

          if (member && !box_inside (&f->layout->nodes[v], box))
            g_error ("node %u sticks out of subgraph %u", v, s);
          if (!member && boxes_meet (&f->layout->nodes[v], box))
            g_error ("node %u intrudes on subgraph %u", v, s);
        }

      if (sg->parent >= 0)
        g_assert_true (box_inside (box, &f->layout->subgraphs[sg->parent]));

      for (guint t = s + 1; t < g->subgraphs->len; t++)
        {
          const PlateauGraphSubgraph *other = &g_array_index (g->subgraphs, PlateauGraphSubgraph,
                                                              t);
          if (other->parent == sg->parent && f->layout->subgraphs[t].width > 0
              && boxes_meet (box, &f->layout->subgraphs[t]))
            g_error ("sibling subgraphs %u and %u overlap", s, t);
        }
    }
}

/* Edge labels are drawn apart from every node and from each other. */
static void
check_labels (const Fixture *f)
{
  const PlateauGraphLayout *l = f->layout;

  for (guint i = 0; i < l->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (f->graph->edges, PlateauGraphEdge, i);

      if (e->label == NULL || l->edges[i].points->len == 0)
        continue;
      if (!l->edges[i].has_label)
        g_error ("the label of edge %u is not placed", i);
      for (guint v = 0; v < l->n_nodes; v++)
        if (boxes_meet (&l->edges[i].label, &l->nodes[v]))
          g_error ("the label of edge %u lies on node %u", i, v);
      for (guint j = i + 1; j < l->n_edges; j++)
        if (l->edges[j].has_label && boxes_meet (&l->edges[i].label, &l->edges[j].label))
          g_error ("the labels of edges %u and %u overlap", i, j);
    }
}

static guint
count_crossings (const Fixture *f)
{
  guint n = f->layout->n_edges, crossings = 0;
  g_autoptr (GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (samples, sample_path (f->layout->edges[i].points));

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        GArray *a = g_ptr_array_index (samples, i), *b = g_ptr_array_index (samples, j);
        gboolean crossed = FALSE;

        for (guint p = 0; p + 1 < a->len && !crossed; p++)
          for (guint q = 0; q + 1 < b->len && !crossed; q++)
            crossed = segments_cross (f, g_array_index (a, PlateauGraphPoint, p),
                                      g_array_index (a, PlateauGraphPoint, p + 1),
                                      g_array_index (b, PlateauGraphPoint, q),
                                      g_array_index (b, PlateauGraphPoint, q + 1));
        crossings += crossed;
      }

  return crossings;
}

static void
check_all (const Fixture *f)
{
  g_assert_true (isfinite (f->layout->width) && f->layout->width > 0);
  g_assert_true (isfinite (f->layout->height) && f->layout->height > 0);
  check_no_overlap (f);
  check_ranks (f);
  check_edge_ends (f);
  check_no_edge_through_nodes (f);
  check_subgraphs (f);
  check_labels (f);
}

/* Random graphs ----------------------------------------------------------------- */

static const char *const directions[] = { "TB", "LR", "BT", "RL" };
static const char *const edge_kinds[] = { "-->", "---", "-.->", "==>", "--->", "-->|x|" };

static char *
random_graph (GRand   *rand,
              guint    n_nodes,
              guint    n_edges,
              gboolean clusters)
{
  GString *text = g_string_new (NULL);
  guint n_sub = clusters ? g_rand_int_range (rand, 1, 4) : 0;

  g_string_append_printf (text, "graph %s\n", directions[g_rand_int_range (rand, 0, 4)]);
  for (guint s = 0; s < n_sub; s++)
    {
      guint first = s * n_nodes / (n_sub + 1), last = (s + 1) * n_nodes / (n_sub + 1);

      g_string_append_printf (text, "subgraph S%u [Group %u]\n", s, s);
      for (guint v = first; v < last; v++)
        g_string_append_printf (text, "n%u\n", v);
      g_string_append (text, "end\n");
    }
  for (guint v = 0; v < n_nodes; v++)
    g_string_append_printf (text, "n%u[Node %u]\n", v, v);

  for (guint e = 0; e < n_edges; e++)
    {
      guint a = g_rand_int_range (rand, 0, (gint32) n_nodes);
      guint b = g_rand_int_range (rand, 0, (gint32) n_nodes);

      /* Mostly forward edges, as real diagrams have, some back and some loops. */
      if (g_rand_double (rand) < 0.8 && a > b)
        {
          guint t = a;
          a = b;
          b = t;
        }
      g_string_append_printf (text, "n%u %s n%u\n", a,
                              edge_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (edge_kinds))],
                              b);
    }

  return g_string_free (text, FALSE);
}

static void
test_random (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint n = g_rand_int_range (rand, 2, 40);
  g_autofree char *text = random_graph (rand, n, g_rand_int_range (rand, 1, 2 * n), FALSE);
  Fixture f = { 0 };

  g_test_message ("%s", text);
  lay_out (&f, text, rand);
  check_all (&f);
  fixture_clear (&f);
}

static void
test_random_subgraphs (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint n = g_rand_int_range (rand, 4, 30);
  g_autofree char *text = random_graph (rand, n, g_rand_int_range (rand, 1, n + 5), TRUE);
  Fixture f = { 0 };

  g_test_message ("%s", text);
  lay_out (&f, text, rand);
  check_all (&f);
  fixture_clear (&f);
}

static void
test_samples (void)
{
  static const char *const names[] = {
    "core-concepts", "growth-model-shifts", "model-lifecycle", "path-dependence",
    "roi-factors", "stage-evolution",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.mmd", names[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "graph", "samples", file, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GRand) rand = g_rand_new_with_seed (7);
      Fixture f = { 0 };

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lay_out (&f, text, rand);
      check_all (&f);
      g_assert_cmpuint (count_crossings (&f), ==, 0);
      fixture_clear (&f);
    }
}

static void
test_crossings_counted (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (8);
  Fixture f = { 0 };

  /* Two ranks of three, all joined: every order has 9 crossings. */
  lay_out (&f, "graph TD\na1 & a2 & a3 --> b1 & b2 & b3", rand);
  check_all (&f);
  g_assert_cmpuint (count_crossings (&f), ==, 9);
  fixture_clear (&f);
}

static void
test_cycles_are_reversed (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  Fixture f = { 0 };

  lay_out (&f, "graph TD\nA-->B-->C-->D-->B", rand);
  g_assert_cmpuint (f.layout->reversed_edges, ==, 1);
  g_assert_true (f.layout->edges[3].reversed);
  check_all (&f);
  fixture_clear (&f);
}

static void
test_edge_length (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (4);
  Fixture f = { 0 };

  /* A---->D asks for three ranks; B and C sit between A and D, which ends last. */
  lay_out (&f, "graph TD\nA---->D\nA-->B-->C", rand);
  g_assert_cmpuint (f.layout->n_ranks, ==, 4);
  g_assert_cmpfloat (f.layout->nodes[2].y, >, f.layout->nodes[0].y);
  g_assert_cmpfloat (f.layout->nodes[3].y, >, f.layout->nodes[2].y);
  g_assert_cmpfloat (f.layout->nodes[1].y, >, f.layout->nodes[3].y);
  fixture_clear (&f);
}

static void
test_empty (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  Fixture f = { 0 };

  lay_out (&f, "graph TD", rand);
  g_assert_cmpuint (f.layout->n_nodes, ==, 0);
  g_assert_cmpfloat (f.layout->width, >, 0);
  fixture_clear (&f);
}

static void
test_edge_to_subgraph (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);
  Fixture f = { 0 };
  const GArray *points;
  PlateauGraphPoint end;
  const PlateauGraphBox *box;

  lay_out (&f, "graph TD\nX-->S\nsubgraph S\nA-->B\nend", rand);
  check_all (&f);
  points = f.layout->edges[0].points;
  end = g_array_index (points, PlateauGraphPoint, points->len - 1);
  box = &f.layout->subgraphs[0];
  g_assert_cmpfloat_with_epsilon (end.y, box->y - box->height / 2, 1e-6);
  fixture_clear (&f);
}

/* How far the path reaches across its node's side: x in TB. */
static double
reach (const GArray *points)
{
  g_autoptr (GArray) samples = sample_path (points);
  double far = -INFINITY;

  for (guint k = 0; k < samples->len; k++)
    far = MAX (far, g_array_index (samples, PlateauGraphPoint, k).x);

  return far;
}

/* Whether a sample of @points lies inside @box shrunk by one pixel. */
static gboolean
path_enters (const GArray          *points,
             const PlateauGraphBox *box)
{
  g_autoptr (GArray) samples = sample_path (points);
  PlateauGraphBox inner = shrunk (box, 1);

  for (guint k = 0; k < samples->len; k++)
    {
      PlateauGraphPoint p = g_array_index (samples, PlateauGraphPoint, k);
      if (fabs (p.x - inner.x) < inner.width / 2 && fabs (p.y - inner.y) < inner.height / 2)
        return TRUE;
    }

  return FALSE;
}

static void
test_loops (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (9);
  Fixture f = { 0 };
  const PlateauGraphEdgePath *e;

  /* Three loops on A, two of them labelled, fan out; every label is drawn clear of them. */
  lay_out (&f, "graph TD\nA-->|first|A\nA-->A\nA-->|a longer label|A\nA-->B\nB-->|x|B", rand);
  check_all (&f);
  e = f.layout->edges;
  g_assert_true (e[0].has_label && e[2].has_label && e[4].has_label);
  g_assert_false (e[1].has_label);
  g_assert_cmpfloat (reach (e[1].points), >, reach (e[0].points) + 4);
  g_assert_cmpfloat (reach (e[2].points), >, reach (e[1].points) + 4);
  for (guint i = 0; i < 5; i++)
    for (guint j = 0; j < 5; j++)
      if (i != 3 && e[j].has_label && path_enters (e[i].points, &e[j].label))
        g_error ("loop %u runs through the label of edge %u", i, j);
  fixture_clear (&f);

  /* In LR the loops hang below the node and still clear their labels. */
  lay_out (&f, "graph LR\nA-->|a long loop label|A\nA-->|two|A\nA-->B", rand);
  check_all (&f);
  e = f.layout->edges;
  g_assert_false (path_enters (e[1].points, &e[0].label));
  g_assert_false (path_enters (e[0].points, &e[1].label));
  fixture_clear (&f);
}

static double
box_top (const PlateauGraphBox *b)
{
  return b->y - b->height / 2;
}

static double
box_bottom (const PlateauGraphBox *b)
{
  return b->y + b->height / 2;
}

static double
box_left (const PlateauGraphBox *b)
{
  return b->x - b->width / 2;
}

static double
box_right (const PlateauGraphBox *b)
{
  return b->x + b->width / 2;
}

static void
test_subgraph_direction (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (10);
  Fixture f = { 0 };
  const PlateauGraphBox *n, *sg;

  /* Mermaid's example: subgraphs linked only as a whole keep their own direction. */
  lay_out (&f, "flowchart LR\n  subgraph TOP\n    direction TB\n    subgraph B1\n"
               "        direction RL\n        i1 -->f1\n    end\n    subgraph B2\n"
               "        direction BT\n        i2 -->f2\n    end\n  end\n"
               "  A --> TOP --> B\n  B1 --> B2", rand);
  check_all (&f);
  n = f.layout->nodes;
  sg = f.layout->subgraphs;

  /* i1 0, f1 1, i2 2, f2 3, A 4, B 5; TOP 0, B1 1, B2 2. */
  g_assert_cmpfloat (box_right (&n[1]), <, box_left (&n[0]));
  g_assert_cmpfloat_with_epsilon (n[1].y, n[0].y, 1);
  g_assert_cmpfloat (box_bottom (&n[3]), <, box_top (&n[2]));
  g_assert_cmpfloat_with_epsilon (n[3].x, n[2].x, 1);
  g_assert_cmpfloat (box_bottom (&sg[1]), <, box_top (&sg[2]));
  g_assert_cmpfloat (box_right (&n[4]), <, box_left (&sg[0]));
  g_assert_cmpfloat (box_right (&sg[0]), <, box_left (&n[5]));
  g_assert_cmpuint (f.layout->edges[2].points->len, >=, 4);
  fixture_clear (&f);

  /* A link into a member makes the subgraph follow the graph's direction instead. */
  lay_out (&f, "flowchart LR\n  subgraph subgraph1\n    direction TB\n"
               "    top1[top] --> bottom1[bottom]\n  end\n  subgraph subgraph2\n"
               "    direction TB\n    top2[top] --> bottom2[bottom]\n  end\n"
               "  outside --> subgraph1\n  outside ---> top2", rand);
  check_all (&f);
  n = f.layout->nodes;
  g_assert_cmpfloat (box_bottom (&n[0]), <, box_top (&n[1]));
  g_assert_cmpfloat_with_epsilon (n[0].x, n[1].x, 1);
  g_assert_cmpfloat (box_right (&n[2]), <, box_left (&n[3]));
  g_assert_cmpfloat_with_epsilon (n[2].y, n[3].y, 1);
  fixture_clear (&f);
}

static void
test_empty_subgraph (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  Fixture f = { 0 };
  const PlateauGraphBox *box;
  const GArray *in, *out;

  /* An empty subgraph is still a box, and edges meet it. */
  lay_out (&f, "graph TD\nA-->S\nS-->B\nsubgraph S [Nothing yet]\nend\nsubgraph T\nend", rand);
  check_all (&f);
  box = &f.layout->subgraphs[0];
  g_assert_cmpfloat (box->width, >, 0);
  g_assert_cmpfloat (box->height, >, 0);
  g_assert_cmpfloat (f.layout->subgraphs[1].width, >, 0);
  in = f.layout->edges[0].points;
  out = f.layout->edges[1].points;
  g_assert_cmpuint (in->len, >=, 4);
  g_assert_cmpuint (out->len, >=, 4);
  g_assert_cmpfloat_with_epsilon (g_array_index (in, PlateauGraphPoint, in->len - 1).y,
                                  box_top (box), 0.5);
  g_assert_cmpfloat_with_epsilon (g_array_index (out, PlateauGraphPoint, 0).y,
                                  box_bottom (box), 0.5);
  g_assert_cmpfloat (box_bottom (&f.layout->nodes[0]), <, box_top (box));
  g_assert_cmpfloat (box_bottom (box), <, box_top (&f.layout->nodes[1]));
  g_assert_cmpuint (f.layout->warnings->len, ==, 0);
  fixture_clear (&f);
}

static void
test_undrawable_edges_warn (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  Fixture f = { 0 };

  /* An edge from a node to the subgraph around it has no place; the layout says so. */
  lay_out (&f, "graph TD\nsubgraph S\nA-->B\nend\nA-->S\nS-->S\nC-->D", rand);
  check_all (&f);
  g_assert_cmpuint (f.layout->edges[0].points->len, >=, 4);
  g_assert_cmpuint (f.layout->edges[3].points->len, >=, 4);
  g_assert_cmpuint (f.layout->warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (f.layout->warnings, 0), "line 5"));
  g_assert_nonnull (strstr (g_ptr_array_index (f.layout->warnings, 0), "“A”"));
  g_assert_nonnull (strstr (g_ptr_array_index (f.layout->warnings, 1), "line 6"));
  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/layout/random/%u", seed);
      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_random);
    }
  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/layout/random-subgraphs/%u", seed);
      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_random_subgraphs);
    }
  g_test_add_func ("/graph/layout/samples", test_samples);
  g_test_add_func ("/graph/layout/crossings-counted", test_crossings_counted);
  g_test_add_func ("/graph/layout/cycles", test_cycles_are_reversed);
  g_test_add_func ("/graph/layout/edge-length", test_edge_length);
  g_test_add_func ("/graph/layout/empty", test_empty);
  g_test_add_func ("/graph/layout/edge-to-subgraph", test_edge_to_subgraph);
  g_test_add_func ("/graph/layout/loops", test_loops);
  g_test_add_func ("/graph/layout/subgraph-direction", test_subgraph_direction);
  g_test_add_func ("/graph/layout/empty-subgraph", test_empty_subgraph);
  g_test_add_func ("/graph/layout/undrawable-edges-warn", test_undrawable_edges_warn);

  return g_test_run ();
}
