/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crossing minimisation: the order of nodes within each rank. Several
 * starting orders are each improved by alternating down and up sweeps that
 * sort a rank by the weighted median of its neighbours (the barycentre
 * breaking ties), followed by transposition of neighbours; the order with
 * the fewest crossings wins. Members of a subgraph stay next to each other
 * so that the subgraph can be boxed.
 */

#include "config.h"

#include <string.h>

#include "plateau-graph-layout-private.h"

#define MAX_SWEEPS        24
#define PATIENCE          4
#define TRANSPOSE_PASSES  6

static GArray *
rank_at (const LGraph *g,
         int           r)
{
  return g_ptr_array_index (g->ranks, r);
}

static void
renumber (LGraph *g,
          int     r)
{
  GArray *rank = rank_at (g, r);

  for (guint i = 0; i < rank->len; i++)
    lnode (g, g_array_index (rank, int, i))->order = (int) i;
}

/* Inversions of a sequence by a Fenwick tree: crossings of one rank pair. */
static guint64
count_inversions (const int *values,
                  guint      n,
                  guint      max_value)
{
  g_autofree guint *tree = g_new0 (guint, max_value + 2);
  guint64 inversions = 0;

  for (guint i = 0; i < n; i++)
    {
      guint seen_greater = (guint) i;

      for (guint k = values[i] + 1; k > 0; k -= k & -k)
        seen_greater -= tree[k];
      inversions += seen_greater;
      for (guint k = values[i] + 1; k <= max_value + 1; k += k & -k)
        tree[k]++;
    }

  return inversions;
}

/**
 * plateau_graph_count_rank_crossings: (skip)
 * @g: the working graph
 * @rank: a rank with a rank below it
 *
 * Counts crossings between the segments from @rank to the rank below.
 *
 * Returns: the number of crossings
 */
guint64
plateau_graph_count_rank_crossings (const LGraph *g,
                                    int           rank)
{
  GArray *upper = rank_at (g, rank);
  GArray *lower = rank_at (g, rank + 1);
  g_autoptr (GArray) seq = g_array_new (FALSE, FALSE, sizeof (int));

  /* Segments sorted by upper position, then lower position. */
  for (guint i = 0; i < upper->len; i++)
    {
      int u = g_array_index (upper, int, i);
      GArray *down = g->down[u];
      guint first = seq->len;

      for (guint k = 0; k < down->len; k++)
        {
          int pos = lnode (g, g_array_index (down, int, k))->order;
          g_array_append_val (seq, pos);
        }
      for (guint a = first + 1; a < seq->len; a++)
        for (guint b = a; b > first && g_array_index (seq, int, b - 1) > g_array_index (seq, int, b); b--)
          {
            int t = g_array_index (seq, int, b);
            g_array_index (seq, int, b) = g_array_index (seq, int, b - 1);
            g_array_index (seq, int, b - 1) = t;
          }
    }

  return count_inversions ((int *) seq->data, seq->len, MAX (lower->len, 1));
}

static guint64
total_crossings (const LGraph *g)
{
  guint64 total = 0;

  for (int r = 0; r + 1 < g->n_ranks; r++)
    total += plateau_graph_count_rank_crossings (g, r);

  return total;
}

/* Sorting one rank --------------------------------------------------------- */

static double
median_of (const LGraph *g,
           GArray       *neighbours,
           double        fallback)
{
  g_autofree int *pos = NULL;
  guint n = neighbours->len;
  double sum = 0;
  double median;

  if (n == 0)
    return fallback;

  pos = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      pos[i] = lnode (g, g_array_index (neighbours, int, i))->order;
      sum += pos[i];
    }
  for (guint a = 1; a < n; a++)
    for (guint b = a; b > 0 && pos[b - 1] > pos[b]; b--)
      {
        int t = pos[b];
        pos[b] = pos[b - 1];
        pos[b - 1] = t;
      }

  median = n % 2 == 1 ? pos[n / 2] : (pos[n / 2 - 1] + pos[n / 2]) / 2.0;

  /* The barycentre, scaled down, breaks ties between equal medians. */
  return median + 1e-3 * (sum / n - median);
}

typedef struct
{
  int node;                   /* a single node, or -1 for a cluster item */
  int cluster;
  double value;
  int first_order;
} Item;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->value < y->value)
    return -1;
  if (x->value > y->value)
    return 1;
  return x->first_order - y->first_order;
}

/* The ancestor of @cluster that is a child of @parent (or @cluster itself). */
static int
child_of (const LGraph *g,
          int           cluster,
          int           parent)
{
  while (cluster >= 0 && g->cluster_parent[cluster] != parent)
    cluster = g->cluster_parent[cluster];

  return cluster;
}

/*
 * Sorts @members (nodes of one rank inside @cluster) by @value, keeping the
 * members of each child cluster together, ordered by their mean value.
 */
