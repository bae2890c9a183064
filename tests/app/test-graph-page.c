/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graph page: it draws the sample graphs, writes edits back to the
 * document's graph, marks parse errors at their line, zooms and exports.
 */

#include "config.h"

#include "plateau-graph-page.h"
#include "plateau-views-test.h"

typedef struct
{
  PlateauDocument *document;
  PlateauConceptGraph *graph;
  PlateauGraphPage *page;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plateau_views_test_sample ();
  g_assert_cmpuint (plateau_document_get_n_graphs (fixture->document), >, 0);
  fixture->graph = plateau_document_get_graph (fixture->document, 0);
  fixture->page = PLATEAU_GRAPH_PAGE (plateau_graph_page_new ());
  plateau_graph_page_set_graph (fixture->page, fixture->graph);
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->page), 1000, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_object_unref (fixture->document);
}

static GtkWidget *
canvas_of (PlateauGraphPage *page)
{
  return plateau_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA, NULL, NULL);
}

static void
set_text (PlateauGraphPage *page,
          const char       *text)
{
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (plateau_graph_page_get_buffer (page)), text, -1);
}

static void
test_draws_sample (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GdkTexture) texture = plateau_test_render (canvas_of (fixture->page));

  g_assert_false (plateau_graph_page_get_error (fixture->page, NULL, NULL, NULL));
  plateau_test_assert_not_blank (texture);
}

static void
test_mermaid_language (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkSourceBuffer *buffer = plateau_graph_page_get_buffer (fixture->page);
  GtkSourceLanguage *language = gtk_source_buffer_get_language (buffer);

  /* Loaded from the bundled resource through the language manager. */
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "mermaid");
  g_assert_true (gtk_source_buffer_get_highlight_syntax (buffer));
}

static void
test_writes_back (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *text = "graph LR\n    A[Idea] --> B[Product]\n";

  set_text (fixture->page, text);
  g_assert_cmpstr (plateau_concept_graph_get_source (fixture->graph), ==, text);
}

static void
test_follows_model (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *text = "graph TB\n    X --> Y\n";
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plateau_graph_page_get_buffer (fixture->page));
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* An undo in the document, say, replaces the source. */
  plateau_concept_graph_set_source (fixture->graph, text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (shown, ==, text);
}

static void
test_error_marked_at_line (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSourceBuffer *buffer = plateau_graph_page_get_buffer (fixture->page);
  g_autoptr (GSList) on_line = NULL;
  g_autoptr (GSList) elsewhere = NULL;
  const char *message = NULL;
  guint line = 0, column = 0;

  /* The third line opens a label it never closes. */
  set_text (fixture->page, "graph TD\n    A --> B\n    B --> C[Open\n    C --> D\n");
  plateau_graph_page_update_now (fixture->page);

  g_assert_true (plateau_graph_page_get_error (fixture->page, &line, &column, &message));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, >, 1);
  g_assert_true (g_str_has_prefix (message, "line 3, column "));

  on_line = gtk_source_buffer_get_source_marks_at_line (buffer, 2, "error");
  elsewhere = gtk_source_buffer_get_source_marks_at_line (buffer, 1, "error");
  g_assert_cmpuint (g_slist_length (on_line), ==, 1);
  g_assert_null (elsewhere);

  /* The message is shown beneath the editor, starting with a capital. */
  {
    GtkWidget *revealer = plateau_test_find_widget (GTK_WIDGET (fixture->page),
                                                    GTK_TYPE_REVEALER, NULL, NULL);
    GtkWidget *label = plateau_test_find_widget (revealer, GTK_TYPE_LABEL, NULL, NULL);

    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Line 3, column"));
  }

  /* An edge the layout cannot draw is named beneath the editor, with no
   * line marked as wrong. */
  set_text (fixture->page, "graph TD\n    subgraph S\n      A\n    end\n    A --> S\n");
  plateau_graph_page_update_now (fixture->page);
  g_assert_false (plateau_graph_page_get_error (fixture->page, NULL, NULL, NULL));
  {
    GtkWidget *revealer = plateau_test_find_widget (GTK_WIDGET (fixture->page),
                                                    GTK_TYPE_REVEALER, NULL, NULL);
    GtkWidget *label = plateau_test_find_widget (revealer, GTK_TYPE_LABEL, NULL, NULL);

    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                     "Line 5: the edge from “A” to “S” is not drawn: one end lies inside the "
                     "other");
  }

  /* Fixing the line clears the mark. */
  set_text (fixture->page, "graph TD\n    A --> B\n    B --> C[Open]\n    C --> D\n");
  plateau_graph_page_update_now (fixture->page);
  g_assert_false (plateau_graph_page_get_error (fixture->page, NULL, NULL, NULL));
  g_clear_pointer (&on_line, g_slist_free);
  on_line = gtk_source_buffer_get_source_marks_at_line (buffer, 2, "error");
  g_assert_null (on_line);
}

