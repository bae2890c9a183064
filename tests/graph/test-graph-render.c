/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measuring and drawing: CJK and Latin labels are measured by their real
 * advance, long labels wrap, every export format writes a readable file,
 * and the six sample diagrams match their golden PNGs.
 *
 * Golden images, in the light and the dark theme, are drawn with the fonts
 * that build-aux/deps.sh installs (WenQuanYi Micro Hei, DejaVu Sans). A
 * pixel counts as different when a channel differs by more than 48 of 255;
 * an image matches when its size is equal, at most 0.5 % of its pixels
 * differ, which absorbs anti-aliasing differences between Cairo builds but
 * not a moved node, and at most 10 % of the points along each edge differ,
 * which a missing or restyled edge does not pass. Before any pixel, the
 * layout must show every node and draw every visible edge between node
 * borders. Run with PLATEAU_UPDATE_GOLDEN=1 to rewrite the images after a
 * deliberate change.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plateau-graph-render.h"

#include "graph-geometry.h"

#define CHANNEL_TOLERANCE 48
#define PIXEL_FRACTION 0.005
#define EDGE_FRACTION 0.1

static PlateauGraph *
parse_or_die (const char *text)
{
  g_autoptr (GError) error = NULL;
  PlateauGraph *graph = plateau_graph_parse (text, -1, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

static PlateauGraph *
load_sample (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.mmd", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "graph", "samples", file, NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return parse_or_die (text);
}

static void
test_measure_cjk (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph TD\nA[技术模式]\nB[技术回报率]\nC[ROI]");
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_measure (graph, theme);
  double em = theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE];

  /* CJK glyphs advance one em each: four and five of them, plus padding. */
  g_assert_cmpfloat_with_epsilon (sizes->node_width[1] - sizes->node_width[0], em, 0.5);
  g_assert_cmpfloat_with_epsilon (sizes->node_width[0], 4 * em + 32, 1.0);

  /* Every node of one line has the same height, whatever its script. */
  g_assert_cmpfloat_with_epsilon (sizes->node_height[0], sizes->node_height[2], 0.5);
}

static void
test_measure_wraps (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph TD\nA[short]\nB[a rather long label that keeps going well past the wrapping "
      "width of a node]\nC[一个很长的中文标签会在设定的宽度处自动换行而不会无限变宽]");
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_measure (graph, theme);
  double em = theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE];

  for (int i = 1; i <= 2; i++)
    {
      g_assert_cmpfloat (sizes->node_width[i], <=, PLATEAU_GRAPH_WRAP_EMS * em + 32 + 0.5);
      g_assert_cmpfloat (sizes->node_height[i], >=, 2 * sizes->node_height[0] - 20 - 0.5);
    }
}

static void
test_export_formats (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_DARK);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph LR\nA([Start]) -->|yes| B{Check} -.-> C[(Store)]\nB ==> D((Done))\n"
      "C <--> E{{Hex}} --o F>Flag] --x G[/Lean/]\nsubgraph S [Group]\nE\nF\nend\n"
      "classDef hot fill:#fdd,stroke:#c00\nclass G hot\nlinkStyle 0 stroke:#0a0");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autofree char *dir = g_dir_make_tmp ("plateau-graph-XXXXXX", NULL);
  static const char *const names[] = { "g.png", "g.svg", "g.pdf", "g.json" };
  static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF", "{" };

  for (int f = 0; f < 4; f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree char *data = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (plateau_graph_export (graph, layout, theme, (PlateauGraphFormat) f, 1, path,
                                           &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, magic[f]));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_json_numbers (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph TD\nA[技术模式] -->|say| B(\"Ü #quot;q#quot; \\ \ttab\") --> C{Check}\nC --> A");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autofree char *json = plateau_graph_layout_to_json (graph, layout);
  g_autoptr (GRegex) long_number = g_regex_new ("[0-9]\\.[0-9]{3}|[0-9][eE]|-0[^.0-9]|\\.0[^0-9]",
                                                0, 0, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *node;

  /* Numbers are written with at most two decimals and no trailing zeros. */
  g_assert_false (g_regex_match (long_number, json, 0, NULL));

  /* The text is valid JSON and holds the rounded values and the labels as they are. */
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "width"),
                                  round (layout->width * 100) / 100, 1e-9);
  node = json_array_get_object_element (json_object_get_array_member (root, "nodes"), 1);
  g_assert_cmpstr (json_object_get_string_member (node, "label"), ==, "Ü \"q\" \\ \ttab");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (node, "x"),
                                  round (layout->nodes[1].x * 100) / 100, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "edges")), ==, 3);
}

