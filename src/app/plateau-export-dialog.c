/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The export dialog for the chart or graph on screen: format, size preset
 * or custom size, resolution, theme and background, with a live preview of
 * exactly what will be written. Saving goes through GtkFileChooserNative;
 * the window that opened the dialog hears of success through ::exported.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-export-dialog.h"

#define PREVIEW_WIDTH 640.0

struct _PlateauExportDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwComboRow *theme_row;
  AdwComboRow *size_row;
  AdwActionRow *width_row;
  AdwActionRow *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkSwitch *transparent_switch;
  GtkPicture *preview;
  GtkLabel *summary;
  GtkLabel *error_label;

  PlateauExportable *exportable;
  GtkFileChooserNative *chooser;
  guint preview_idle;
  gboolean applying_preset;
};

enum
{
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PlateauExportDialog, plateau_export_dialog, ADW_TYPE_WINDOW)

static const char *const extensions[] = { "png", "svg", "pdf" };
static const char *const mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };

/* The presets of the chart engine, in the order of PlateauExportSize. */
static const PlateauExportPreset *
preset_for (PlateauExportSize size)
{
  guint n = 0;
  const PlateauExportPreset *presets = plateau_export_get_presets (&n);

  return (guint) size < n ? &presets[size] : NULL;
}

/**
 * plateau_export_dialog_get_options:
 * @self: an export dialog
 * @options: (out): what the dialog would write
 * @theme: (out) (optional): the theme it would write in
 *
 * Reads the choices of the dialog.
 */
void
plateau_export_dialog_get_options (PlateauExportDialog  *self,
                                   PlateauExportOptions *options,
                                   PlateauThemeKind     *theme)
{
  PlateauThemeKind kind = adw_combo_row_get_selected (self->theme_row);

  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  plateau_export_options_init (options, plateau_theme_get (kind),
                               adw_combo_row_get_selected (self->format_row));
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->transparent = gtk_switch_get_active (self->transparent_switch);
  if (theme != NULL)
    *theme = kind;
}

/* A grey checkerboard, the usual sign of a transparent background. */
static void
draw_checkerboard (cairo_t *cr,
                   int      width,
                   int      height)
{
  const int square = 8;

  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  for (int y = 0; y < height; y += square)
    for (int x = (y / square) % 2 * square; x < width; x += 2 * square)
      cairo_rectangle (cr, x, y, square, square);
  cairo_fill (cr);
}

/* Renders the export at a reduced size: the same picture, scaled down. */
static GdkTexture *
render_preview (PlateauExportDialog *self)
{
  PlateauExportOptions options;
  PlateauThemeKind kind;
  const PlateauTheme *theme;
  double f, scale;
  int pw, ph;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;
  GdkTexture *texture;

  plateau_export_dialog_get_options (self, &options, &kind);
  theme = plateau_theme_get (kind);
  f = MIN (1.0, PREVIEW_WIDTH / MAX (options.width, options.height));
  pw = MAX (1, (int) round (options.width * f));
  ph = MAX (1, (int) round (options.height * f));
  scale = plateau_export_options_scale (&options, theme);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  if (options.transparent)
    draw_checkerboard (cr, pw, ph);
  cairo_scale (cr, scale * f, scale * f);
  plateau_exportable_draw (self->exportable, cr, theme, options.width / scale,
                           options.height / scale, options.transparent);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) ph * cairo_image_surface_get_stride (surface));
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

static void
update_summary (PlateauExportDialog *self)
{
  PlateauExportOptions options;
  PlateauThemeKind kind;
  g_autofree char *text = NULL;

  plateau_export_dialog_get_options (self, &options, &kind);
  if (options.format == PLATEAU_EXPORT_PNG)
    text = g_strdup_printf (_("%d × %d pixels"), options.width, options.height);
  else
    {
      /* Vector pages get the unscaled size, in pixels and points. */
      double scale = plateau_export_options_scale (&options, plateau_theme_get (kind));
      text = g_strdup_printf (options.format == PLATEAU_EXPORT_SVG ? _("%.0f × %.0f px page")
                                                                   : _("%.0f × %.0f pt page"),
                              options.width / scale, options.height / scale);
    }

  gtk_label_set_label (self->summary, text);
}

