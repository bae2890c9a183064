/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a laid-out graph: PNG, SVG and PDF through the renderer, and the
 * layout itself as JSON for tests and tools.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

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

/*
 * Numbers with at most two decimals and no trailing zeros (36.41, 12.5,
 * 40): exact to a hundredth of a pixel, small, and read back as written.
 */
static void
append_number (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize n;

  v = isfinite (v) ? round (v * 100) / 100 : 0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  n = strlen (buf);
  while (buf[n - 1] == '0')
    buf[--n] = '\0';
  if (buf[n - 1] == '.')
    buf[--n] = '\0';

  g_string_append (out, strcmp (buf, "-0") == 0 ? "0" : buf);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_printf (out, "\\%c", *c);
      else if (*c == '\n')
        g_string_append (out, "\\n");
      else if (*c == '\t')
        g_string_append (out, "\\t");
      else if (*c < 0x20)
        g_string_append_printf (out, "\\u%04x", *c);
      else
        g_string_append_c (out, (char) *c);
    }
  g_string_append_c (out, '"');
}

/* "key": value pairs; @first leaves out the comma before. */
static void
append_key (GString    *out,
            const char *key,
            gboolean    first)
{
  if (!first)
    g_string_append (out, ", ");
  append_string (out, key);
  g_string_append (out, ": ");
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
append_node (GString                *out,
             const PlateauGraphNode *node,
             const PlateauGraphBox  *box)
{
  const char *keys[] = { "x", "y", "width", "height" };
  double values[] = { box->x, box->y, box->width, box->height };

  g_string_append (out, "    {");
  append_key (out, "id", TRUE);
  append_string (out, node->id);
  append_key (out, "label", FALSE);
  append_string (out, node->label);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      append_key (out, keys[k], FALSE);
      append_number (out, values[k]);
    }
  g_string_append_c (out, '}');
}

static void
append_edge (GString                *out,
             const PlateauGraph     *graph,
             const PlateauGraphEdge *edge,
             const GArray           *points)
{
  g_string_append (out, "    {");
  append_key (out, "from", TRUE);
  append_string (out, end_id (graph, &edge->from));
  append_key (out, "to", FALSE);
  append_string (out, end_id (graph, &edge->to));
  append_key (out, "points", FALSE);
  g_string_append_c (out, '[');
  for (guint k = 0; k < points->len; k++)
    {
      const PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, k);

      g_string_append (out, k > 0 ? ", [" : "[");
      append_number (out, p->x);
      g_string_append (out, ", ");
      append_number (out, p->y);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}");
}

/**
 * plateau_graph_layout_to_json:
 * @graph: a graph
 * @layout: its layout
 *
 * Writes the layout as `{width, height, nodes:[{id, label, x, y, width,
 * height}], edges:[{from, to, points:[[x, y]…]}]}`, with x and y the
 * centre of a node and points the edge's cubic Bézier chain (start, then
 * two controls and an end per segment). Numbers have at most two decimals.
 *
 * Returns: (transfer full): the JSON text
 */
char *
plateau_graph_layout_to_json (const PlateauGraph       *graph,
                              const PlateauGraphLayout *layout)
{
  GString *out = g_string_new ("{\n  \"width\": ");

  g_return_val_if_fail (graph != NULL && layout != NULL, NULL);

  append_number (out, layout->width);
  g_string_append (out, ",\n  \"height\": ");
  append_number (out, layout->height);

  g_string_append (out, ",\n  \"nodes\": [");
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_node (out, &g_array_index (graph->nodes, PlateauGraphNode, i), &layout->nodes[i]);
    }
  g_string_append (out, layout->n_nodes > 0 ? "\n  ]" : "]");

  g_string_append (out, ",\n  \"edges\": [");
  for (guint i = 0; i < layout->n_edges; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_edge (out, graph, &g_array_index (graph->edges, PlateauGraphEdge, i),
                   layout->edges[i].points);
    }
  g_string_append (out, layout->n_edges > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free (out, FALSE);
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
