/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranks by network simplex (Gansner, Koutsofios, North and Vo, 1993): the
 * ranking that minimises the weighted total length of edges subject to
 * their minimum lengths. It starts from a feasible ranking, grows a tree of
 * tight edges, then repeatedly swaps a tree edge of negative cut value for
 * the non-tree edge of least slack that reconnects the tree.
 */

#include "config.h"

#include <string.h>

#include "plateau-graph-layout-private.h"

typedef struct
{
  int u;
  int v;
  int minlen;
  double weight;
} SEdge;

typedef struct
{
  int n;                      /* nodes, the virtual root last */
  GArray *edges;              /* SEdge, merged multi-edges */
  GArray **adj;               /* per node: edge indices */
  int *rank;
  gboolean *in_tree_edge;     /* per edge */
  GArray **tree_adj;          /* per node: its tree edges, so that walks skip the others */
  int *parent_edge;           /* per node: tree edge to its parent, -1 at the root */
  int *low;
  int *lim;
  guint *next;                /* scratch for the tree walk */
  int *stack;                 /* the tree walk's path, as deep as the tree has nodes */
  double *cut;                /* per edge, for tree edges */
} Simplex;

static SEdge *
sedge (const Simplex *s,
       int            e)
{
  return &g_array_index (s->edges, SEdge, e);
}

static int
slack (const Simplex *s,
       int            e)
{
  const SEdge *x = sedge (s, e);

  return s->rank[x->v] - s->rank[x->u] - x->minlen;
}

static int
other_end (const Simplex *s,
           int            e,
           int            v)
{
  return sedge (s, e)->u == v ? sedge (s, e)->v : sedge (s, e)->u;
}

/* Grows a tree of tight edges from the root; returns its size. */
static int
tight_tree (Simplex  *s,
            gboolean *in_tree)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  int root = s->n - 1, size = 1;

  memset (in_tree, 0, sizeof (gboolean) * s->n);
  memset (s->in_tree_edge, 0, sizeof (gboolean) * s->edges->len);
  in_tree[root] = TRUE;
  g_array_append_val (stack, root);

  while (stack->len > 0)
    {
      int v = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      for (guint k = 0; k < s->adj[v]->len; k++)
        {
          int e = g_array_index (s->adj[v], int, k);
          int w = other_end (s, e, v);

          if (!in_tree[w] && slack (s, e) == 0)
            {
              in_tree[w] = TRUE;
              s->in_tree_edge[e] = TRUE;
              size++;
              g_array_append_val (stack, w);
            }
        }
    }

  return size;
}

static void
feasible_tree (Simplex *s)
{
  g_autofree gboolean *in_tree = g_new0 (gboolean, s->n);

  while (tight_tree (s, in_tree) < s->n)
    {
      int best = -1, delta;

      for (guint e = 0; e < s->edges->len; e++)
        {
          const SEdge *x = sedge (s, e);
          if (in_tree[x->u] != in_tree[x->v] && (best < 0 || slack (s, e) < slack (s, best)))
            best = (int) e;
        }
      g_assert (best >= 0);

      /* Shift the tree so that the edge becomes tight. */
      delta = in_tree[sedge (s, best)->u] ? slack (s, best) : -slack (s, best);
      for (int v = 0; v < s->n; v++)
        if (in_tree[v])
          s->rank[v] += delta;
    }
}

/*
 * Post-order numbers: low..lim spans a node's subtree. Numbers the subtree
 * under @top, whose parent edge is @parent_edge, starting at @first.
 */
static void
low_lim_from (Simplex *s,
              int      top,
              int      parent_edge,
              int      first)
{
  int *stack = s->stack;
  int depth = 0, counter = first;

  s->parent_edge[top] = parent_edge;
  s->low[top] = counter;
  s->next[top] = 0;
  stack[depth++] = top;

  while (depth > 0)
    {
      int v = stack[depth - 1];
      GArray *edges = s->tree_adj[v];

      if (s->next[v] < edges->len)
        {
          int e = g_array_index (edges, int, s->next[v]++);
          int w = other_end (s, e, v);

          if (e != s->parent_edge[v])
            {
              s->parent_edge[w] = e;
              s->low[w] = counter;
              s->next[w] = 0;
              stack[depth++] = w;
            }
          continue;
        }

      s->lim[v] = counter++;
      depth--;
    }
}

static void
drop_tree_edge (GArray *edges,
                int     e)
{
  for (guint k = 0; k < edges->len; k++)
    {
      if (g_array_index (edges, int, k) == e)
        {
          g_array_remove_index_fast (edges, k);
          return;
        }
    }
}

static void
build_tree_adj (Simplex *s)
{
  s->tree_adj = g_new0 (GArray *, s->n);
  for (int v = 0; v < s->n; v++)
    s->tree_adj[v] = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint e = 0; e < s->edges->len; e++)
    {
      if (!s->in_tree_edge[e])
        continue;
      g_array_append_val (s->tree_adj[sedge (s, e)->u], e);
      g_array_append_val (s->tree_adj[sedge (s, e)->v], e);
    }
}

