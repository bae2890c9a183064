/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subgraphs in crossing minimisation: the members of a subgraph stay next
 * to each other in every rank, and sibling subgraphs keep one order
 * across all ranks, so that each can be drawn as a box.
 */

#include "config.h"

#include "plateau-graph-order-private.h"

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

/**
 * plateau_graph_group_sort: (skip)
 * @o: the ordering state
 * @r: a rank
 * @value: per node, where it should go
 *
 * Sorts rank @r by @value, keeping the members of every subgraph together.
 */
void
plateau_graph_group_sort (Order        *o,
                          int           r,
                          const double *value)
{
  GArray *rank = order_rank (o, r);
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (int), rank->len);

  sort_group (o->g, rank, -1, value, sorted);
  g_array_set_size (rank, 0);
  g_array_append_vals (rank, sorted->data, sorted->len);
  plateau_graph_order_renumber (o, r);
}

/**
 * plateau_graph_group_consistent: (skip)
 * @o: the ordering state, at its final order
 *
 * Sibling subgraphs must keep one left-to-right order in every rank, or
 * their boxes would overlap. Each subgraph gets one key, the mean relative
 * position of its members, and every rank is sorted by those keys, nodes
 * outside subgraphs by their own relative position.
 */
void
plateau_graph_group_consistent (Order *o)
{
  LGraph *g = o->g;
  double *value = o->value;
  g_autofree double *sum = g_new0 (double, g->n_clusters);
  g_autofree int *count = g_new0 (int, g->n_clusters);

  for (guint v = 0; v < g->nodes->len; v++)
    {
      LNode *n = lnode (g, v);
      double rel = (n->order + 0.5) / order_rank (o, n->rank)->len;

      value[v] = rel;
      for (int c = n->cluster; c >= 0; c = g->cluster_parent[c])
        {
          sum[c] += rel;
          count[c]++;
        }
    }

  g->cluster_key = g_new0 (double, g->n_clusters);
  for (int c = 0; c < g->n_clusters; c++)
    g->cluster_key[c] = count[c] > 0 ? sum[c] / count[c] : 0.5;
  for (int r = 0; r < g->n_ranks; r++)
    plateau_graph_group_sort (o, r, value);
}

