/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Final placement across the flow. The Brandes–Köpf positions are the
 * wish; separation in each rank and the subgraph boxes are hard
 * constraints of the form a + gap <= b between node positions and the left
 * and right sides of every box. One pass in topological order moves each
 * variable right just as far as its constraints demand, which keeps the
 * wished positions wherever they are feasible.
 */

#include "config.h"

#include <math.h>

#include "plateau-graph-layout-private.h"

typedef struct
{
  int from;
  double gap;
} Constraint;

typedef struct
{
  LGraph *g;
  int n_nodes;
  GArray **preds;             /* per variable: Constraint */
  int *n_succ_pending;
  GArray **succs;             /* per variable: int */
  double *x;
  int *rmin;
  int *rmax;
  int *members;               /* per subgraph, nested members counted */
  double *centre;             /* per subgraph, mean wished x of its members */
  double gap;
  double pad;
} Solver;

static int
left_of (const Solver *s,
         int           cluster)
{
  return s->n_nodes + 2 * cluster;
}

static int
right_of (const Solver *s,
          int           cluster)
{
  return s->n_nodes + 2 * cluster + 1;
}

/* Demands x[b] >= x[a] + gap. */
static void
require (Solver *s,
         int     a,
         int     b,
         double  gap)
{
  Constraint c = { a, gap };

  g_array_append_val (s->preds[b], c);
  g_array_append_val (s->succs[a], b);
}

static double
half (const Solver *s,
      int           v)
{
  return lnode (s->g, v)->w / 2;
}

static double
head (const Solver *s,
      int           cluster)
{
  return s->g->cluster_head != NULL ? s->g->cluster_head[cluster] : 0;
}

/* The item standing for @v among the children of @parent: a subgraph or @v. */
static int
item_of (const Solver *s,
         int           v,
         int           parent,
         gboolean     *is_cluster)
{
  int c = lnode (s->g, v)->cluster;

  *is_cluster = c != parent;
  if (!*is_cluster)
    return v;
  while (s->g->cluster_parent[c] != parent)
    c = s->g->cluster_parent[c];
  return c;
}

static double
plain_separation (const Solver *s,
                  int           a,
                  int           b)
{
  const LNode *u = lnode (s->g, a), *v = lnode (s->g, b);
  const PlateauGraphLayoutOptions *o = s->g->options;

  return (u->w + v->w) / 2 + u->right_extra
         + (u->kind == LNODE_DUMMY ? o->edge_sep : o->node_sep) / 2
         + (v->kind == LNODE_DUMMY ? o->edge_sep : o->node_sep) / 2;
}

/* Neighbours in a rank, or the boxes that hold them, keep their order. */
static void
rank_constraints (Solver *s)
{
  LGraph *g = s->g;

  for (int r = 0; r < g->n_ranks; r++)
    {
      GArray *rank = g_ptr_array_index (g->ranks, r);

      for (guint i = 1; i < rank->len; i++)
        {
          int u = g_array_index (rank, int, i - 1), v = g_array_index (rank, int, i);
          int common = plateau_graph_cluster_common (g, lnode (g, u)->cluster,
                                                     lnode (g, v)->cluster);
          gboolean cu, cv;
          int a = item_of (s, u, common, &cu), b = item_of (s, v, common, &cv);

          if (!cu && !cv)
            require (s, u, v, plain_separation (s, u, v));
          else if (!cu)
            require (s, u, left_of (s, b), half (s, u) + lnode (g, u)->right_extra + s->gap);
          else if (!cv)
            require (s, right_of (s, a), v, s->gap + half (s, v));
          else
            require (s, right_of (s, a), left_of (s, b), s->gap);
        }
    }
}

