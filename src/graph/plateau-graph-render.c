/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measuring and drawing concept graphs. Text is measured and drawn through
 * one Pango context with hinting off, so sizes measured before layout match
 * the drawn text at every scale and on every surface.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "plateau-graph-render.h"

#define PAD_X 16.0
#define PAD_Y 10.0
#define MIN_NODE_WIDTH 64.0
#define LABEL_PAD_X 6.0
#define LABEL_PAD_Y 3.0
#define ARROW_LENGTH 9.0
#define CORNER 8.0

typedef enum
{
  TEXT_NODE,
  TEXT_EDGE,
  TEXT_TITLE,
} TextRole;

static PangoContext *
make_context (cairo_t *cr)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics scale linearly, so measuring once fits every size. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  if (cr != NULL)
    pango_cairo_update_context (cr, context);

  return context;
}

static double
font_size (const PlateauTheme *theme,
           TextRole            role)
{
  switch (role)
    {
    case TEXT_EDGE:
      return theme->font_sizes[PLATEAU_THEME_FONT_TICK];
    case TEXT_TITLE:
      return theme->font_sizes[PLATEAU_THEME_FONT_AXIS_LABEL];
    case TEXT_NODE:
    default:
      return theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE];
    }
}

/* A label's text, or its bold and italic as Pango markup when it has @markup. */
static PangoLayout *
make_text (PangoContext       *context,
           const PlateauTheme *theme,
           TextRole            role,
           const char         *text,
           const char         *markup)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = plateau_theme_font (theme, PLATEAU_THEME_FONT_SUBTITLE);
  double size = font_size (theme, role);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (role == TEXT_TITLE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (markup != NULL)
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (size * PLATEAU_GRAPH_WRAP_EMS * PANGO_SCALE));

  return layout;
}

/* The text's ink-independent size: the width of its longest line. */
static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* The node's size around text of @tw × @th, by shape. */
static void
node_size (PlateauGraphShape shape,
           double            tw,
           double            th,
           double           *w,
           double           *h)
{
  double iw = MAX (tw + 2 * PAD_X, MIN_NODE_WIDTH), ih = th + 2 * PAD_Y;

  *w = iw;
  *h = ih;
  switch (shape)
    {
    case PLATEAU_GRAPH_SHAPE_CIRCLE:
    case PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE:
      *w = *h = MAX (tw, th) + 2 * PAD_Y + (shape == PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE ? 10 : 0);
      break;
    case PLATEAU_GRAPH_SHAPE_DIAMOND:
      /* Text of iw × ih fits a diamond with half-diagonals 0.85 iw and 1.21 ih. */
      *w = 1.7 * (tw + PAD_X);
      *h = 2.43 * (th + PAD_Y);
      break;
    case PLATEAU_GRAPH_SHAPE_HEXAGON:
      *w = iw + ih / 2;
      break;
    case PLATEAU_GRAPH_SHAPE_STADIUM:
      *w = iw + ih / 2;
      break;
    case PLATEAU_GRAPH_SHAPE_SUBROUTINE:
      *w = iw + 16;
      break;
    case PLATEAU_GRAPH_SHAPE_CYLINDER:
      *h = ih + 2 * MIN (ih * 0.12 / 0.76, MAX (4.0, iw * 0.08)) + 4;
      break;
    case PLATEAU_GRAPH_SHAPE_ASYMMETRIC:
      *w = iw + ih / 3;
      break;
    case PLATEAU_GRAPH_SHAPE_PARALLELOGRAM:
    case PLATEAU_GRAPH_SHAPE_PARALLELOGRAM_ALT:
    case PLATEAU_GRAPH_SHAPE_TRAPEZOID:
    case PLATEAU_GRAPH_SHAPE_TRAPEZOID_ALT:
      *w = iw + 2 * ih / 3;
      break;
    case PLATEAU_GRAPH_SHAPE_RECT:
    case PLATEAU_GRAPH_SHAPE_ROUND:
    case PLATEAU_GRAPH_N_SHAPES:
    default:
      break;
    }
}

