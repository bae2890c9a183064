/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The page of a concept graph: a Mermaid editor beside the live drawing.
 * Every change is written back to the document's graph at once; parsing and
 * layout run at most once per frame, however fast the analyst types. A
 * parse error keeps the last good drawing, dimmed, and marks its line.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-exportable.h"
#include "plateau-graph-page.h"
#include "plateau-graph-render.h"

#define ZOOM_MIN 0.1
#define ZOOM_MAX 8.0
#define ZOOM_STEP 1.25
#define FIT_PADDING 24.0
#define ERROR_CATEGORY "error"

struct _PlateauGraphPage
{
  GtkWidget parent_instance;

  GtkPaned *paned;
  GtkSourceView *editor;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkDrawingArea *canvas;
  GtkLabel *zoom_label;

  GtkSourceBuffer *buffer;
  GtkTextTag *error_tag;
  PlateauConceptGraph *concept;
  gulong source_handler;
  gulong dark_handler;
  gboolean loading;

  PlateauGraph *graph;            /* the last graph that parsed */
  PlateauGraphLayout *layout;     /* its layout in the screen theme */
  const PlateauTheme *layout_theme;
  gboolean stale;                 /* the text has an error since */
  guint tick_id;

  gboolean has_error;
  guint error_line;
  guint error_column;
  char *error_message;

  double zoom;                    /* 0 to fit the window */
  double pan_x;
  double pan_y;
  double drag_pan_x;
  double drag_pan_y;
};

static void plateau_graph_page_exportable_init (PlateauExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlateauGraphPage, plateau_graph_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLATEAU_TYPE_EXPORTABLE,
                                                      plateau_graph_page_exportable_init))

/* Layout ------------------------------------------------------------------ */

static double
fit_scale (PlateauGraphPage *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->canvas)) - 2 * FIT_PADDING;
  double h = gtk_widget_get_height (GTK_WIDGET (self->canvas)) - 2 * FIT_PADDING;

  if (self->layout == NULL || self->layout->width <= 0 || self->layout->height <= 0)
    return 1;

  return CLAMP (MIN (w / self->layout->width, h / self->layout->height), ZOOM_MIN, 1.5);
}

static double
effective_zoom (PlateauGraphPage *self)
{
  return self->zoom > 0 ? self->zoom : fit_scale (self);
}

static void
update_zoom_label (PlateauGraphPage *self)
{
  /* Translators: the zoom level of the drawing, such as "105 %"; languages
   * differ in the space before the sign */
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), effective_zoom (self) * 100);

  gtk_label_set_label (self->zoom_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-in",
                                 effective_zoom (self) < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.zoom-out",
                                 effective_zoom (self) > ZOOM_MIN);
}

static void
relayout (PlateauGraphPage *self)
{
  g_clear_pointer (&self->layout, plateau_graph_layout_free);
  self->layout_theme = plateau_exportable_screen_theme ();
  if (self->graph != NULL)
    self->layout = plateau_graph_layout_themed (self->graph, self->layout_theme);

  update_zoom_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* Errors ------------------------------------------------------------------ */

static void
clear_error (PlateauGraphPage *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_source_buffer_remove_source_marks (self->buffer, &start, &end, ERROR_CATEGORY);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->error_tag, &start, &end);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_pointer (&self->error_message, g_free);
  self->has_error = FALSE;
}

