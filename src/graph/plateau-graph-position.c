/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coordinates across the flow by the method of Brandes and Köpf: four
 * alignments (up/down × left/right) each put nodes into vertical blocks,
 * preferring the inner segments of long edges so that those stay straight,
 * then compact the blocks; the result is the mean of the two median
 * alignments. Subgraph borders count as extra separation between nodes
 * that lie on different sides of them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plateau-graph-layout-private.h"

typedef struct
{
  const LGraph *g;
  GHashTable *conflicts;      /* pairs of nodes whose segment is in conflict */
  double head_space;          /* a subgraph title across the flow, or 0 */
  const double *title_h;
} Bk;

static GArray *
rank_at (const LGraph *g,
         int           r)
{
  return g_ptr_array_index (g->ranks, r);
}

static gpointer
pair_key (int a,
          int b)
{
  guint64 lo = MIN (a, b), hi = MAX (a, b);

  return GSIZE_TO_POINTER ((gsize) (lo * 1000003u + hi + 1));
}

static gboolean
is_dummy (const LGraph *g,
          int           v)
{
  return lnode (g, v)->kind != LNODE_REAL;
}

/* The upper end of @v's inner segment, when @v and it are both dummies. */
static int
inner_segment_source (const LGraph *g,
                      int           v)
{
  GArray *up = g->up[v];

  if (!is_dummy (g, v))
    return -1;

  for (guint i = 0; i < up->len; i++)
    {
      int u = g_array_index (up, int, i);
      if (is_dummy (g, u))
        return u;
    }

  return -1;
}

/* Type 1 conflicts: a non-inner segment crossing an inner one loses. */
static void
find_conflicts (Bk *bk)
{
  const LGraph *g = bk->g;

  for (int r = 1; r < g->n_ranks; r++)
    {
      GArray *prev = rank_at (g, r - 1);
      GArray *layer = rank_at (g, r);
      int k0 = 0;
      guint scan = 0;

      for (guint i = 0; i < layer->len; i++)
        {
          int v = g_array_index (layer, int, i);
          int w = inner_segment_source (g, v);
          int k1 = w >= 0 ? lnode (g, w)->order : (int) prev->len;

          if (w < 0 && i + 1 != layer->len)
            continue;

          for (; scan <= i; scan++)
            {
              int s = g_array_index (layer, int, scan);
              GArray *up = g->up[s];

              for (guint k = 0; k < up->len; k++)
                {
                  int u = g_array_index (up, int, k);
                  int pos = lnode (g, u)->order;

                  if ((pos < k0 || k1 < pos) && !(is_dummy (g, u) && is_dummy (g, s)))
                    g_hash_table_add (bk->conflicts, pair_key (u, s));
                }
            }
          k0 = k1;
        }
    }
}

static int
clusters_between (const LGraph *g,
                  int           a,
                  int           b)
{
  int common = plateau_graph_cluster_common (g, a, b);
  int depth_common = common >= 0 ? g->cluster_depth[common] : 0;
  int da = a >= 0 ? g->cluster_depth[a] : 0;
  int db = b >= 0 ? g->cluster_depth[b] : 0;

  return (da - depth_common) + (db - depth_common);
}

static double
separation (const Bk *bk,
            int       a,
            int       b)
{
  const LGraph *g = bk->g;
  const LNode *u = lnode (g, a), *v = lnode (g, b);
  const PlateauGraphLayoutOptions *o = g->options;
  double sep = (u->w + v->w) / 2;
  int crossed = clusters_between (g, u->cluster, v->cluster);

  sep += (u->kind == LNODE_DUMMY ? o->edge_sep : o->node_sep) / 2;
  sep += (v->kind == LNODE_DUMMY ? o->edge_sep : o->node_sep) / 2;
  sep += MAX (u->right_extra, v->right_extra);
  sep += crossed * (o->subgraph_pad + bk->head_space);
  if (crossed > 0)
    sep += o->node_sep / 2;

  return sep;
}