/**
 * plateau_graph_measure:
 * @graph: a graph
 * @theme: the theme whose fonts the drawing uses
 *
 * Measures every node, edge label and subgraph title with Pango, wrapping
 * long labels, so that the layout can make room for them.
 *
 * Returns: (transfer full): the sizes
 */
PlateauGraphSizes *
plateau_graph_measure (const PlateauGraph *graph,
                       const PlateauTheme *theme)
{
  PangoContext *context = make_context (NULL);
  PlateauGraphSizes *sizes = plateau_graph_sizes_new (graph);
  double tw, th;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *n = &g_array_index (graph->nodes, PlateauGraphNode, i);
      g_autoptr (PangoLayout) text = make_text (context, theme, TEXT_NODE, n->label,
                                                n->markup);

      text_size (text, &tw, &th);
      node_size (n->shape, tw, th, &sizes->node_width[i], &sizes->node_height[i]);
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      g_autoptr (PangoLayout) text = NULL;

      if (e->label == NULL || *e->label == '\0')
        continue;
      text = make_text (context, theme, TEXT_EDGE, e->label, e->markup);
      text_size (text, &tw, &th);
      sizes->label_width[i] = tw + 2 * LABEL_PAD_X;
      sizes->label_height[i] = th + 2 * LABEL_PAD_Y;
    }

  for (guint i = 0; i < graph->subgraphs->len; i++)
    {
      const PlateauGraphSubgraph *s = &g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                                      i);
      g_autoptr (PangoLayout) text = make_text (context, theme, TEXT_TITLE, s->title,
                                                      s->title_markup);

      text_size (text, &tw, &th);
      sizes->title_width[i] = tw;
      sizes->title_height[i] = *s->title != '\0' ? th + 6 : 0;
    }

  g_object_unref (context);
  return sizes;
}

/**
 * plateau_graph_layout_themed:
 * @graph: a graph
 * @theme: the theme it will be drawn with
 *
 * Measures @graph with @theme's fonts and lays it out with default spacing.
 *
 * Returns: (transfer full): the layout
 */
PlateauGraphLayout *
plateau_graph_layout_themed (const PlateauGraph *graph,
                             const PlateauTheme *theme)
{
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_measure (graph, theme);
  PlateauGraphLayoutOptions options;
  double scale = theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE] / 14.0;

  plateau_graph_layout_options_init (&options);
  options.node_sep *= scale;
  options.edge_sep *= scale;
  options.rank_sep *= scale;
  options.subgraph_pad *= scale;
  options.margin = theme->margin;

  return plateau_graph_layout (graph, sizes, &options);
}

/* Colours ------------------------------------------------------------------ */

static PlateauRgba
node_fill (const PlateauTheme *theme)
{
  return plateau_rgba_mix (&theme->background, &theme->palette[0], 0.10);
}

static PlateauRgba
node_stroke (const PlateauTheme *theme)
{
  return plateau_rgba_mix (&theme->background, &theme->palette[0], 0.75);
}

static PlateauRgba
edge_color (const PlateauTheme *theme)
{
  return plateau_rgba_mix (&theme->muted, &theme->foreground, 0.25);
}

static double
stroke_scale (const PlateauTheme *theme)
{
  return theme->line_width / 2.0;
}

/* Shapes --------------------------------------------------------------------- */

static void
outline_path (cairo_t               *cr,
              PlateauGraphShape      shape,
              const PlateauGraphBox *box)
{
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));

  plateau_graph_shape_outline (shape, box, points);
  cairo_new_path (cr);
  for (guint i = 0; i < points->len; i++)
    {
      PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, i);
      cairo_line_to (cr, p->x, p->y);
    }
  cairo_close_path (cr);
}