static void
test_reparse_once_per_frame (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Several edits in a row leave the error of the last text only. */
  set_text (fixture->page, "graph TD\n    A --> B[\n");
  set_text (fixture->page, "graph TD\n    A --> B\n    C{{x\n");
  g_assert_false (plateau_graph_page_get_error (fixture->page, NULL, NULL, NULL));
  plateau_views_test_settle (GTK_WIDGET (fixture->window));
  {
    guint line = 0;

    g_assert_true (plateau_graph_page_get_error (fixture->page, &line, NULL, NULL));
    g_assert_cmpuint (line, ==, 3);
  }
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double fit = plateau_graph_page_get_zoom (fixture->page);

  g_assert_cmpfloat (fit, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "graph.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (plateau_graph_page_get_zoom (fixture->page), fit * 1.25, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "graph.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "graph.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (plateau_graph_page_get_zoom (fixture->page), fit / 1.25, 1e-9);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "graph.zoom-fit", NULL);
  g_assert_cmpfloat_with_epsilon (plateau_graph_page_get_zoom (fixture->page), fit, 1e-9);

  /* Zoom stops at 800 %. */
  plateau_graph_page_set_zoom (fixture->page, 8);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "graph.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (plateau_graph_page_get_zoom (fixture->page), 8, 1e-9);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  PlateauExportable *exportable = PLATEAU_EXPORTABLE (fixture->page);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  static const char *const names[] = { "graph-page.png", "graph-page.svg", "graph-page.pdf" };
  g_autofree char *title = plateau_exportable_get_title (exportable);

  g_assert_cmpstr (title, ==, plateau_concept_graph_get_name (fixture->graph));
  for (guint format = 0; format < G_N_ELEMENTS (names); format++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, names[format], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      PlateauExportOptions options;

      plateau_export_options_init (&options, theme, format);
      options.width = 1920;
      options.height = 1080;
      g_assert_true (plateau_exportable_export (exportable, theme, &options, file, &error));
      g_assert_no_error (error);
      if (format == PLATEAU_EXPORT_PNG)
        plateau_views_test_check_png (path, 1920, 1080);
      else if (format == PLATEAU_EXPORT_SVG)
        plateau_views_test_check_svg (path);
      else
        g_free (plateau_views_test_check_pdf (path));
    }
}

static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "graph-page-print.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_remove (path);
  g_assert_true (plateau_exportable_print (PLATEAU_EXPORTABLE (fixture->page), fixture->window,
                                           path, &error));
  g_assert_no_error (error);
  g_free (plateau_views_test_check_pdf (path));
}

static void
test_finalizes (void)
{
  GtkWidget *page = plateau_graph_page_new ();
  g_autoptr (PlateauConceptGraph) graph = plateau_concept_graph_new ("G", "graph LR\nA-->B\n");

  g_object_ref_sink (page);
  plateau_graph_page_set_graph (PLATEAU_GRAPH_PAGE (page), graph);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_unref (page);
  g_assert_null (page);

  /* The page no longer listens to the graph. */
  plateau_concept_graph_set_source (graph, "graph TB\nC-->D\n");
}

int
main (int   argc,
      char *argv[])
{
  /* The software GL of a headless server is slow to start for each window. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  plateau_i18n_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/graph-page/draws-sample", test_draws_sample);
  ADD ("/graph-page/mermaid-language", test_mermaid_language);
  ADD ("/graph-page/writes-back", test_writes_back);
  ADD ("/graph-page/follows-model", test_follows_model);
  ADD ("/graph-page/error-at-line", test_error_marked_at_line);
  ADD ("/graph-page/reparse-per-frame", test_reparse_once_per_frame);
  ADD ("/graph-page/zoom", test_zoom);
  ADD ("/graph-page/export", test_export);
  ADD ("/graph-page/print-to-pdf", test_print_to_pdf);
#undef ADD
  g_test_add_func ("/graph-page/finalizes", test_finalizes);

  return g_test_run ();
}