/* The engine's messages start in lower case, in the middle of a sentence. */
static void
show_message (PlateauGraphPage *self,
              const char       *message)
{
  g_autofree char *first = g_utf8_strup (message, g_utf8_next_char (message) - message);
  g_autofree char *text = g_strconcat (first, g_utf8_next_char (message), NULL);

  gtk_label_set_label (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* Marks the line in the gutter and underlines it from the error onwards. */
static void
mark_error (PlateauGraphPage           *self,
            const PlateauGraphLocation *where,
            const GError               *error)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter line_start, start, end;

  self->has_error = TRUE;
  self->error_line = where->line;
  self->error_column = where->column;
  self->error_message = g_strdup (error->message);

  gtk_text_buffer_get_iter_at_line (buffer, &line_start, (int) where->line - 1);
  gtk_source_buffer_create_source_mark (self->buffer, NULL, ERROR_CATEGORY, &line_start);
  start = line_start;
  gtk_text_iter_forward_chars (&start, (int) where->column - 1);
  if (gtk_text_iter_get_line (&start) != gtk_text_iter_get_line (&line_start))
    start = line_start;
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  if (gtk_text_iter_equal (&start, &end))
    start = line_start;
  gtk_text_buffer_apply_tag (buffer, self->error_tag, &start, &end);

  show_message (self, error->message);
}

/* What the layout could not draw is said beneath the editor, so that no edge
 * disappears without a word; the text itself is fine, so no line is marked. */
static void
show_layout_warnings (PlateauGraphPage *self)
{
  g_autofree char *joined = NULL;

  if (self->layout == NULL || self->layout->warnings == NULL || self->layout->warnings->len == 0)
    return;

  g_ptr_array_add (self->layout->warnings, NULL);
  joined = g_strjoinv ("\n", (char **) self->layout->warnings->pdata);
  g_ptr_array_remove_index (self->layout->warnings, self->layout->warnings->len - 1);
  show_message (self, joined);
}

/* Parsing ----------------------------------------------------------------- */

static char *
buffer_text (PlateauGraphPage *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

static void
reparse (PlateauGraphPage *self)
{
  g_autofree char *text = buffer_text (self);
  g_autoptr (GError) error = NULL;
  PlateauGraphLocation where = { 1, 1 };
  PlateauGraph *graph;

  clear_error (self);
  if (*text == '\0')
    {
      g_clear_pointer (&self->graph, plateau_graph_free);
      self->stale = FALSE;
      relayout (self);
      return;
    }

  graph = plateau_graph_parse (text, -1, &where, &error);
  if (graph == NULL)
    {
      mark_error (self, &where, error);
      self->stale = self->graph != NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
      return;
    }

  g_clear_pointer (&self->graph, plateau_graph_free);
  self->graph = graph;
  self->stale = FALSE;
  relayout (self);
  show_layout_warnings (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  PlateauGraphPage *self = PLATEAU_GRAPH_PAGE (widget);

  self->tick_id = 0;
  reparse (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reparse (PlateauGraphPage *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_buffer_changed (PlateauGraphPage *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  /* Write through at once so that the document never lags the editor. */
  if (self->concept != NULL)
    {
      text = buffer_text (self);
      self->loading = TRUE;
      plateau_concept_graph_set_source (self->concept, text);
      self->loading = FALSE;
    }

  schedule_reparse (self);
}

static void
load_source (PlateauGraphPage *self)
{
  const char *source = self->concept != NULL
                       ? plateau_concept_graph_get_source (self->concept) : "";
  g_autofree char *current = buffer_text (self);

  if (g_strcmp0 (current, source) == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), source != NULL ? source : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  self->loading = FALSE;
  reparse (self);
}

static void
on_source_notify (PlateauGraphPage *self)
{
  if (!self->loading)
    load_source (self);
}

/* Drawing ----------------------------------------------------------------- */

static void
origin (PlateauGraphPage *self,
        double            scale,
        double           *x,
        double           *y)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  *x = (w - self->layout->width * scale) / 2 + self->pan_x;
  *y = (h - self->layout->height * scale) / 2 + self->pan_y;
}

static void
draw_canvas (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  PlateauGraphPage *self = PLATEAU_GRAPH_PAGE (user_data);
  const PlateauTheme *theme = plateau_exportable_screen_theme ();
  double scale, x, y;

  plateau_rgba_set_source (cr, &theme->background);
  cairo_paint (cr);
  if (self->layout == NULL)
    return;

  if (theme != self->layout_theme)
    relayout (self);

  scale = effective_zoom (self);
  origin (self, scale, &x, &y);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_push_group (cr);
  plateau_graph_render (cr, self->graph, self->layout, theme);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, self->stale ? 0.4 : 1.0);
}

/* Zoom and pan ------------------------------------------------------------ */

/* Zooms so that the layout point under (px, py) stays where it is. */
static void
zoom_around (PlateauGraphPage *self,
             double            zoom,
             double            px,
             double            py)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  double old = effective_zoom (self), ox, oy, lx, ly;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (self->layout != NULL)
    {
      origin (self, old, &ox, &oy);
      lx = (px - ox) / old;
      ly = (py - oy) / old;
      self->pan_x = px - lx * zoom - (w - self->layout->width * zoom) / 2;
      self->pan_y = py - ly * zoom - (h - self->layout->height * zoom) / 2;
    }

  self->zoom = zoom;
  update_zoom_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
zoom_by (PlateauGraphPage *self,
         double            factor)
{
  zoom_around (self, effective_zoom (self) * factor,
               gtk_widget_get_width (GTK_WIDGET (self->canvas)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 2.0);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (PLATEAU_GRAPH_PAGE (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (PLATEAU_GRAPH_PAGE (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  plateau_graph_page_set_zoom (PLATEAU_GRAPH_PAGE (widget), 0);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PlateauGraphPage         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double px = 0, py = 0;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  if (event != NULL && gdk_event_get_position (event, &px, &py))
    gtk_widget_translate_coordinates (GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self))),
                                      GTK_WIDGET (self->canvas), px, py, &px, &py);
  else
    {
      px = gtk_widget_get_width (GTK_WIDGET (self->canvas)) / 2.0;
      py = gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 2.0;
    }

  zoom_around (self, effective_zoom (self) * pow (ZOOM_STEP, -dy), px, py);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               PlateauGraphPage *self)
{
  /* Panning a fitted drawing fixes its zoom, so the drag has a meaning. */
  if (self->zoom == 0)
    self->zoom = fit_scale (self);

  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), "grabbing");
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                PlateauGraphPage *self)
{
  self->pan_x = self->drag_pan_x + dx;
  self->pan_y = self->drag_pan_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             PlateauGraphPage *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), "grab");
}

/* Export ------------------------------------------------------------------ */

static char *
plateau_graph_page_get_title (PlateauExportable *exportable)
{
  PlateauGraphPage *self = PLATEAU_GRAPH_PAGE (exportable);

  return self->concept != NULL ? g_strdup (plateau_concept_graph_get_name (self->concept))
                               : NULL;
}

static gboolean
plateau_graph_page_is_ready (PlateauExportable *exportable)
{
  return PLATEAU_GRAPH_PAGE (exportable)->graph != NULL;
}

/* Fits the drawing into the page, centred, on the theme's background. */
static void
plateau_graph_page_draw (PlateauExportable  *exportable,
                         cairo_t            *cr,
                         const PlateauTheme *theme,
                         double              width,
                         double              height,
                         gboolean            transparent)
{
  PlateauGraphPage *self = PLATEAU_GRAPH_PAGE (exportable);
  g_autoptr (PlateauGraphLayout) own = NULL;
  const PlateauGraphLayout *layout = self->layout;
  double scale;

  if (!transparent)
    {
      plateau_rgba_set_source (cr, &theme->background);
      cairo_paint (cr);
    }
  if (self->graph == NULL)
    return;

  if (theme != self->layout_theme || layout == NULL)
    layout = own = plateau_graph_layout_themed (self->graph, theme);
  if (!(layout->width > 0 && layout->height > 0))
    return;

  scale = MIN (width / layout->width, height / layout->height);
  cairo_translate (cr, (width - layout->width * scale) / 2, (height - layout->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  plateau_graph_render (cr, self->graph, layout, theme);
}

static void
plateau_graph_page_exportable_init (PlateauExportableInterface *iface)
{
  iface->get_title = plateau_graph_page_get_title;
  iface->is_ready = plateau_graph_page_is_ready;
  iface->draw = plateau_graph_page_draw;
}

/* Set-up ------------------------------------------------------------------ */

static void
update_style_scheme (PlateauGraphPage *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (
                                        schemes, dark ? "Adwaita-dark" : "Adwaita"));
  relayout (self);
}

static GtkSourceLanguage *
mermaid_language (void)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      gtk_source_language_manager_append_search_path (
        manager, "resource:///io/github/plateau/Plateau/language-specs/");
      g_once_init_leave (&once, 1);
    }

  return gtk_source_language_manager_get_language (manager, "mermaid");
}

static void
setup_buffer (PlateauGraphPage *self)
{
  g_autoptr (GtkSourceMarkAttributes) attributes = gtk_source_mark_attributes_new ();
  GdkRGBA red = { 0.88, 0.11, 0.14, 0.18 };

  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)));
  gtk_source_buffer_set_language (self->buffer, mermaid_language ());
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  self->error_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), NULL,
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                NULL);

  gtk_source_mark_attributes_set_icon_name (attributes, "dialog-error-symbolic");
  gtk_source_mark_attributes_set_background (attributes, &red);
  gtk_source_view_set_mark_attributes (self->editor, ERROR_CATEGORY, attributes, 10);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
}