/* Boxes hold their members and their nested boxes, and are wide enough for titles. */
static void
containment_constraints (Solver *s)
{
  LGraph *g = s->g;

  for (guint v = 0; v < g->nodes->len; v++)
    {
      int c = lnode (g, v)->cluster;

      if (c < 0)
        continue;
      require (s, left_of (s, c), (int) v, s->pad + head (s, c) + half (s, v));
      require (s, (int) v, right_of (s, c), half (s, v) + lnode (g, v)->right_extra + s->pad);
    }

  for (int c = 0; c < g->n_clusters; c++)
    {
      int p = g->cluster_parent[c];

      if (s->members[c] == 0)
        continue;
      if (p >= 0)
        {
          require (s, left_of (s, p), left_of (s, c), s->pad + head (s, p));
          require (s, right_of (s, c), right_of (s, p), s->pad);
        }
      if (g->cluster_min_width != NULL && g->cluster_min_width[c] > 0)
        require (s, left_of (s, c), right_of (s, c), g->cluster_min_width[c]);
    }
}

static double
key (const Solver *s,
     int           c)
{
  return s->g->cluster_key != NULL ? s->g->cluster_key[c] : s->centre[c];
}

/*
 * Whether node @i of @rank stays left of subgraph @c, which has no member in
 * that rank: decided by the sibling boxes around the node when there are
 * any, so that the node never contradicts their order.
 */
static gboolean
goes_left (const Solver *s,
           GArray       *rank,
           guint         i,
           int           c)
{
  LGraph *g = s->g;
  int parent = g->cluster_parent[c];

  for (guint k = i + 1; k < rank->len; k++)
    {
      int v = g_array_index (rank, int, k);
      gboolean is_cluster;
      int item;

      if (!plateau_graph_cluster_within (g, lnode (g, v)->cluster, parent))
        continue;
      item = item_of (s, v, parent, &is_cluster);
      if (is_cluster)
        {
          if (key (s, c) >= key (s, item))
            return TRUE;
          break;
        }
    }

  for (guint k = i; k-- > 0;)
    {
      int v = g_array_index (rank, int, k);
      gboolean is_cluster;
      int item;

      if (!plateau_graph_cluster_within (g, lnode (g, v)->cluster, parent))
        continue;
      item = item_of (s, v, parent, &is_cluster);
      if (is_cluster)
        {
          if (key (s, c) <= key (s, item))
            return FALSE;
          break;
        }
    }

  return (lnode (g, g_array_index (rank, int, i))->order + 0.5) / rank->len < key (s, c);
}

static gboolean
spans_meet (const Solver *s,
            int           a,
            int           b)
{
  return s->rmin[a] <= s->rmax[b] && s->rmin[b] <= s->rmax[a];
}

/*
 * What the ranks cannot say: a node in a rank where a sibling box has no
 * member, and sibling boxes whose ranks overlap, keep the side on which the
 * wished positions put them.
 */
static void
side_constraints (Solver *s)
{
  LGraph *g = s->g;

  for (int c = 0; c < g->n_clusters; c++)
    {
      if (s->members[c] == 0)
        continue;

      for (int r = s->rmin[c]; r <= s->rmax[c]; r++)
        {
          GArray *rank = g_ptr_array_index (g->ranks, r);

          for (guint i = 0; i < rank->len; i++)
            {
              int u = g_array_index (rank, int, i);
              LNode *n = lnode (g, u);

              if (n->cluster != g->cluster_parent[c])
                continue;
              if (goes_left (s, rank, i, c))
                require (s, u, left_of (s, c), half (s, u) + n->right_extra + s->gap);
              else
                require (s, right_of (s, c), u, s->gap + half (s, u));
            }
        }

      for (int d = c + 1; d < g->n_clusters; d++)
        {
          if (s->members[d] == 0 || g->cluster_parent[d] != g->cluster_parent[c]
              || !spans_meet (s, c, d))
            continue;
          if (key (s, c) <= key (s, d))
            require (s, right_of (s, c), left_of (s, d), s->gap);
          else
            require (s, right_of (s, d), left_of (s, c), s->gap);
        }
    }
}

static void
measure_clusters (Solver *s)
{
  LGraph *g = s->g;

  for (int c = 0; c < g->n_clusters; c++)
    {
      s->rmin[c] = G_MAXINT;
      s->rmax[c] = -1;
    }

  for (guint v = 0; v < g->nodes->len; v++)
    for (int c = lnode (g, v)->cluster; c >= 0; c = g->cluster_parent[c])
      {
        LNode *n = lnode (g, v);
        s->rmin[c] = MIN (s->rmin[c], n->rank);
        s->rmax[c] = MAX (s->rmax[c], n->rank);
        s->members[c]++;
        s->centre[c] += n->x;
      }

  for (int c = 0; c < g->n_clusters; c++)
    if (s->members[c] > 0)
      s->centre[c] /= s->members[c];
}

