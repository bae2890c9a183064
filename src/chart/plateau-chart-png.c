/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG writer for chart images. Cairo's own writer always uses zlib's
 * default effort and adaptive filtering, which for a 1920×1080 chart takes
 * far longer than drawing it. Charts are large flat areas and thin lines,
 * which deflate finds as runs without any filter: unfiltered rows at a low
 * zlib level give files smaller than the "up" filter and in less time.
 * The writer also records the DPI (pHYs), so that a page-sized export
 * prints at its intended size, and drops the alpha channel when the image
 * is opaque.
 */

#include "config.h"

#include <png.h>
#include <setjmp.h>
#include <string.h>

#include "plateau-chart-png.h"

typedef struct
{
  cairo_write_func_t write;
  void *closure;
  gboolean failed;
} PngSink;

static void
sink_write (png_structp png,
            png_bytep   data,
            png_size_t  length)
{
  PngSink *sink = png_get_io_ptr (png);

  if (!sink->failed && sink->write (sink->closure, data, (unsigned int) length)
      != CAIRO_STATUS_SUCCESS)
    sink->failed = TRUE;
}

static void
sink_flush (png_structp png)
{
}

/* Cairo stores premultiplied native-endian ARGB; PNG wants straight RGB(A)
 * bytes. */
static void
convert_row (const guint32 *src,
             guint8        *dst,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (alpha && a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *dst++ = r;
      *dst++ = g;
      *dst++ = b;
      if (alpha)
        *dst++ = a;
    }
}

static void
write_rows (png_structp      png,
            cairo_surface_t *image,
            gboolean         alpha)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  g_autofree guint8 *row = g_malloc ((gsize) width * 4);

  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (data + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }
}

/**
 * plateau_chart_write_png:
 * @image: an ARGB32 image surface
 * @dpi: the resolution to record, or 0 for none
 * @opaque: whether every pixel is opaque (the alpha channel is then left out)
 * @write: where the bytes go
 * @closure: data for @write
 *
 * Encodes @image as PNG.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or %CAIRO_STATUS_WRITE_ERROR.
 */
cairo_status_t
plateau_chart_write_png (cairo_surface_t    *image,
                         double              dpi,
                         gboolean            opaque,
                         cairo_write_func_t  write,
                         void               *closure)
{
  PngSink sink = { write, closure, FALSE };
  volatile png_structp png;
  png_infop info = NULL;

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32,
                        CAIRO_STATUS_INVALID_FORMAT);

  cairo_surface_flush (image);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_structp p = png;

      png_destroy_write_struct (&p, &info);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, &sink, sink_write, sink_flush);
  png_set_IHDR (png, info, cairo_image_surface_get_width (image),
                cairo_image_surface_get_height (image), 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (dpi > 0)
    {
      png_uint_32 per_metre = (png_uint_32) (dpi / 0.0254 + 0.5);

      png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, 3);
  png_write_info (png, info);
  write_rows (png, image, !opaque);
  png_write_end (png, info);

  {
    png_structp p = png;

    png_destroy_write_struct (&p, &info);
  }
  return sink.failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}
