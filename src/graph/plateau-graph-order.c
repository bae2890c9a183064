/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crossing minimisation: the order of nodes within each rank. Each pass
 * starts from a depth-first order and alternates down and up sweeps, as
 * dot does: a sweep sorts every rank by the weighted median of its
 * neighbours in the rank before, then transposition swaps neighbours in a
 * rank for as long as that removes crossings. Half of the sweeps break
 * ties the other way round, so that the order keeps moving on plateaus.
 * Sifting (plateau-graph-sift.c) then polishes each pass's best order, as
 * sweeps and transposition stall at orders sifting can still improve; the
 * best order of all passes gets one more pass, then global sifting
 * (plateau-graph-blocks.c), which moves long edges whole. Members of a
 * subgraph stay next to each other (plateau-graph-group.c) so that it can
 * be boxed; sifting, which would scatter them, is left out then.
 */

#include "config.h"

#include <string.h>

#include "plateau-graph-order-private.h"

#define MAX_ITERATIONS    24
#define PATIENCE          8     /* iterations without progress before a pass ends */
#define CONVERGENCE       0.995 /* progress is a drop below this share of the best */
#define MAX_SIFT_ROUNDS   16
#define TRANSPOSE_PASSES  8     /* beyond, swaps of equal pairs mostly undo each other */
#define MAX_GLOBAL_ROUNDS 3
#define BIG_GRAPH         1500  /* nodes and dummies: one start, one round of global sifting */
#define HUGE_GRAPH        20000 /* nodes and dummies: one short pass only */
#define GLOBAL_SIFT_MAX   6000  /* nodes and dummies: global sifting takes time squared */

/* The working state ------------------------------------------------------- */

/* Flattens neighbour lists into one array with a start index per node. */
static void
flatten (GArray **lists,
         guint    n,
         int    **first,
         int    **flat)
{
  int total = 0;

  *first = g_new (int, n + 1);
  for (guint v = 0; v < n; v++)
    {
      (*first)[v] = total;
      total += (int) lists[v]->len;
    }
  (*first)[n] = total;

  *flat = g_new (int, total + 1);
  for (guint v = 0; v < n; v++)
    if (lists[v]->len > 0)
      memcpy (*flat + (*first)[v], lists[v]->data, sizeof (int) * lists[v]->len);
}

static void
order_init (Order  *o,
            LGraph *g)
{
  guint n = g->nodes->len, widest = 0, degree = 0;

  o->g = g;
  o->pos = g_new0 (int, n + 1);
  flatten (g->up, n, &o->up_first, &o->up);
  flatten (g->down, n, &o->down_first, &o->down);

  for (int r = 0; r < g->n_ranks; r++)
    widest = MAX (widest, order_rank (o, r)->len);
  for (guint v = 0; v < n; v++)
    degree = MAX (degree, MAX (g->up[v]->len, g->down[v]->len));

  o->tree = g_new0 (guint, widest + 2);
  o->seq = g_new (int, o->down_first[n] + 1);
  o->scratch = g_new (int, degree + 1);
  o->value = g_new0 (double, n + 1);
  o->candidate = g_new0 (gboolean, g->n_ranks + 1);
  o->dirty = g_new0 (gboolean, n + 1);
  o->unsifted = g_new0 (gboolean, g->n_ranks + 1);
}

static void
order_clear (Order *o)
{
  g_free (o->pos);
  g_free (o->up_first);
  g_free (o->up);
  g_free (o->down_first);
  g_free (o->down);
  g_free (o->tree);
  g_free (o->seq);
  g_free (o->scratch);
  g_free (o->value);
  g_free (o->candidate);
  g_free (o->dirty);
  g_free (o->unsifted);
}

/**
 * plateau_graph_order_renumber: (skip)
 *
 * Records the places of the nodes of rank @r after it was reordered.
 */
void
plateau_graph_order_renumber (Order *o,
                              int    r)
{
  GArray *rank = order_rank (o, r);

  for (guint i = 0; i < rank->len; i++)
    {
      int v = g_array_index (rank, int, i);

      o->pos[v] = (int) i;
      lnode (o->g, v)->order = (int) i;
    }
}

/* Counting crossings --------------------------------------------------------- */