static void
test_export_unwritable (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph TD\nA-->B");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autoptr (GError) error = NULL;

  g_assert_false (plateau_graph_export (graph, layout, theme, PLATEAU_GRAPH_FORMAT_PNG, 1,
                                        "/nonexistent-dir/x.png", &error));
  g_assert_nonnull (error);
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static void
test_render_fit (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_DARK);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph LR\nA[One] --> B[Two] --> C[Three]");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 300);
  cairo_t *cr = cairo_create (surface);
  guint32 background;
  gboolean drawn_middle = FALSE;

  /* Wider than the area: scaled down to its width, centred vertically. */
  g_assert_cmpfloat (layout->width, >, 200);
  plateau_graph_render_fit (cr, graph, layout, theme, 200, 300);
  cairo_surface_flush (surface);

  background = pixel (surface, 1, 1);
  g_assert_cmpuint (pixel (surface, 100, 5), ==, background);
  g_assert_cmpuint (pixel (surface, 100, 295), ==, background);
  for (int x = 0; x < 200; x++)
    drawn_middle |= pixel (surface, x, 150) != background;
  g_assert_true (drawn_middle);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Draws @layout on an image of its own size. */
static cairo_surface_t *
draw_layout (const PlateauGraph       *graph,
             const PlateauGraphLayout *layout,
             const PlateauTheme       *theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) layout->width + 1,
                                                         (int) layout->height + 1);
  cairo_t *cr = cairo_create (surface);

  plateau_graph_render (cr, graph, layout, theme);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_text_contrast (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_DARK);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph TD\nA[WWWW]\nstyle A fill:#ffffff");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  const PlateauGraphBox *b = &layout->nodes[0];
  cairo_surface_t *surface = draw_layout (graph, layout, theme);
  int darkest = 255;

  /* A light fill without a text colour gets dark text, even in the dark theme. */
  for (int y = (int) (b->y - 5); y <= (int) (b->y + 5); y++)
    for (int x = (int) (b->x - b->width / 4); x <= (int) (b->x + b->width / 4); x++)
      darkest = MIN (darkest, (int) ((pixel (surface, x, y) >> 8) & 0xff));
  g_assert_cmpint (darkest, <, 96);

  cairo_surface_destroy (surface);
}