/* Where a box side would be with the wished positions: its natural place. */
static double
wished (const Solver *s,
        int           var)
{
  LGraph *g = s->g;
  int c;
  double lo = INFINITY;

  if (var < s->n_nodes)
    return lnode (g, var)->x;
  if ((var - s->n_nodes) % 2 == 1)
    return -INFINITY;

  c = (var - s->n_nodes) / 2;
  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      if (plateau_graph_cluster_within (g, n->cluster, c))
        lo = MIN (lo, n->x - n->w / 2 - s->pad - head (s, c));
    }
  return lo;
}

static void
solve (Solver *s,
       int     n_vars)
{
  g_autofree int *pending = g_new0 (int, n_vars);
  g_autofree gboolean *done = g_new0 (gboolean, n_vars);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (int));
  guint head_index = 0;

  for (int v = 0; v < n_vars; v++)
    {
      pending[v] = (int) s->preds[v]->len;
      if (pending[v] == 0)
        g_array_append_val (queue, v);
    }

  for (;;)
    {
      int v;

      if (head_index == queue->len)
        {
          /* A cycle of contradicting wishes: settle the rest in index order. */
          int next = -1;
          for (int k = 0; k < n_vars && next < 0; k++)
            if (!done[k])
              next = k;
          if (next < 0)
            break;
          g_array_append_val (queue, next);
        }

      v = g_array_index (queue, int, head_index++);
      if (done[v])
        continue;
      done[v] = TRUE;

      s->x[v] = wished (s, v);
      for (guint k = 0; k < s->preds[v]->len; k++)
        {
          Constraint *c = &g_array_index (s->preds[v], Constraint, k);
          if (done[c->from])
            s->x[v] = MAX (s->x[v], s->x[c->from] + c->gap);
        }
      if (!isfinite (s->x[v]))
        s->x[v] = 0;

      for (guint k = 0; k < s->succs[v]->len; k++)
        {
          int w = g_array_index (s->succs[v], int, k);
          if (--pending[w] == 0)
            g_array_append_val (queue, w);
        }
    }
}

/**
 * plateau_graph_constrain: (skip)
 * @g: the working graph with wished x positions
 *
 * Moves nodes right where needed so that neighbours keep their separation
 * and subgraph boxes hold exactly their members.
 */
void
plateau_graph_constrain (LGraph *g)
{
  int n_nodes = (int) g->nodes->len;
  int n_vars = n_nodes + 2 * g->n_clusters;
  Solver s = { 0 };

  s.g = g;
  s.n_nodes = n_nodes;
  s.gap = g->options->node_sep / 2;
  s.pad = g->options->subgraph_pad;
  s.preds = g_new0 (GArray *, n_vars);
  s.succs = g_new0 (GArray *, n_vars);
  s.x = g_new0 (double, n_vars);
  s.rmin = g_new0 (int, g->n_clusters + 1);
  s.rmax = g_new0 (int, g->n_clusters + 1);
  s.members = g_new0 (int, g->n_clusters + 1);
  s.centre = g_new0 (double, g->n_clusters + 1);
  for (int v = 0; v < n_vars; v++)
    {
      s.preds[v] = g_array_new (FALSE, FALSE, sizeof (Constraint));
      s.succs[v] = g_array_new (FALSE, FALSE, sizeof (int));
    }

  measure_clusters (&s);
  rank_constraints (&s);
  containment_constraints (&s);
  side_constraints (&s);
  solve (&s, n_vars);

  for (int v = 0; v < n_nodes; v++)
    lnode (g, v)->x = s.x[v];

  for (int v = 0; v < n_vars; v++)
    {
      g_array_unref (s.preds[v]);
      g_array_unref (s.succs[v]);
    }
  g_free (s.preds);
  g_free (s.succs);
  g_free (s.x);
  g_free (s.rmin);
  g_free (s.rmax);
  g_free (s.members);
  g_free (s.centre);
}