static gboolean
update_preview (gpointer user_data)
{
  PlateauExportDialog *self = user_data;
  g_autoptr (GdkTexture) texture = render_preview (self);

  self->preview_idle = 0;
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  update_summary (self);
  return G_SOURCE_REMOVE;
}

/* Coalesces a burst of changes (typing a width) into one preview. */
static void
queue_preview (PlateauExportDialog *self)
{
  if (self->preview_idle == 0)
    self->preview_idle = g_idle_add_full (G_PRIORITY_LOW, update_preview, self, NULL);
}

static void
apply_preset (PlateauExportDialog *self)
{
  PlateauExportSize size = adw_combo_row_get_selected (self->size_row);
  const PlateauExportPreset *preset = preset_for (size);
  gboolean custom = preset == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
  if (custom)
    return;

  self->applying_preset = TRUE;
  gtk_spin_button_set_value (self->width_spin, preset->width);
  gtk_spin_button_set_value (self->height_spin, preset->height);
  gtk_spin_button_set_value (self->dpi_spin, preset->dpi);
  self->applying_preset = FALSE;
}

static void
on_size_selected (PlateauExportDialog *self)
{
  apply_preset (self);
  queue_preview (self);
}

static void
on_choice_changed (PlateauExportDialog *self)
{
  queue_preview (self);
}

static void
show_error (PlateauExportDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
suggested_name (PlateauExportDialog *self)
{
  g_autofree char *title = plateau_exportable_get_title (self->exportable);
  PlateauExportOptions options;

  plateau_export_dialog_get_options (self, &options, NULL);
  g_strdelimit (title, "/\\:", '-');
  return g_strdup_printf ("%s.%s", title, extensions[options.format]);
}

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     PlateauExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (!plateau_export_dialog_save_to (self, file, &error))
    {
      g_warning ("Export failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlateauExportDialog *self = PLATEAU_EXPORT_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  PlateauExportOptions options;

  if (self->chooser != NULL)
    return;

  plateau_export_dialog_get_options (self, &options, NULL);
  gtk_file_filter_add_mime_type (filter, mime_types[options.format]);
  gtk_file_filter_set_name (filter, extensions[options.format]);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Shows 0 as "Auto": the drawing then scales with the size. */
static gboolean
on_dpi_output (GtkSpinButton *spin,
               gpointer       user_data)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = value > 0 ? g_strdup_printf ("%.0f", value) : g_strdup (_("Auto"));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Reads "Auto", or anything that is not a number, as 0. */
static int
on_dpi_input (GtkSpinButton *spin,
              double        *value,
              gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(*value >= 0))
    *value = 0;

  return TRUE;
}

static void
plateau_export_dialog_dispose (GObject *object)
{
  PlateauExportDialog *self = PLATEAU_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_idle, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->exportable);

  G_OBJECT_CLASS (plateau_export_dialog_parent_class)->dispose (object);
}

static void
plateau_export_dialog_class_init (PlateauExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_export_dialog_dispose;

  /**
   * PlateauExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   *
   * Emitted after the picture was written, before the dialog closes.
   */
  signals[SIGNAL_EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PlateauExportDialog, error_label);
  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plateau_export_dialog_init (PlateauExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->dpi_spin, "output", G_CALLBACK (on_dpi_output), NULL);
  g_signal_connect (self->dpi_spin, "input", G_CALLBACK (on_dpi_input), NULL);
  on_dpi_output (self->dpi_spin, NULL);
  g_signal_connect_swapped (self->size_row, "notify::selected",
                            G_CALLBACK (on_size_selected), self);
  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->transparent_switch, "notify::active",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed",
                            G_CALLBACK (on_choice_changed), self);
}

/**
 * plateau_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @exportable: the chart view or graph page to export
 *
 * Creates the dialog, set to a Full HD PNG in the screen's theme. Present
 * it with gtk_window_present(); connect to ::exported to hear of success.
 *
 * Returns: (transfer full): a new export dialog
 */
