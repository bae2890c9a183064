/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Plateau side of the graph benchmark. For a Mermaid file it measures
 * the nodes with Pango (edge labels and edges to subgraphs are dropped, as
 * the peers are given neither), then:
 *
 *   graph-bench sizes FILE.mmd         prints the graph with node sizes as
 *                                      JSON, the input the peers get
 *   graph-bench layout FILE.mmd N      lays it out N times and prints the
 *                                      fastest time and the geometry as JSON
 *
 * Edge geometry is each Bézier chain flattened to 16 points a segment.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "plateau-graph-render.h"

#define FLATTEN 16

static PlateauGraph *
load (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  PlateauGraph *graph;

  if (!g_file_get_contents (path, &text, NULL, &error)
      || (graph = plateau_graph_parse (text, -1, NULL, &error)) == NULL)
    {
      fprintf (stderr, "graph-bench: %s: %s\n", path, error->message);
      exit (1);
    }

  /* The peers draw boxes: every node is a rectangle of the measured size. */
  for (guint i = 0; i < graph->nodes->len; i++)
    g_array_index (graph->nodes, PlateauGraphNode, i).shape = PLATEAU_GRAPH_SHAPE_RECT;

  /* The peers get plain node-to-node edges: drop labels and subgraph ends. */
  for (guint i = graph->edges->len; i-- > 0;)
    {
      PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      g_clear_pointer (&e->label, g_free);
      if (e->from.is_subgraph || e->to.is_subgraph)
        g_array_remove_index (graph->edges, i);
    }

  return graph;
}

static const char *
direction_name (PlateauGraphDirection d)
{
  static const char *const names[] = { "TB", "BT", "LR", "RL" };

  return names[d];
}

static void
print_sizes (const PlateauGraph       *graph,
             const PlateauGraphSizes  *sizes)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "direction");
  json_builder_add_string_value (b, direction_name (graph->direction));
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *n = &g_array_index (graph->nodes, PlateauGraphNode, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, n->id);
      json_builder_set_member_name (b, "width");
      json_builder_add_double_value (b, sizes->node_width[i]);
      json_builder_set_member_name (b, "height");
      json_builder_add_double_value (b, sizes->node_height[i]);
      json_builder_set_member_name (b, "subgraph");
      if (n->subgraph >= 0)
        json_builder_add_string_value (b, g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                                         n->subgraph).id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "subgraphs");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->subgraphs->len; i++)
    {
      const PlateauGraphSubgraph *s = &g_array_index (graph->subgraphs, PlateauGraphSubgraph, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "parent");
      if (s->parent >= 0)
        json_builder_add_string_value (b, g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                                         s->parent).id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      json_builder_begin_array (b);
      json_builder_add_string_value (b, g_array_index (graph->nodes, PlateauGraphNode,
                                                       e->from.index).id);
      json_builder_add_string_value (b, g_array_index (graph->nodes, PlateauGraphNode,
                                                       e->to.index).id);
      json_builder_add_int_value (b, e->length);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  puts (text);
}

static void
print_point (double x,
             double y,
             gboolean first)
{
  printf ("%s[%.2f,%.2f]", first ? "" : ",", x, y);
}

static void
print_layout (const PlateauGraphLayout *layout,
              double                    ms)
{
  printf ("{\"time_ms\":%.4f,\"width\":%.2f,\"height\":%.2f,\"nodes\":[", ms, layout->width,
          layout->height);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const PlateauGraphBox *n = &layout->nodes[i];
      printf ("%s[%.2f,%.2f,%.2f,%.2f]", i ? "," : "", n->x, n->y, n->width, n->height);
    }
  printf ("],\"edges\":[");
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const GArray *p = layout->edges[i].points;

      printf ("%s[", i ? "," : "");
      for (guint k = 0; k + 3 < p->len; k += 3)
        {
          const PlateauGraphPoint *c = &g_array_index (p, PlateauGraphPoint, k);
          for (int s = (k == 0 ? 0 : 1); s <= FLATTEN; s++)
            {
              double t = (double) s / FLATTEN, u = 1 - t;
              double x = u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x
                         + t * t * t * c[3].x;
              double y = u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y
                         + t * t * t * c[3].y;
              print_point (x, y, k == 0 && s == 0);
            }
        }
      printf ("]");
    }
  printf ("]}\n");
}

int
main (int    argc,
      char **argv)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = NULL;
  g_autoptr (PlateauGraphSizes) sizes = NULL;
  PlateauGraphLayoutOptions options;
  double best = G_MAXDOUBLE;
  int repeat;

  if (argc < 3)
    {
      fprintf (stderr, "usage: graph-bench sizes|layout FILE.mmd [N]\n");
      return 2;
    }

  graph = load (argv[2]);
  sizes = plateau_graph_measure (graph, theme);
  if (g_strcmp0 (argv[1], "sizes") == 0)
    {
      print_sizes (graph, sizes);
      return 0;
    }

  repeat = argc > 3 ? atoi (argv[3]) : 5;
  plateau_graph_layout_options_init (&options);
  for (int r = 0; r < MAX (repeat, 1); r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout (graph, sizes, &options);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (ms < best)
        best = ms;
      if (r == MAX (repeat, 1) - 1)
        print_layout (layout, best);
    }

  return 0;
}
