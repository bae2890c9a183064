/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layered layout: break cycles, rank, insert dummy nodes, order
 * (plateau-graph-order.c), place (plateau-graph-position.c), box subgraphs
 * and route edges as smooth curves. Everything runs in a top-to-bottom
 * frame; other directions are turned at the end.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plateau-graph-layout-private.h"

#define MAX_RANK_PASSES 64
#define PORT_STEP 16.0
#define ARC_BULGE 28.0
#define MAX_PIVOTS 4000         /* network simplex stops here on huge graphs */
#define BOTH_WAYS_MIN 40        /* graph nodes: below, cycles are broken greedily only */

/**
 * plateau_graph_layout_options_init:
 * @options: (out): options to fill
 *
 * Fills @options with the spacing Plateau uses by default.
 */
void
plateau_graph_layout_options_init (PlateauGraphLayoutOptions *options)
{
  g_return_if_fail (options != NULL);

  options->node_sep = 36;
  options->edge_sep = 18;
  options->rank_sep = 48;
  options->subgraph_pad = 14;
  options->margin = 16;
  options->seed = 1;
}

/**
 * plateau_graph_sizes_new:
 * @graph: a graph
 *
 * Allocates zeroed size arrays for the nodes, edges and subgraphs of @graph.
 *
 * Returns: (transfer full): the sizes
 */
PlateauGraphSizes *
plateau_graph_sizes_new (const PlateauGraph *graph)
{
  PlateauGraphSizes *sizes = g_new0 (PlateauGraphSizes, 1);

  g_return_val_if_fail (graph != NULL, NULL);

  sizes->node_width = g_new0 (double, graph->nodes->len + 1);
  sizes->node_height = g_new0 (double, graph->nodes->len + 1);
  sizes->label_width = g_new0 (double, graph->edges->len + 1);
  sizes->label_height = g_new0 (double, graph->edges->len + 1);
  sizes->title_width = g_new0 (double, graph->subgraphs->len + 1);
  sizes->title_height = g_new0 (double, graph->subgraphs->len + 1);

  return sizes;
}

/**
 * plateau_graph_sizes_free:
 * @sizes: (nullable): sizes
 *
 * Frees @sizes.
 */
void
plateau_graph_sizes_free (PlateauGraphSizes *sizes)
{
  if (sizes == NULL)
    return;

  g_free (sizes->node_width);
  g_free (sizes->node_height);
  g_free (sizes->label_width);
  g_free (sizes->label_height);
  g_free (sizes->title_width);
  g_free (sizes->title_height);
  g_free (sizes);
}

/**
 * plateau_graph_layout_free:
 * @layout: (nullable): a layout
 *
 * Frees @layout.
 */
void
plateau_graph_layout_free (PlateauGraphLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_edges; i++)
    g_array_unref (layout->edges[i].points);
  g_free (layout->nodes);
  g_free (layout->edges);
  g_free (layout->subgraphs);
  if (layout->warnings != NULL)
    g_ptr_array_unref (layout->warnings);
  g_free (layout);
}

/* Subgraph trees ------------------------------------------------------------ */

/**
 * plateau_graph_cluster_within: (skip)
 *
 * Returns: whether subgraph @inner is @outer or nested in it (-1 is the top)
 */
gboolean
plateau_graph_cluster_within (const LGraph *g,
                              int           inner,
                              int           outer)
{
  if (outer < 0)
    return TRUE;

  for (int c = inner; c >= 0; c = g->cluster_parent[c])
    {
      if (c == outer)
        return TRUE;
    }

  return FALSE;
}

/**
 * plateau_graph_cluster_common: (skip)
 *
 * Returns: the innermost subgraph holding both @a and @b, or -1
 */
int
plateau_graph_cluster_common (const LGraph *g,
                              int           a,
                              int           b)
{
  while (a >= 0 && !plateau_graph_cluster_within (g, b, a))
    a = g->cluster_parent[a];

  return a;
}

/* Building the working graph ------------------------------------------------ */

typedef struct
{
  const PlateauGraph *graph;
  const PlateauGraphSizes *sizes;
  gboolean across;            /* LR or RL: the flow runs along x */
  gboolean doubled;           /* ranks doubled to give edge labels a rank */
  LGraph g;
  GArray *loops;              /* int: graph edges from a node to itself */
  GArray *loop_plans;         /* PlateauGraphLoop */
  int *rep_in;                /* per subgraph: the member an incoming edge aims at */
  int *rep_out;
  double *rank_top;
  double *rank_height;
  double *top_space;          /* per subgraph, along the flow */
  double *bottom_space;
  int *cluster_rmin;
  int *cluster_rmax;
  PlateauGraphBox *boxes;     /* per subgraph, in the working frame */
  GArray **outlines;          /* per graph node, once asked for: its outline about its centre */
} Work;

static int
add_lnode (LGraph   *g,
           LNodeKind kind,
           int       orig,
           int       cluster,
           double    w,
           double    h)
{
  LNode n = { kind, orig, cluster, w, h, 0, 0, FALSE, 0, 0, 0, 0 };

  g_array_append_val (g->nodes, n);
  return (int) g->nodes->len - 1;
}

static int
add_ledge (LGraph *g,
           int     u,
           int     v,
           int     minlen,
           double  weight,
           int     orig)
{
  LEdge e = { u, v, minlen, weight, orig, FALSE, 0, NULL };

  g_array_append_val (g->edges, e);
  return (int) g->edges->len - 1;
}

static int
first_member (const PlateauGraph *graph,
              guint               subgraph)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (plateau_graph_node_in_subgraph (graph, i, subgraph))
        return (int) i;
    }

  return -1;
}

/* The nodes an end stands for: itself, or every member of a subgraph. */
static void
end_members (const PlateauGraph    *graph,
             const PlateauGraphEnd *end,
             GArray                *out)
{
  g_array_set_size (out, 0);
  if (!end->is_subgraph)
    {
      int v = (int) end->index;
      g_array_append_val (out, v);
      return;
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (plateau_graph_node_in_subgraph (graph, i, end->index))
        {
          int v = (int) i;
          g_array_append_val (out, v);
        }
    }
}

static void
build_nodes (Work *w)
{
  const PlateauGraph *graph = w->graph;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *node = &g_array_index (graph->nodes, PlateauGraphNode, i);
      double nw = MAX (w->sizes->node_width[i], 1.0);
      double nh = MAX (w->sizes->node_height[i], 1.0);

      add_lnode (&w->g, LNODE_REAL, (int) i, node->subgraph, w->across ? nh : nw,
                 w->across ? nw : nh);
    }
}

/* Whether the end @inner is @outer (a subgraph) or lies within it. */
static gboolean
end_within (const PlateauGraph    *graph,
            const PlateauGraphEnd *inner,
            const PlateauGraphEnd *outer)
{
  int s;

  if (!outer->is_subgraph)
    return FALSE;
  if (!inner->is_subgraph)
    return plateau_graph_node_in_subgraph (graph, inner->index, outer->index);

  for (s = (int) inner->index; s >= 0;
       s = g_array_index (graph->subgraphs, PlateauGraphSubgraph, s).parent)
    {
      if (s == (int) outer->index)
        return TRUE;
    }

  return FALSE;
}