static int
compare_by_order (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const LGraph *g = data;

  return lnode (g, *(const int *) a)->order - lnode (g, *(const int *) b)->order;
}

/* Layers visited in @rank_order, each read left-to-right or reversed. */
static int
layer_node (const LGraph *g,
            int           r,
            guint         i,
            gboolean      right)
{
  GArray *layer = rank_at (g, r);

  return g_array_index (layer, int, right ? layer->len - 1 - i : i);
}

static void
vertical_alignment (const Bk *bk,
                    gboolean  down,
                    gboolean  right,
                    int      *root,
                    int      *align)
{
  const LGraph *g = bk->g;

  for (guint v = 0; v < g->nodes->len; v++)
    root[v] = align[v] = (int) v;

  for (int step = 0; step < g->n_ranks; step++)
    {
      int r = down ? g->n_ranks - 1 - step : step;
      GArray *layer = rank_at (g, r);
      int prev = -1;

      for (guint i = 0; i < layer->len; i++)
        {
          int v = layer_node (g, r, i, right);
          GArray *source = down ? g->down[v] : g->up[v];
          g_autoptr (GArray) ws = NULL;
          double mp;

          if (source->len == 0)
            continue;

          ws = g_array_copy (source);
          g_array_sort_with_data (ws, compare_by_order, (gpointer) g);
          if (right)
            for (guint a = 0, b = ws->len - 1; a < b; a++, b--)
              {
                int t = g_array_index (ws, int, a);
                g_array_index (ws, int, a) = g_array_index (ws, int, b);
                g_array_index (ws, int, b) = t;
              }

          mp = (ws->len - 1) / 2.0;
          for (int k = (int) floor (mp); k <= (int) ceil (mp); k++)
            {
              int w = g_array_index (ws, int, k);
              int pos = right ? (int) rank_at (g, lnode (g, w)->rank)->len - 1
                                - lnode (g, w)->order
                              : lnode (g, w)->order;

              if (align[v] == v && prev < pos
                  && !g_hash_table_contains (bk->conflicts, pair_key (v, w)))
                {
                  align[w] = v;
                  align[v] = root[v] = root[w];
                  prev = pos;
                }
            }
        }
    }
}

typedef struct
{
  int to;
  double sep;
} BlockEdge;

/*
 * Places blocks as far left as their left neighbours allow, then pulls each
 * one right towards its right neighbours where that is free.
 */
static void
horizontal_compaction (const Bk  *bk,
                       gboolean   right,
                       const int *root,
                       double    *xs)
{
  const LGraph *g = bk->g;
  guint n = g->nodes->len;
  g_autofree GArray **succ = g_new0 (GArray *, n);
  g_autofree GArray **pred = g_new0 (GArray *, n);
  g_autofree int *state = g_new0 (int, n);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (int r = 0; r < g->n_ranks; r++)
    {
      GArray *layer = rank_at (g, r);

      for (guint i = 1; i < layer->len; i++)
        {
          int u = layer_node (g, r, i - 1, right), v = layer_node (g, r, i, right);
          BlockEdge fwd = { root[v], separation (bk, u, v) };
          BlockEdge back = { root[u], fwd.sep };

          if (succ[root[u]] == NULL)
            succ[root[u]] = g_array_new (FALSE, FALSE, sizeof (BlockEdge));
          if (pred[root[v]] == NULL)
            pred[root[v]] = g_array_new (FALSE, FALSE, sizeof (BlockEdge));
          g_array_append_val (succ[root[u]], fwd);
          g_array_append_val (pred[root[v]], back);
        }
    }

  /* Pass 1, in topological order of the block graph: leftmost positions. */
  for (int pass = 0; pass < 2; pass++)
    {
      GArray **next = pass == 0 ? pred : succ;

      memset (state, 0, sizeof (int) * n);
      for (guint s = 0; s < n; s++)
        {
          if (root[s] != (int) s || state[s] != 0)
            continue;
          g_array_append_val (stack, s);
          while (stack->len > 0)
            {
              int b = g_array_index (stack, int, stack->len - 1);

              if (state[b] == 0)
                {
                  state[b] = 1;
                  for (guint k = 0; next[b] != NULL && k < next[b]->len; k++)
                    {
                      int c = g_array_index (next[b], BlockEdge, k).to;
                      if (state[c] == 0)
                        g_array_append_val (stack, c);
                    }
                  continue;
                }

              g_array_set_size (stack, stack->len - 1);
              if (state[b] == 2)
                continue;
              state[b] = 2;

              if (pass == 0)
                {
                  double x = 0;
                  for (guint k = 0; pred[b] != NULL && k < pred[b]->len; k++)
                    {
                      BlockEdge *e = &g_array_index (pred[b], BlockEdge, k);
                      x = MAX (x, xs[e->to] + e->sep);
                    }
                  xs[b] = x;
                }
              else
                {
                  double limit = INFINITY;
                  for (guint k = 0; succ[b] != NULL && k < succ[b]->len; k++)
                    {
                      BlockEdge *e = &g_array_index (succ[b], BlockEdge, k);
                      limit = MIN (limit, xs[e->to] - e->sep);
                    }
                  if (isfinite (limit))
                    xs[b] = MAX (xs[b], limit);
                }
            }
        }
    }

  for (guint v = 0; v < n; v++)
    {
      xs[v] = xs[root[v]];
      if (succ[v] != NULL)
        g_array_unref (succ[v]);
      if (pred[v] != NULL)
        g_array_unref (pred[v]);
    }
}

