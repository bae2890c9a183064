/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Export, copy and print for anything that can draw itself at any size.
 * PNG, SVG and PDF follow the same sizing rule as the chart engine: the
 * picture is scaled as a whole, so type and lines keep their proportions.
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "plateau-exportable.h"

#define MAX_PIXELS 16384

G_DEFINE_INTERFACE (PlateauExportable, plateau_exportable, G_TYPE_OBJECT)

static void
plateau_exportable_default_init (PlateauExportableInterface *iface)
{
}

/**
 * plateau_exportable_get_title:
 * @self: an exportable
 *
 * Returns: (transfer full): the title of the picture, never %NULL
 */
char *
plateau_exportable_get_title (PlateauExportable *self)
{
  PlateauExportableInterface *iface;
  char *title = NULL;

  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (self), NULL);

  iface = PLATEAU_EXPORTABLE_GET_IFACE (self);
  if (iface->get_title != NULL)
    title = iface->get_title (self);

  return title != NULL && *title != '\0' ? title : (g_free (title), g_strdup (_("Untitled")));
}

/**
 * plateau_exportable_is_ready:
 * @self: an exportable
 *
 * Returns: whether @self has something to draw
 */
gboolean
plateau_exportable_is_ready (PlateauExportable *self)
{
  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (self), FALSE);

  return PLATEAU_EXPORTABLE_GET_IFACE (self)->is_ready (self);
}

/**
 * plateau_exportable_draw:
 * @self: an exportable
 * @cr: any cairo context
 * @theme: the theme to draw in
 * @width: the width to fill, in user units of @cr
 * @height: the height to fill
 * @transparent: leave the background unpainted
 *
 * Draws the picture; scale @cr beforehand to enlarge it as a whole.
 */
void
plateau_exportable_draw (PlateauExportable  *self,
                         cairo_t            *cr,
                         const PlateauTheme *theme,
                         double              width,
                         double              height,
                         gboolean            transparent)
{
  g_return_if_fail (PLATEAU_IS_EXPORTABLE (self));
  g_return_if_fail (cr != NULL && theme != NULL);

  cairo_save (cr);
  PLATEAU_EXPORTABLE_GET_IFACE (self)->draw (self, cr, theme, width, height, transparent);
  cairo_restore (cr);
}

/**
 * plateau_exportable_render_image:
 * @self: an exportable
 * @theme: the theme to draw in
 * @options: the size, scale and background
 *
 * Returns: (transfer full): an ARGB32 image of options->width × height
 */
cairo_surface_t *
plateau_exportable_render_image (PlateauExportable          *self,
                                 const PlateauTheme         *theme,
                                 const PlateauExportOptions *options)
{
  double scale = plateau_export_options_scale (options, theme);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width, options->height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  plateau_exportable_draw (self, cr, theme, options->width / scale, options->height / scale,
                           options->transparent);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

typedef struct
{
  GOutputStream *stream;
  GError *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_vector_surface (PlateauExportable          *self,
                       const PlateauExportOptions *options,
                       Sink                       *sink,
                       double                      width,
                       double                      height)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;

  if (options->format == PLATEAU_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    }

  title = plateau_exportable_get_title (self);
  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plateau");
  return surface;
}

static cairo_status_t
write_vector (PlateauExportable          *self,
              const PlateauTheme         *theme,
              const PlateauExportOptions *options,
              Sink                       *sink)
{
  double scale = plateau_export_options_scale (options, theme);
  double w = options->width / scale, h = options->height / scale;
  cairo_surface_t *surface = create_vector_surface (self, options, sink, w, h);
  cairo_status_t status;
  cairo_t *cr;

  cr = cairo_create (surface);
  plateau_exportable_draw (self, cr, theme, w, h, options->transparent);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static cairo_status_t
write_png (PlateauExportable          *self,
           const PlateauTheme         *theme,
           const PlateauExportOptions *options,
           Sink                       *sink)
{
  cairo_surface_t *surface = plateau_exportable_render_image (self, theme, options);
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
report_failure (Sink           *sink,
                cairo_status_t  status,
                const char     *name,
                GError        **error)
{
  plateau_output_stream_abandon (sink->stream);
  if (sink->error != NULL)
    g_propagate_prefixed_error (error, sink->error, _("Cannot write %s: "), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), name,
                 cairo_status_to_string (status));
  return FALSE;
}

/**
 * plateau_exportable_export:
 * @self: an exportable
 * @theme: the theme to draw in
 * @options: format, size, scale and background
 * @file: where to write; replaced atomically
 * @error: return location for an error naming @file
 *
 * Writes the picture as PNG, SVG or PDF.
 *
 * Returns: whether the file was written
 */
gboolean
plateau_exportable_export (PlateauExportable          *self,
                           const PlateauTheme         *theme,
                           const PlateauExportOptions *options,
                           GFile                      *file,
                           GError                    **error)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autofree char *name = NULL;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (self), FALSE);
  g_return_val_if_fail (theme != NULL && options != NULL && G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  if (options->width < 16 || options->height < 16 || options->width > MAX_PIXELS
      || options->height > MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export %s: a size of %d × %d pixels is out of range"),
                   name, options->width, options->height);
      return FALSE;
    }

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  sink.stream = G_OUTPUT_STREAM (out);
  status = options->format == PLATEAU_EXPORT_PNG ? write_png (self, theme, options, &sink)
                                                 : write_vector (self, theme, options, &sink);
  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    return report_failure (&sink, status, name, error);

  return g_output_stream_close (sink.stream, NULL, error);
}