/* Whether an edge joins a subgraph to something inside it (or to itself). */
static gboolean
ends_nested (const PlateauGraph     *graph,
             const PlateauGraphEdge *e)
{
  return end_within (graph, &e->from, &e->to) || end_within (graph, &e->to, &e->from);
}

/*
 * One working edge per graph edge, between representatives when an end is
 * a subgraph, plus weightless constraints that keep every member of that
 * subgraph on the far side of the edge.
 */
static void
build_edges (Work *w)
{
  const PlateauGraph *graph = w->graph;
  g_autoptr (GArray) from = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) to = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      int minlen = (int) e->length * (w->doubled ? 2 : 1);
      int u, v;

      /* An edge from inside a box to the box itself has no direction to go. */
      end_members (graph, &e->from, from);
      end_members (graph, &e->to, to);
      if (from->len == 0 || to->len == 0 || ends_nested (graph, e))
        continue;

      u = e->from.is_subgraph ? first_member (graph, e->from.index) : (int) e->from.index;
      v = e->to.is_subgraph ? first_member (graph, e->to.index) : (int) e->to.index;
      if (u == v)
        {
          if (!e->from.is_subgraph && !e->to.is_subgraph)
            g_array_append_val (w->loops, i);
          continue;
        }

      add_ledge (&w->g, u, v, minlen, e->stroke == PLATEAU_GRAPH_STROKE_INVISIBLE ? 0.5 : 1.0,
                 (int) i);

      if (from->len * to->len > 1 && from->len * to->len <= 4096)
        for (guint a = 0; a < from->len; a++)
          for (guint b = 0; b < to->len; b++)
            {
              int x = g_array_index (from, int, a), y = g_array_index (to, int, b);
              if (x != y && !(x == u && y == v))
                add_ledge (&w->g, x, y, minlen, 0.0, -1);
            }
    }
}

/* Cycles -------------------------------------------------------------------- */

/*
 * The greedy heuristic of Eades, Lin and Smyth: peel sinks to the end and
 * sources to the front, otherwise take the node with the most outgoing
 * weight over incoming, earliest in the text on ties. Edges that point
 * backwards in the resulting sequence are reversed. Few edges turn, and
 * those that do close the cycles where a reader expects them to.
 */
static void
break_cycles (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree double *in_w = g_new0 (double, n);
  g_autofree double *out_w = g_new0 (double, n);
  g_autofree int *in_n = g_new0 (int, n);
  g_autofree int *out_n = g_new0 (int, n);
  g_autofree gboolean *gone = g_new0 (gboolean, n);
  g_autofree int *place = g_new0 (int, n);
  g_autofree GArray **adj = g_new0 (GArray *, n);
  int front = 0, back = (int) n - 1;
  guint removed = 0;

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      int ends[2] = { e->u, e->v };

      if (e->u == e->v)
        continue;
      out_w[e->u] += e->weight + 1e-3;
      in_w[e->v] += e->weight + 1e-3;
      out_n[e->u]++;
      in_n[e->v]++;
      for (int k = 0; k < 2; k++)
        {
          if (adj[ends[k]] == NULL)
            adj[ends[k]] = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (adj[ends[k]], i);
        }
    }

  while (removed < n)
    {
      int pick = -1;
      gboolean to_back = FALSE;

      /* Sinks and sources first, in text order. */
      for (guint v = 0; v < n && pick < 0; v++)
        {
          if (gone[v])
            continue;
          if (out_n[v] == 0)
            pick = (int) v, to_back = TRUE;
          else if (in_n[v] == 0)
            pick = (int) v;
        }

      if (pick < 0)
        {
          double best = -G_MAXDOUBLE;
          for (guint v = 0; v < n; v++)
            if (!gone[v] && out_w[v] - in_w[v] > best + 1e-9)
              {
                best = out_w[v] - in_w[v];
                pick = (int) v;
              }
        }

      gone[pick] = TRUE;
      removed++;
      place[pick] = to_back ? back-- : front++;
      for (guint k = 0; adj[pick] != NULL && k < adj[pick]->len; k++)
        {
          LEdge *e = ledge (g, g_array_index (adj[pick], int, k));
          if (e->u == pick && !gone[e->v])
            {
              in_n[e->v]--;
              in_w[e->v] -= e->weight + 1e-3;
            }
          else if (e->v == pick && !gone[e->u])
            {
              out_n[e->u]--;
              out_w[e->u] -= e->weight + 1e-3;
            }
        }
    }

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      if (place[e->u] > place[e->v])
        {
          int t = e->u;
          e->u = e->v;
          e->v = t;
          e->reversed = TRUE;
        }
    }

  for (guint v = 0; v < n; v++)
    if (adj[v] != NULL)
      g_array_unref (adj[v]);
}

/* Reverses edge @i of the working graph. */
static void
reverse_edge (LGraph *g,
              int     i)
{
  LEdge *e = ledge (g, i);
  int t = e->u;

  e->u = e->v;
  e->v = t;
  e->reversed = TRUE;
}

/* Walks down from @root, turning every edge that leads back to a node on the walk. */
static void
walk_reversing (LGraph  *g,
                GArray **out,
                guint   *next,
                int     *state,
                int      root)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  state[root] = 1;
  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      int v = g_array_index (stack, int, stack->len - 1);
      LEdge *e;
      int i;

      if (out[v] == NULL || next[v] >= out[v]->len)
        {
          state[v] = 2;
          g_array_set_size (stack, stack->len - 1);
          continue;
        }

      i = g_array_index (out[v], int, next[v]++);
      e = ledge (g, i);
      if (state[e->v] == 1)
        reverse_edge (g, i);
      else if (state[e->v] == 0)
        {
          state[e->v] = 1;
          g_array_append_val (stack, e->v);
        }
    }
}

/*
 * The other way to break cycles, dot's: a depth-first walk from the
 * sources, in the order of the text, reverses the edges that return to a
 * node on the walk. It turns more edges than the greedy heuristic, but on
 * some graphs the ranks it leaves cross less.
 */
static void
break_cycles_depth_first (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree GArray **out = g_new0 (GArray *, n + 1);
  g_autofree guint *next = g_new0 (guint, n + 1);
  g_autofree int *state = g_new0 (int, n + 1);
  g_autofree gboolean *has_in = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);

      if (e->u == e->v)
        continue;
      if (out[e->u] == NULL)
        out[e->u] = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (out[e->u], i);
      has_in[e->v] = TRUE;
    }

  /* Sources first, then whatever cycles leave unreached. */
  for (int pass = 0; pass < 2; pass++)
    for (guint v = 0; v < n; v++)
      if (state[v] == 0 && (pass == 1 || !has_in[v]))
        walk_reversing (g, out, next, state, (int) v);

  for (guint v = 0; v < n; v++)
    if (out[v] != NULL)
      g_array_unref (out[v]);
}

/* Ranks --------------------------------------------------------------------- */

