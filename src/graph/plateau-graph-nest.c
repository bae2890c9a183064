/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subgraphs laid out on their own. Mermaid draws a subgraph in its own
 * `direction` when no edge joins one of its members to the outside (edges
 * to the subgraph as a whole are fine); otherwise the subgraph follows the
 * direction around it. Such a subgraph, and any subgraph without members,
 * is laid out apart as a graph of its own, then stands in the surrounding
 * layout as one node the size of its box, and edges to it meet that box.
 */

#include "config.h"

#include "plateau-graph-layout-private.h"
#include "plateau-graph-private.h"

#define EMPTY_WIDTH 48.0       /* the inside of a subgraph without members */
#define EMPTY_HEIGHT 16.0

/* A graph made from part of another, with the way back to the other's items. */
typedef struct
{
  PlateauGraph *graph;
  PlateauGraphSizes *sizes;
  GArray *node_of;            /* int per node: the whole's node, or -(subgraph + 1) */
  GArray *edge_of;            /* int per edge: the whole's edge */
  GArray *subgraph_of;        /* int per subgraph: the whole's subgraph */
} Part;

static void
part_clear (Part *part)
{
  plateau_graph_free (part->graph);
  plateau_graph_sizes_free (part->sizes);
  g_array_unref (part->node_of);
  g_array_unref (part->edge_of);
  g_array_unref (part->subgraph_of);
}

static const PlateauGraphSubgraph *
subgraph_at (const PlateauGraph *graph,
             int                 s)
{
  return &g_array_index (graph->subgraphs, PlateauGraphSubgraph, s);
}

/* Whether subgraph @inner is @outer or lies within it. */
static gboolean
subgraph_within (const PlateauGraph *graph,
                 int                 inner,
                 int                 outer)
{
  for (int s = inner; s >= 0; s = subgraph_at (graph, s)->parent)
    {
      if (s == outer)
        return TRUE;
    }

  return FALSE;
}

/* Whether an edge's end lies inside subgraph @s, @s itself excluded. */
static gboolean
end_inside (const PlateauGraph    *graph,
            const PlateauGraphEnd *end,
            int                    s)
{
  if (end->is_subgraph)
    return (int) end->index != s
           && subgraph_within (graph, subgraph_at (graph, end->index)->parent, s);

  return plateau_graph_node_in_subgraph (graph, end->index, s);
}

/* Whether no edge joins something inside @s to something outside it. */
static gboolean
is_closed (const PlateauGraph *graph,
           int                 s)
{
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      if (end_inside (graph, &e->from, s) != end_inside (graph, &e->to, s))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_members (const PlateauGraph *graph,
             int                 s)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (plateau_graph_node_in_subgraph (graph, i, s))
        return TRUE;
    }

  return FALSE;
}

/*
 * Whether @s is laid out on its own: when nothing inside it is linked to the
 * outside, and it is empty or turned from the flow around it.
 */
static gboolean
stands_alone (const PlateauGraph *graph,
              int                 s)
{
  const PlateauGraphSubgraph *sg = subgraph_at (graph, s);

  if (!is_closed (graph, s))
    return FALSE;

  return !has_members (graph, s) || (sg->has_direction && sg->direction != graph->direction);
}

/* Per subgraph: TRUE for those that stand alone and lie in no other that does. */
static gboolean *
find_alone (const PlateauGraph *graph,
            gboolean           *any)
{
  guint n = graph->subgraphs->len;
  gboolean *alone = g_new0 (gboolean, n + 1);
  g_autofree gboolean *inside_alone = g_new0 (gboolean, n + 1);

  *any = FALSE;
  for (guint s = 0; s < n; s++)
    {
      int parent = subgraph_at (graph, s)->parent;

      /* Parents come before children, so their answer is known. */
      if (parent >= 0 && (alone[parent] || inside_alone[parent]))
        {
          inside_alone[s] = TRUE;
          continue;
        }
      alone[s] = stands_alone (graph, (int) s);
      *any |= alone[s];
    }

  return alone;
}

/* Building parts -------------------------------------------------------------- */