static void
on_canvas_resize (GtkDrawingArea   *area,
                  int               width,
                  int               height,
                  PlateauGraphPage *self)
{
  update_zoom_label (self);
}

static void
setup_canvas (PlateauGraphPage *self)
{
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_drawing_area_set_draw_func (self->canvas, draw_canvas, self, NULL);
  g_signal_connect (self->canvas, "resize", G_CALLBACK (on_canvas_resize), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), scroll);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), "grab");
}

static void
plateau_graph_page_dispose (GObject *object)
{
  PlateauGraphPage *self = PLATEAU_GRAPH_PAGE (object);
  GtkWidget *child;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  if (self->concept != NULL)
    g_clear_signal_handler (&self->source_handler, self->concept);
  g_clear_object (&self->concept);
  g_clear_pointer (&self->layout, plateau_graph_layout_free);
  g_clear_pointer (&self->graph, plateau_graph_free);
  g_clear_pointer (&self->error_message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_GRAPH_PAGE);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_graph_page_parent_class)->dispose (object);
}

static void
plateau_graph_page_class_init (PlateauGraphPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_graph_page_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-graph-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, paned);
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, editor);
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, PlateauGraphPage, zoom_label);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "graph.zoom-fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plateau-graph-page");
}

static void
plateau_graph_page_init (PlateauGraphPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_buffer (self);
  setup_canvas (self);
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (),
                                                 "notify::dark",
                                                 G_CALLBACK (update_style_scheme), self);
  update_style_scheme (self);
}