static void
longest_path_ranks (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree int *indegree = g_new0 (int, n);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree GArray **out = g_new0 (GArray *, n);

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      indegree[e->v]++;
      if (out[e->u] == NULL)
        out[e->u] = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (out[e->u], i);
    }

  for (guint v = 0; v < n; v++)
    {
      lnode (g, v)->rank = 0;
      if (indegree[v] == 0)
        g_array_append_val (queue, v);
    }

  for (guint head = 0; head < queue->len; head++)
    {
      int v = g_array_index (queue, int, head);

      for (guint k = 0; out[v] != NULL && k < out[v]->len; k++)
        {
          LEdge *e = ledge (g, g_array_index (out[v], int, k));
          lnode (g, e->v)->rank = MAX (lnode (g, e->v)->rank, lnode (g, v)->rank + e->minlen);
          if (--indegree[e->v] == 0)
            g_array_append_val (queue, e->v);
        }
      if (out[v] != NULL)
        g_array_unref (out[v]);
    }
}

static void
node_range (LGraph *g,
            GArray *edges,
            int     v,
            int    *lo,
            int    *hi,
            double *pull)
{
  *lo = G_MININT;
  *hi = G_MAXINT;
  *pull = 0;

  for (guint k = 0; edges != NULL && k < edges->len; k++)
    {
      LEdge *e = ledge (g, g_array_index (edges, int, k));

      if (e->v == v)
        {
          *lo = MAX (*lo, lnode (g, e->u)->rank + e->minlen);
          *pull -= e->weight;
        }
      else
        {
          *hi = MIN (*hi, lnode (g, e->v)->rank - e->minlen);
          *pull += e->weight;
        }
    }
}

/*
 * Moves each node within the ranks its edges allow, towards the side with
 * more edge weight, until nothing moves: a cheap stand-in for network
 * simplex that shortens the edges longest-path ranking leaves long.
 */
static void
tighten_ranks (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree GArray **adj = g_new0 (GArray *, n);

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      int ends[2] = { e->u, e->v };

      for (int k = 0; k < 2; k++)
        {
          if (adj[ends[k]] == NULL)
            adj[ends[k]] = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (adj[ends[k]], i);
        }
    }

  for (int pass = 0; pass < MAX_RANK_PASSES; pass++)
    {
      gboolean moved = FALSE;

      for (guint v = 0; v < n; v++)
        {
          LNode *node = lnode (g, v);
          int lo, hi, target = node->rank;
          double pull;

          node_range (g, adj[v], (int) v, &lo, &hi, &pull);
          if (pull < 0 && lo != G_MININT)
            target = lo;
          else if (pull > 0 && hi != G_MAXINT)
            target = hi;

          if (target != node->rank && target >= lo && target <= hi)
            {
              node->rank = target;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

  for (guint v = 0; v < n; v++)
    if (adj[v] != NULL)
      g_array_unref (adj[v]);
}

static void
normalize_ranks (LGraph *g)
{
  int lowest = G_MAXINT, highest = 0;

  for (guint v = 0; v < g->nodes->len; v++)
    lowest = MIN (lowest, lnode (g, v)->rank);
  for (guint v = 0; v < g->nodes->len; v++)
    {
      lnode (g, v)->rank -= lowest;
      highest = MAX (highest, lnode (g, v)->rank);
    }

  g->n_ranks = g->nodes->len > 0 ? highest + 1 : 0;
}

/*
 * An edge into a subgraph aims at its highest member, an edge out of one
 * leaves from its lowest, so that it meets the box where it begins or ends.
 */
static void
choose_representatives (Work *w)
{
  const PlateauGraph *graph = w->graph;
  LGraph *g = &w->g;

  for (guint e = 0; e < g->edges->len; e++)
    {
      LEdge *le = ledge (g, e);
      const PlateauGraphEdge *ge;
      int *ends[2];
      const PlateauGraphEnd *gends[2];

      if (le->orig < 0)
        continue;
      ge = &g_array_index (graph->edges, PlateauGraphEdge, le->orig);
      ends[0] = le->reversed ? &le->v : &le->u;
      ends[1] = le->reversed ? &le->u : &le->v;
      gends[0] = &ge->from;
      gends[1] = &ge->to;

      for (int k = 0; k < 2; k++)
        {
          int best = *ends[k];

          if (!gends[k]->is_subgraph)
            continue;
          for (guint i = 0; i < graph->nodes->len; i++)
            {
              int r, rb;

              if (!plateau_graph_node_in_subgraph (graph, i, gends[k]->index))
                continue;
              r = lnode (g, i)->rank;
              rb = lnode (g, best)->rank;
              /* The end nearer the other end of the edge, along the flow. */
              if ((k == 0) != le->reversed ? r > rb : r < rb)
                best = (int) i;
            }
          *ends[k] = best;
        }
    }
}

static void
add_segment (LGraph *g,
             int     a,
             int     b)
{
  g_array_append_val (g->down[a], b);
  g_array_append_val (g->up[b], a);
}

static int
dummy_cluster (const Work  *w,
               const LEdge *e)
{
  return plateau_graph_cluster_common (&w->g, lnode (&w->g, e->u)->cluster,
                                       lnode (&w->g, e->v)->cluster);
}

/* Long edges become chains of dummies, one per rank they pass. */
static void
insert_dummies (Work *w)
{
  LGraph *g = &w->g;
  guint n_edges = g->edges->len;

  for (guint i = 0; i < n_edges; i++)
    {
      LEdge *e = ledge (g, i);
      int span, label_at = -1, prev;
      int cluster;

      if (e->orig < 0)
        continue;

      e->chain = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (e->chain, e->u);
      span = lnode (g, e->v)->rank - lnode (g, e->u)->rank;
      if (w->sizes->label_width[e->orig] > 0 && span >= 2)
        label_at = span / 2;
      cluster = dummy_cluster (w, e);

      prev = e->u;
      for (int k = 1; k < span; k++)
        {
          gboolean is_label = k == label_at;
          double lw = is_label ? w->sizes->label_width[e->orig] : 0;
          double lh = is_label ? w->sizes->label_height[e->orig] : 0;
          int d = add_lnode (g, is_label ? LNODE_LABEL : LNODE_DUMMY, (int) i, cluster,
                             w->across ? lh : lw, w->across ? lw : lh);

          e = ledge (g, i);
          lnode (g, d)->rank = lnode (g, e->u)->rank + k;
          lnode (g, d)->back = e->reversed;
          g_array_append_val (e->chain, d);
          prev = d;
        }
      g_array_append_val (e->chain, e->v);
      (void) prev;
    }

  g->up = g_new0 (GArray *, g->nodes->len);
  g->down = g_new0 (GArray *, g->nodes->len);
  for (guint v = 0; v < g->nodes->len; v++)
    {
      g->up[v] = g_array_new (FALSE, FALSE, sizeof (int));
      g->down[v] = g_array_new (FALSE, FALSE, sizeof (int));
    }

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      for (guint k = 0; e->chain != NULL && k + 1 < e->chain->len; k++)
        add_segment (g, g_array_index (e->chain, int, k), g_array_index (e->chain, int, k + 1));
    }

  g->ranks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (int r = 0; r < g->n_ranks; r++)
    g_ptr_array_add (g->ranks, g_array_new (FALSE, FALSE, sizeof (int)));
  for (guint v = 0; v < g->nodes->len; v++)
    g_array_append_val (g_ptr_array_index (g->ranks, lnode (g, v)->rank), v);
}

/* Ranks along the flow ------------------------------------------------------ */

static double
title_along (const Work *w,
             int         c)
{
  return w->across ? 0 : w->sizes->title_height[c];
}

/* Room each subgraph needs above its first rank and below its last. */
static void
measure_cluster_spans (Work *w)
{
  LGraph *g = &w->g;
  int nc = g->n_clusters;
  g_autofree double *child_top = g_new0 (double, nc + 1);
  g_autofree double *child_bottom = g_new0 (double, nc + 1);
  double pad = g->options->subgraph_pad;
  gboolean title_below = w->graph->direction == PLATEAU_GRAPH_BT;

  for (int c = 0; c < nc; c++)
    {
      w->cluster_rmin[c] = G_MAXINT;
      w->cluster_rmax[c] = -1;
    }
  for (guint v = 0; v < g->nodes->len; v++)
    for (int c = lnode (g, v)->cluster; c >= 0; c = g->cluster_parent[c])
      {
        w->cluster_rmin[c] = MIN (w->cluster_rmin[c], lnode (g, v)->rank);
        w->cluster_rmax[c] = MAX (w->cluster_rmax[c], lnode (g, v)->rank);
      }

  for (int c = nc - 1; c >= 0; c--)
    {
      int p = g->cluster_parent[c];

      w->top_space[c] = pad + child_top[c] + (title_below ? 0 : title_along (w, c));
      w->bottom_space[c] = pad + child_bottom[c] + (title_below ? title_along (w, c) : 0);
      if (p >= 0 && w->cluster_rmin[c] == w->cluster_rmin[p])
        child_top[p] = MAX (child_top[p], w->top_space[c]);
      if (p >= 0 && w->cluster_rmax[c] == w->cluster_rmax[p])
        child_bottom[p] = MAX (child_bottom[p], w->bottom_space[c]);
    }
}

static void
assign_y (Work *w)
{
  LGraph *g = &w->g;
  int nr = g->n_ranks;
  g_autofree double *above = g_new0 (double, nr + 1);
  g_autofree double *below = g_new0 (double, nr + 1);
  double gap = w->doubled ? g->options->rank_sep / 2 : g->options->rank_sep;
  double y = 0;

  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      w->rank_height[n->rank] = MAX (w->rank_height[n->rank], MAX (n->h, n->loop_span));
    }

  measure_cluster_spans (w);
  for (int c = 0; c < g->n_clusters; c++)
    {
      if (w->cluster_rmax[c] < 0)
        continue;
      above[w->cluster_rmin[c]] = MAX (above[w->cluster_rmin[c]], w->top_space[c]);
      below[w->cluster_rmax[c]] = MAX (below[w->cluster_rmax[c]], w->bottom_space[c]);
    }

  for (int r = 0; r < nr; r++)
    {
      y += above[r];
      w->rank_top[r] = y;
      y += w->rank_height[r] + below[r] + gap;
    }

  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      n->y = w->rank_top[n->rank] + w->rank_height[n->rank] / 2;
    }
}