/* The inner lines that tell a subroutine, a cylinder and a double circle apart. */
static void
shape_details (cairo_t               *cr,
               PlateauGraphShape      shape,
               const PlateauGraphBox *b)
{
  double l = b->x - b->width / 2, t = b->y - b->height / 2;

  cairo_new_path (cr);
  switch (shape)
    {
    case PLATEAU_GRAPH_SHAPE_SUBROUTINE:
      cairo_move_to (cr, l + 8, t);
      cairo_line_to (cr, l + 8, t + b->height);
      cairo_move_to (cr, l + b->width - 8, t);
      cairo_line_to (cr, l + b->width - 8, t + b->height);
      break;
    case PLATEAU_GRAPH_SHAPE_CYLINDER:
      {
        double ry = plateau_graph_cylinder_rim (b);
        cairo_save (cr);
        cairo_translate (cr, b->x, t + ry);
        cairo_scale (cr, b->width / 2, ry);
        cairo_arc_negative (cr, 0, 0, 1, G_PI, 0);
        cairo_restore (cr);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE:
      cairo_save (cr);
      cairo_translate (cr, b->x, b->y);
      cairo_scale (cr, b->width / 2 - 5, b->height / 2 - 5);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    default:
      return;
    }
  cairo_stroke (cr);
}

static void
draw_text (cairo_t            *cr,
           PangoContext       *context,
           const PlateauTheme *theme,
           TextRole            role,
           const char         *text,
           const char         *markup,
           double              cx,
           double              cy)
{
  g_autoptr (PangoLayout) layout = make_text (context, theme, role, text, markup);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_new_path (cr);
  cairo_move_to (cr, cx - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 cy - (logical.y + logical.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static double
luminance (const PlateauRgba *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Of the theme's text and background colours, the one that reads on @fill. */
static PlateauRgba
readable_on (const PlateauTheme *theme,
             const PlateauRgba  *fill)
{
  double l = luminance (fill);

  if (fabs (luminance (&theme->foreground) - l) >= fabs (luminance (&theme->background) - l))
    return theme->foreground;
  return theme->background;
}

static void
draw_node (cairo_t            *cr,
           PangoContext       *context,
           const PlateauTheme *theme,
           const PlateauGraphNode *node,
           const PlateauGraphBox  *box)
{
  PlateauRgba fill = node->style.has_fill ? node->style.fill : node_fill (theme);
  PlateauRgba stroke = node->style.has_stroke ? node->style.stroke : node_stroke (theme);
  PlateauRgba text = node->style.has_color ? node->style.color
                                            : readable_on (theme, &fill);
  double width = node->style.stroke_width > 0 ? node->style.stroke_width
                                              : 1.5 * stroke_scale (theme);
  PlateauGraphBox shadow = *box;

  /* A soft shadow lifts the node off the page without a hard edge. */
  shadow.y += 1.5;
  outline_path (cr, node->shape, &shadow);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.07);
  cairo_fill (cr);

  outline_path (cr, node->shape, box);
  plateau_rgba_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  plateau_rgba_set_source (cr, &stroke);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (node->style.has_dash)
    cairo_set_dash (cr, node->style.dash, 2, 0);
  cairo_stroke (cr);
  shape_details (cr, node->shape, box);
  cairo_set_dash (cr, NULL, 0, 0);

  plateau_rgba_set_source (cr, &text);
  draw_text (cr, context, theme, TEXT_NODE, node->label, node->markup, box->x, box->y);
}

/* Edges ----------------------------------------------------------------------- */

static PlateauGraphPoint
point_at (const GArray *points,
          guint         i)
{
  return g_array_index (points, PlateauGraphPoint, i);
}

/* The unit direction in which the path arrives at its end (or leaves its start). */
static void
end_direction (const GArray *points,
               gboolean      at_start,
               double       *dx,
               double       *dy)
{
  guint n = points->len;
  PlateauGraphPoint tip = point_at (points, at_start ? 0 : n - 1);
  double len = 0;

  *dx = *dy = 0;
  for (guint k = 1; k < n && len < 1e-6; k++)
    {
      PlateauGraphPoint q = point_at (points, at_start ? k : n - 1 - k);
      *dx = tip.x - q.x;
      *dy = tip.y - q.y;
      len = hypot (*dx, *dy);
    }

  if (len < 1e-6)
    {
      *dx = 0;
      *dy = 1;
      return;
    }
  *dx /= len;
  *dy /= len;
}

static double
head_room (PlateauGraphHead head,
           double           scale)
{
  switch (head)
    {
    case PLATEAU_GRAPH_HEAD_ARROW:
      return ARROW_LENGTH * scale - 1;
    case PLATEAU_GRAPH_HEAD_CIRCLE:
      return 8 * scale;
    case PLATEAU_GRAPH_HEAD_CROSS:
      return 2 * scale;
    case PLATEAU_GRAPH_HEAD_NONE:
    default:
      return 0;
    }
}

static void
draw_head (cairo_t          *cr,
           PlateauGraphHead  head,
           PlateauGraphPoint tip,
           double            dx,
           double            dy,
           double            scale)
{
  double nx = -dy, ny = dx;
  double l = ARROW_LENGTH * scale, hw = l * 0.42;

  cairo_new_path (cr);
  switch (head)
    {
    case PLATEAU_GRAPH_HEAD_ARROW:
      cairo_move_to (cr, tip.x, tip.y);
      cairo_line_to (cr, tip.x - dx * l + nx * hw, tip.y - dy * l + ny * hw);
      cairo_line_to (cr, tip.x - dx * l * 0.72, tip.y - dy * l * 0.72);
      cairo_line_to (cr, tip.x - dx * l - nx * hw, tip.y - dy * l - ny * hw);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case PLATEAU_GRAPH_HEAD_CIRCLE:
      cairo_arc (cr, tip.x - dx * 4 * scale, tip.y - dy * 4 * scale, 4 * scale, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PLATEAU_GRAPH_HEAD_CROSS:
      {
        double cx = tip.x - dx * 6 * scale, cy = tip.y - dy * 6 * scale, r = 4 * scale;
        cairo_move_to (cr, cx - r * (dx + nx), cy - r * (dy + ny));
        cairo_line_to (cr, cx + r * (dx + nx), cy + r * (dy + ny));
        cairo_move_to (cr, cx - r * (dx - nx), cy - r * (dy - ny));
        cairo_line_to (cr, cx + r * (dx - nx), cy + r * (dy - ny));
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_stroke (cr);
      }
      break;
    case PLATEAU_GRAPH_HEAD_NONE:
    default:
      break;
    }
}

static void
edge_path (cairo_t      *cr,
           const GArray *points,
           double        trim_start,
           double        trim_end)
{
  g_autoptr (GArray) p = g_array_copy ((GArray *) points);
  guint n = p->len;
  double sx, sy, ex, ey;

  end_direction (points, TRUE, &sx, &sy);
  end_direction (points, FALSE, &ex, &ey);

  /* The stroke stops where a head begins; the nearest control moves along. */
  for (guint i = 0; i < 2; i++)
    {
      PlateauGraphPoint *a = &g_array_index (p, PlateauGraphPoint, i);
      PlateauGraphPoint *b = &g_array_index (p, PlateauGraphPoint, n - 1 - i);

      a->x -= sx * trim_start;
      a->y -= sy * trim_start;
      b->x -= ex * trim_end;
      b->y -= ey * trim_end;
    }

  cairo_new_path (cr);
  cairo_move_to (cr, point_at (p, 0).x, point_at (p, 0).y);
  for (guint i = 3; i < n; i += 3)
    cairo_curve_to (cr, point_at (p, i - 2).x, point_at (p, i - 2).y,
                    point_at (p, i - 1).x, point_at (p, i - 1).y,
                    point_at (p, i).x, point_at (p, i).y);
}

static void
draw_edge_label (cairo_t              *cr,
                 PangoContext         *context,
                 const PlateauTheme   *theme,
                 const PlateauGraphEdge *edge,
                 const PlateauGraphBox  *box)
{
  double r = MIN (6, box->height / 2);
  double l = box->x - box->width / 2, t = box->y - box->height / 2;

  cairo_new_path (cr);
  cairo_arc (cr, l + box->width - r, t + r, r, -G_PI / 2, 0);
  cairo_arc (cr, l + box->width - r, t + box->height - r, r, 0, G_PI / 2);
  cairo_arc (cr, l + r, t + box->height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, l + r, t + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  plateau_rgba_set_source (cr, &theme->background);
  cairo_fill_preserve (cr);
  plateau_rgba_set_source_alpha (cr, &theme->grid, 1.0);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* linkStyle's color: is the label's text colour, as in Mermaid. */
  plateau_rgba_set_source (cr, edge->style.has_color ? &edge->style.color : &theme->muted);
  draw_text (cr, context, theme, TEXT_EDGE, edge->label, edge->markup, box->x, box->y);
}

static void
draw_edge (cairo_t                    *cr,
           const PlateauTheme         *theme,
           const PlateauGraphEdge     *edge,
           const PlateauGraphEdgePath *path)
{
  PlateauRgba color = edge->style.has_stroke ? edge->style.stroke : edge_color (theme);
  double scale = stroke_scale (theme);
  double width = 1.5 * scale;
  double dx, dy;

  if (edge->stroke == PLATEAU_GRAPH_STROKE_INVISIBLE || path->points->len < 4)
    return;

  if (edge->stroke == PLATEAU_GRAPH_STROKE_THICK)
    width = 3.2 * scale;
  if (edge->style.stroke_width > 0)
    width = edge->style.stroke_width;

  edge_path (cr, path->points, head_room (edge->head_from, scale),
             head_room (edge->head_to, scale));
  plateau_rgba_set_source (cr, &color);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (edge->style.has_dash)
    cairo_set_dash (cr, edge->style.dash, 2, 0);
  else if (edge->stroke == PLATEAU_GRAPH_STROKE_DOTTED)
    {
      double dots[2] = { 0.1, 4.5 * scale };
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, width * 1.4);
      cairo_set_dash (cr, dots, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, MAX (1.2, width * 0.8));

  end_direction (path->points, FALSE, &dx, &dy);
  draw_head (cr, edge->head_to, point_at (path->points, path->points->len - 1), dx, dy,
             scale * (edge->stroke == PLATEAU_GRAPH_STROKE_THICK ? 1.3 : 1.0));
  end_direction (path->points, TRUE, &dx, &dy);
  draw_head (cr, edge->head_from, point_at (path->points, 0), dx, dy,
             scale * (edge->stroke == PLATEAU_GRAPH_STROKE_THICK ? 1.3 : 1.0));
}

/* Subgraphs -------------------------------------------------------------------- */

static void
draw_subgraph (cairo_t                    *cr,
               PangoContext               *context,
               const PlateauTheme         *theme,
               const PlateauGraph         *graph,
               guint                       index,
               const PlateauGraphBox      *box)
{
  const PlateauGraphSubgraph *s = &g_array_index (graph->subgraphs, PlateauGraphSubgraph, index);
  int depth = 0;
  double l = box->x - box->width / 2, t = box->y - box->height / 2;
  double r = CORNER;
  PlateauRgba fill, stroke;
  g_autoptr (PangoLayout) title = NULL;
  PangoRectangle logical;

  for (int p = s->parent; p >= 0; p = g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                                     p).parent)
    depth++;

  fill = plateau_rgba_mix (&theme->background, &theme->foreground, 0.035 + 0.02 * depth);
  stroke = theme->grid;
  if (s->style.has_fill)
    fill = s->style.fill;
  if (s->style.has_stroke)
    stroke = s->style.stroke;

  cairo_new_path (cr);
  cairo_arc (cr, l + box->width - r, t + r, r, -G_PI / 2, 0);
  cairo_arc (cr, l + box->width - r, t + box->height - r, r, 0, G_PI / 2);
  cairo_arc (cr, l + r, t + box->height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, l + r, t + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  plateau_rgba_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  plateau_rgba_set_source (cr, &stroke);
  cairo_set_line_width (cr, s->style.stroke_width > 0 ? s->style.stroke_width : 1.2);
  cairo_stroke (cr);

  title = make_text (context, theme, TEXT_TITLE, s->title, s->title_markup);
  pango_layout_get_extents (title, NULL, &logical);
  plateau_rgba_set_source (cr, s->style.has_color ? &s->style.color : &theme->muted);
  /* The layout reserved room for the title at the top in every direction. */
  cairo_move_to (cr, box->x - (logical.x + logical.width / 2.0) / PANGO_SCALE, t + 6);
  pango_cairo_show_layout (cr, title);
  cairo_new_path (cr);
}

/**
 * plateau_graph_render:
 * @cr: where to draw, in layout units (scale it for other sizes)
 * @graph: the graph
 * @layout: its layout, from plateau_graph_layout_themed() with @theme
 * @theme: colours and fonts
 *
 * Draws the whole graph, background included, over the rectangle
 * (0, 0)–(layout->width, layout->height).
 */
void
plateau_graph_render (cairo_t                  *cr,
                      const PlateauGraph       *graph,
                      const PlateauGraphLayout *layout,
                      const PlateauTheme       *theme)
{
  PangoContext *context;

  g_return_if_fail (cr != NULL && graph != NULL && layout != NULL && theme != NULL);
  g_return_if_fail (layout->n_nodes == graph->nodes->len);

  cairo_save (cr);
  context = make_context (cr);

  plateau_rgba_set_source (cr, &theme->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->n_subgraphs; i++)
    if (layout->subgraphs[i].width > 0)
      draw_subgraph (cr, context, theme, graph, i, &layout->subgraphs[i]);

  for (guint i = 0; i < layout->n_edges; i++)
    draw_edge (cr, theme, &g_array_index (graph->edges, PlateauGraphEdge, i),
               &layout->edges[i]);

  for (guint i = 0; i < layout->n_nodes; i++)
    draw_node (cr, context, theme, &g_array_index (graph->nodes, PlateauGraphNode, i),
               &layout->nodes[i]);

  for (guint i = 0; i < layout->n_edges; i++)
    if (layout->edges[i].has_label)
      draw_edge_label (cr, context, theme, &g_array_index (graph->edges, PlateauGraphEdge, i),
                       &layout->edges[i].label);

  g_object_unref (context);
  cairo_restore (cr);
}

/**
 * plateau_graph_render_fit:
 * @cr: where to draw, e.g. a widget's snapshot
 * @graph: the graph
 * @layout: its layout
 * @theme: colours and fonts
 * @width: the area's width
 * @height: the area's height
 *
 * Fills the area with the theme's background and draws the graph centred
 * in it, scaled down to fit but never up beyond its natural size, so that
 * text keeps the size the theme gives it whenever there is room.
 */
void
plateau_graph_render_fit (cairo_t                  *cr,
                          const PlateauGraph       *graph,
                          const PlateauGraphLayout *layout,
                          const PlateauTheme       *theme,
                          double                    width,
                          double                    height)
{
  double scale;

  g_return_if_fail (cr != NULL && layout != NULL && theme != NULL);

  if (!(width > 0) || !(height > 0) || layout->width <= 0 || layout->height <= 0)
    return;

  scale = MIN (1.0, MIN (width / layout->width, height / layout->height));

  cairo_save (cr);
  plateau_rgba_set_source (cr, &theme->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_translate (cr, (width - layout->width * scale) / 2, (height - layout->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  plateau_graph_render (cr, graph, layout, theme);
  cairo_restore (cr);
}
