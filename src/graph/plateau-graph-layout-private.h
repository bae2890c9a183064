/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-graph-layout.h"

G_BEGIN_DECLS

/*
 * The working graph of the layout, in a top-to-bottom frame: ranks run down
 * the y axis, the order within a rank along x. Other directions are
 * produced by turning the result at the end.
 */

typedef enum
{
  LNODE_REAL,
  LNODE_DUMMY,                /* a point of a long edge */
  LNODE_LABEL,                /* the label of an edge, in its middle rank */
} LNodeKind;

typedef struct
{
  LNodeKind kind;
  int orig;                   /* graph node, or the layout edge of a dummy */
  int cluster;                /* innermost subgraph, -1 at the top */
  double w;                   /* across the flow */
  double h;                   /* along the flow */
  double right_extra;         /* room for self-loops and their labels, across */
  double loop_span;           /* along the flow, the height self-loops need */
  gboolean back;              /* a dummy of an edge reversed to break a cycle */
  int rank;
  int order;
  double x;
  double y;
} LNode;

typedef struct
{
  int u;                      /* upper end after cycles are broken */
  int v;
  int minlen;
  double weight;
  int orig;                   /* graph edge, -1 for a constraint */
  gboolean reversed;
  int label_rank_offset;      /* ranks from u to the label, 0 without label */
  GArray *chain;              /* int: u, dummies…, v */
} LEdge;

typedef struct
{
  const PlateauGraph *graph;
  GArray *nodes;              /* LNode */
  GArray *edges;              /* LEdge */
  int n_ranks;
  GPtrArray *ranks;           /* per rank: GArray of int, in order */
  int n_clusters;
  int *cluster_parent;
  int *cluster_depth;
  const PlateauGraphLayoutOptions *options;
  double cross_head;          /* title height when titles sit across the flow */
  double *cluster_min_width;  /* per subgraph, across the flow: its title */
  double *cluster_head;       /* per subgraph, title room across the flow (LR) */
  double *cluster_key;        /* per subgraph, its place among its siblings */
  /* neighbours one rank up and down, through the segments of edges */
  GArray **up;                /* int */
  GArray **down;
} LGraph;

static inline LNode *
lnode (const LGraph *g,
       int           i)
{
  return &g_array_index (g->nodes, LNode, i);
}

static inline LEdge *
ledge (const LGraph *g,
       int           i)
{
  return &g_array_index (g->edges, LEdge, i);
}

/* A self-loop, relative to its node's centre in the working frame. */
typedef struct
{
  int edge;                   /* graph edge */
  int node;
  double dy;                  /* the ends lie ∓dy along the flow */
  double x_top;               /* where the ends meet the outline, across */
  double x_bottom;
  double far;                 /* the outer controls, across */
  double lift;                /* the outer controls lie ∓(dy + lift) along */
  double label_x;             /* the label's centre across (at 0 along) */
  double label_w;             /* 0 without a label */
  double label_h;
} PlateauGraphLoop;

double plateau_graph_side_border (const LGraph *g, int node, double dy, int sign);
GArray *plateau_graph_plan_loops (LGraph                  *g,
                                  const GArray            *edges,
                                  const PlateauGraphSizes *sizes);
GArray *plateau_graph_route_loop (const LGraph *g, const PlateauGraphLoop *loop);

PlateauGraphLayout *plateau_graph_layout_flat   (const PlateauGraph              *graph,
                                                const PlateauGraphSizes         *sizes,
                                                const PlateauGraphLayoutOptions *options);
PlateauGraphLayout *plateau_graph_layout_nested (const PlateauGraph              *graph,
                                                 const PlateauGraphSizes         *sizes,
                                                 const PlateauGraphLayoutOptions *options);

guint64 plateau_graph_order    (LGraph *g);
void   plateau_graph_rank_simplex (LGraph *g, guint max_iterations);
void   plateau_graph_position  (LGraph *g);
void   plateau_graph_constrain (LGraph *g);
int    plateau_graph_cluster_common (const LGraph *g, int a, int b);
gboolean plateau_graph_cluster_within (const LGraph *g, int inner, int outer);

G_END_DECLS
