/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a laid-out graph: PNG, SVG and PDF through the renderer, and the
 * layout itself as JSON for tests and tools.
 */

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plateau-graph-render.h"

/**
 * plateau_graph_format_from_name:
 * @name: png, svg, pdf or layout-json
 * @format: (out): the format
 *
 * Returns: %TRUE when @name names a format
 */
gboolean
plateau_graph_format_from_name (const char         *name,
                                PlateauGraphFormat *format)
{
  static const char *const names[] = { "png", "svg", "pdf", "layout-json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (name, names[i]) == 0)
        {
          *format = (PlateauGraphFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Two decimals keep files small and numbers exact to a hundredth of a pixel. */
static double
rounded (double v)
{
  return isfinite (v) ? round (v * 100) / 100 : 0;
}

static const char *
end_id (const PlateauGraph    *graph,
        const PlateauGraphEnd *end)
{
  if (end->is_subgraph)
    return g_array_index (graph->subgraphs, PlateauGraphSubgraph, end->index).id;
  return g_array_index (graph->nodes, PlateauGraphNode, end->index).id;
}

static void
add_points (JsonBuilder  *b,
            const GArray *points)
{
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint k = 0; k < points->len; k++)
    {
      const PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, k);
      json_builder_begin_array (b);
      json_builder_add_double_value (b, rounded (p->x));
      json_builder_add_double_value (b, rounded (p->y));
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

/**
 * plateau_graph_layout_to_json:
 * @graph: a graph
 * @layout: its layout
 *
 * Writes the layout as `{width, height, nodes:[{id, label, x, y, width,
 * height}], edges:[{from, to, points:[[x, y]…]}]}`, with x and y the
 * centre of a node and points the edge's cubic Bézier chain (start, then
 * two controls and an end per segment).
 *
 * Returns: (transfer full): the JSON text
 */
char *
plateau_graph_layout_to_json (const PlateauGraph       *graph,
                              const PlateauGraphLayout *layout)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (graph != NULL && layout != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "width");
  json_builder_add_double_value (b, rounded (layout->width));
  json_builder_set_member_name (b, "height");
  json_builder_add_double_value (b, rounded (layout->height));

  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const PlateauGraphNode *n = &g_array_index (graph->nodes, PlateauGraphNode, i);
      const PlateauGraphBox *box = &layout->nodes[i];
      const char *keys[] = { "x", "y", "width", "height" };
      double values[] = { box->x, box->y, box->width, box->height };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, n->id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, n->label);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          json_builder_set_member_name (b, keys[k]);
          json_builder_add_double_value (b, rounded (values[k]));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, end_id (graph, &e->from));
      json_builder_set_member_name (b, "to");
      json_builder_add_string_value (b, end_id (graph, &e->to));
      add_points (b, layout->edges[i].points);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static gboolean
check_status (cairo_status_t status,
              const char    *path,
              GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

static gboolean
draw_to (cairo_surface_t          *surface,
         const PlateauGraph       *graph,
         const PlateauGraphLayout *layout,
         const PlateauTheme       *theme,
         double                    scale)
{
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  plateau_graph_render (cr, graph, layout, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
}

/**
 * plateau_graph_export:
 * @graph: a graph
 * @layout: its layout, made with @theme
 * @theme: colours and fonts
 * @format: the file format
 * @scale: pixels per layout unit for PNG (2 for sharp slides); vector
 *   formats are written at scale 1, in points
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the drawing, or the layout as JSON, to @path.
 *
 * Returns: %TRUE on success
 */
gboolean
plateau_graph_export (const PlateauGraph       *graph,
                      const PlateauGraphLayout *layout,
                      const PlateauTheme       *theme,
                      PlateauGraphFormat        format,
                      double                    scale,
                      const char               *path,
                      GError                  **error)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  int width, height;

  g_return_val_if_fail (graph != NULL && layout != NULL && path != NULL, FALSE);

  if (format == PLATEAU_GRAPH_FORMAT_LAYOUT_JSON)
    {
      g_autofree char *json = plateau_graph_layout_to_json (graph, layout);
      return g_file_set_contents (path, json, -1, error);
    }

  if (!isfinite (scale) || scale <= 0 || scale > 16)
    scale = 1;
  if (format != PLATEAU_GRAPH_FORMAT_PNG)
    scale = 1;
  width = (int) ceil (layout->width * scale);
  height = (int) ceil (layout->height * scale);

  if (format == PLATEAU_GRAPH_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (format == PLATEAU_GRAPH_FORMAT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_pdf_surface_create (path, width, height);

  draw_to (surface, graph, layout, theme, scale);
  if (format == PLATEAU_GRAPH_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