static void
part_init (Part                  *part,
           PlateauGraphDirection  direction)
{
  part->graph = plateau_graph_new ();
  part->graph->direction = direction;
  part->node_of = g_array_new (FALSE, FALSE, sizeof (int));
  part->edge_of = g_array_new (FALSE, FALSE, sizeof (int));
  part->subgraph_of = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
copy_node (Part                   *part,
           const PlateauGraphNode *node,
           int                     subgraph,
           int                     origin)
{
  PlateauGraphNode copy = *node;

  copy.id = g_strdup (node->id);
  copy.label = g_strdup (node->label);
  copy.markup = g_strdup (node->markup);
  copy.classes = g_strdupv (node->classes);
  copy.subgraph = subgraph;
  g_array_append_val (part->graph->nodes, copy);
  g_array_append_val (part->node_of, origin);
}

static void
copy_subgraph (Part                       *part,
               const PlateauGraphSubgraph *sg,
               int                         parent,
               int                         origin)
{
  PlateauGraphSubgraph copy = *sg;

  copy.id = g_strdup (sg->id);
  copy.title = g_strdup (sg->title);
  copy.title_markup = g_strdup (sg->title_markup);
  copy.parent = parent;
  g_array_append_val (part->graph->subgraphs, copy);
  g_array_append_val (part->subgraph_of, origin);
}

static void
copy_edge (Part                   *part,
           const PlateauGraphEdge *edge,
           PlateauGraphEnd         from,
           PlateauGraphEnd         to,
           int                     origin)
{
  PlateauGraphEdge copy = *edge;

  copy.label = g_strdup (edge->label);
  copy.markup = g_strdup (edge->markup);
  copy.from = from;
  copy.to = to;
  g_array_append_val (part->graph->edges, copy);
  g_array_append_val (part->edge_of, origin);
}

/* Where the whole's end lands in the part, by the maps from the whole to it. */
static PlateauGraphEnd
map_end (const PlateauGraphEnd *end,
         const int             *node_map,
         const int             *subgraph_map,
         const int             *stand_in)
{
  if (!end->is_subgraph)
    return (PlateauGraphEnd) { (guint) node_map[end->index], FALSE };
  if (stand_in != NULL && stand_in[end->index] >= 0)
    return (PlateauGraphEnd) { (guint) stand_in[end->index], FALSE };

  return (PlateauGraphEnd) { (guint) subgraph_map[end->index], TRUE };
}

/* The sizes of a part's nodes, labels and titles, taken over from the whole. */
static void
copy_sizes (Part                    *part,
            const PlateauGraphSizes *sizes)
{
  part->sizes = plateau_graph_sizes_new (part->graph);

  for (guint i = 0; i < part->node_of->len; i++)
    {
      int v = g_array_index (part->node_of, int, i);

      if (v < 0)
        continue;
      part->sizes->node_width[i] = sizes->node_width[v];
      part->sizes->node_height[i] = sizes->node_height[v];
    }
  for (guint i = 0; i < part->edge_of->len; i++)
    {
      int e = g_array_index (part->edge_of, int, i);

      part->sizes->label_width[i] = sizes->label_width[e];
      part->sizes->label_height[i] = sizes->label_height[e];
    }
  for (guint i = 0; i < part->subgraph_of->len; i++)
    {
      int s = g_array_index (part->subgraph_of, int, i);

      part->sizes->title_width[i] = sizes->title_width[s];
      part->sizes->title_height[i] = sizes->title_height[s];
    }
}

/* The inside of subgraph @s as a graph in its own direction. */
static void
build_inner (Part                    *part,
             const PlateauGraph      *graph,
             const PlateauGraphSizes *sizes,
             int                      s)
{
  const PlateauGraphSubgraph *sg = subgraph_at (graph, s);
  g_autofree int *node_map = g_new0 (int, graph->nodes->len + 1);
  g_autofree int *subgraph_map = g_new0 (int, graph->subgraphs->len + 1);

  part_init (part, sg->has_direction ? sg->direction : graph->direction);
  subgraph_map[s] = -1;

  for (guint t = s + 1; t < graph->subgraphs->len; t++)
    {
      const PlateauGraphSubgraph *inner = subgraph_at (graph, t);

      if (!subgraph_within (graph, inner->parent, s))
        continue;
      subgraph_map[t] = (int) part->graph->subgraphs->len;
      copy_subgraph (part, inner, subgraph_map[inner->parent], (int) t);
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *node = &g_array_index (graph->nodes, PlateauGraphNode, i);

      if (!plateau_graph_node_in_subgraph (graph, i, s))
        continue;
      node_map[i] = (int) part->graph->nodes->len;
      copy_node (part, node, subgraph_map[node->subgraph], (int) i);
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      if (end_inside (graph, &e->from, s) && end_inside (graph, &e->to, s))
        copy_edge (part, e, map_end (&e->from, node_map, subgraph_map, NULL),
                   map_end (&e->to, node_map, subgraph_map, NULL), (int) i);
    }

  copy_sizes (part, sizes);
}

/* Whether @s is, or lies in, a subgraph that stands alone. */
static gboolean
in_alone (const PlateauGraph *graph,
          const gboolean     *alone,
          int                 s)
{
  for (; s >= 0; s = subgraph_at (graph, s)->parent)
    {
      if (alone[s])
        return TRUE;
    }

  return FALSE;
}

static gboolean
end_hidden (const PlateauGraph    *graph,
            const gboolean        *alone,
            const PlateauGraphEnd *end)
{
  if (end->is_subgraph)
    return !alone[end->index] && in_alone (graph, alone, (int) end->index);

  return in_alone (graph, alone, g_array_index (graph->nodes, PlateauGraphNode,
                                                end->index).subgraph);
}

/* The size of the box of subgraph @s around its own layout @inner. */
static void
box_size (const PlateauGraphSizes         *sizes,
          const PlateauGraphLayoutOptions *options,
          int                              s,
          const PlateauGraphLayout        *inner,
          double                          *width,
          double                          *height)
{
  gboolean empty = inner->n_nodes == 0 && inner->n_subgraphs == 0;
  double pad = options->subgraph_pad;

  *width = MAX ((empty ? EMPTY_WIDTH : inner->width) + 2 * pad, sizes->title_width[s] + 2 * pad);
  *height = (empty ? EMPTY_HEIGHT : inner->height) + 2 * pad + sizes->title_height[s];
}

/* A node of the outer part standing for subgraph @s, as large as its box. */
static int
add_stand_in (Part               *part,
              const PlateauGraph *graph,
              int                 s,
              int                 parent)
{
  const PlateauGraphSubgraph *sg = subgraph_at (graph, s);
  PlateauGraphNode node = { 0 };
  char *none[] = { NULL };

  node.id = sg->id;
  node.label = (char *) "";
  node.shape = PLATEAU_GRAPH_SHAPE_RECT;
  node.classes = none;
  node.line = sg->line;
  node.column = sg->column;
  copy_node (part, &node, parent, -(s + 1));
  return (int) part->graph->nodes->len - 1;
}

/* Copies the subgraphs and nodes outside every subgraph that stands alone. */
static void
copy_outside (Part               *part,
              const PlateauGraph *graph,
              const gboolean     *alone,
              int                *node_map,
              int                *subgraph_map)
{
  for (guint t = 0; t < graph->subgraphs->len; t++)
    {
      const PlateauGraphSubgraph *sg = subgraph_at (graph, t);

      if (in_alone (graph, alone, (int) t))
        continue;
      subgraph_map[t] = (int) part->graph->subgraphs->len;
      copy_subgraph (part, sg, sg->parent >= 0 ? subgraph_map[sg->parent] : -1, (int) t);
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *node = &g_array_index (graph->nodes, PlateauGraphNode, i);

      if (in_alone (graph, alone, node->subgraph))
        continue;
      node_map[i] = (int) part->graph->nodes->len;
      copy_node (part, node, node->subgraph >= 0 ? subgraph_map[node->subgraph] : -1, (int) i);
    }
}

/* The whole without the insides of the subgraphs that stand alone, each now one node. */
static void
build_outer (Part                             *part,
             const PlateauGraph               *graph,
             const PlateauGraphSizes          *sizes,
             const PlateauGraphLayoutOptions  *options,
             const gboolean                   *alone,
             PlateauGraphLayout              **inner)
{
  g_autofree int *node_map = g_new0 (int, graph->nodes->len + 1);
  g_autofree int *subgraph_map = g_new0 (int, graph->subgraphs->len + 1);
  g_autofree int *stand_in = g_new (int, graph->subgraphs->len + 1);

  part_init (part, graph->direction);
  copy_outside (part, graph, alone, node_map, subgraph_map);
  for (guint t = 0; t < graph->subgraphs->len; t++)
    {
      int parent = subgraph_at (graph, t)->parent;

      stand_in[t] = alone[t] ? add_stand_in (part, graph, (int) t,
                                             parent >= 0 ? subgraph_map[parent] : -1)
                             : -1;
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      if (!end_hidden (graph, alone, &e->from) && !end_hidden (graph, alone, &e->to))
        copy_edge (part, e, map_end (&e->from, node_map, subgraph_map, stand_in),
                   map_end (&e->to, node_map, subgraph_map, stand_in), (int) i);
    }

  copy_sizes (part, sizes);
  for (guint t = 0; t < graph->subgraphs->len; t++)
    if (stand_in[t] >= 0)
      box_size (sizes, options, (int) t, inner[t],
                &part->sizes->node_width[stand_in[t]], &part->sizes->node_height[stand_in[t]]);
}

/* Putting the parts together ---------------------------------------------------- */

static void
move_box (PlateauGraphBox       *to,
          const PlateauGraphBox *from,
          double                 dx,
          double                 dy)
{
  *to = *from;
  to->x += dx;
  to->y += dy;
}

static void
take_warnings (PlateauGraphLayout       *into,
               const PlateauGraphLayout *from)
{
  for (guint i = 0; i < from->warnings->len; i++)
    g_ptr_array_add (into->warnings, g_strdup (g_ptr_array_index (from->warnings, i)));
}

/* Moves the edge paths of @from, given by @edge_of, into @into by (@dx, @dy). */
static void
take_edges (PlateauGraphLayout       *into,
            const PlateauGraphLayout *from,
            const GArray             *edge_of,
            double                    dx,
            double                    dy)
{
  for (guint i = 0; i < from->n_edges; i++)
    {
      PlateauGraphEdgePath *to = &into->edges[g_array_index (edge_of, int, i)];
      const PlateauGraphEdgePath *path = &from->edges[i];

      g_array_unref (to->points);
      *to = *path;
      to->points = g_array_copy (path->points);
      to->label.x += dx;
      to->label.y += dy;
      for (guint k = 0; k < to->points->len; k++)
        {
          g_array_index (to->points, PlateauGraphPoint, k).x += dx;
          g_array_index (to->points, PlateauGraphPoint, k).y += dy;
        }
    }

  into->reversed_edges += from->reversed_edges;
  take_warnings (into, from);
}

/* Puts the layout of alone subgraph @s inside its box, which the outer layout placed. */
static void
place_inner (PlateauGraphLayout              *into,
             const PlateauGraphSizes         *sizes,
             const PlateauGraphLayoutOptions *options,
             int                              s,
             const Part                      *part,
             const PlateauGraphLayout        *inner)
{
  const PlateauGraphBox *box = &into->subgraphs[s];
  double dx = box->x - inner->width / 2;
  double dy = box->y - box->height / 2 + options->subgraph_pad + sizes->title_height[s];

  for (guint i = 0; i < inner->n_nodes; i++)
    move_box (&into->nodes[g_array_index (part->node_of, int, i)], &inner->nodes[i], dx, dy);
  for (guint t = 0; t < inner->n_subgraphs; t++)
    if (inner->subgraphs[t].width > 0)
      move_box (&into->subgraphs[g_array_index (part->subgraph_of, int, t)],
                &inner->subgraphs[t], dx, dy);
  take_edges (into, inner, part->edge_of, dx, dy);
}

static PlateauGraphLayout *
new_layout (const PlateauGraph *graph)
{
  PlateauGraphLayout *layout = g_new0 (PlateauGraphLayout, 1);

  layout->n_nodes = graph->nodes->len;
  layout->n_edges = graph->edges->len;
  layout->n_subgraphs = graph->subgraphs->len;
  layout->nodes = g_new0 (PlateauGraphBox, layout->n_nodes + 1);
  layout->edges = g_new0 (PlateauGraphEdgePath, layout->n_edges + 1);
  layout->subgraphs = g_new0 (PlateauGraphBox, layout->n_subgraphs + 1);
  layout->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < layout->n_edges; i++)
    layout->edges[i].points = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));

  return layout;
}