static void
extent (const LGraph *g,
        const double *xs,
        double       *lo,
        double       *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;

  for (guint v = 0; v < g->nodes->len; v++)
    {
      *lo = MIN (*lo, xs[v] - lnode (g, v)->w / 2);
      *hi = MAX (*hi, xs[v] + lnode (g, v)->w / 2);
    }
}

static void
assign_x (LGraph *g,
          Bk     *bk)
{
  guint n = g->nodes->len;
  g_autofree int *root = g_new (int, n);
  g_autofree int *align = g_new (int, n);
  double *xss[4];
  double lo[4], hi[4];
  int smallest = 0;

  for (int a = 0; a < 4; a++)
    {
      gboolean down = a >= 2, right = a % 2 == 1;

      xss[a] = g_new0 (double, n);
      vertical_alignment (bk, down, right, root, align);
      horizontal_compaction (bk, right, root, xss[a]);
      if (right)
        for (guint v = 0; v < n; v++)
          xss[a][v] = -xss[a][v];
      extent (g, xss[a], &lo[a], &hi[a]);
      if (hi[a] - lo[a] < hi[smallest] - lo[smallest])
        smallest = a;
    }

  /* Align every result with the narrowest, left ones by their left edge. */
  for (int a = 0; a < 4; a++)
    {
      double shift = a % 2 == 0 ? lo[smallest] - lo[a] : hi[smallest] - hi[a];
      for (guint v = 0; v < n; v++)
        xss[a][v] += shift;
    }

  for (guint v = 0; v < n; v++)
    {
      double x[4] = { xss[0][v], xss[1][v], xss[2][v], xss[3][v] };

      for (int i = 1; i < 4; i++)
        for (int j = i; j > 0 && x[j - 1] > x[j]; j--)
          {
            double t = x[j];
            x[j] = x[j - 1];
            x[j - 1] = t;
          }
      lnode (g, v)->x = (x[1] + x[2]) / 2;
    }

  for (int a = 0; a < 4; a++)
    g_free (xss[a]);
}

/**
 * plateau_graph_position: (skip)
 * @g: the working graph, ordered
 *
 * Assigns x to every node (y is assigned by the caller, rank by rank).
 */
void
plateau_graph_position (LGraph *g)
{
  Bk bk = { g, g_hash_table_new (g_direct_hash, g_direct_equal), g->cross_head, NULL };

  find_conflicts (&bk);
  assign_x (g, &bk);
  g_hash_table_unref (bk.conflicts);
  plateau_graph_constrain (g);
}
