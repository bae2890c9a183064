/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-graph-layout-private.h"

G_BEGIN_DECLS

/*
 * The working state of crossing minimisation: each node's place in its
 * rank and its neighbours one rank up and down in flat arrays, so that the
 * inner loops of counting, transposition and sifting read memory in order.
 * The ranks of the LGraph stay the reference; pos mirrors them.
 */
typedef struct
{
  LGraph *g;
  int *pos;                   /* per node: its place in its rank */
  int *up_first;              /* per node and one more: where its upper neighbours start */
  int *up;
  int *down_first;
  int *down;
  guint *tree;                /* a Fenwick tree as long as the widest rank, and two */
  int *seq;                   /* the lower ends of the segments between two ranks */
  int *scratch;               /* neighbour places, as many as the highest degree */
  double *value;              /* per node: where the current sweep wants it */
  gboolean *candidate;        /* per rank: transposition may still improve it */
  gboolean *dirty;            /* per node: its pairs may count differently since last seen */
  gboolean *unsifted;         /* per rank: sifting may still improve it */
} Order;

static inline const int *
order_up (const Order *o,
          int          v,
          int         *count)
{
  *count = o->up_first[v + 1] - o->up_first[v];
  return o->up + o->up_first[v];
}

static inline const int *
order_down (const Order *o,
            int          v,
            int         *count)
{
  *count = o->down_first[v + 1] - o->down_first[v];
  return o->down + o->down_first[v];
}

static inline GArray *
order_rank (const Order *o,
            int          r)
{
  return g_ptr_array_index (o->g->ranks, r);
}

void    plateau_graph_order_renumber (Order *o, int r);
void    plateau_graph_order_pair     (const Order *o, int v, int w, guint *vw, guint *wv);
guint64 plateau_graph_order_total    (Order *o);
gboolean plateau_graph_sift          (Order *o, gboolean downward);
guint64 plateau_graph_sift_blocks    (Order *o);
void    plateau_graph_group_sort     (Order *o, int r, const double *value);
void    plateau_graph_group_consistent (Order *o);

G_END_DECLS