static void
low_lim (Simplex *s)
{
  low_lim_from (s, s->n - 1, -1, 1);
}

static int
parent_of (const Simplex *s,
           int            v)
{
  return s->parent_edge[v] < 0 ? -1 : other_end (s, s->parent_edge[v], v);
}

/* The cut value of the tree edge above @child, from those below it. */
static double
cut_value (Simplex *s,
           int      child)
{
  int pe = s->parent_edge[child];
  int parent = parent_of (s, child);
  gboolean child_is_tail = sedge (s, pe)->u == child;
  double value = sedge (s, pe)->weight;

  for (guint k = 0; k < s->adj[child]->len; k++)
    {
      int e = g_array_index (s->adj[child], int, k);
      gboolean is_out = sedge (s, e)->u == child;
      int other = other_end (s, e, child);
      gboolean to_head;

      if (e == pe || other == parent)
        {
          if (e != pe && other == parent)
            {
              to_head = is_out == child_is_tail;
              value += to_head ? sedge (s, e)->weight : -sedge (s, e)->weight;
            }
          continue;
        }

      to_head = is_out == child_is_tail;
      value += to_head ? sedge (s, e)->weight : -sedge (s, e)->weight;
      if (s->in_tree_edge[e])
        value += to_head ? -s->cut[e] : s->cut[e];
    }

  return value;
}

static void
cut_values (Simplex *s)
{
  g_autofree int *by_lim = g_new (int, s->n + 1);

  for (int v = 0; v < s->n; v++)
    by_lim[s->lim[v]] = v;

  /* Post-order: every child before its parent. */
  for (int l = 1; l <= s->n; l++)
    {
      int v = by_lim[l];
      if (s->parent_edge[v] >= 0)
        s->cut[s->parent_edge[v]] = cut_value (s, v);
    }
}

static gboolean
below (const Simplex *s,
       int            v,
       int            top)
{
  return s->low[top] <= s->lim[v] && s->lim[v] <= s->lim[top];
}

static int
enter_edge (const Simplex *s,
            int            leave)
{
  const SEdge *f = sedge (s, leave);
  int tail = f->u, head = f->v;
  int sub = s->lim[tail] < s->lim[head] ? tail : head;
  gboolean flip = sub == head;
  int best = -1;

  for (guint e = 0; e < s->edges->len; e++)
    {
      const SEdge *x = sedge (s, e);

      if ((int) e == leave || s->in_tree_edge[e])
        continue;
      if (flip == below (s, x->u, sub) && flip != below (s, x->v, sub)
          && (best < 0 || slack (s, e) < slack (s, best)))
        best = (int) e;
    }

  return best;
}

static int
tree_update (Simplex *s,
             int      v,
             int      w,
             double   value,
             gboolean dir)
{
  while (!below (s, w, v))
    {
      int e = s->parent_edge[v];
      gboolean d = v == sedge (s, e)->u ? dir : !dir;

      s->cut[e] += d ? value : -value;
      v = s->lim[sedge (s, e)->u] > s->lim[sedge (s, e)->v] ? sedge (s, e)->u : sedge (s, e)->v;
    }

  return v;
}

/* Shifts every rank in the subtree under @top by @delta. */
static void
shift_subtree (Simplex *s,
               int      top,
               int      delta)
{
  for (int v = 0; v < s->n; v++)
    if (below (s, v, top))
      s->rank[v] += delta;
}

/* Swaps tree edge @leave for @enter, updating ranks, cut values and numbering. */
static void
exchange (Simplex *s,
          int      leave,
          int      enter)
{
  const SEdge *e = sedge (s, leave), *f = sedge (s, enter);
  int child = s->lim[e->u] < s->lim[e->v] ? e->u : e->v;
  int delta = slack (s, enter);
  double value = s->cut[leave];
  int lca, lca_parent_edge;

  if (delta != 0)
    shift_subtree (s, child, below (s, f->u, child) ? delta : -delta);

  lca = tree_update (s, f->u, f->v, value, TRUE);
  tree_update (s, f->v, f->u, value, FALSE);
  s->cut[enter] = -value;
  s->cut[leave] = 0;
  s->in_tree_edge[leave] = FALSE;
  s->in_tree_edge[enter] = TRUE;
  drop_tree_edge (s->tree_adj[e->u], leave);
  drop_tree_edge (s->tree_adj[e->v], leave);
  g_array_append_val (s->tree_adj[f->u], enter);
  g_array_append_val (s->tree_adj[f->v], enter);

  lca_parent_edge = s->parent_edge[lca];
  low_lim_from (s, lca, lca_parent_edge, s->low[lca]);
}