/* Subgraph boxes ------------------------------------------------------------ */

static double
title_across (const Work *w,
              int         c)
{
  return w->across ? w->sizes->title_height[c] : 0;
}

static void
compute_boxes (Work *w)
{
  LGraph *g = &w->g;
  int nc = g->n_clusters;
  g_autofree double *x0 = g_new (double, nc + 1);
  g_autofree double *x1 = g_new (double, nc + 1);
  double pad = g->options->subgraph_pad;

  for (int c = 0; c < nc; c++)
    {
      x0[c] = INFINITY;
      x1[c] = -INFINITY;
    }
  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      if (n->cluster >= 0)
        {
          x0[n->cluster] = MIN (x0[n->cluster], n->x - n->w / 2);
          x1[n->cluster] = MAX (x1[n->cluster], n->x + n->w / 2 + n->right_extra);
        }
    }

  for (int c = nc - 1; c >= 0; c--)
    {
      int p = g->cluster_parent[c];
      double left, right, top, bottom, need;

      if (w->cluster_rmax[c] < 0 || !isfinite (x0[c]))
        {
          w->boxes[c] = (PlateauGraphBox) { 0, 0, 0, 0 };
          continue;
        }

      left = x0[c] - pad - title_across (w, c);
      right = x1[c] + pad;
      top = w->rank_top[w->cluster_rmin[c]] - w->top_space[c];
      bottom = w->rank_top[w->cluster_rmax[c]] + w->rank_height[w->cluster_rmax[c]]
               + w->bottom_space[c];

      /* The title must fit across the box (the solver made room for it). */
      need = w->sizes->title_width[c] + 2 * pad;
      if (!w->across && right - left < need)
        right = left + need;

      w->boxes[c] = (PlateauGraphBox) { (left + right) / 2, (top + bottom) / 2,
                                        right - left, bottom - top };
      if (p >= 0)
        {
          x0[p] = MIN (x0[p], left);
          x1[p] = MAX (x1[p], right);
        }
    }
}

static void
place_clusters (Work *w)
{
  if (w->g.n_clusters == 0)
    return;

  compute_boxes (w);
}

/* Edge routing --------------------------------------------------------------- */

/* From the working frame to the drawing's direction, before translation. */
static PlateauGraphPoint
to_real (PlateauGraphDirection direction,
         double                x,
         double                y)
{
  switch (direction)
    {
    case PLATEAU_GRAPH_BT:
      return (PlateauGraphPoint) { x, -y };
    case PLATEAU_GRAPH_LR:
      return (PlateauGraphPoint) { y, x };
    case PLATEAU_GRAPH_RL:
      return (PlateauGraphPoint) { -y, x };
    case PLATEAU_GRAPH_TB:
    default:
      return (PlateauGraphPoint) { x, y };
    }
}

static PlateauGraphPoint
from_real (PlateauGraphDirection direction,
           double                x,
           double                y)
{
  switch (direction)
    {
    case PLATEAU_GRAPH_BT:
      return (PlateauGraphPoint) { x, -y };
    case PLATEAU_GRAPH_LR:
      return (PlateauGraphPoint) { y, x };
    case PLATEAU_GRAPH_RL:
      return (PlateauGraphPoint) { y, -x };
    case PLATEAU_GRAPH_TB:
    default:
      return (PlateauGraphPoint) { x, y };
    }
}

/*
 * Where the line x = @dx (relative to the node's centre, working frame)
 * meets the node's outline: the lowest crossing when @bottom, else the
 * highest. Returned relative to the centre.
 */
/* The outline of graph node @node about its centre, in the working frame, made once. */
static const GArray *
outline_of (Work *w,
            int   node)
{
  const PlateauGraphNode *gn = &g_array_index (w->graph->nodes, PlateauGraphNode, node);
  const LNode *n = lnode (&w->g, node);
  PlateauGraphBox box = { 0, 0, w->across ? n->h : n->w, w->across ? n->w : n->h };
  GArray *outline;

  if (w->outlines[node] != NULL)
    return w->outlines[node];

  outline = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));
  plateau_graph_shape_outline (gn->shape, &box, outline);
  for (guint i = 0; i < outline->len; i++)
    {
      PlateauGraphPoint *p = &g_array_index (outline, PlateauGraphPoint, i);
      *p = from_real (w->graph->direction, p->x, p->y);
    }

  w->outlines[node] = outline;
  return outline;
}

