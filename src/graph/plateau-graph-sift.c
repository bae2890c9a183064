/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layer-by-layer sifting (Matuszewski, Schönfeld and Molitor): each node
 * of a rank in turn, those with most edges first, is taken out and put
 * back where it crosses fewest edges to both neighbouring ranks. Moving a
 * node changes no crossing count between two other nodes, so the counts of
 * every ordered pair are taken once per rank: one rank costs O(k² d²) for
 * k nodes of degree d. Sifting reaches orders that sweeps and transposition
 * of neighbours alone do not.
 */

#include "config.h"

#include <string.h>

#include "plateau-graph-order-private.h"

#define MAX_SIFTED_RANK 3000    /* wider ranks would need too large a table */

typedef struct
{
  const Order *o;
  const int *nodes;
} ByDegree;

static int
degree (const Order *o,
        int          v)
{
  return o->up_first[v + 1] - o->up_first[v] + o->down_first[v + 1] - o->down_first[v];
}

static int
compare_degree (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const ByDegree *by = data;
  int x = *(const int *) a, y = *(const int *) b;
  int dx = degree (by->o, by->nodes[x]), dy = degree (by->o, by->nodes[y]);

  return dx != dy ? dy - dx : x - y;
}

/*
 * Per node of the rank, how many of its neighbours in the rank @other
 * stand before each place there: before[i * (width + 1) + p].
 */
static guint *
count_before (const Order *o,
              const int   *nodes,
              guint        k,
              int          other,
              gboolean     up,
              guint       *width)
{
  guint *before;

  *width = other >= 0 && other < o->g->n_ranks ? order_rank (o, other)->len : 0;
  before = g_new0 (guint, (gsize) k * (*width + 1) + 1);
  for (guint i = 0; i < k; i++)
    {
      guint *row = before + (gsize) i * (*width + 1);
      int count;
      const int *nb = up ? order_up (o, nodes[i], &count) : order_down (o, nodes[i], &count);

      for (int j = 0; j < count; j++)
        row[o->pos[nb[j]] + 1]++;
      for (guint p = 1; p <= *width; p++)
        row[p] += row[p - 1];
    }

  return before;
}

/*
 * Adds, for every ordered pair, the crossings of their edges to one
 * neighbouring rank: a before b crosses where a neighbour of a stands
 * after one of b, which the running counts give for each of a's
 * neighbours at once.
 */
static void
add_side (const Order *o,
          const int   *nodes,
          guint        k,
          int          r,
          gboolean     up,
          guint       *c)
{
  guint width;
  g_autofree guint *before = count_before (o, nodes, k, up ? r - 1 : r + 1, up, &width);

  if (width == 0)
    return;

  for (guint a = 0; a < k; a++)
    {
      int count;
      const int *nb = up ? order_up (o, nodes[a], &count) : order_down (o, nodes[a], &count);

      for (guint b = 0; b < k; b++)
        {
          const guint *row = before + (gsize) b * (width + 1);
          guint crossings = 0;

          for (int j = 0; j < count; j++)
            crossings += row[o->pos[nb[j]]];
          c[a * k + b] += a == b ? 0 : crossings;
        }
    }
}

/* c[a * k + b]: the crossings when the node at index a sits left of the one at b. */
static guint *
pair_table (const Order *o,
            const int   *nodes,
            guint        k,
            int          r)
{
  guint *c = g_new0 (guint, (gsize) k * k);

  add_side (o, nodes, k, r, TRUE, c);
  add_side (o, nodes, k, r, FALSE, c);
  return c;
}

/*
 * Where node @x fits best among the others of @seq: the place among them
 * (0 for first) whose cost is least, the first of them on ties. Slides x
 * from the front one step at a time, each step changing the cost by one
 * pair. Returns the gain over its current place.
 */
static long
best_place (const guint *c,
            const int   *seq,
            guint        k,
            int          x,
            guint       *best_at)
{
  long cost = 0, best, current = 0;
  guint at = 0;

  for (guint i = 0; i < k; i++)
    if (seq[i] != x)
      cost += c[x * k + seq[i]];
  best = cost;
  *best_at = 0;

  for (guint i = 0; i < k; i++)
    {
      if (seq[i] == x)
        {
          current = cost;
          continue;
        }
      cost += (long) c[seq[i] * k + x] - (long) c[x * k + seq[i]];
      at++;
      if (cost < best)
        {
          best = cost;
          *best_at = at;
        }
    }

  return current - best;
}

/* Moves @x to place @to among the other entries of @seq. */
static void
move_to (int   *seq,
         guint  k,
         int    x,
         guint  to)
{
  guint from = 0;

  while (seq[from] != x)
    from++;
  if (from < to)
    memmove (seq + from, seq + from + 1, sizeof (int) * (to - from));
  else if (from > to)
    memmove (seq + to + 1, seq + to, sizeof (int) * (from - to));
  seq[to] = x;
}

static gboolean
sift_rank (Order *o,
           int    r)
{
  GArray *rank = order_rank (o, r);
  guint k = rank->len;
  g_autofree int *nodes = NULL;
  g_autofree guint *c = NULL;
  g_autofree int *seq = NULL;
  g_autofree int *visit = NULL;
  ByDegree by;
  gboolean improved = FALSE;

  if (k < 2 || k > MAX_SIFTED_RANK)
    return FALSE;

  nodes = g_memdup2 (rank->data, sizeof (int) * k);
  c = pair_table (o, nodes, k, r);
  seq = g_new (int, k);
  visit = g_new (int, k);
  for (guint i = 0; i < k; i++)
    seq[i] = visit[i] = (int) i;
  by = (ByDegree) { o, nodes };
  g_qsort_with_data (visit, (gint) k, sizeof (int), compare_degree, &by);

  for (guint step = 0; step < k; step++)
    {
      guint to;

      if (best_place (c, seq, k, visit[step], &to) > 0)
        {
          move_to (seq, k, visit[step], to);
          improved = TRUE;
        }
    }

  if (!improved)
    return FALSE;

  for (guint i = 0; i < k; i++)
    g_array_index (rank, int, i) = nodes[seq[i]];
  plateau_graph_order_renumber (o, r);
  return TRUE;
}

/**
 * plateau_graph_sift: (skip)
 * @o: the ordering state; o->unsifted marks the ranks to sift
 * @downward: visit the ranks from the top, else from the bottom
 *
 * Sifts every marked rank once; a rank that changes marks its neighbours,
 * whose best places may have moved, and a rank is sifted again only then.
 * The graph must have no subgraphs, whose members sifting would scatter.
 *
 * Returns: whether any rank improved
 */
gboolean
plateau_graph_sift (Order    *o,
                    gboolean  downward)
{
  int n = o->g->n_ranks;
  gboolean improved = FALSE;

  for (int step = 0; step < n; step++)
    {
      int r = downward ? step : n - 1 - step;

      if (!o->unsifted[r])
        continue;
      o->unsifted[r] = FALSE;
      if (!sift_rank (o, r))
        continue;

      improved = TRUE;
      if (r > 0)
        o->unsifted[r - 1] = TRUE;
      if (r + 1 < n)
        o->unsifted[r + 1] = TRUE;
    }

  return improved;
}
