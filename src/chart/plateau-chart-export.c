/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export of a chart to PNG, SVG and PDF through the one renderer. Files are
 * written through g_file_replace(), so a failed export never leaves a
 * truncated file in place of a good one.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "plateau-chart-export.h"
#include "plateau-chart-png.h"

#define MAX_PIXELS 16384
/* Images from this size on are asked to be backed by huge pages. */
#define LARGE_IMAGE_BYTES (4 << 20)
#define PT_PER_PX 0.75
#define SINK_BUFFER (64 * 1024)

static const PlateauExportPreset presets[] = {
  { "1280x720", 1280, 720, 0 },
  { "1920x1080", 1920, 1080, 0 },
  { "3840x2160", 3840, 2160, 0 },
  /* Landscape pages at 300 dpi, the usual resolution for print. */
  { "a4", 3508, 2480, 300 },
  { "letter", 3300, 2550, 300 },
};

/**
 * plateau_export_get_presets:
 * @n_presets: (out): how many presets there are
 *
 * Returns: (array length=n_presets) (transfer none): the size presets.
 */
const PlateauExportPreset *
plateau_export_get_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/**
 * plateau_export_format_from_name:
 * @name: "png", "svg" or "pdf"
 * @format: (out): the format named
 *
 * Returns: whether @name names a format.
 */
gboolean
plateau_export_format_from_name (const char          *name,
                                 PlateauExportFormat *format)
{
  static const char *const names[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * plateau_export_parse_size:
 * @text: "WIDTHxHEIGHT" in pixels, or a preset name ("a4", "letter", …)
 * @width: (out): the width in pixels
 * @height: (out): the height in pixels
 * @dpi: (out): the preset's DPI, or 0 when @text gives none
 * @error: return location for a parse error
 *
 * Returns: whether @text is a valid size.
 */
gboolean
plateau_export_parse_size (const char  *text,
                           int         *width,
                           int         *height,
                           double      *dpi,
                           GError     **error)
{
  char *end = NULL;
  long w, h;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (g_ascii_strcasecmp (text, presets[i].name) == 0)
        {
          *width = presets[i].width;
          *height = presets[i].height;
          *dpi = presets[i].dpi;
          return TRUE;
        }
    }

  w = strtol (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    goto invalid;
  text = end + 1;
  h = strtol (text, &end, 10);
  if (end == text || *end != '\0' || w < 16 || h < 16 || w > MAX_PIXELS || h > MAX_PIXELS)
    goto invalid;

  *width = (int) w;
  *height = (int) h;
  *dpi = 0;
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a size: give WIDTHxHEIGHT in pixels between 16 and %d, "
                 "or a4 or letter"), text, MAX_PIXELS);
  return FALSE;
}

/**
 * plateau_export_options_init:
 * @options: (out): the options to fill
 * @theme: the theme the chart will be drawn in
 * @format: the file format
 *
 * Fills @options with the theme's default size, scaled for a sharp image:
 * 1920×1080 for the presentation theme.
 */
void
plateau_export_options_init (PlateauExportOptions *options,
                             const PlateauTheme   *theme,
                             PlateauExportFormat   format)
{
  memset (options, 0, sizeof *options);
  options->format = format;
  options->width = (int) round (theme->default_width * 1.5);
  options->height = (int) round (theme->default_height * 1.5);
}

/**
 * plateau_export_options_scale:
 * @options: export options
 * @theme: the theme the chart will be drawn in
 *
 * Returns: how many pixels one user unit of the drawing covers.
 */
double
plateau_export_options_scale (const PlateauExportOptions *options,
                              const PlateauTheme         *theme)
{
  if (options->dpi > 0)
    return options->dpi / 96.0;

  return MAX (1.0, MIN (options->width / theme->default_width,
                        options->height / theme->default_height));
}

static cairo_user_data_key_t pixels_key;

/*
 * A full-HD image is 8 MB, which the kernel clears page by page as the
 * drawing first touches it: two thousand page faults, a quarter of a PNG
 * export. Backed by transparent huge pages it is four. Fresh memory is
 * clear, as a new image must be; where huge pages are not available the
 * advice changes nothing.
 */
static cairo_surface_t *
create_image (int width,
              int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  gsize bytes = (gsize) stride * MAX (height, 1);
  guint8 *pixels;
  cairo_surface_t *surface;

  if (stride <= 0 || bytes < LARGE_IMAGE_BYTES)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  pixels = g_try_malloc0 (bytes);
  if (pixels == NULL)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

#ifdef MADV_HUGEPAGE
  {
    guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
    guintptr start = ((guintptr) pixels + page - 1) / page * page;
    guintptr end = ((guintptr) pixels + bytes) / page * page;

    if (end > start)
      madvise ((void *) start, end - start, MADV_HUGEPAGE);
  }
#endif

  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, width, height,
                                                 stride);
  if (cairo_surface_set_user_data (surface, &pixels_key, pixels, g_free) !=
      CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_free (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }

  return surface;
}