/* Whether some pixel inside @box is mostly red: text drawn in #ff0000. */
static gboolean
has_red_in (cairo_surface_t       *surface,
            const PlateauGraphBox *box)
{
  for (int y = (int) (box->y - box->height / 2); y < (int) (box->y + box->height / 2); y++)
    for (int x = (int) (box->x - box->width / 2); x < (int) (box->x + box->width / 2); x++)
      {
        guint32 p = pixel (surface, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (r > 160 && g < 100 && b < 100)
          return TRUE;
      }

  return FALSE;
}

static void
test_link_label_color (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph LR\nA-- WWWW -->B\nC-- WWWW -->D\nlinkStyle 0 color:#ff0000");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  cairo_surface_t *surface = draw_layout (graph, layout, theme);

  /* color: in linkStyle colours that edge's label text, and no other. */
  g_assert_true (layout->edges[0].has_label && layout->edges[1].has_label);
  g_assert_true (has_red_in (surface, &layout->edges[0].label));
  g_assert_false (has_red_in (surface, &layout->edges[1].label));

  cairo_surface_destroy (surface);
}

/* Pixels inside @box darker than mid-grey: the ink of its text on a light fill. */
static guint
ink_in (cairo_surface_t       *surface,
        const PlateauGraphBox *box)
{
  guint n = 0;

  for (int y = (int) (box->y - box->height / 4); y < (int) (box->y + box->height / 4); y++)
    for (int x = (int) (box->x - box->width / 3); x < (int) (box->x + box->width / 3); x++)
      n += ((pixel (surface, x, y) >> 8) & 0xff) < 128;

  return n;
}

static void
test_markdown_bold (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph LR\nA[\"`WWWW WWWW`\"]\nB[\"`**WWWW WWWW**`\"]");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  cairo_surface_t *surface = draw_layout (graph, layout, theme);

  /* Bold text lays down clearly more ink than the same text in regular. */
  g_assert_cmpuint (ink_in (surface, &layout->nodes[1]), >,
                    ink_in (surface, &layout->nodes[0]) * 5 / 4);

  cairo_surface_destroy (surface);
}

/* Share of pixels whose channels differ by more than the tolerance. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint64 differing = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int worst = 0;
        for (int c = 0; c < 4; c++)
          worst = MAX (worst, abs (pa[y * sa + 4 * x + c] - pb[y * sb + 4 * x + c]));
        differing += worst > CHANNEL_TOLERANCE;
      }

  return (double) differing / ((double) w * h);
}

typedef struct
{
  const char *name;
  PlateauThemeKind theme;
  guint nodes;                /* what the drawing must show */
  guint visible_edges;
} Golden;

static const Golden goldens[] = {
  { "core-concepts", PLATEAU_THEME_LIGHT, 5, 6 },
  { "growth-model-shifts", PLATEAU_THEME_LIGHT, 4, 6 },
  { "model-lifecycle", PLATEAU_THEME_LIGHT, 12, 15 },
  { "path-dependence", PLATEAU_THEME_LIGHT, 4, 4 },
  { "roi-factors", PLATEAU_THEME_LIGHT, 5, 6 },
  { "stage-evolution", PLATEAU_THEME_LIGHT, 4, 3 },
  { "core-concepts", PLATEAU_THEME_DARK, 5, 6 },
  { "growth-model-shifts", PLATEAU_THEME_DARK, 4, 6 },
  { "model-lifecycle", PLATEAU_THEME_DARK, 12, 15 },
  { "path-dependence", PLATEAU_THEME_DARK, 4, 4 },
  { "roi-factors", PLATEAU_THEME_DARK, 5, 6 },
  { "stage-evolution", PLATEAU_THEME_DARK, 4, 3 },
};

/* The facts a picture can hide: every node placed, every visible edge drawn between borders. */
static void
check_structure (const Golden             *golden,
                 const PlateauGraph       *graph,
                 const PlateauGraphLayout *layout)
{
  guint drawn = 0;

  g_assert_cmpuint (layout->n_nodes, ==, golden->nodes);
  g_assert_cmpuint (layout->warnings->len, ==, 0);
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      const GArray *points = layout->edges[i].points;
      const PlateauGraphNode *from, *to;

      g_assert_cmpuint (points->len, >=, 4);
      from = &g_array_index (graph->nodes, PlateauGraphNode, e->from.index);
      to = &g_array_index (graph->nodes, PlateauGraphNode, e->to.index);
      g_assert_cmpfloat (distance_to_outline (from->shape, &layout->nodes[e->from.index],
                                              g_array_index (points, PlateauGraphPoint, 0)),
                         <=, 0.75);
      g_assert_cmpfloat (distance_to_outline (to->shape, &layout->nodes[e->to.index],
                                              g_array_index (points, PlateauGraphPoint,
                                                             points->len - 1)),
                         <=, 0.75);
      drawn += e->stroke != PLATEAU_GRAPH_STROKE_INVISIBLE;
    }
  g_assert_cmpuint (drawn, ==, golden->visible_edges);
}

static gboolean
pixels_differ (cairo_surface_t *a,
               cairo_surface_t *b,
               int              x,
               int              y)
{
  guint32 pa = pixel (a, x, y), pb = pixel (b, x, y);

  for (int c = 0; c < 32; c += 8)
    {
      if (abs ((int) ((pa >> c) & 0xff) - (int) ((pb >> c) & 0xff)) > CHANNEL_TOLERANCE)
        return TRUE;
    }

  return FALSE;
}

