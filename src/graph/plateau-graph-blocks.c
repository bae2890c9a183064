/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Global sifting (Bachmaier, Brandenburg, Brunner and Hübner): the dummy
 * nodes of a long edge move as one block, which layer-by-layer sifting,
 * moving one dummy at a time, cannot do. All blocks (each real node is one
 * too) stand in one global order, and every rank lists its blocks in that
 * order. A block is sifted through the whole order, one swap with its
 * neighbour at a time; a swap changes crossings only at the ranks where
 * one of the two blocks begins or ends, so each costs a few comparisons.
 */

#include "config.h"

#include <string.h>

#include "plateau-graph-order-private.h"

typedef struct
{
  int top;                    /* its first rank */
  int n;                      /* how many ranks it spans */
  int first;                  /* where its nodes start in Blocks.nodes, top first */
} Block;

typedef struct
{
  Order *o;
  GArray *blocks;             /* Block */
  GArray *nodes;              /* int: the nodes of every block */
  int *block_of;              /* per node */
  int *seq;                   /* the global order of the blocks */
  int *at;                    /* per block: its place in seq */
} Blocks;

static Block *
block_at (const Blocks *b,
          int           i)
{
  return &g_array_index (b->blocks, Block, i);
}

/* The node of block @i at rank @r, which it must span. */
static int
node_at (const Blocks *b,
         int           i,
         int           r)
{
  const Block *k = block_at (b, i);

  return g_array_index (b->nodes, int, k->first + r - k->top);
}

static void
add_block (Blocks    *b,
           const int *nodes,
           int        n)
{
  Block k = { lnode (b->o->g, nodes[0])->rank, n, (int) b->nodes->len };

  for (int i = 0; i < n; i++)
    b->block_of[nodes[i]] = (int) b->blocks->len;
  g_array_append_vals (b->nodes, nodes, (guint) n);
  g_array_append_val (b->blocks, k);
}

/* One block per real node and one per long edge, for its dummies. */
static void
find_blocks (Blocks *b)
{
  LGraph *g = b->o->g;

  for (guint v = 0; v < g->nodes->len; v++)
    if (lnode (g, v)->kind == LNODE_REAL)
      {
        int one = (int) v;
        add_block (b, &one, 1);
      }

  for (guint i = 0; i < g->edges->len; i++)
    {
      GArray *chain = ledge (g, i)->chain;

      if (chain != NULL && chain->len > 2)
        add_block (b, &g_array_index (chain, int, 1), (int) chain->len - 2);
    }
}

typedef struct
{
  Blocks *b;
  int *front;                 /* per rank: the place of its first node not yet taken */
  int *at_front;              /* per block: how many of its nodes stand at a front */
  gboolean *taken;            /* per node */
  GArray *ready;              /* blocks with every node at a front */
} Merge;

/* Moves the front of rank @r past taken nodes and counts the block it reaches. */
static void
advance (Merge *m,
         int    r)
{
  GArray *rank = order_rank (m->b->o, r);

  while (m->front[r] < (int) rank->len && m->taken[g_array_index (rank, int, m->front[r])])
    m->front[r]++;
  if (m->front[r] < (int) rank->len)
    {
      int k = m->b->block_of[g_array_index (rank, int, m->front[r])];

      if (++m->at_front[k] == block_at (m->b, k)->n)
        g_array_append_val (m->ready, k);
    }
}

static void
take (Merge *m,
      int    k,
      int    place)
{
  const Block *x = block_at (m->b, k);

  m->b->seq[place] = k;
  m->b->at[k] = place;
  for (int j = 0; j < x->n; j++)
    m->taken[g_array_index (m->b->nodes, int, x->first + j)] = TRUE;

  for (int j = 0; j < x->n; j++)
    {
      int r = x->top + j, v = g_array_index (m->b->nodes, int, x->first + j);

      if (g_array_index (order_rank (m->b->o, r), int, m->front[r]) == v)
        advance (m, r);
    }
}