static void
sort_group (const LGraph *g,
            GArray       *members,
            int           cluster,
            const double *value,
            GArray       *out)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint i = 0; i < members->len; i++)
    {
      int v = g_array_index (members, int, i);
      const LNode *n = lnode (g, v);
      int child = n->cluster == cluster ? -1 : child_of (g, n->cluster, cluster);
      Item *item = NULL;

      for (guint k = 0; child >= 0 && k < items->len; k++)
        {
          if (g_array_index (items, Item, k).cluster == child)
            item = &g_array_index (items, Item, k);
        }

      if (item == NULL)
        {
          Item fresh = { child >= 0 ? 0 : v, child, 0, n->order };
          g_array_append_val (items, fresh);
          item = &g_array_index (items, Item, items->len - 1);
        }
      item->value += value[v];
      item->first_order = MIN (item->first_order, n->order);
      if (child >= 0)
        item->node--;           /* counts members as a negative number */
    }

  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);
      if (item->cluster >= 0)
        item->value = g->cluster_key != NULL ? g->cluster_key[item->cluster]
                                             : item->value / -item->node;
    }

  g_array_sort (items, compare_items);

  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);
      g_autoptr (GArray) inner = NULL;

      if (item->cluster < 0)
        {
          g_array_append_val (out, item->node);
          continue;
        }

      inner = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint i = 0; i < members->len; i++)
        {
          int v = g_array_index (members, int, i);
          if (plateau_graph_cluster_within (g, lnode (g, v)->cluster, item->cluster))
            g_array_append_val (inner, v);
        }
      sort_group (g, inner, item->cluster, value, out);
    }
}

static void
sort_rank (LGraph       *g,
           int           r,
           const double *value)
{
  GArray *rank = rank_at (g, r);
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (int), rank->len);

  sort_group (g, rank, -1, value, sorted);
  g_array_set_size (rank, 0);
  g_array_append_vals (rank, sorted->data, sorted->len);
  renumber (g, r);
}

static void
sweep (LGraph  *g,
       gboolean downward,
       double  *value)
{
  for (int step = 1; step < g->n_ranks; step++)
    {
      int r = downward ? step : g->n_ranks - 1 - step;
      GArray *rank = rank_at (g, r);

      for (guint i = 0; i < rank->len; i++)
        {
          int v = g_array_index (rank, int, i);
          value[v] = median_of (g, downward ? g->up[v] : g->down[v], i);
        }
      sort_rank (g, r, value);
    }
}

/* Transposition ------------------------------------------------------------ */

static guint
pair_crossings (const LGraph *g,
                GArray       *left,
                GArray       *right)
{
  guint n = 0;

  for (guint a = 0; a < left->len; a++)
    for (guint b = 0; b < right->len; b++)
      {
        if (lnode (g, g_array_index (left, int, a))->order
            > lnode (g, g_array_index (right, int, b))->order)
          n++;
      }

  return n;
}

static gboolean
transpose_rank (LGraph *g,
                int     r)
{
  GArray *rank = rank_at (g, r);
  gboolean improved = FALSE;

  for (guint i = 0; i + 1 < rank->len; i++)
    {
      int v = g_array_index (rank, int, i);
      int w = g_array_index (rank, int, i + 1);
      guint before, after;

      if (lnode (g, v)->cluster != lnode (g, w)->cluster)
        continue;

      before = pair_crossings (g, g->up[v], g->up[w]) + pair_crossings (g, g->down[v], g->down[w]);
      after = pair_crossings (g, g->up[w], g->up[v]) + pair_crossings (g, g->down[w], g->down[v]);
      if (after < before)
        {
          g_array_index (rank, int, i) = w;
          g_array_index (rank, int, i + 1) = v;
          lnode (g, v)->order = (int) i + 1;
          lnode (g, w)->order = (int) i;
          improved = TRUE;
        }
    }

  return improved;
}

static void
transpose (LGraph *g)
{
  for (int pass = 0; pass < TRANSPOSE_PASSES; pass++)
    {
      gboolean improved = FALSE;

      for (int r = 0; r < g->n_ranks; r++)
        improved |= transpose_rank (g, r);
      if (!improved)
        return;
    }
}

/* Starting orders ---------------------------------------------------------- */

static void
shuffle (GRand *rand,
         int   *values,
         guint  n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      int t = values[i - 1];
      values[i - 1] = values[j];
      values[j] = t;
    }
}

/*
 * A depth-first walk from the top: each node joins its rank when first
 * reached, which places a node near the nodes it hangs from. Start 0 walks
 * in the order the text gives, start 1 in reverse, later starts at random.
 */
