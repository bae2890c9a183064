/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plateau-theme.h"

G_BEGIN_DECLS

/*
 * A concept graph as written in Mermaid flowchart text: nodes with a shape
 * and a label, edges with a stroke, heads and an optional label, nested
 * subgraphs, and colours from classDef/class/style/linkStyle. The graph is
 * plain data; the parser fills it, the layout and the renderer read it.
 */

#define PLATEAU_GRAPH_ERROR (plateau_graph_error_quark ())

typedef enum
{
  PLATEAU_GRAPH_ERROR_SYNTAX,       /* the text is not a valid flowchart */
  PLATEAU_GRAPH_ERROR_UNSUPPORTED,  /* valid Mermaid that Plateau does not draw */
  PLATEAU_GRAPH_ERROR_TOO_LARGE,    /* over one of the size limits below */
} PlateauGraphError;

/* Limits that keep memory and layout time bounded on any input. */
#define PLATEAU_GRAPH_MAX_INPUT     (1024 * 1024)
#define PLATEAU_GRAPH_MAX_NODES     2000
#define PLATEAU_GRAPH_MAX_EDGES     5000
#define PLATEAU_GRAPH_MAX_SUBGRAPHS 500
#define PLATEAU_GRAPH_MAX_DEPTH     32
#define PLATEAU_GRAPH_MAX_LENGTH    8     /* extra dashes beyond this are refused */

typedef enum
{
  PLATEAU_GRAPH_TB,
  PLATEAU_GRAPH_BT,
  PLATEAU_GRAPH_LR,
  PLATEAU_GRAPH_RL,
} PlateauGraphDirection;

typedef enum
{
  PLATEAU_GRAPH_SHAPE_RECT,           /* A[text] */
  PLATEAU_GRAPH_SHAPE_ROUND,          /* A(text) */
  PLATEAU_GRAPH_SHAPE_STADIUM,        /* A([text]) */
  PLATEAU_GRAPH_SHAPE_SUBROUTINE,     /* A[[text]] */
  PLATEAU_GRAPH_SHAPE_CYLINDER,       /* A[(text)] */
  PLATEAU_GRAPH_SHAPE_CIRCLE,         /* A((text)) */
  PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE,  /* A(((text))) */
  PLATEAU_GRAPH_SHAPE_DIAMOND,        /* A{text} */
  PLATEAU_GRAPH_SHAPE_HEXAGON,        /* A{{text}} */
  PLATEAU_GRAPH_SHAPE_ASYMMETRIC,     /* A>text] */
  PLATEAU_GRAPH_SHAPE_PARALLELOGRAM,  /* A[/text/] */
  PLATEAU_GRAPH_SHAPE_PARALLELOGRAM_ALT, /* A[\text\] */
  PLATEAU_GRAPH_SHAPE_TRAPEZOID,      /* A[/text\] */
  PLATEAU_GRAPH_SHAPE_TRAPEZOID_ALT,  /* A[\text/] */
  PLATEAU_GRAPH_N_SHAPES,
} PlateauGraphShape;

typedef enum
{
  PLATEAU_GRAPH_STROKE_NORMAL,
  PLATEAU_GRAPH_STROKE_THICK,
  PLATEAU_GRAPH_STROKE_DOTTED,
  PLATEAU_GRAPH_STROKE_INVISIBLE,
} PlateauGraphStroke;

typedef enum
{
  PLATEAU_GRAPH_HEAD_NONE,
  PLATEAU_GRAPH_HEAD_ARROW,
  PLATEAU_GRAPH_HEAD_CIRCLE,
  PLATEAU_GRAPH_HEAD_CROSS,
} PlateauGraphHead;

/* Colours and strokes set by classDef, style or linkStyle; unset fields keep the theme's. */
typedef struct
{
  gboolean has_fill;
  gboolean has_stroke;
  gboolean has_color;
  gboolean has_dash;
  PlateauRgba fill;
  PlateauRgba stroke;
  PlateauRgba color;          /* text */
  double stroke_width;        /* 0 when unset */
  double dash[2];             /* on, off; valid when has_dash */
} PlateauGraphStyle;

typedef struct
{
  char *id;
  char *label;                /* plain text, newlines for <br> */
  char *markup;               /* Pango markup of a Markdown label's bold and italic, or NULL */
  PlateauGraphShape shape;
  int subgraph;               /* innermost subgraph, -1 at the top level */
  char **classes;             /* NULL-terminated, maybe empty */
  PlateauGraphStyle style;    /* resolved: classes, then style statements */
  guint line;                 /* where it was first mentioned */
  guint column;
} PlateauGraphNode;

/* An edge's end is a node or, for edges to a subgraph, a subgraph. */
typedef struct
{
  guint index;
  gboolean is_subgraph;
} PlateauGraphEnd;

typedef struct
{
  PlateauGraphEnd from;
  PlateauGraphEnd to;
  char *label;                /* NULL when the edge has none */
  char *markup;               /* as for nodes */
  PlateauGraphStroke stroke;
  PlateauGraphHead head_from; /* the head drawn at the from end */
  PlateauGraphHead head_to;
  guint length;               /* 1 for -->, 2 for --->, … */
  PlateauGraphStyle style;
  guint line;
  guint column;
} PlateauGraphEdge;

typedef struct
{
  char *id;
  char *title;
  char *title_markup;         /* as for nodes */
  int parent;                 /* -1 at the top level */
  gboolean has_direction;
  PlateauGraphDirection direction;
  PlateauGraphStyle style;
  guint line;
  guint column;
} PlateauGraphSubgraph;

typedef struct
{
  PlateauGraphDirection direction;
  GArray *nodes;              /* PlateauGraphNode */
  GArray *edges;              /* PlateauGraphEdge */
  GArray *subgraphs;          /* PlateauGraphSubgraph, parents before children */
} PlateauGraph;

/* Where a parse error was found: 1-based line and column (in characters). */
typedef struct
{
  guint line;
  guint column;
} PlateauGraphLocation;

GQuark        plateau_graph_error_quark (void);

PlateauGraph *plateau_graph_parse       (const char           *text,
                                         gssize                length,
                                         PlateauGraphLocation *error_location,
                                         GError              **error);
void          plateau_graph_free        (PlateauGraph         *graph);
int           plateau_graph_find_node   (const PlateauGraph   *graph,
                                         const char           *id);
gboolean      plateau_graph_node_in_subgraph (const PlateauGraph *graph,
                                              guint               node,
                                              guint               subgraph);

gboolean      plateau_graph_parse_color (const char           *text,
                                         PlateauRgba          *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauGraph, plateau_graph_free)

G_END_DECLS