/* Of the blocks at the front of some rank, the one with fewest nodes left before its own. */
static int
least_behind (Merge *m)
{
  int best = -1, best_behind = G_MAXINT;

  for (int r = 0; r < m->b->o->g->n_ranks; r++)
    {
      GArray *rank = order_rank (m->b->o, r);
      int k, behind = 0;
      const Block *x;

      if (m->front[r] >= (int) rank->len)
        continue;
      k = m->b->block_of[g_array_index (rank, int, m->front[r])];
      x = block_at (m->b, k);
      for (int j = 0; j < x->n; j++)
        {
          int t = x->top + j, v = g_array_index (m->b->nodes, int, x->first + j);
          GArray *other = order_rank (m->b->o, t);

          for (int p = m->front[t]; p < m->b->o->pos[v]; p++)
            behind += !m->taken[g_array_index (other, int, p)];
        }
      if (behind < best_behind)
        best = k, best_behind = behind;
    }

  return best;
}

/*
 * A global order that keeps the order of every rank where it can: a block
 * is taken once it stands first in all its ranks. Where two long edges
 * cross between their ends no such order exists; then the block with
 * fewest nodes before it goes first.
 */
static void
order_blocks (Blocks *b)
{
  int n_ranks = b->o->g->n_ranks, n = (int) b->blocks->len;
  Merge m = { b, g_new0 (int, n_ranks + 1), g_new0 (int, n + 1),
              g_new0 (gboolean, b->o->g->nodes->len + 1),
              g_array_new (FALSE, FALSE, sizeof (int)) };
  guint head = 0;

  for (int r = 0; r < n_ranks; r++)
    advance (&m, r);

  for (int place = 0; place < n; place++)
    {
      int k = -1;

      while (head < m.ready->len && k < 0)
        {
          k = g_array_index (m.ready, int, head++);
          if (m.taken[g_array_index (b->nodes, int, block_at (b, k)->first)])
            k = -1;
        }
      if (k < 0)
        k = least_behind (&m);
      take (&m, k, place);
    }

  g_free (m.front);
  g_free (m.at_front);
  g_free (m.taken);
  g_array_unref (m.ready);
}

/* Lays every rank out in the global order. */
static void
apply_order (Blocks *b)
{
  LGraph *g = b->o->g;

  for (int r = 0; r < g->n_ranks; r++)
    g_array_set_size (order_rank (b->o, r), 0);
  for (guint i = 0; i < b->blocks->len; i++)
    {
      const Block *k = block_at (b, b->seq[i]);

      for (int j = 0; j < k->n; j++)
        g_array_append_val (order_rank (b->o, k->top + j),
                            g_array_index (b->nodes, int, k->first + j));
    }
  for (int r = 0; r < g->n_ranks; r++)
    plateau_graph_order_renumber (b->o, r);
}

/* Crossings gained on one side of two neighbours when they trade places. */
static long
side_delta (const Order *o,
            const int   *a,
            int          na,
            const int   *c,
            int          nc)
{
  long delta = 0;

  for (int i = 0; i < na; i++)
    for (int j = 0; j < nc; j++)
      {
        int pa = o->pos[a[i]], pc = o->pos[c[j]];
        delta += (pa < pc) - (pa > pc);
      }

  return delta;
}

/*
 * The change in crossings when block @left, just left of @right in the
 * global order, moves past it. Where both blocks span two ranks in a row
 * they keep their relative order, so only the segments above their
 * highest common rank and below their lowest one change.
 */
static long
swap_delta (const Blocks *b,
            int           left,
            int           right)
{
  const Block *x = block_at (b, left), *y = block_at (b, right);
  int lo = MAX (x->top, y->top), hi = MIN (x->top + x->n, y->top + y->n) - 1;
  int na, nc;
  const int *a, *c;
  long delta;

  if (lo > hi)
    return 0;

  a = order_up (b->o, node_at (b, left, lo), &na);
  c = order_up (b->o, node_at (b, right, lo), &nc);
  delta = side_delta (b->o, a, na, c, nc);
  a = order_down (b->o, node_at (b, left, hi), &na);
  c = order_down (b->o, node_at (b, right, hi), &nc);
  return delta + side_delta (b->o, a, na, c, nc);
}