/* Inversions of a sequence by a Fenwick tree: the crossings of one rank pair. */
static guint64
count_inversions (guint       *tree,
                  const int   *values,
                  guint        n,
                  guint        max_value)
{
  guint64 inversions = 0;

  memset (tree, 0, sizeof (guint) * (max_value + 2));
  for (guint i = 0; i < n; i++)
    {
      guint seen_greater = i;

      for (guint k = values[i] + 1; k > 0; k -= k & -k)
        seen_greater -= tree[k];
      inversions += seen_greater;
      for (guint k = values[i] + 1; k <= max_value + 1; k += k & -k)
        tree[k]++;
    }

  return inversions;
}

/* Sorts a few ints in place; neighbour lists are short. */
static void
sort_small (int  *a,
            guint n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && a[j - 1] > a[j]; j--)
      {
        int t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
      }
}

/* Crossings between the segments from rank @r to the rank below. */
static guint64
crossings_below (Order *o,
                 int    r)
{
  GArray *upper = order_rank (o, r);
  guint n = 0;

  /* Segments sorted by upper place, then lower place. */
  for (guint i = 0; i < upper->len; i++)
    {
      int count;
      const int *down = order_down (o, g_array_index (upper, int, i), &count);

      for (int k = 0; k < count; k++)
        o->seq[n + k] = o->pos[down[k]];
      sort_small (o->seq + n, (guint) count);
      n += (guint) count;
    }

  return count_inversions (o->tree, o->seq, n, MAX (order_rank (o, r + 1)->len, 1));
}

/**
 * plateau_graph_order_total: (skip)
 *
 * Returns: the crossings of the current order, all ranks together
 */
guint64
plateau_graph_order_total (Order *o)
{
  guint64 total = 0;

  for (int r = 0; r + 1 < o->g->n_ranks; r++)
    total += crossings_below (o, r);

  return total;
}

/* Adds the pairs of @a and @b whose ends lie in one order (@ab) or the other (@ba). */
static inline void
count_pairs (const int *pos,
             const int *a,
             int        na,
             const int *b,
             int        nb,
             guint     *ab,
             guint     *ba)
{
  for (int i = 0; i < na; i++)
    {
      int pa = pos[a[i]];

      for (int j = 0; j < nb; j++)
        {
          int pb = pos[b[j]];

          *ab += pa > pb;
          *ba += pa < pb;
        }
    }
}

/**
 * plateau_graph_order_pair: (skip)
 * @o: the ordering state
 * @v: a node
 * @w: a node of the same rank
 * @vw: (out): the crossings of their edges when @v stands left of @w
 * @wv: (out): the crossings when @w stands left of @v
 */
void
plateau_graph_order_pair (const Order *o,
                          int          v,
                          int          w,
                          guint       *vw,
                          guint       *wv)
{
  const int *up = o->up, *down = o->down, *uf = o->up_first, *df = o->down_first;
  guint ab = 0, ba = 0;

  count_pairs (o->pos, up + uf[v], uf[v + 1] - uf[v], up + uf[w], uf[w + 1] - uf[w], &ab, &ba);
  count_pairs (o->pos, down + df[v], df[v + 1] - df[v], down + df[w], df[w + 1] - df[w], &ab,
               &ba);
  *vw = ab;
  *wv = ba;
}

/* Sweeps ------------------------------------------------------------------- */

/*
 * The weighted median of the places of @count neighbours (Gansner et al.):
 * with an even count the middle pair is weighted towards the side where
 * the neighbours lie closer together. -1 when there are none.
 */
static double
weighted_median (Order     *o,
                 const int *neighbours,
                 int        count)
{
  int *m = o->scratch;
  int half = count / 2;
  double left, right;

  if (count == 0)
    return -1;

  for (int i = 0; i < count; i++)
    m[i] = o->pos[neighbours[i]];
  sort_small (m, (guint) count);

  if (count % 2 == 1)
    return m[half];
  if (count == 2)
    return (m[0] + m[1]) / 2.0;

  left = m[half - 1] - m[0];
  right = m[count - 1] - m[half];
  if (left + right <= 0)
    return (m[half - 1] + m[half]) / 2.0;
  return (m[half - 1] * right + m[half] * left) / (left + right);
}

typedef struct
{
  const Order *o;
  gboolean reverse;
} SortBy;

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const SortBy *by = data;
  int v = *(const int *) a, w = *(const int *) b;
  double x = by->o->value[v], y = by->o->value[w];

  if (x != y)
    return x < y ? -1 : 1;
  return by->reverse ? by->o->pos[w] - by->o->pos[v] : by->o->pos[v] - by->o->pos[w];
}