/* The whole's layout: the outer part's, with every alone subgraph's inside its box. */
static PlateauGraphLayout *
compose (const PlateauGraph              *graph,
         const PlateauGraphSizes         *sizes,
         const PlateauGraphLayoutOptions *options,
         const Part                      *outer,
         const PlateauGraphLayout        *outer_layout,
         const Part                      *parts,
         PlateauGraphLayout             **inner)
{
  PlateauGraphLayout *layout = new_layout (graph);

  layout->width = outer_layout->width;
  layout->height = outer_layout->height;
  layout->n_ranks = outer_layout->n_ranks;

  for (guint i = 0; i < outer_layout->n_nodes; i++)
    {
      int v = g_array_index (outer->node_of, int, i);

      if (v >= 0)
        layout->nodes[v] = outer_layout->nodes[i];
      else
        layout->subgraphs[-v - 1] = outer_layout->nodes[i];
    }
  for (guint t = 0; t < outer_layout->n_subgraphs; t++)
    layout->subgraphs[g_array_index (outer->subgraph_of, int, t)] = outer_layout->subgraphs[t];
  take_edges (layout, outer_layout, outer->edge_of, 0, 0);

  for (guint s = 0; s < graph->subgraphs->len; s++)
    if (inner[s] != NULL)
      place_inner (layout, sizes, options, (int) s, &parts[s], inner[s]);

  return layout;
}