/* Swaps the nodes of two blocks, neighbours in the global order, in the ranks they share. */
static void
swap_in_ranks (Blocks *b,
               int     left,
               int     right)
{
  const Block *x = block_at (b, left), *y = block_at (b, right);
  int lo = MAX (x->top, y->top), hi = MIN (x->top + x->n, y->top + y->n) - 1;

  for (int r = lo; r <= hi; r++)
    {
      int u = node_at (b, left, r), v = node_at (b, right, r);
      int *slots = (int *) order_rank (b->o, r)->data;
      int p = b->o->pos[u];

      slots[p] = v;
      slots[p + 1] = u;
      b->o->pos[v] = p;
      b->o->pos[u] = p + 1;
    }
}

/* The @q-th block of the global order once block @k is taken out of it. */
static inline int
without (const Blocks *b,
         int           k,
         int           q)
{
  return b->seq[q < b->at[k] ? q : q + 1];
}

/* Moves block @k past @other, its neighbour on the @left side or else the right one. */
static long
pass_block (Blocks  *b,
            int      k,
            int      other,
            gboolean left,
            gboolean count)
{
  const Block *x = block_at (b, k), *y = block_at (b, other);
  long delta = 0;

  if (!(x->top < y->top + y->n && y->top < x->top + x->n))
    return 0;

  if (count)
    delta = left ? swap_delta (b, other, k) : swap_delta (b, k, other);
  if (left)
    swap_in_ranks (b, other, k);
  else
    swap_in_ranks (b, k, other);
  return delta;
}

/* Takes block @k out of the global order and puts it back at place @to. */
static void
reinsert (Blocks *b,
          int     k,
          int     to)
{
  int from = b->at[k];

  if (from < to)
    memmove (b->seq + from, b->seq + from + 1, sizeof (int) * (to - from));
  else if (from > to)
    memmove (b->seq + to + 1, b->seq + to, sizeof (int) * (from - to));
  b->seq[to] = k;

  for (int i = MIN (from, to); i <= MAX (from, to); i++)
    b->at[b->seq[i]] = i;
}

/*
 * Sifts block @k through the whole global order, to the front and then to
 * the back, and leaves it where it crossed least; returns the crossings
 * removed. Only blocks sharing a rank with it change anything, so the
 * order itself is rewritten once, at the end.
 */
static long
sift_block (Blocks *b,
            int     k)
{
  int n = (int) b->blocks->len, start = b->at[k], best_at = start;
  long cost = 0, best = 0;

  for (int p = start; p > 0; p--)
    cost += pass_block (b, k, without (b, k, p - 1), TRUE, TRUE);
  if (cost < best)
    best = cost, best_at = 0;

  for (int p = 0; p + 1 < n; p++)
    {
      cost += pass_block (b, k, without (b, k, p), FALSE, TRUE);
      if (cost < best)
        best = cost, best_at = p + 1;
    }

  for (int p = n - 1; p > best_at; p--)
    pass_block (b, k, without (b, k, p - 1), TRUE, FALSE);

  reinsert (b, k, best_at);
  return -best;
}

/**
 * plateau_graph_sift_blocks: (skip)
 * @o: the ordering state, of a graph without subgraphs
 *
 * One round of global sifting from the current order. The order of the
 * ranks afterwards has no crossings between the middles of two long edges.
 *
 * Returns: the crossings of the order it leaves
 */
guint64
plateau_graph_sift_blocks (Order *o)
{
  guint n = o->g->nodes->len;
  Blocks b = { o, g_array_new (FALSE, FALSE, sizeof (Block)),
               g_array_new (FALSE, FALSE, sizeof (int)), g_new0 (int, n + 1), NULL, NULL };

  find_blocks (&b);
  b.seq = g_new0 (int, b.blocks->len + 1);
  b.at = g_new0 (int, b.blocks->len + 1);
  order_blocks (&b);
  apply_order (&b);

  for (guint k = 0; k < b.blocks->len; k++)
    sift_block (&b, (int) k);

  for (int r = 0; r < o->g->n_ranks; r++)
    plateau_graph_order_renumber (o, r);

  g_array_unref (b.blocks);
  g_array_unref (b.nodes);
  g_free (b.block_of);
  g_free (b.seq);
  g_free (b.at);
  return plateau_graph_order_total (o);
}