static double
border_offset (Work     *w,
               int       node,
               double    dx,
               gboolean  bottom)
{
  const GArray *outline = outline_of (w, node);
  double best = bottom ? -INFINITY : INFINITY;

  for (guint i = 0, j = outline->len - 1; i < outline->len; j = i++)
    {
      PlateauGraphPoint a = g_array_index (outline, PlateauGraphPoint, i);
      PlateauGraphPoint b = g_array_index (outline, PlateauGraphPoint, j);
      double t, y;

      if ((a.x > dx) == (b.x > dx))
        continue;
      t = (dx - a.x) / (b.x - a.x);
      y = a.y + t * (b.y - a.y);
      best = bottom ? MAX (best, y) : MIN (best, y);
    }

  if (!isfinite (best))
    return bottom ? lnode (&w->g, node)->h / 2 : -lnode (&w->g, node)->h / 2;
  return best;
}

typedef struct
{
  int edge;                   /* working edge */
  double toward;              /* x of the next point along the edge */
} PortEnd;

static int
compare_port_ends (gconstpointer a,
                   gconstpointer b)
{
  const PortEnd *x = a, *y = b;

  if (x->toward != y->toward)
    return x->toward < y->toward ? -1 : 1;
  return x->edge - y->edge;
}

/*
 * Spreads the edges leaving (or entering) a node across the middle of its
 * side, in the order of where they go, so that parallel edges and the two
 * edges of a two-node cycle stay apart.
 */
static void
assign_ports (Work      *w,
              double    *port_out,
              double    *port_in,
              const int *side_out,
              const int *side_in)
{
  LGraph *g = &w->g;
  g_autofree GArray **outs = g_new0 (GArray *, g->nodes->len);
  g_autofree GArray **ins = g_new0 (GArray *, g->nodes->len);

  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      PortEnd out, in;

      if (e->chain == NULL)
        continue;
      out = (PortEnd) { (int) i, lnode (g, g_array_index (e->chain, int, 1))->x };
      in = (PortEnd) { (int) i, lnode (g, g_array_index (e->chain, int, e->chain->len - 2))->x };
      if (outs[e->u] == NULL)
        outs[e->u] = g_array_new (FALSE, FALSE, sizeof (PortEnd));
      if (ins[e->v] == NULL)
        ins[e->v] = g_array_new (FALSE, FALSE, sizeof (PortEnd));
      if (side_out[i] == 0)
        g_array_append_val (outs[e->u], out);
      if (side_in[i] == 0)
        g_array_append_val (ins[e->v], in);
    }

  for (guint v = 0; v < g->nodes->len; v++)
    for (int side = 0; side < 2; side++)
      {
        GArray *ends = side == 0 ? outs[v] : ins[v];
        double *port = side == 0 ? port_out : port_in;
        double spread;

        if (ends == NULL)
          continue;
        g_array_sort (ends, compare_port_ends);
        spread = MIN (lnode (g, v)->w * 0.7, PORT_STEP * (ends->len - 1));
        for (guint k = 0; k < ends->len; k++)
          {
            PortEnd *pe = &g_array_index (ends, PortEnd, k);
            port[pe->edge] = ends->len == 1 ? 0 : -spread / 2 + spread * k / (ends->len - 1);
          }
        g_array_unref (ends);
      }
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  PlateauGraphPoint p = { x, y };

  g_array_append_val (points, p);
}

/* A straight piece as a cubic, so that paths are uniform. */
static void
line_to (GArray *points,
         double  x,
         double  y)
{
  PlateauGraphPoint *last = &g_array_index (points, PlateauGraphPoint, points->len - 1);
  double x0 = last->x, y0 = last->y;

  if (fabs (y - y0) < 1e-6 && fabs (x - x0) < 1e-6)
    return;
  add_point (points, x0 + (x - x0) / 3, y0 + (y - y0) / 3);
  add_point (points, x0 + 2 * (x - x0) / 3, y0 + 2 * (y - y0) / 3);
  add_point (points, x, y);
}

/* Leaves and arrives along the flow, so the curve stays between the ranks. */
static void
curve_to (GArray *points,
          double  x,
          double  y)
{
  PlateauGraphPoint *last = &g_array_index (points, PlateauGraphPoint, points->len - 1);
  double x0 = last->x, y0 = last->y;
  double dy = (y - y0) / 2;

  if (fabs (x - x0) < 0.5)
    {
      line_to (points, x, y);
      return;
    }
  add_point (points, x0, y0 + dy);
  add_point (points, x, y - dy);
  add_point (points, x, y);
}

static double
rank_bottom (const Work *w,
             int         r)
{
  return w->rank_top[r] + w->rank_height[r];
}

/* The subgraph an end of a graph edge stands for, or -1. */
static int
end_cluster (const Work *w,
             const LEdge *e,
             gboolean     upper)
{
  const PlateauGraphEdge *ge = &g_array_index (w->graph->edges, PlateauGraphEdge, e->orig);
  const PlateauGraphEnd *end = (upper != e->reversed) ? &ge->from : &ge->to;

  return end->is_subgraph ? (int) end->index : -1;
}

/**
 * plateau_graph_side_border: (skip)
 *
 * Returns: where a line across the flow at @dy from the centre of @node
 * meets its outline on the right (@sign 1) or left (@sign -1) side,
 * relative to the centre
 */
double
plateau_graph_side_border (const LGraph *g,
                           int           node,
                           double        dy,
                           int           sign)
{
  const LNode *n = lnode (g, node);
  const PlateauGraphNode *gn = &g_array_index (g->graph->nodes, PlateauGraphNode, node);
  gboolean across = g->graph->direction == PLATEAU_GRAPH_LR
                    || g->graph->direction == PLATEAU_GRAPH_RL;
  PlateauGraphBox box = { 0, 0, across ? n->h : n->w, across ? n->w : n->h };

  /* Walk in from the box side until inside the outline. */
  for (double x = n->w / 2; x > 0; x -= 0.25)
    {
      PlateauGraphPoint real = to_real (g->graph->direction, sign * x, dy);

      if (plateau_graph_shape_contains (gn->shape, &box, real.x, real.y))
        return sign * MIN (x + 0.25, n->w / 2);
    }

  return 0;
}

static double
side_border (const Work *w,
             int         node,
             double      dy,
             int         sign)
{
  return plateau_graph_side_border (&w->g, node, dy, sign);
}

/*
 * Whether an edge turned back to close a cycle may meet @node on its side
 * facing @x: nothing else in the node's rank may stand in between.
 * Returns the side (1 right, -1 left) or 0.
 */
static int
free_side (const Work *w,
           int         node,
           double      x)
{
  const LGraph *g = &w->g;
  const LNode *n = lnode (g, node);
  GArray *rank = g_ptr_array_index (g->ranks, n->rank);
  int sign = x > n->x + n->w / 2 ? 1 : x < n->x - n->w / 2 ? -1 : 0;
  int next = n->order + sign;

  if (sign == 0 || next < 0 || next >= (int) rank->len)
    return sign;

  {
    const LNode *m = lnode (g, g_array_index (rank, int, next));
    gboolean clear = sign > 0 ? m->x - m->w / 2 > x + g->options->edge_sep
                              : m->x + m->w / 2 < x - g->options->edge_sep;
    return clear ? sign : 0;
  }
}