/*
 * Sorts a rank by value, except that nodes with no neighbour on the side
 * being swept (value -1) keep their slot, as in dot: moving them would
 * only add noise. @reverse turns the order of equal values round.
 */
static void
sort_movable (Order    *o,
              int       r,
              gboolean  reverse)
{
  GArray *rank = order_rank (o, r);
  int *slots = (int *) rank->data;
  g_autofree int *movable = g_new (int, rank->len + 1);
  SortBy by = { o, reverse };
  guint n = 0, next = 0;

  for (guint i = 0; i < rank->len; i++)
    if (o->value[slots[i]] >= 0)
      movable[n++] = slots[i];
  g_qsort_with_data (movable, (gint) n, sizeof (int), compare_by_value, &by);

  for (guint i = 0; i < rank->len; i++)
    if (o->value[slots[i]] >= 0)
      slots[i] = movable[next++];
  plateau_graph_order_renumber (o, r);
}

/* Subgraphs sort every node: those without neighbours keep their relative place. */
static void
fill_fixed (Order *o,
            int    r,
            int    other)
{
  GArray *rank = order_rank (o, r);
  double width = MAX (order_rank (o, other)->len, 1);

  for (guint i = 0; i < rank->len; i++)
    {
      int v = g_array_index (rank, int, i);
      if (o->value[v] < 0)
        o->value[v] = (i + 0.5) / rank->len * width;
    }
}

static void
sweep (Order    *o,
       gboolean  downward,
       gboolean  reverse)
{
  LGraph *g = o->g;

  for (int step = 1; step < g->n_ranks; step++)
    {
      int r = downward ? step : g->n_ranks - 1 - step;
      GArray *rank = order_rank (o, r);

      for (guint i = 0; i < rank->len; i++)
        {
          int v = g_array_index (rank, int, i), count;
          const int *nb = downward ? order_up (o, v, &count) : order_down (o, v, &count);

          o->value[v] = weighted_median (o, nb, count);
        }

      if (g->n_clusters == 0)
        sort_movable (o, r, reverse);
      else
        {
          fill_fixed (o, r, downward ? r - 1 : r + 1);
          plateau_graph_group_sort (o, r, o->value);
        }
    }
}

/* Transposition ------------------------------------------------------------ */

static void
swap_neighbours (Order *o,
                 int    r,
                 guint  i)
{
  int *slots = (int *) order_rank (o, r)->data;
  int v = slots[i], w = slots[i + 1];

  slots[i] = w;
  slots[i + 1] = v;
  o->pos[v] = (int) i + 1;
  o->pos[w] = (int) i;
  lnode (o->g, v)->order = (int) i + 1;
  lnode (o->g, w)->order = (int) i;
}

/* Marks @v and its neighbours: the pairs they stand in may have changed. */
static void
touch (Order *o,
       int    v)
{
  int count;
  const int *nb;

  o->dirty[v] = TRUE;
  o->candidate[lnode (o->g, v)->rank] = TRUE;

  nb = order_up (o, v, &count);
  for (int k = 0; k < count; k++)
    {
      o->dirty[nb[k]] = TRUE;
      o->candidate[lnode (o->g, nb[k])->rank] = TRUE;
    }
  nb = order_down (o, v, &count);
  for (int k = 0; k < count; k++)
    {
      o->dirty[nb[k]] = TRUE;
      o->candidate[lnode (o->g, nb[k])->rank] = TRUE;
    }
}

/*
 * One pass over rank @r; returns the crossings removed. Only pairs with a
 * node marked since its last look are counted again.
 */
static guint64
transpose_rank (Order    *o,
                int       r,
                gboolean  equal_too)
{
  GArray *rank = order_rank (o, r);
  int *slots = (int *) rank->data;
  guint64 gain = 0;

  for (guint i = 0; i + 1 < rank->len; i++)
    {
      int v = slots[i], w = slots[i + 1];
      guint before, after;

      if (!o->dirty[v] && !o->dirty[w])
        continue;
      if (lnode (o->g, v)->cluster != lnode (o->g, w)->cluster)
        {
          o->dirty[v] = FALSE;
          continue;
        }

      plateau_graph_order_pair (o, v, w, &before, &after);
      if (after < before || (equal_too && after == before && before > 0))
        {
          swap_neighbours (o, r, i);
          gain += before - after;
          touch (o, v);
          touch (o, w);
          continue;
        }
      o->dirty[v] = FALSE;
    }
  if (rank->len > 0)
    o->dirty[slots[rank->len - 1]] = FALSE;

  return gain;
}