PlateauExportDialog *
plateau_export_dialog_new (GtkWindow         *parent,
                           PlateauExportable *exportable)
{
  PlateauExportDialog *self;
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (exportable), NULL);

  self = g_object_new (PLATEAU_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->exportable = g_object_ref (exportable);
  adw_combo_row_set_selected (self->size_row, PLATEAU_EXPORT_SIZE_FULL_HD);
  adw_combo_row_set_selected (self->theme_row, adw_style_manager_get_dark (style)
                                               ? PLATEAU_THEME_DARK : PLATEAU_THEME_LIGHT);
  apply_preset (self);
  update_preview (self);

  return self;
}

/**
 * plateau_export_dialog_set_format:
 * @self: an export dialog
 * @format: PNG, SVG or PDF
 *
 * Chooses the file format.
 */
void
plateau_export_dialog_set_format (PlateauExportDialog *self,
                                  PlateauExportFormat  format)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, format);
}

/**
 * plateau_export_dialog_set_size:
 * @self: an export dialog
 * @size: a preset, or %PLATEAU_EXPORT_SIZE_CUSTOM
 *
 * Chooses a size preset; presets also set the resolution.
 */
void
plateau_export_dialog_set_size (PlateauExportDialog *self,
                                PlateauExportSize    size)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->size_row, size);
}

/**
 * plateau_export_dialog_set_custom_size:
 * @self: an export dialog
 * @width: the width in pixels
 * @height: the height in pixels
 *
 * Switches to a custom size.
 */
void
plateau_export_dialog_set_custom_size (PlateauExportDialog *self,
                                       int                  width,
                                       int                  height)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->size_row, PLATEAU_EXPORT_SIZE_CUSTOM);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

/**
 * plateau_export_dialog_set_dpi:
 * @self: an export dialog
 * @dpi: dots per inch, or 0 to scale the drawing with its size
 *
 * Sets the resolution the drawing is scaled for.
 */
void
plateau_export_dialog_set_dpi (PlateauExportDialog *self,
                               double               dpi)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

/**
 * plateau_export_dialog_set_theme:
 * @self: an export dialog
 * @theme: light, dark or presentation
 *
 * Chooses the theme of the export.
 */
void
plateau_export_dialog_set_theme (PlateauExportDialog *self,
                                 PlateauThemeKind     theme)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->theme_row, theme);
}

/**
 * plateau_export_dialog_set_transparent:
 * @self: an export dialog
 * @transparent: whether to leave the background unpainted
 *
 * Chooses the background of the export.
 */
void
plateau_export_dialog_set_transparent (PlateauExportDialog *self,
                                       gboolean             transparent)
{
  g_return_if_fail (PLATEAU_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->transparent_switch, transparent);
}

/**
 * plateau_export_dialog_get_preview:
 * @self: an export dialog
 *
 * Brings the preview up to date with the choices.
 *
 * Returns: (transfer none): the preview image
 */
GdkPaintable *
plateau_export_dialog_get_preview (PlateauExportDialog *self)
{
  g_return_val_if_fail (PLATEAU_IS_EXPORT_DIALOG (self), NULL);

  g_clear_handle_id (&self->preview_idle, g_source_remove);
  update_preview (self);
  return gtk_picture_get_paintable (self->preview);
}

/**
 * plateau_export_dialog_save_to:
 * @self: an export dialog
 * @file: where to write
 * @error: return location for an error naming @file
 *
 * Writes the picture with the dialog's choices and emits ::exported.
 *
 * Returns: whether the file was written
 */
gboolean
plateau_export_dialog_save_to (PlateauExportDialog *self,
                               GFile               *file,
                               GError             **error)
{
  PlateauExportOptions options;
  PlateauThemeKind kind;

  g_return_val_if_fail (PLATEAU_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plateau_export_dialog_get_options (self, &options, &kind);
  if (!plateau_exportable_export (self->exportable, plateau_theme_get (kind), &options, file,
                                  error))
    return FALSE;

  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, file);
  return TRUE;
}