static PlateauGraphPoint
bezier (const PlateauGraphPoint *c,
        double                   t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;

  return (PlateauGraphPoint) { a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x,
                               a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y };
}

static gboolean
inside_any_node (const PlateauGraphLayout *layout,
                 PlateauGraphPoint         p)
{
  for (guint v = 0; v < layout->n_nodes; v++)
    {
      const PlateauGraphBox *n = &layout->nodes[v];
      if (fabs (p.x - n->x) <= n->width / 2 + 2 && fabs (p.y - n->y) <= n->height / 2 + 2)
        return TRUE;
    }

  return FALSE;
}

/*
 * Share of the points along edge @i, away from nodes, where the two images
 * differ. An edge is thin, so the whole-image tolerance would not notice one
 * missing; along its own path a missing edge differs almost everywhere.
 */
static double
edge_difference (const PlateauGraphLayout *layout,
                 guint                     i,
                 cairo_surface_t          *expected,
                 cairo_surface_t          *actual)
{
  const GArray *points = layout->edges[i].points;
  guint looked = 0, differing = 0;

  for (guint k = 0; k + 3 < points->len; k += 3)
    for (int s = 0; s <= 32; s++)
      {
        PlateauGraphPoint p = bezier (&g_array_index (points, PlateauGraphPoint, k), s / 32.0);

        if (inside_any_node (layout, p))
          continue;
        looked++;
        differing += pixels_differ (expected, actual, (int) p.x, (int) p.y);
      }

  return looked > 0 ? (double) differing / looked : 0;
}

static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  const PlateauTheme *theme = plateau_theme_get (golden->theme);
  g_autoptr (PlateauGraph) graph = load_sample (golden->name);
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autofree char *file = g_strdup_printf ("%s%s.png", golden->name,
                                           golden->theme == PLATEAU_THEME_DARK ? "-dark" : "");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "graph", "golden", file, NULL);
  g_autofree char *dir = g_dir_make_tmp ("plateau-golden-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, file, NULL);
  cairo_surface_t *expected, *actual;
  g_autoptr (GError) error = NULL;

  check_structure (golden, graph, layout);
  g_assert_true (plateau_graph_export (graph, layout, theme, PLATEAU_GRAPH_FORMAT_PNG, 1, out,
                                       &error));
  g_assert_no_error (error);

  if (g_getenv ("PLATEAU_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *bytes = NULL;
      gsize length;
      g_assert_true (g_file_get_contents (out, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (path, bytes, (gssize) length, NULL));
    }

  expected = cairo_image_surface_create_from_png (path);
  actual = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==,
                   cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==,
                   cairo_image_surface_get_height (expected));
  g_assert_cmpfloat (difference (expected, actual), <=, PIXEL_FRACTION);
  for (guint i = 0; i < layout->n_edges; i++)
    g_assert_cmpfloat (edge_difference (layout, i, expected, actual), <=, EDGE_FRACTION);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/render/measure-cjk", test_measure_cjk);
  g_test_add_func ("/graph/render/measure-wraps", test_measure_wraps);
  g_test_add_func ("/graph/render/export-formats", test_export_formats);
  g_test_add_func ("/graph/render/export-unwritable", test_export_unwritable);
  g_test_add_func ("/graph/render/json-numbers", test_json_numbers);
  g_test_add_func ("/graph/render/fit", test_render_fit);
  g_test_add_func ("/graph/render/text-contrast", test_text_contrast);
  g_test_add_func ("/graph/render/link-label-color", test_link_label_color);
  g_test_add_func ("/graph/render/markdown-bold", test_markdown_bold);
  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/render/golden/%s/%s",
                                               goldens[i].theme == PLATEAU_THEME_DARK ? "dark"
                                                                                      : "light",
                                               goldens[i].name);
      g_test_add_data_func (path, &goldens[i], test_golden);
    }

  return g_test_run ();
}