/*
 * Swaps neighbours while that removes crossings, and with @equal_too also
 * those whose swap keeps them, which lets the order drift along plateaus.
 * Only pairs next to something that moved are counted again.
 */
static void
transpose (Order    *o,
           gboolean  equal_too)
{
  guint64 gain;

  for (int r = 0; r < o->g->n_ranks; r++)
    o->candidate[r] = TRUE;
  for (guint v = 0; v < o->g->nodes->len; v++)
    o->dirty[v] = TRUE;

  int pass = 0;

  do
    {
      gain = 0;
      for (int r = 0; r < o->g->n_ranks; r++)
        {
          if (!o->candidate[r])
            continue;
          o->candidate[r] = FALSE;
          gain += transpose_rank (o, r, equal_too);
        }
    }
  while (gain > 0 && ++pass < TRANSPOSE_PASSES);
}

/* Starting orders and keeping the best ---------------------------------------- */

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

/* Walks down from @root, each node joining its rank when first reached. */
static void
walk_from (Order    *o,
           int       root,
           gboolean *seen,
           GArray   *stack,
           guint     start,
           GRand    *rand)
{
  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      int v = g_array_index (stack, int, stack->len - 1), count;
      const int *down = order_down (o, v, &count);
      g_autofree int *next = NULL;

      g_array_set_size (stack, stack->len - 1);
      if (seen[v])
        continue;
      seen[v] = TRUE;
      g_array_append_val (order_rank (o, lnode (o->g, v)->rank), v);

      next = g_memdup2 (down, sizeof (int) * count);
      if (start >= 2)
        shuffle (rand, next, (guint) count);
      for (int k = count; k > 0; k--)
        {
          int w = next[start == 1 ? count - k : k - 1];
          if (!seen[w])
            g_array_append_val (stack, w);
        }
    }
}

/*
 * A depth-first walk from the top, which places a node near the nodes it
 * hangs from. Start 0 walks in the order the text gives, start 1 in
 * reverse, later starts at random.
 */
static void
initial_order (Order *o,
               guint  start,
               GRand *rand)
{
  LGraph *g = o->g;
  guint n = g->nodes->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree int *roots = g_new (int, n);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < n; i++)
    roots[i] = start == 1 ? (int) (n - 1 - i) : (int) i;
  if (start >= 2)
    shuffle (rand, roots, n);

  for (int r = 0; r < g->n_ranks; r++)
    g_array_set_size (order_rank (o, r), 0);

  /* Roots by rank, so that the walk starts at the top. */
  for (int r = 0; r < g->n_ranks; r++)
    for (guint i = 0; i < n; i++)
      if (!seen[roots[i]] && lnode (g, roots[i])->rank == r)
        walk_from (o, roots[i], seen, stack, start, rand);

  for (int r = 0; r < g->n_ranks; r++)
    plateau_graph_order_renumber (o, r);
}

static void
save_order (const Order *o,
            int         *saved)
{
  memcpy (saved, o->pos, sizeof (int) * o->g->nodes->len);
}

static void
restore_order (Order     *o,
               const int *saved)
{
  LGraph *g = o->g;
  g_autofree guint *count = g_new0 (guint, g->n_ranks + 1);

  for (guint v = 0; v < g->nodes->len; v++)
    count[lnode (g, v)->rank]++;
  for (int r = 0; r < g->n_ranks; r++)
    g_array_set_size (order_rank (o, r), count[r]);

  for (guint v = 0; v < g->nodes->len; v++)
    g_array_index (order_rank (o, lnode (g, v)->rank), int, saved[v]) = (int) v;
  for (int r = 0; r < g->n_ranks; r++)
    plateau_graph_order_renumber (o, r);
}

/* Passes --------------------------------------------------------------------- */

/*
 * One pass of sweeps and transposition from the current order, as dot's
 * mincross: it ends after PATIENCE iterations that bring the crossings
 * no clearly lower. Leaves the pass's best order in @best.
 */