/* Whether nothing stands beside @node on the @sign side of its rank. */
static gboolean
outermost (const Work *w,
           int         node,
           int         sign)
{
  const LNode *n = lnode (&w->g, node);
  GArray *rank = g_ptr_array_index (w->g.ranks, n->rank);

  return sign < 0 ? n->order == 0 : n->order == (int) rank->len - 1;
}

/* Which side each end of a back edge meets its node on, 0 for top or bottom. */
static void
choose_sides (const Work *w,
              int        *side_out,
              int        *side_in)
{
  const LGraph *g = &w->g;

  for (guint i = 0; i < g->edges->len; i++)
    {
      const LEdge *e = ledge (g, i);

      side_out[i] = side_in[i] = 0;
      if (e->chain == NULL || !e->reversed)
        continue;

      /* A short back edge arcs round the outside of both its nodes. */
      if (e->chain->len == 2)
        {
          for (int sign = -1; sign <= 1; sign += 2)
            if (side_out[i] == 0 && end_cluster (w, e, TRUE) < 0 && end_cluster (w, e, FALSE) < 0
                && outermost (w, e->u, sign) && outermost (w, e->v, sign))
              side_out[i] = side_in[i] = sign;
          continue;
        }
      if (end_cluster (w, e, TRUE) < 0)
        side_out[i] = free_side (w, e->u, lnode (g, g_array_index (e->chain, int, 1))->x);
      if (end_cluster (w, e, FALSE) < 0)
        side_in[i] = free_side (w, e->v,
                                lnode (g, g_array_index (e->chain, int, e->chain->len - 2))->x);
    }
}

/* From a node's side, turning to run along the flow down to (@x, @y). */
static void
leave_side (GArray *points,
            double  x,
            double  y)
{
  PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, points->len - 1);
  double x0 = p->x, y0 = p->y;

  add_point (points, x0 + (x - x0) * 0.75, y0);
  add_point (points, x, y0 + (y - y0) * 0.35);
  add_point (points, x, y);
}

/* From running along the flow at the last point, turning into a node's side at (@x, @y). */
static void
enter_side (GArray *points,
            double  x,
            double  y)
{
  PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, points->len - 1);
  double x0 = p->x, y0 = p->y;

  add_point (points, x0, y0 + (y - y0) * 0.65);
  add_point (points, x + (x0 - x) * 0.75, y);
  add_point (points, x, y);
}

static GArray *
route_edge (Work   *w,
            int     i,
            double  port_out,
            double  port_in,
            int     side_out,
            int     side_in)
{
  LGraph *g = &w->g;
  LEdge *e = ledge (g, i);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));
  LNode *u = lnode (g, e->u), *v = lnode (g, e->v);
  int cu = end_cluster (w, e, TRUE), cv = end_cluster (w, e, FALSE);
  double x = u->x + port_out;
  guint last = e->chain->len - 1;

  if (last == 1 && side_out != 0 && side_in != 0)
    {
      double px = u->x + side_border (w, e->u, 0, side_out);
      double qx = v->x + side_border (w, e->v, 0, side_in);
      double far = side_out > 0 ? MAX (u->x + u->w / 2, v->x + v->w / 2) + ARC_BULGE
                                : MIN (u->x - u->w / 2, v->x - v->w / 2) - ARC_BULGE;

      add_point (points, px, u->y);
      add_point (points, far, u->y);
      add_point (points, far, v->y);
      add_point (points, qx, v->y);
      return points;
    }

  if (cu >= 0)
    add_point (points, x, w->boxes[cu].y + w->boxes[cu].height / 2);
  else if (side_out != 0)
    {
      LNode *d = lnode (g, g_array_index (e->chain, int, 1));

      add_point (points, u->x + side_border (w, e->u, 0, side_out), u->y);
      leave_side (points, d->x, w->rank_top[d->rank]);
    }
  else
    {
      add_point (points, x, u->y + border_offset (w, e->u, port_out, TRUE));
      line_to (points, x, rank_bottom (w, u->rank));
    }

  for (guint k = 1; k < last; k++)
    {
      LNode *d = lnode (g, g_array_index (e->chain, int, k));

      if (!(k == 1 && side_out != 0 && cu < 0))
        curve_to (points, d->x, w->rank_top[d->rank]);
      line_to (points, d->x, rank_bottom (w, d->rank));
    }

  x = v->x + port_in;
  if (cv >= 0)
    curve_to (points, x, w->boxes[cv].y - w->boxes[cv].height / 2);
  else if (side_in != 0)
    enter_side (points, v->x + side_border (w, e->v, 0, side_in), v->y);
  else
    {
      curve_to (points, x, w->rank_top[v->rank]);
      line_to (points, x, v->y + border_offset (w, e->v, port_in, FALSE));
    }

  return points;
}

/* Output --------------------------------------------------------------------- */

typedef struct
{
  double x0, y0, x1, y1;
} Bounds;

static void
grow (Bounds *b,
      double  x,
      double  y)
{
  b->x0 = MIN (b->x0, x);
  b->y0 = MIN (b->y0, y);
  b->x1 = MAX (b->x1, x);
  b->y1 = MAX (b->y1, y);
}

static void
grow_box (Bounds                *b,
          const PlateauGraphBox *box)
{
  grow (b, box->x - box->width / 2, box->y - box->height / 2);
  grow (b, box->x + box->width / 2, box->y + box->height / 2);
}

static PlateauGraphBox
box_to_real (const Work *w,
             double      x,
             double      y,
             double      width,
             double      height)
{
  PlateauGraphPoint c = to_real (w->graph->direction, x, y);

  return (PlateauGraphBox) { c.x, c.y, w->across ? height : width, w->across ? width : height };
}

static void
points_to_real (const Work *w,
                GArray     *points,
                gboolean    reverse)
{
  guint n = points->len;

  for (guint i = 0; i < n; i++)
    {
      PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, i);
      *p = to_real (w->graph->direction, p->x, p->y);
    }

  for (guint a = 0; reverse && n > 0 && a < n / 2; a++)
    {
      PlateauGraphPoint t = g_array_index (points, PlateauGraphPoint, a);
      g_array_index (points, PlateauGraphPoint, a) = g_array_index (points, PlateauGraphPoint,
                                                                   n - 1 - a);
      g_array_index (points, PlateauGraphPoint, n - 1 - a) = t;
    }
}

static void
fill_loop (Work                   *w,
           const PlateauGraphLoop *loop,
           PlateauGraphLayout     *layout)
{
  PlateauGraphEdgePath *path = &layout->edges[loop->edge];
  const LNode *n = lnode (&w->g, loop->node);

  g_array_unref (path->points);
  path->points = plateau_graph_route_loop (&w->g, loop);
  points_to_real (w, path->points, FALSE);
  if (loop->label_w <= 0)
    return;

  path->has_label = TRUE;
  path->label = box_to_real (w, n->x + loop->label_x, n->y, loop->label_w, loop->label_h);
}