/**
 * plateau_graph_layout_nested: (skip)
 * @graph: a graph
 * @sizes: its sizes
 * @options: spacing
 *
 * Lays the graph out, each subgraph that stands alone (empty, or closed
 * and in a direction of its own) apart and then as one node.
 *
 * Returns: (transfer full): the layout
 */
PlateauGraphLayout *
plateau_graph_layout_nested (const PlateauGraph              *graph,
                             const PlateauGraphSizes         *sizes,
                             const PlateauGraphLayoutOptions *options)
{
  guint n = graph->subgraphs->len;
  gboolean any;
  g_autofree gboolean *alone = find_alone (graph, &any);
  g_autofree Part *parts = NULL;
  g_autofree PlateauGraphLayout **inner = NULL;
  PlateauGraphLayoutOptions inner_options = *options;
  PlateauGraphLayout *outer_layout, *layout;
  Part outer;

  if (!any)
    return plateau_graph_layout_flat (graph, sizes, options);

  /* The inside of a box starts at its padding: no margin of its own. */
  inner_options.margin = 0;
  parts = g_new0 (Part, n + 1);
  inner = g_new0 (PlateauGraphLayout *, n + 1);
  for (guint s = 0; s < n; s++)
    {
      if (!alone[s])
        continue;
      build_inner (&parts[s], graph, sizes, (int) s);
      inner[s] = plateau_graph_layout_nested (parts[s].graph, parts[s].sizes, &inner_options);
    }

  build_outer (&outer, graph, sizes, options, alone, inner);
  outer_layout = plateau_graph_layout_flat (outer.graph, outer.sizes, options);
  layout = compose (graph, sizes, options, &outer, outer_layout, parts, inner);

  plateau_graph_layout_free (outer_layout);
  part_clear (&outer);
  for (guint s = 0; s < n; s++)
    if (inner[s] != NULL)
      {
        plateau_graph_layout_free (inner[s]);
        part_clear (&parts[s]);
      }

  return layout;
}