static guint64
improve (Order *o,
         int   *best,
         int    max_iterations)
{
  guint64 least = plateau_graph_order_total (o);
  int idle = 0;

  save_order (o, best);
  for (int i = 0; i < max_iterations && idle < PATIENCE && least > 0; i++)
    {
      gboolean reverse = i % 4 < 2;
      guint64 crossings;

      sweep (o, i % 2 == 0, reverse);
      transpose (o, !reverse);
      crossings = plateau_graph_order_total (o);
      idle++;
      if (crossings <= least)
        {
          if (crossings < CONVERGENCE * least)
            idle = 0;
          least = crossings;
          save_order (o, best);
        }
    }

  return least;
}

/* Sifts down and up from the order in @best while that removes crossings. */
static guint64
polish (Order   *o,
        int     *best,
        guint64  least)
{
  restore_order (o, best);
  for (int r = 0; r < o->g->n_ranks; r++)
    o->unsifted[r] = TRUE;

  for (int round = 0; round < MAX_SIFT_ROUNDS && least > 0; round++)
    {
      guint64 crossings;

      if (!plateau_graph_sift (o, round % 2 == 0))
        break;
      crossings = plateau_graph_order_total (o);
      if (crossings >= least)
        break;
      least = crossings;
      save_order (o, best);
    }

  return least;
}

/*
 * Global sifting from the best order so far, then layer-by-layer sifting
 * again, for as long as the rounds remove crossings.
 */
static guint64
sift_globally (Order   *o,
               int     *best,
               int     *scratch,
               guint64  least,
               int      rounds)
{
  for (int round = 0; round < rounds && least > 0; round++)
    {
      guint64 crossings;

      restore_order (o, best);
      crossings = plateau_graph_sift_blocks (o);
      save_order (o, scratch);
      crossings = polish (o, scratch, crossings);
      if (crossings >= least)
        break;
      least = crossings;
      memcpy (best, scratch, sizeof (int) * o->g->nodes->len);
    }

  return least;
}

/* Restarts shrink with size, to keep big graphs fast. */
static guint
n_starts_for (const LGraph *g)
{
  guint n = g->nodes->len;

  if (n > BIG_GRAPH)
    return 1;
  if (n > 600)
    return 3;
  if (n > 200)
    return 6;
  return 12;
}

/**
 * plateau_graph_order: (skip)
 * @g: the working graph, ranked, with dummies
 *
 * Orders every rank to keep edge crossings few.
 *
 * Returns: the crossings left between ranks
 */
guint64
plateau_graph_order (LGraph *g)
{
  guint n = g->nodes->len;
  g_autofree int *best = g_new (int, n + 1);
  g_autofree int *pass = g_new (int, n + 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g->options->seed);
  gboolean huge = n > HUGE_GRAPH, big = n > BIG_GRAPH;
  int iterations = huge ? 4 : big ? MAX_ITERATIONS / 2 : MAX_ITERATIONS;
  guint starts = huge ? 1 : n_starts_for (g);
  guint64 least = G_MAXUINT64;
  Order o = { 0 };

  order_init (&o, g);
  for (guint start = 0; start < starts && least > 0; start++)
    {
      guint64 crossings;

      initial_order (&o, start, rand);
      crossings = improve (&o, pass, iterations);
      if (g->n_clusters == 0 && !huge)
        crossings = polish (&o, pass, crossings);
      if (crossings < least)
        {
          least = crossings;
          memcpy (best, pass, sizeof (int) * n);
        }
    }

  /* One more pass from the best order, and global sifting. */
  if (least > 0 && !huge)
    {
      restore_order (&o, best);
      least = MIN (least, improve (&o, best, iterations));
      if (g->n_clusters == 0)
        least = polish (&o, best, least);
    }

  if (least > 0 && n <= GLOBAL_SIFT_MAX && g->n_clusters == 0)
    least = sift_globally (&o, best, pass, least, big ? 1 : MAX_GLOBAL_ROUNDS);

  g_debug ("ordering: %" G_GUINT64_FORMAT " crossings, %u nodes with dummies, %d ranks",
           least, n, g->n_ranks);
  restore_order (&o, best);
  if (g->n_clusters > 0)
    plateau_graph_group_consistent (&o);
  order_clear (&o);
  return least;
}