static void
fill_edges (Work               *w,
            PlateauGraphLayout *layout)
{
  LGraph *g = &w->g;
  g_autofree double *port_out = g_new0 (double, g->edges->len + 1);
  g_autofree double *port_in = g_new0 (double, g->edges->len + 1);
  g_autofree int *side_out = g_new0 (int, g->edges->len + 1);
  g_autofree int *side_in = g_new0 (int, g->edges->len + 1);

  for (guint i = 0; i < layout->n_edges; i++)
    layout->edges[i].points = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));

  choose_sides (w, side_out, side_in);
  assign_ports (w, port_out, port_in, side_out, side_in);
  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      PlateauGraphEdgePath *path;

      if (e->chain == NULL)
        continue;
      path = &layout->edges[e->orig];
      g_array_unref (path->points);
      path->points = route_edge (w, (int) i, port_out[i], port_in[i], side_out[i], side_in[i]);
      path->reversed = e->reversed;
      layout->reversed_edges += e->reversed;
      points_to_real (w, path->points, e->reversed);

      for (guint k = 1; k + 1 < e->chain->len; k++)
        {
          LNode *d = lnode (g, g_array_index (e->chain, int, k));
          if (d->kind == LNODE_LABEL)
            {
              path->has_label = TRUE;
              path->label = box_to_real (w, d->x, d->y, d->w, d->h);
              path->label.width = w->sizes->label_width[e->orig];
              path->label.height = w->sizes->label_height[e->orig];
            }
        }
    }

  for (guint k = 0; k < w->loop_plans->len; k++)
    fill_loop (w, &g_array_index (w->loop_plans, PlateauGraphLoop, k), layout);
}

static void
translate (PlateauGraphLayout *layout,
           double              margin)
{
  Bounds b = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  double dx, dy;

  for (guint i = 0; i < layout->n_nodes; i++)
    grow_box (&b, &layout->nodes[i]);
  for (guint i = 0; i < layout->n_subgraphs; i++)
    if (layout->subgraphs[i].width > 0)
      grow_box (&b, &layout->subgraphs[i]);
  for (guint i = 0; i < layout->n_edges; i++)
    {
      PlateauGraphEdgePath *path = &layout->edges[i];
      for (guint k = 0; k < path->points->len; k++)
        grow (&b, g_array_index (path->points, PlateauGraphPoint, k).x,
              g_array_index (path->points, PlateauGraphPoint, k).y);
      if (path->has_label)
        grow_box (&b, &path->label);
    }

  if (!isfinite (b.x0))
    b = (Bounds) { 0, 0, 0, 0 };
  dx = margin - b.x0;
  dy = margin - b.y0;
  layout->width = b.x1 - b.x0 + 2 * margin;
  layout->height = b.y1 - b.y0 + 2 * margin;

  for (guint i = 0; i < layout->n_nodes; i++)
    layout->nodes[i].x += dx, layout->nodes[i].y += dy;
  for (guint i = 0; i < layout->n_subgraphs; i++)
    layout->subgraphs[i].x += dx, layout->subgraphs[i].y += dy;
  for (guint i = 0; i < layout->n_edges; i++)
    {
      PlateauGraphEdgePath *path = &layout->edges[i];
      for (guint k = 0; k < path->points->len; k++)
        {
          g_array_index (path->points, PlateauGraphPoint, k).x += dx;
          g_array_index (path->points, PlateauGraphPoint, k).y += dy;
        }
      path->label.x += dx;
      path->label.y += dy;
    }
}

static PlateauGraphLayout *
build_result (Work *w)
{
  const PlateauGraph *graph = w->graph;
  PlateauGraphLayout *layout = g_new0 (PlateauGraphLayout, 1);

  layout->n_nodes = graph->nodes->len;
  layout->n_edges = graph->edges->len;
  layout->n_subgraphs = graph->subgraphs->len;
  layout->n_ranks = (guint) w->g.n_ranks;
  layout->nodes = g_new0 (PlateauGraphBox, layout->n_nodes + 1);
  layout->edges = g_new0 (PlateauGraphEdgePath, layout->n_edges + 1);
  layout->subgraphs = g_new0 (PlateauGraphBox, layout->n_subgraphs + 1);
  layout->warnings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      LNode *n = lnode (&w->g, i);
      layout->nodes[i] = box_to_real (w, n->x, n->y, n->w, n->h);
    }
  for (guint c = 0; c < layout->n_subgraphs; c++)
    {
      PlateauGraphBox *b = &w->boxes[c];
      if (b->width > 0)
        layout->subgraphs[c] = box_to_real (w, b->x, b->y, b->width, b->height);
    }

  fill_edges (w, layout);
  translate (layout, w->g.options->margin);
  return layout;
}

/* Warnings ------------------------------------------------------------------------ */

static const char *
end_name (const PlateauGraph    *graph,
          const PlateauGraphEnd *end)
{
  if (end->is_subgraph)
    return g_array_index (graph->subgraphs, PlateauGraphSubgraph, end->index).id;
  return g_array_index (graph->nodes, PlateauGraphNode, end->index).id;
}

/* Names every edge left without a path, so that none goes missing unseen. */
static void
warn_undrawn (const PlateauGraph *graph,
              PlateauGraphLayout *layout)
{
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      const char *why;

      if (layout->edges[i].points->len > 0)
        continue;
      why = ends_nested (graph, e) ? _("one end lies inside the other")
                                   : _("other edges hold its ends in the opposite order");
      g_ptr_array_add (layout->warnings,
                       g_strdup_printf (_("line %u: the edge from “%s” to “%s” is not drawn: %s"),
                                        e->line, end_name (graph, &e->from),
                                        end_name (graph, &e->to), why));
    }
}

/* Driver ---------------------------------------------------------------------- */

static void
init_work (Work                            *w,
           const PlateauGraph              *graph,
           const PlateauGraphSizes         *sizes,
           const PlateauGraphLayoutOptions *options)
{
  int nc = (int) graph->subgraphs->len;

  w->graph = graph;
  w->sizes = sizes;
  w->across = graph->direction == PLATEAU_GRAPH_LR || graph->direction == PLATEAU_GRAPH_RL;
  /* Labels of self-loops sit beside their node and need no rank of their own. */
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      gboolean loop = !e->from.is_subgraph && !e->to.is_subgraph && e->from.index == e->to.index;

      w->doubled |= sizes->label_width[i] > 0 && !loop;
    }

  w->g.graph = graph;
  w->g.nodes = g_array_new (FALSE, FALSE, sizeof (LNode));
  w->g.edges = g_array_new (FALSE, FALSE, sizeof (LEdge));
  w->g.options = options;
  w->g.n_clusters = nc;
  w->g.cluster_parent = g_new0 (int, nc + 1);
  w->g.cluster_depth = g_new0 (int, nc + 1);
  for (int c = 0; c < nc; c++)
    {
      int p = g_array_index (graph->subgraphs, PlateauGraphSubgraph, c).parent;
      w->g.cluster_parent[c] = p;
      w->g.cluster_depth[c] = p >= 0 ? w->g.cluster_depth[p] + 1 : 1;
      if (w->across)
        w->g.cross_head = MAX (w->g.cross_head, sizes->title_height[c]);
    }

  w->g.cluster_min_width = g_new0 (double, nc + 1);
  w->g.cluster_head = g_new0 (double, nc + 1);
  for (int c = 0; c < nc; c++)
    {
      if (w->across)
        w->g.cluster_head[c] = sizes->title_height[c];
      else
        w->g.cluster_min_width[c] = sizes->title_width[c] + 2 * options->subgraph_pad;
    }

  w->loops = g_array_new (FALSE, FALSE, sizeof (int));
  w->top_space = g_new0 (double, nc + 1);
  w->bottom_space = g_new0 (double, nc + 1);
  w->cluster_rmin = g_new0 (int, nc + 1);
  w->cluster_rmax = g_new0 (int, nc + 1);
  w->boxes = g_new0 (PlateauGraphBox, nc + 1);
  w->outlines = g_new0 (GArray *, graph->nodes->len + 1);
}

