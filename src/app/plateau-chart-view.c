/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A widget that draws one chart description with the chart engine, in the
 * light or dark theme of the desktop, and reads out the value nearest to the
 * pointer with a crosshair and a label.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-chart-ticks.h"
#include "plateau-chart-view.h"
#include "plateau-exportable.h"
#include "plateau-format.h"

/* How far from a point, in pixels, the pointer may be to read it out. */
#define HOVER_RADIUS 48.0

struct _PlateauChartView
{
  GtkWidget parent_instance;

  PlateauChart *chart;
  gulong dark_handler;

  /* The layout of the last drawing, for mapping the pointer to data. */
  gboolean plot_valid;
  PlateauChartPlot plot;
  int plot_width;
  int plot_height;

  /* The last drawing, kept while neither the chart, the size, the scale nor
   * the style changes: the read-out follows the pointer over it without
   * drawing every series again. */
  GdkTexture *drawing;
  int drawing_scale;

  /* What the pointer points at, when anything. */
  gboolean hovering;
  guint hover_series;
  gsize hover_index;
  double hover_x;
  double hover_y;
  char *readout;
};

enum
{
  PROP_0,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void plateau_chart_view_exportable_init (PlateauExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlateauChartView, plateau_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLATEAU_TYPE_EXPORTABLE,
                                                      plateau_chart_view_exportable_init))

static const PlateauTheme *
current_theme (void)
{
  return plateau_exportable_screen_theme ();
}

/* Lays the chart out for the widget's size unless that is already done. */
static gboolean
ensure_plot (PlateauChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->chart == NULL)
    return FALSE;
  if (self->plot_width == width && self->plot_height == height)
    return self->plot_valid;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  self->plot_valid = plateau_chart_get_plot (self->chart, current_theme (), cr,
                                             width, height, &self->plot);
  self->plot_width = width;
  self->plot_height = height;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return self->plot_valid;
}

static void
forget_plot (PlateauChartView *self)
{
  self->plot_valid = FALSE;
  self->plot_width = self->plot_height = -1;
  g_clear_object (&self->drawing);
}