/**
 * plateau_graph_page_new:
 *
 * Returns: (transfer full): a new, empty graph page
 */
GtkWidget *
plateau_graph_page_new (void)
{
  return g_object_new (PLATEAU_TYPE_GRAPH_PAGE, NULL);
}

/**
 * plateau_graph_page_set_graph:
 * @self: a graph page
 * @graph: (nullable): the concept graph to edit
 *
 * Shows @graph's source and drawing. Edits are written back with
 * plateau_concept_graph_set_source() as they are typed, and changes made to
 * @graph elsewhere (undo, for one) are shown.
 */
void
plateau_graph_page_set_graph (PlateauGraphPage    *self,
                              PlateauConceptGraph *graph)
{
  g_return_if_fail (PLATEAU_IS_GRAPH_PAGE (self));
  g_return_if_fail (graph == NULL || PLATEAU_IS_CONCEPT_GRAPH (graph));

  if (self->concept == graph)
    return;

  if (self->concept != NULL)
    g_clear_signal_handler (&self->source_handler, self->concept);
  g_set_object (&self->concept, graph);
  if (graph != NULL)
    self->source_handler = g_signal_connect_swapped (graph, "notify::source",
                                                     G_CALLBACK (on_source_notify), self);

  self->zoom = 0;
  self->pan_x = self->pan_y = 0;
  load_source (self);
}

/**
 * plateau_graph_page_get_graph:
 * @self: a graph page
 *
 * Returns: (transfer none) (nullable): the concept graph shown
 */
PlateauConceptGraph *
plateau_graph_page_get_graph (PlateauGraphPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_GRAPH_PAGE (self), NULL);

  return self->concept;
}

/**
 * plateau_graph_page_update_now:
 * @self: a graph page
 *
 * Parses and lays out the editor's text at once instead of at the next
 * frame.
 */
void
plateau_graph_page_update_now (PlateauGraphPage *self)
{
  g_return_if_fail (PLATEAU_IS_GRAPH_PAGE (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  reparse (self);
}

/**
 * plateau_graph_page_get_error:
 * @self: a graph page
 * @line: (out) (optional): the 1-based line of the error
 * @column: (out) (optional): its 1-based column
 * @message: (out) (optional) (transfer none): the message
 *
 * Returns: whether the text has a parse error
 */
gboolean
plateau_graph_page_get_error (PlateauGraphPage  *self,
                              guint             *line,
                              guint             *column,
                              const char       **message)
{
  g_return_val_if_fail (PLATEAU_IS_GRAPH_PAGE (self), FALSE);

  if (line != NULL)
    *line = self->has_error ? self->error_line : 0;
  if (column != NULL)
    *column = self->has_error ? self->error_column : 0;
  if (message != NULL)
    *message = self->error_message;

  return self->has_error;
}

/**
 * plateau_graph_page_get_zoom:
 * @self: a graph page
 *
 * Returns: the scale the drawing is shown at, 1 for 100 %
 */
double
plateau_graph_page_get_zoom (PlateauGraphPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_GRAPH_PAGE (self), 1);

  return effective_zoom (self);
}

/**
 * plateau_graph_page_set_zoom:
 * @self: a graph page
 * @zoom: the scale, 1 for 100 %, or 0 to fit the drawing in the window
 *
 * Zooms around the middle of the drawing; 0 also recentres it.
 */
void
plateau_graph_page_set_zoom (PlateauGraphPage *self,
                             double            zoom)
{
  g_return_if_fail (PLATEAU_IS_GRAPH_PAGE (self));

  if (zoom > 0)
    {
      zoom_by (self, zoom / effective_zoom (self));
      return;
    }

  self->zoom = 0;
  self->pan_x = self->pan_y = 0;
  update_zoom_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/**
 * plateau_graph_page_get_buffer:
 * @self: a graph page
 *
 * Returns: (transfer none): the editor's buffer
 */
GtkSourceBuffer *
plateau_graph_page_get_buffer (PlateauGraphPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_GRAPH_PAGE (self), NULL);

  return self->buffer;
}
