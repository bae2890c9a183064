/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plateau-graph.h"

G_BEGIN_DECLS

/*
 * The layered (Sugiyama) layout of a concept graph. It is pure data: boxes
 * for nodes and subgraphs, smooth edge paths and label boxes, in drawing
 * units with the origin at the top-left corner. No drawing happens here, so
 * layouts can be tested, benchmarked and written as JSON.
 */

typedef struct
{
  double x;
  double y;
} PlateauGraphPoint;

/* A box by its centre and size. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PlateauGraphBox;

typedef struct
{
  /*
   * A chain of cubic Bézier segments: the start point, then three points
   * (two controls and an end) per segment. It starts on the border of the
   * from end and stops on the border of the to end. Empty for an edge the
   * layout could not place, which a warning of the layout names.
   */
  GArray *points;             /* PlateauGraphPoint */
  gboolean has_label;
  PlateauGraphBox label;
  gboolean reversed;          /* drawn against the flow to close a cycle */
} PlateauGraphEdgePath;

typedef struct
{
  double width;
  double height;
  guint n_nodes;
  guint n_edges;
  guint n_subgraphs;
  PlateauGraphBox *nodes;
  PlateauGraphEdgePath *edges;
  PlateauGraphBox *subgraphs; /* zero-sized for a subgraph without members */
  guint n_ranks;
  guint reversed_edges;       /* how many edges close cycles */
  GPtrArray *warnings;        /* char *: what could not be drawn, one translated sentence each */
} PlateauGraphLayout;

/* The measured size of every label, from plateau_graph_measure() or a caller. */
typedef struct
{
  double *node_width;         /* n_nodes each: the whole node, padding included */
  double *node_height;
  double *label_width;        /* n_edges each; 0 for an edge without label */
  double *label_height;
  double *title_width;        /* n_subgraphs each */
  double *title_height;
} PlateauGraphSizes;

typedef struct
{
  double node_sep;            /* between neighbours in a rank */
  double edge_sep;            /* between edges passing through a rank */
  double rank_sep;            /* between ranks */
  double subgraph_pad;        /* inside a subgraph box */
  double margin;              /* around the drawing */
  guint seed;                 /* for the restarts of crossing minimisation */
} PlateauGraphLayoutOptions;

void                plateau_graph_layout_options_init (PlateauGraphLayoutOptions *options);

PlateauGraphSizes  *plateau_graph_sizes_new     (const PlateauGraph       *graph);
void                plateau_graph_sizes_free    (PlateauGraphSizes        *sizes);

PlateauGraphLayout *plateau_graph_layout        (const PlateauGraph              *graph,
                                                 const PlateauGraphSizes         *sizes,
                                                 const PlateauGraphLayoutOptions *options);
void                plateau_graph_layout_free   (PlateauGraphLayout       *layout);

char               *plateau_graph_layout_to_json (const PlateauGraph       *graph,
                                                  const PlateauGraphLayout *layout);

void                plateau_graph_shape_outline (PlateauGraphShape         shape,
                                                 const PlateauGraphBox    *box,
                                                 GArray                   *points);
double              plateau_graph_cylinder_rim  (const PlateauGraphBox    *box);
gboolean            plateau_graph_shape_contains (PlateauGraphShape        shape,
                                                  const PlateauGraphBox   *box,
                                                  double                   x,
                                                  double                   y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauGraphLayout, plateau_graph_layout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauGraphSizes, plateau_graph_sizes_free)

G_END_DECLS