/* Union-find with path halving. */
static int
find_root (int *comp,
           int  v)
{
  while (comp[v] != v)
    {
      comp[v] = comp[comp[v]];
      v = comp[v];
    }

  return v;
}

static void
build (Simplex      *s,
       const LGraph *g)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new (gint64, g->edges->len + g->nodes->len + 1);
  int n = (int) g->nodes->len;

  s->n = n + 1;
  s->edges = g_array_new (FALSE, FALSE, sizeof (SEdge));
  s->adj = g_new0 (GArray *, s->n);
  for (int v = 0; v < s->n; v++)
    s->adj[v] = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < g->edges->len; i++)
    {
      const LEdge *e = ledge (g, i);
      gpointer found;

      if (e->u == e->v)
        continue;
      keys[i] = (gint64) e->u * (n + 1) + e->v;
      found = g_hash_table_lookup (seen, &keys[i]);
      if (found != NULL)
        {
          SEdge *x = sedge (s, GPOINTER_TO_INT (found) - 1);
          x->weight += e->weight;
          x->minlen = MAX (x->minlen, e->minlen);
          continue;
        }
      {
        SEdge x = { e->u, e->v, e->minlen, e->weight };
        g_array_append_val (s->edges, x);
        g_hash_table_insert (seen, &keys[i], GINT_TO_POINTER (s->edges->len));
      }
    }

  /*
   * The virtual root holds the components together: one weightless edge to
   * the first node of each. Fewer root edges keep pivots local.
   */
  {
    g_autofree int *comp = g_new (int, n);

    for (int v = 0; v < n; v++)
      comp[v] = v;
    for (guint e = 0; e < s->edges->len; e++)
      {
        int a = find_root (comp, sedge (s, e)->u), b = find_root (comp, sedge (s, e)->v);
        comp[MAX (a, b)] = MIN (a, b);
      }
    for (int v = 0; v < n; v++)
      if (find_root (comp, v) == v)
        {
          SEdge x = { n, v, 0, 0 };
          g_array_append_val (s->edges, x);
        }
  }

  for (guint e = 0; e < s->edges->len; e++)
    {
      g_array_append_val (s->adj[sedge (s, e)->u], e);
      g_array_append_val (s->adj[sedge (s, e)->v], e);
    }

  s->rank = g_new0 (int, s->n);
  for (int v = 0; v < n; v++)
    s->rank[v] = lnode (g, v)->rank;
  s->rank[n] = -1;
  for (int v = 0; v < n; v++)
    s->rank[n] = MIN (s->rank[n], s->rank[v]);

  s->in_tree_edge = g_new0 (gboolean, s->edges->len);
  s->parent_edge = g_new0 (int, s->n);
  s->low = g_new0 (int, s->n);
  s->lim = g_new0 (int, s->n);
  s->next = g_new0 (guint, s->n);
  s->stack = g_new (int, s->n + 1);
  s->cut = g_new0 (double, s->edges->len);
}

static void
clear (Simplex *s)
{
  for (int v = 0; v < s->n; v++)
    {
      g_array_unref (s->adj[v]);
      if (s->tree_adj != NULL)
        g_array_unref (s->tree_adj[v]);
    }
  g_free (s->adj);
  g_free (s->tree_adj);
  g_array_unref (s->edges);
  g_free (s->rank);
  g_free (s->in_tree_edge);
  g_free (s->parent_edge);
  g_free (s->low);
  g_free (s->lim);
  g_free (s->next);
  g_free (s->stack);
  g_free (s->cut);
}

/**
 * plateau_graph_rank_simplex: (skip)
 * @g: the working graph, acyclic, with a feasible ranking
 * @max_iterations: a bound on the pivots, to bound the time
 *
 * Improves the ranking to one of least total weighted edge length.
 */
void
plateau_graph_rank_simplex (LGraph *g,
                            guint   max_iterations)
{
  Simplex s = { 0 };

  if (g->nodes->len < 2)
    return;

  build (&s, g);
  feasible_tree (&s);
  build_tree_adj (&s);
  low_lim (&s);
  cut_values (&s);

  guint it, search = 0;

  for (it = 0; it < max_iterations; it++)
    {
      int leave = -1, enter;
      guint m = s.edges->len;

      /* Search on from the last leaving edge, as Graphviz does. */
      for (guint k = 0; k < m && leave < 0; k++)
        {
          guint e = (search + k) % m;
          if (s.in_tree_edge[e] && s.cut[e] < -1e-9)
            leave = (int) e;
        }
      if (leave < 0)
        break;
      search = (guint) leave;

      enter = enter_edge (&s, leave);
      if (enter < 0)
        break;
      exchange (&s, leave, enter);
    }

  g_debug ("network simplex: %u pivots for %d nodes", it, s.n);
  for (guint v = 0; v < g->nodes->len; v++)
    lnode (g, v)->rank = s.rank[v];
  clear (&s);
}