/**
 * plateau_exportable_to_texture:
 * @self: an exportable
 * @theme: the theme to draw in
 * @width: the width in pixels
 * @height: the height in pixels
 *
 * Returns: (transfer full): the picture as a texture, scaled as exports are
 */
GdkTexture *
plateau_exportable_to_texture (PlateauExportable  *self,
                               const PlateauTheme *theme,
                               int                 width,
                               int                 height)
{
  PlateauExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;

  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  options.width = width;
  options.height = height;
  surface = plateau_exportable_render_image (self, theme, &options);

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian
   * machines, the layout GDK calls its default format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) height * cairo_image_surface_get_stride (surface));
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

/**
 * plateau_exportable_copy:
 * @self: an exportable
 * @clipboard: the clipboard to put the image on
 *
 * Puts a 1920 × 1080 image of the picture, in the screen's theme, on
 * @clipboard.
 */
void
plateau_exportable_copy (PlateauExportable *self,
                         GdkClipboard      *clipboard)
{
  g_autoptr (GdkTexture) texture = NULL;

  g_return_if_fail (PLATEAU_IS_EXPORTABLE (self));
  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  texture = plateau_exportable_to_texture (self, plateau_exportable_screen_theme (), 1920, 1080);
  gdk_clipboard_set_texture (clipboard, texture);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* Fills the width of the printable area in the shape of the theme's default
 * canvas; paper always gets the light theme. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PlateauExportable *self)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw = gtk_print_context_get_width (context);
  double ph = gtk_print_context_get_height (context);
  double aspect = theme->default_height / theme->default_width;
  double h = MIN (ph, pw * aspect), w = h / aspect;
  double scale = MAX (0.5, MIN (w / theme->default_width, h / theme->default_height));

  cairo_translate (cr, (pw - w) / 2, 0);
  cairo_scale (cr, scale, scale);
  plateau_exportable_draw (self, cr, theme, w / scale, h / scale, TRUE);
}

/**
 * plateau_exportable_print:
 * @self: an exportable
 * @parent: (nullable): the window the print dialog belongs to
 * @export_filename: (nullable): write a PDF here without a dialog
 * @error: return location for an error
 *
 * Prints the picture through GtkPrintOperation on one landscape page, with
 * the same renderer as the screen. With @export_filename, the page is
 * written to that PDF file instead of being sent to a printer.
 *
 * Returns: %FALSE when printing failed; a cancelled dialog is no failure
 */
gboolean
plateau_exportable_print (PlateauExportable *self,
                          GtkWindow         *parent,
                          const char        *export_filename,
                          GError           **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *title = plateau_exportable_get_title (self);
  GtkPrintOperationResult result;

  g_return_val_if_fail (PLATEAU_IS_EXPORTABLE (self), FALSE);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);

  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  result = gtk_print_operation_run (operation,
                                    export_filename != NULL
                                    ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                    : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * plateau_exportable_screen_theme:
 *
 * Returns: (transfer none): the chart theme matching the current light or
 *   dark style of the application
 */
const PlateauTheme *
plateau_exportable_screen_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return plateau_theme_get (adw_style_manager_get_dark (manager) ? PLATEAU_THEME_DARK
                                                                 : PLATEAU_THEME_LIGHT);
}