static void
clear_work (Work *w)
{
  LGraph *g = &w->g;

  for (guint i = 0; i < g->edges->len; i++)
    if (ledge (g, i)->chain != NULL)
      g_array_unref (ledge (g, i)->chain);
  for (guint v = 0; g->up != NULL && v < g->nodes->len; v++)
    {
      g_array_unref (g->up[v]);
      g_array_unref (g->down[v]);
    }
  g_free (g->up);
  g_free (g->down);
  if (g->ranks != NULL)
    g_ptr_array_unref (g->ranks);
  g_array_unref (g->nodes);
  g_array_unref (g->edges);
  g_free (g->cluster_parent);
  g_free (g->cluster_depth);
  g_free (g->cluster_min_width);
  g_free (g->cluster_head);
  g_free (g->cluster_key);
  g_array_unref (w->loops);
  if (w->loop_plans != NULL)
    g_array_unref (w->loop_plans);
  g_free (w->rank_top);
  g_free (w->rank_height);
  g_free (w->top_space);
  g_free (w->bottom_space);
  g_free (w->cluster_rmin);
  g_free (w->cluster_rmax);
  g_free (w->boxes);
  for (guint v = 0; v < w->graph->nodes->len; v++)
    if (w->outlines[v] != NULL)
      g_array_unref (w->outlines[v]);
  g_free (w->outlines);
}

/* Edges whose ends a subgraph end turned around are not drawn. */
static void
drop_inverted_edges (LGraph *g)
{
  for (guint i = 0; i < g->edges->len; i++)
    {
      LEdge *e = ledge (g, i);
      if (e->orig >= 0 && lnode (g, e->v)->rank <= lnode (g, e->u)->rank)
        e->orig = -1;
    }
}

/**
 * plateau_graph_layout:
 * @graph: a parsed graph
 * @sizes: the size of every node, edge label and subgraph title
 * @options: (nullable): spacing, or %NULL for the defaults
 *
 * Lays the graph out in ranks along its direction. The time grows about
 * linearly with nodes and edges; the node count is bounded by the parser.
 * Edges that cannot be drawn are left empty and named in the warnings.
 *
 * Returns: (transfer full): the layout
 */
PlateauGraphLayout *
plateau_graph_layout (const PlateauGraph              *graph,
                      const PlateauGraphSizes         *sizes,
                      const PlateauGraphLayoutOptions *options)
{
  PlateauGraphLayoutOptions defaults;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (sizes != NULL, NULL);

  if (options == NULL)
    {
      plateau_graph_layout_options_init (&defaults);
      options = &defaults;
    }

  return plateau_graph_layout_nested (graph, sizes, options);
}

/* Builds the working graph, breaks its cycles one way, ranks it and adds dummies. */
static void
prepare (Work                            *w,
         const PlateauGraph              *graph,
         const PlateauGraphSizes         *sizes,
         const PlateauGraphLayoutOptions *options,
         gboolean                         depth_first)
{
  init_work (w, graph, sizes, options);
  build_nodes (w);
  build_edges (w);
  w->loop_plans = plateau_graph_plan_loops (&w->g, w->loops, sizes);

  if (depth_first)
    break_cycles_depth_first (&w->g);
  else
    break_cycles (&w->g);
  longest_path_ranks (&w->g);
  /* Tightening first leaves network simplex fewer pivots to make. */
  tighten_ranks (&w->g);
  plateau_graph_rank_simplex (&w->g, MIN (20 * w->g.nodes->len + 100, MAX_PIVOTS));
  normalize_ranks (&w->g);
  choose_representatives (w);
  drop_inverted_edges (&w->g);
  insert_dummies (w);
}

/* Orders, places and routes; @crossings says how many the order kept. */
static PlateauGraphLayout *
finish (Work    *w,
        guint64 *crossings)
{
  PlateauGraphLayout *layout;

  *crossings = 0;
  w->rank_top = g_new0 (double, w->g.n_ranks + 1);
  w->rank_height = g_new0 (double, w->g.n_ranks + 1);
  if (w->g.n_ranks > 0)
    {
      *crossings = plateau_graph_order (&w->g);
      plateau_graph_position (&w->g);
    }
  assign_y (w);
  place_clusters (w);

  layout = build_result (w);
  warn_undrawn (w->graph, layout);
  clear_work (w);
  return layout;
}

static gboolean
has_reversed (const Work *w)
{
  for (guint i = 0; i < w->g.edges->len; i++)
    if (ledge (&w->g, i)->reversed)
      return TRUE;

  return FALSE;
}

/* Nodes and dummies per rank: on crowded ranks edges cross more. */
static double
crowding (const Work *w)
{
  return (double) w->g.nodes->len / MAX (w->g.n_ranks, 1);
}

/**
 * plateau_graph_layout_flat: (skip)
 * @graph: a graph whose subgraphs all follow its direction
 * @sizes: its sizes
 * @options: spacing
 *
 * Lays the graph out in one piece, every subgraph a box around its members.
 * Cycles of larger graphs are broken both ways, and the ranking with the
 * less crowded ranks is kept; small diagrams keep the greedy one, whose
 * reversed edges close the cycles where a reader expects.
 *
 * Returns: (transfer full): the layout
 */
PlateauGraphLayout *
plateau_graph_layout_flat (const PlateauGraph              *graph,
                           const PlateauGraphSizes         *sizes,
                           const PlateauGraphLayoutOptions *options)
{
  Work greedy = { 0 }, depth = { 0 };
  PlateauGraphLayout *layout;
  guint64 crossings;
  gboolean deeper;

  prepare (&greedy, graph, sizes, options, FALSE);
  if (!has_reversed (&greedy) || graph->nodes->len < BOTH_WAYS_MIN)
    {
      layout = finish (&greedy, &crossings);
      g_debug ("layout: %" G_GUINT64_FORMAT " crossings kept", crossings);
      return layout;
    }

  prepare (&depth, graph, sizes, options, TRUE);
  deeper = crowding (&depth) < crowding (&greedy);
  clear_work (deeper ? &greedy : &depth);
  layout = finish (deeper ? &depth : &greedy, &crossings);
  g_debug ("layout: %" G_GUINT64_FORMAT " crossings kept, cycles broken %s", crossings,
           deeper ? "depth-first" : "greedily");
  return layout;
}

