/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-loops: an edge from a node back to itself is a curve on the node's
 * side across the flow (the right side in the working frame). Several
 * loops on one node nest, each reaching further out and meeting the node
 * further apart, and each label sits just outside its own loop, in the
 * gap before the next one. Everything is planned before ordering, so the
 * room the loops need is known when the nodes of a rank are spaced.
 */

#include "config.h"

#include <math.h>

#include "plateau-graph-layout-private.h"

#define LOOP_REACH 22.0         /* from the side to the outer controls */
#define LOOP_LIFT 13.0          /* outer controls beyond the ends, along the flow */
#define LOOP_STEP 10.0          /* between nested loops without labels */
#define LABEL_GAP 4.0           /* between a loop and a label */
#define CHECK_SAMPLES 48
#define MAX_WIDENING 60

static PlateauGraphPoint
bezier (const PlateauGraphPoint *p,
        double                   t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (PlateauGraphPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                               a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/* The loop's four control points, relative to the node's centre. */
static void
loop_controls (const PlateauGraphLoop *loop,
               PlateauGraphPoint      *p)
{
  p[0] = (PlateauGraphPoint) { loop->x_top, -loop->dy };
  p[1] = (PlateauGraphPoint) { loop->far, -loop->dy - loop->lift };
  p[2] = (PlateauGraphPoint) { loop->far, loop->dy + loop->lift };
  p[3] = (PlateauGraphPoint) { loop->x_bottom, loop->dy };
}

/* Whether the loop's curve comes within LABEL_GAP of the label of @other. */
static gboolean
loop_hits_label (const PlateauGraphLoop *loop,
                 const PlateauGraphLoop *other)
{
  PlateauGraphPoint p[4];

  if (other->label_w <= 0)
    return FALSE;

  loop_controls (loop, p);
  for (int k = 0; k <= CHECK_SAMPLES; k++)
    {
      PlateauGraphPoint q = bezier (p, (double) k / CHECK_SAMPLES);

      if (fabs (q.x - other->label_x) < other->label_w / 2 + LABEL_GAP
          && fabs (q.y) < other->label_h / 2 + LABEL_GAP)
        return TRUE;
    }

  return FALSE;
}

/* How far the loop reaches across at its middle, the apex of the curve. */
static double
apex (const PlateauGraphLoop *loop)
{
  PlateauGraphPoint p[4];

  loop_controls (loop, p);
  return bezier (p, 0.5).x;
}

/* How far the loop and its label reach along the flow, either way from the centre. */
static double
along_extent (const PlateauGraphLoop *loop)
{
  PlateauGraphPoint p[4];
  double most = loop->label_h / 2;

  loop_controls (loop, p);
  for (int k = 0; k <= CHECK_SAMPLES; k++)
    most = MAX (most, fabs (bezier (p, (double) k / CHECK_SAMPLES).y));

  return most;
}

/*
 * The next loop on a node, around the loops in @plans from @first on: it
 * meets the side further out and reaches past their labels.
 */
static void
plan_one (const LGraph     *g,
          guint             j,
          guint             n,
          const GArray     *plans,
          guint             first,
          PlateauGraphLoop *loop)
{
  const LNode *v = lnode (g, loop->node);
  double spread = n > 1 ? (double) j / (n - 1) : 0;
  double start = LOOP_REACH;

  loop->dy = MIN (v->h * (0.22 + 0.26 * spread), v->h * 0.22 + LOOP_STEP * j);
  loop->x_top = plateau_graph_side_border (g, loop->node, -loop->dy, 1);
  loop->x_bottom = plateau_graph_side_border (g, loop->node, loop->dy, 1);
  loop->lift = LOOP_LIFT + LOOP_STEP * j;

  /* Each loop is taller and wider than the one inside it, so their curves stay apart. */
  if (j > 0)
    {
      const PlateauGraphLoop *inner = &g_array_index (plans, PlateauGraphLoop, plans->len - 1);
      start = inner->far - v->w / 2 + LOOP_STEP;
      loop->lift = MAX (loop->lift, inner->lift + inner->dy - loop->dy + LOOP_STEP);
      loop->lift = MAX (loop->lift, inner->label_h / 2 + LABEL_GAP);
    }

  /* Widen until the curve clears every label inside it. */
  loop->far = v->w / 2 + start;
  for (int step = 0; step < MAX_WIDENING; step++)
    {
      gboolean clear = TRUE;

      for (guint k = first; k < plans->len && clear; k++)
        clear = !loop_hits_label (loop, &g_array_index (plans, PlateauGraphLoop, k));
      if (clear)
        break;
      loop->far += LABEL_GAP;
    }

  if (loop->label_w > 0)
    loop->label_x = apex (loop) + LABEL_GAP + loop->label_w / 2;
}

/* The room a node's loops take beside it (across) and about its centre (along). */
static void
reserve_room (LGraph                 *g,
              const PlateauGraphLoop *loop)
{
  LNode *v = lnode (g, loop->node);
  double right = MAX (apex (loop), loop->label_x + loop->label_w / 2);

  v->right_extra = MAX (v->right_extra, right - v->w / 2 + LABEL_GAP);
  v->loop_span = MAX (v->loop_span, 2 * along_extent (loop));
}

/* Appends the loops on @node, of the graph edges in @edges, innermost first. */
static void
plan_node (LGraph                  *g,
           const GArray            *edges,
           const PlateauGraphSizes *sizes,
           GArray                  *plans)
{
  gboolean across = g->graph->direction == PLATEAU_GRAPH_LR
                    || g->graph->direction == PLATEAU_GRAPH_RL;
  guint first = plans->len;

  for (guint j = 0; j < edges->len; j++)
    {
      int e = g_array_index (edges, int, j);
      const PlateauGraphEdge *ge = &g_array_index (g->graph->edges, PlateauGraphEdge, e);
      PlateauGraphLoop loop = { 0 };

      loop.edge = e;
      loop.node = (int) ge->from.index;
      loop.label_w = across ? sizes->label_height[e] : sizes->label_width[e];
      loop.label_h = across ? sizes->label_width[e] : sizes->label_height[e];
      plan_one (g, j, edges->len, plans, first, &loop);
      reserve_room (g, &loop);
      g_array_append_val (plans, loop);
    }
}

/**
 * plateau_graph_plan_loops: (skip)
 * @g: the working graph, before ordering
 * @edges: graph edges from a node to itself, in text order
 * @sizes: the label sizes
 *
 * Shapes every loop and makes room for it beside its node.
 *
 * Returns: (transfer full): a #PlateauGraphLoop per edge of @edges, by node
 */
GArray *
plateau_graph_plan_loops (LGraph                  *g,
                          const GArray            *edges,
                          const PlateauGraphSizes *sizes)
{
  GArray *plans = g_array_new (FALSE, TRUE, sizeof (PlateauGraphLoop));
  g_autoptr (GHashTable) by_node = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < edges->len; k++)
    {
      int e = g_array_index (edges, int, k);
      int node = (int) g_array_index (g->graph->edges, PlateauGraphEdge, e).from.index;
      GArray *list = g_hash_table_lookup (by_node, GINT_TO_POINTER (node + 1));

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (int));
          g_hash_table_insert (by_node, GINT_TO_POINTER (node + 1), list);
          g_array_append_val (nodes, node);
        }
      g_array_append_val (list, e);
    }

  for (guint k = 0; k < nodes->len; k++)
    plan_node (g, g_hash_table_lookup (by_node,
                                       GINT_TO_POINTER (g_array_index (nodes, int, k) + 1)),
               sizes, plans);

  return plans;
}

/**
 * plateau_graph_route_loop: (skip)
 * @g: the working graph, placed
 * @loop: a planned loop
 *
 * Returns: (transfer full): the loop's Bézier chain in the working frame
 */
GArray *
plateau_graph_route_loop (const LGraph           *g,
                          const PlateauGraphLoop *loop)
{
  const LNode *v = lnode (g, loop->node);
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (PlateauGraphPoint), 4);
  PlateauGraphPoint p[4];

  loop_controls (loop, p);
  for (int k = 0; k < 4; k++)
    {
      PlateauGraphPoint q = { v->x + p[k].x, v->y + p[k].y };
      g_array_append_val (points, q);
    }

  return points;
}