static void
set_readout (PlateauChartView *self,
             char             *text)
{
  if (g_strcmp0 (self->readout, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->readout);
  self->readout = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

static void
clear_hover (PlateauChartView *self)
{
  if (!self->hovering)
    return;

  self->hovering = FALSE;
  set_readout (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Bands are ranges, not values: the pointer reads lines, points and bars. */
static gboolean
series_is_readable (const PlateauChartSeries *series)
{
  return plateau_chart_series_get_kind (series) != PLATEAU_SERIES_BAND;
}

static gboolean
nearest_point (PlateauChartView *self,
               double            px,
               double            py,
               guint            *series_index,
               gsize            *point_index)
{
  double best = HOVER_RADIUS * HOVER_RADIUS;
  gboolean found = FALSE;

  for (guint s = 0; s < plateau_chart_get_n_series (self->chart); s++)
    {
      const PlateauChartSeries *series = plateau_chart_get_series (self->chart, s);
      const double *x, *y;
      gsize n = plateau_chart_series_get_data (series, &x, &y);

      if (!series_is_readable (series))
        continue;

      for (gsize i = 0; i < n; i++)
        {
          double cx, cy, d;

          if (!plateau_chart_plot_map (&self->plot, PLATEAU_AXIS_X, x[i], &cx)
              || !plateau_chart_plot_map (&self->plot, PLATEAU_AXIS_Y, y[i], &cy))
            continue;

          d = (cx - px) * (cx - px) + (cy - py) * (cy - py);
          if (d < best)
            {
              best = d;
              *series_index = s;
              *point_index = i;
              found = TRUE;
            }
        }
    }

  return found;
}

static char *
format_value (double            value,
              PlateauAxisFormat format)
{
  if (format == PLATEAU_AXIS_FORMAT_YEAR)
    return g_strdup_printf ("%.0f", value);
  if (format == PLATEAU_AXIS_FORMAT_PERCENT)
    {
      g_autofree char *number = plateau_format_number (value * 100, 1);
      /* Translators: a percentage in the read-out, such as "12.5 %" */
      return g_strdup_printf (_("%s %%"), number);
    }

  return plateau_format_amount (value);
}

static char *
format_x (PlateauChartView *self,
          double            x)
{
  const char *category = NULL;

  if (x >= 0 && x == floor (x))
    category = plateau_chart_get_category (self->chart, (guint) x);
  if (category != NULL)
    return g_strdup (category);

  return format_value (x, plateau_chart_get_axis_format (self->chart, PLATEAU_AXIS_X));
}

static char *
build_readout (PlateauChartView *self)
{
  const PlateauChartSeries *series = plateau_chart_get_series (self->chart, self->hover_series);
  const char *name = plateau_chart_series_get_name (series);
  const char *unit = plateau_chart_get_axis_unit (self->chart, PLATEAU_AXIS_Y);
  const double *x, *y;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  plateau_chart_series_get_data (series, &x, &y);
  xs = format_x (self, x[self->hover_index]);
  ys = format_value (y[self->hover_index],
                     plateau_chart_get_axis_format (self->chart, PLATEAU_AXIS_Y));

  /* TRANSLATORS: a chart read-out: series name, then "x: y unit" */
  return g_strdup_printf (_("%s\n%s: %s%s%s"), name != NULL ? name : "", xs, ys,
                          unit != NULL && *unit != '\0' ? " " : "",
                          unit != NULL ? unit : "");
}

static void
update_hover (PlateauChartView *self,
              double            px,
              double            py)
{
  const PlateauChartSeries *series;
  const double *x, *y;
  guint s = 0;
  gsize i = 0;

  if (!ensure_plot (self) || !nearest_point (self, px, py, &s, &i))
    {
      clear_hover (self);
      return;
    }

  if (self->hovering && self->hover_series == s && self->hover_index == i)
    return;

  series = plateau_chart_get_series (self->chart, s);
  plateau_chart_series_get_data (series, &x, &y);
  plateau_chart_plot_map (&self->plot, PLATEAU_AXIS_X, x[i], &self->hover_x);
  plateau_chart_plot_map (&self->plot, PLATEAU_AXIS_Y, y[i], &self->hover_y);
  self->hovering = TRUE;
  self->hover_series = s;
  self->hover_index = i;
  set_readout (self, build_readout (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PlateauChartView         *self)
{
  update_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          PlateauChartView         *self)
{
  clear_hover (self);
}

static void
draw_crosshair (PlateauChartView  *self,
                cairo_t           *cr,
                const PlateauRgba *color)
{
  const PlateauTheme *theme = current_theme ();
  const PlateauChartPlot *plot = &self->plot;
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  plateau_rgba_set_source_alpha (cr, &theme->foreground, 0.45);
  cairo_move_to (cr, round (self->hover_x) + 0.5, plot->y);
  cairo_line_to (cr, round (self->hover_x) + 0.5, plot->y + plot->height);
  cairo_move_to (cr, plot->x, round (self->hover_y) + 0.5);
  cairo_line_to (cr, plot->x + plot->width, round (self->hover_y) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_new_path (cr);
  cairo_arc (cr, self->hover_x, self->hover_y, 5.5, 0, 2 * G_PI);
  plateau_rgba_set_source (cr, &theme->background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2.5);
  plateau_rgba_set_source (cr, color);
  cairo_stroke (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The series name in bold above the value. */
static void
set_label_markup (PangoLayout *layout,
                  const char  *readout)
{
  const char *newline = strchr (readout, '\n');
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;

  if (newline == NULL)
    return;

  name = g_strndup (readout, newline - readout);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", name, newline + 1);
  pango_layout_set_markup (layout, markup, -1);
}

/* The label sits up and to the right of the point, flipped to stay inside. */
static void
draw_label (PlateauChartView  *self,
            cairo_t           *cr,
            const PlateauRgba *color)
{
  const PlateauTheme *theme = current_theme ();
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->readout);
  PangoFontDescription *font = plateau_theme_font (theme, PLATEAU_THEME_FONT_LEGEND);
  PangoRectangle ink, logical;
  double pad = 8, w, h, x, y;

  pango_layout_set_font_description (layout, font);
  set_label_markup (layout, self->readout);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  w = logical.width + 2 * pad + 10;
  h = logical.height + 2 * pad;
  x = self->hover_x + 12;
  y = self->hover_y - h - 12;
  if (x + w > width - 4)
    x = self->hover_x - w - 12;
  if (y < 4)
    y = self->hover_y + 12;

  rounded_rect (cr, x, y, w, h, 6);
  plateau_rgba_set_source_alpha (cr, &theme->background, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  plateau_rgba_set_source_alpha (cr, &theme->foreground, 0.25);
  cairo_stroke (cr);

  cairo_rectangle (cr, x + pad, y + pad + 2, 4, logical.height - 4);
  plateau_rgba_set_source (cr, color);
  cairo_fill (cr);

  plateau_rgba_set_source (cr, &theme->foreground);
  cairo_move_to (cr, x + pad + 10, y + pad);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);

  pango_font_description_free (font);
  g_object_unref (layout);
}

/* Draws the chart into an image at the widget's scale. A cairo node would
 * record every drawing operation and replay it on each frame, which for a
 * long series costs far more than drawing it once. */
static GdkTexture *
draw_texture (PlateauChartView *self,
              int               width,
              int               height,
              int               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  g_autoptr (GBytes) bytes = NULL;
  cairo_t *cr;
  int stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  plateau_chart_render (self->chart, current_theme (), cr, width, height, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32; the bytes keep the surface alive. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 stride);
}

static void
append_drawing (PlateauChartView *self,
                GtkSnapshot      *snapshot,
                int               width,
                int               height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  if (self->drawing != NULL
      && (self->drawing_scale != scale || gdk_texture_get_width (self->drawing) != width * scale
          || gdk_texture_get_height (self->drawing) != height * scale))
    g_clear_object (&self->drawing);

  if (self->drawing == NULL)
    {
      self->drawing = draw_texture (self, width, height, scale);
      self->drawing_scale = scale;
    }

  if (self->drawing != NULL)
    {
      gtk_snapshot_append_texture (snapshot, self->drawing,
                                   &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }

  /* Too large for an image: draw straight into the frame. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  plateau_chart_render (self->chart, current_theme (), cr, width, height, 0);
  cairo_destroy (cr);
}

static void
plateau_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const PlateauRgba *color;
  cairo_t *cr;

  if (self->chart == NULL || width < 2 || height < 2)
    return;

  append_drawing (self, snapshot, width, height);
  if (!self->hovering || !ensure_plot (self))
    return;

  color = plateau_chart_series_get_rgba (plateau_chart_get_series (self->chart,
                                                                   self->hover_series),
                                         current_theme (), self->hover_series);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_crosshair (self, cr, color);
  draw_label (self, cr, color);
  cairo_destroy (cr);
}

static void
plateau_chart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (widget);

  /* GTK allocates again at the same size now and then; the read-out stays. */
  if (width == self->plot_width && height == self->plot_height)
    return;

  forget_plot (self);
  self->hovering = FALSE;
  set_readout (self, NULL);
}

static void
on_dark_changed (PlateauChartView *self)
{
  forget_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (PlateauChartView *self)
{
  const char *title = self->chart != NULL ? plateau_chart_get_title (self->chart) : NULL;
  const char *caption = self->chart != NULL ? plateau_chart_get_caption (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  caption != NULL ? caption : "",
                                  -1);
}

static char *
plateau_chart_view_get_title (PlateauExportable *exportable)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (exportable);

  return self->chart != NULL ? g_strdup (plateau_chart_get_title (self->chart)) : NULL;
}

static gboolean
plateau_chart_view_is_ready (PlateauExportable *exportable)
{
  return PLATEAU_CHART_VIEW (exportable)->chart != NULL;
}

static void
plateau_chart_view_draw (PlateauExportable  *exportable,
                         cairo_t            *cr,
                         const PlateauTheme *theme,
                         double              width,
                         double              height,
                         gboolean            transparent)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (exportable);

  if (self->chart != NULL)
    plateau_chart_render (self->chart, theme, cr, width, height,
                          transparent ? PLATEAU_RENDER_TRANSPARENT : 0);
}

static void
plateau_chart_view_exportable_init (PlateauExportableInterface *iface)
{
  iface->get_title = plateau_chart_view_get_title;
  iface->is_ready = plateau_chart_view_is_ready;
  iface->draw = plateau_chart_view_draw;
}

static void
plateau_chart_view_dispose (GObject *object)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (object);

  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  g_clear_pointer (&self->chart, plateau_chart_free);
  g_clear_pointer (&self->readout, g_free);
  g_clear_object (&self->drawing);

  G_OBJECT_CLASS (plateau_chart_view_parent_class)->dispose (object);
}

static void
plateau_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlateauChartView *self = PLATEAU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_chart_view_class_init (PlateauChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_chart_view_dispose;
  object_class->get_property = plateau_chart_view_get_property;
  widget_class->snapshot = plateau_chart_view_snapshot;
  widget_class->size_allocate = plateau_chart_view_size_allocate;

  /**
   * PlateauChartView:readout:
   *
   * The value under the pointer as "series\nx: y unit", or %NULL.
   */
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "plateau-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plateau_chart_view_init (PlateauChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  forget_plot (self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (),
                                                 "notify::dark",
                                                 G_CALLBACK (on_dark_changed), self);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 220);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update_accessible (self);
}

/**
 * plateau_chart_view_new:
 *
 * Returns: (transfer full): a new chart view showing nothing yet
 */
GtkWidget *
plateau_chart_view_new (void)
{
  return g_object_new (PLATEAU_TYPE_CHART_VIEW, NULL);
}

/**
 * plateau_chart_view_set_chart:
 * @self: a chart view
 * @chart: (transfer full) (nullable): the chart to show
 *
 * Shows @chart, taking it over, and redraws.
 */
void
plateau_chart_view_set_chart (PlateauChartView *self,
                              PlateauChart     *chart)
{
  g_return_if_fail (PLATEAU_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, plateau_chart_free);
  self->chart = chart;
  forget_plot (self);
  self->hovering = FALSE;
  set_readout (self, NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * plateau_chart_view_get_chart:
 * @self: a chart view
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
const PlateauChart *
plateau_chart_view_get_chart (PlateauChartView *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * plateau_chart_view_get_readout:
 * @self: a chart view
 *
 * Returns: (nullable): the read-out of the value under the pointer
 */
const char *
plateau_chart_view_get_readout (PlateauChartView *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHART_VIEW (self), NULL);

  return self->readout;
}