/**
 * plateau_chart_render_image:
 * @chart: a chart
 * @theme: its theme
 * @options: the size and background (the format is ignored)
 *
 * Draws @chart into a new ARGB image, for PNG export and the clipboard.
 *
 * Returns: (transfer full): the image surface; check its status.
 */
cairo_surface_t *
plateau_chart_render_image (const PlateauChart         *chart,
                            const PlateauTheme         *theme,
                            const PlateauExportOptions *options)
{
  double scale = plateau_export_options_scale (options, theme);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = create_image (options->width, options->height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  plateau_chart_render (chart, theme, cr, options->width / scale, options->height / scale,
                        options->transparent ? PLATEAU_RENDER_TRANSPARENT : 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Cairo hands its output over in small pieces, a PDF in hundreds of them:
 * they are gathered here, so that the file gets a few large writes
 * rather than a system call for each piece. */
typedef struct
{
  GOutputStream *stream;
  GError *error;
  guint8 *buffer;
  gsize used;
} Sink;

static gboolean
sink_flush (Sink *sink)
{
  if (sink->error == NULL && sink->used > 0)
    g_output_stream_write_all (sink->stream, sink->buffer, sink->used, NULL, NULL, &sink->error);
  sink->used = 0;

  return sink->error == NULL;
}

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->used + length > SINK_BUFFER && !sink_flush (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (length >= SINK_BUFFER)
    {
      if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
        return CAIRO_STATUS_WRITE_ERROR;
      return CAIRO_STATUS_SUCCESS;
    }
  memcpy (sink->buffer + sink->used, data, length);
  sink->used += length;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_vector (const PlateauChart         *chart,
             const PlateauTheme         *theme,
             const PlateauExportOptions *options,
             Sink                       *sink)
{
  double scale = plateau_export_options_scale (options, theme);
  double w = options->width / scale, h = options->height / scale;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (options->format == PLATEAU_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, w, h);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      /* The drawing's units are 1/96 inch; PDF's are points, 1/72 inch. */
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, w * PT_PER_PX,
                                                     h * PT_PER_PX);
      if (plateau_chart_get_title (chart) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        plateau_chart_get_title (chart));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plateau");
    }

  cr = cairo_create (surface);
  if (options->format == PLATEAU_EXPORT_PDF)
    cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  plateau_chart_render (chart, theme, cr, w, h,
                        options->transparent ? PLATEAU_RENDER_TRANSPARENT : 0);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static cairo_status_t
draw_png (const PlateauChart         *chart,
          const PlateauTheme         *theme,
          const PlateauExportOptions *options,
          Sink                       *sink)
{
  cairo_surface_t *surface = plateau_chart_render_image (chart, theme, options);
  cairo_status_t status = cairo_surface_status (surface);

  /* A DPI asked for is recorded, so that a page-sized image prints at the
   * size of the page. */
  if (status == CAIRO_STATUS_SUCCESS)
    status = plateau_chart_write_png (surface, options->dpi,
                                      !options->transparent, sink_write, sink);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * plateau_output_stream_abandon:
 * @stream: a stream from g_file_replace()
 *
 * Closes @stream without replacing its file: closing a replacing stream
 * normally commits what was written, which after a failure would leave a
 * torn file where the old one was.
 */
void
plateau_output_stream_abandon (GOutputStream *stream)
{
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

/**
 * plateau_chart_export:
 * @chart: a chart
 * @theme: the theme to draw it in
 * @options: format, size, DPI and background
 * @file: where to write
 * @error: return location for an error naming the file
 *
 * Writes @chart to @file. PDF output embeds the subsets of the fonts it
 * uses, so the file reads the same on machines without them.
 *
 * Returns: whether the file was written.
 */
gboolean
plateau_chart_export (const PlateauChart         *chart,
                      const PlateauTheme         *theme,
                      const PlateauExportOptions *options,
                      GFile                      *file,
                      GError                    **error)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree guint8 *buffer = NULL;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (chart != NULL && theme != NULL && options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options->width < 1 || options->height < 1 || options->width > MAX_PIXELS
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
  sink.buffer = buffer = g_malloc (SINK_BUFFER);
  status = options->format == PLATEAU_EXPORT_PNG ? draw_png (chart, theme, options, &sink)
                                                 : draw_vector (chart, theme, options, &sink);
  if (status == CAIRO_STATUS_SUCCESS)
    sink_flush (&sink);
  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      plateau_output_stream_abandon (sink.stream);
      if (sink.error != NULL)
        g_propagate_prefixed_error (error, sink.error, _("Cannot write %s: "), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), name,
                     cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (sink.stream, NULL, error);
}