static void
initial_order (LGraph *g,
               guint   start,
               GRand  *rand)
{
  guint n = g->nodes->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree int *roots = g_new (int, n);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < n; i++)
    roots[i] = start == 1 ? (int) (n - 1 - i) : (int) i;
  if (start >= 2)
    shuffle (rand, roots, n);

  for (int r = 0; r < g->n_ranks; r++)
    g_array_set_size (rank_at (g, r), 0);

  /* Roots by rank, so that the walk starts at the top. */
  for (int r = 0; r < g->n_ranks; r++)
    for (guint i = 0; i < n; i++)
      {
        int root = roots[i];

        if (seen[root] || lnode (g, root)->rank != r)
          continue;
        g_array_append_val (stack, root);
        while (stack->len > 0)
          {
            int v = g_array_index (stack, int, stack->len - 1);
            GArray *down = g->down[v];
            g_autofree int *next = NULL;

            g_array_set_size (stack, stack->len - 1);
            if (seen[v])
              continue;
            seen[v] = TRUE;
            g_array_append_val (rank_at (g, lnode (g, v)->rank), v);

            next = g_memdup2 (down->data, sizeof (int) * down->len);
            if (start >= 2)
              shuffle (rand, next, down->len);
            for (guint k = down->len; k > 0; k--)
              {
                int w = next[start == 1 ? down->len - k : k - 1];
                if (!seen[w])
                  g_array_append_val (stack, w);
              }
          }
      }

  for (int r = 0; r < g->n_ranks; r++)
    renumber (g, r);
}

/* Subgraph consistency ------------------------------------------------------ */

/*
 * Sibling subgraphs must keep one left-to-right order in every rank, or
 * their boxes would overlap. Each subgraph gets one key, the mean relative
 * position of its members, and every rank is sorted by those keys, nodes
 * outside subgraphs by their own relative position.
 */
static void
make_clusters_consistent (LGraph *g,
                          double *value)
{
  g_autofree double *sum = g_new0 (double, g->n_clusters);
  g_autofree int *count = g_new0 (int, g->n_clusters);

  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      double rel = (n->order + 0.5) / rank_at (g, n->rank)->len;

      value[v] = rel;
      for (int c = n->cluster; c >= 0; c = g->cluster_parent[c])
        {
          sum[c] += rel;
          count[c]++;
        }
    }

  for (int c = 0; c < g->n_clusters; c++)
    g->cluster_key[c] = count[c] > 0 ? sum[c] / count[c] : 0.5;

  for (int r = 0; r < g->n_ranks; r++)
    sort_rank (g, r, value);
}

static void
save_order (const LGraph *g,
            int          *saved)
{
  for (guint v = 0; v < g->nodes->len; v++)
    saved[v] = lnode (g, v)->order;
}

static void
restore_order (LGraph    *g,
               const int *saved)
{
  for (int r = 0; r < g->n_ranks; r++)
    g_array_set_size (rank_at (g, r), 0);

  for (guint v = 0; v < g->nodes->len; v++)
    lnode (g, v)->order = saved[v];

  for (int r = 0; r < g->n_ranks; r++)
    {
      GArray *rank = rank_at (g, r);
      for (guint v = 0; v < g->nodes->len; v++)
        {
          if (lnode (g, v)->rank == r)
            g_array_append_val (rank, v);
        }
    }

  for (int r = 0; r < g->n_ranks; r++)
    {
      GArray *rank = rank_at (g, r);
      g_autofree int *by_order = g_new (int, rank->len);

      for (guint i = 0; i < rank->len; i++)
        {
          int v = g_array_index (rank, int, i);
          by_order[lnode (g, v)->order] = v;
        }
      memcpy (rank->data, by_order, sizeof (int) * rank->len);
    }
}

static guint
n_starts_for (const LGraph *g)
{
  if (g->nodes->len > 4000)
    return 2;
  if (g->nodes->len > 1000)
    return 3;
  return 6;
}

/**
 * plateau_graph_order: (skip)
 * @g: the working graph, ranked, with dummies
 *
 * Orders every rank to keep edge crossings few.
 */
void
plateau_graph_order (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree double *value = g_new0 (double, n);
  g_autofree int *best = g_new (int, n);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g->options->seed);
  guint64 best_crossings = G_MAXUINT64;
  guint starts = n_starts_for (g);

  for (guint start = 0; start < starts && best_crossings > 0; start++)
    {
      guint patience = 0;

      initial_order (g, start, rand);
      for (int i = 0; i < MAX_SWEEPS && patience < PATIENCE; i++)
        {
          guint64 crossings;

          sweep (g, i % 2 == 0, value);
          transpose (g);
          crossings = total_crossings (g);
          if (crossings < best_crossings)
            {
              best_crossings = crossings;
              save_order (g, best);
              patience = 0;
            }
          else
            patience++;
          if (crossings == 0)
            break;
        }
    }

  restore_order (g, best);
  if (g->n_clusters > 0)
    {
      g->cluster_key = g_new0 (double, g->n_clusters);
      make_clusters_consistent (g, value);
    }
}
