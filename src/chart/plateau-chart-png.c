/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG writer for chart images. Cairo's own writer always uses zlib's
 * default effort and adaptive filtering, which for a 1920×1080 chart takes
 * far longer than drawing it. Charts are large flat areas and thin lines,
 * which deflate finds as runs without any filter: unfiltered rows at a low
 * zlib level give files smaller than the "up" filter and in less time.
 *
 * Even so, deflating two million pixels is most of an export's time, so the
 * rows are cut into bands that are converted and deflated on one thread
 * each. Every band is a raw deflate stream primed with the 32 KiB of rows
 * above it, as if it followed them in one stream; all but the last end on
 * a byte boundary (a sync flush), so that the bands laid end to end are one
 * valid zlib stream, whose checksum is combined from theirs. The chunks
 * around it are few and simple enough to write here, which also records
 * the DPI (pHYs), so that a page-sized export prints at its intended size,
 * and drops the alpha channel when the image is opaque.
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "plateau-chart-png.h"

/* On charts, level 1 is hardly faster than 3 and makes files 4 % larger. */
#define LEVEL 3
/* Half of zlib's usual hash table stays in the cache and, on charts, finds
 * the same matches: a tenth faster, for files of the same size. */
#define MEM_LEVEL 7
/* Deflate looks back at most this far: the history a band starts with. */
#define WINDOW 32768
/* A band smaller than this costs more in thread start-up than it saves. */
#define MIN_BAND_BYTES (256 * 1024)
#define MAX_BANDS 8
/* Rows are converted and fed to deflate this many at a time, to stay in cache. */
#define ROWS_PER_STEP 8

typedef struct
{
  const guint8 *data;
  int stride;
  int width;
  gboolean alpha;
  int first_row;
  int n_rows;
  gboolean last;

  /* What the band's thread hands back. */
  guint8 *out;
  gsize out_len;
  gsize out_size;
  guint32 adler;
  gsize in_len;
  gboolean failed;
} Band;

static gsize
row_bytes (const Band *band)
{
  return 1 + (gsize) band->width * (band->alpha ? 4 : 3);
}

/* Cairo stores premultiplied native-endian ARGB; PNG wants a filter byte
 * (0, none) and straight RGB(A) bytes. */
static void
convert_row (const guint32 *src,
             guint8        *dst,
             int            width,
             gboolean       alpha)
{
  *dst++ = 0;
  if (!alpha)
    {
      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];

          dst[0] = p >> 16;
          dst[1] = p >> 8;
          dst[2] = p;
          dst += 3;
        }
      return;
    }

  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      dst[0] = r;
      dst[1] = g;
      dst[2] = b;
      dst[3] = a;
      dst += 4;
    }
}

static void
convert_rows (const Band *band,
              int         first,
              int         n,
              guint8     *dst)
{
  for (int y = first; y < first + n; y++)
    {
      convert_row ((const guint32 *) (band->data + (gsize) y * band->stride), dst,
                   band->width, band->alpha);
      dst += row_bytes (band);
    }
}

/* Gives deflate the rows just above the band as its history, so that the
 * band's first rows compress as well as in one stream. */
static gboolean
prime_with_rows_above (const Band *band,
                       z_stream   *z)
{
  int n = (int) MIN ((gsize) band->first_row, (WINDOW + row_bytes (band) - 1) / row_bytes (band));
  gsize length = (gsize) n * row_bytes (band);
  g_autofree guint8 *above = g_malloc (length);
  gsize used = MIN (length, WINDOW);

  convert_rows (band, band->first_row - n, n, above);

  return deflateSetDictionary (z, above + length - used, (uInt) used) == Z_OK;
}

/* Runs deflate until it has taken all its input (and, when @flush asks,
 * written everything out), growing the output as needed. */
static gboolean
deflate_all (Band     *band,
             z_stream *z,
             int       flush)
{
  do
    {
      int status;

      if (band->out_size - band->out_len < 1024)
        {
          band->out_size = MAX (band->out_size * 2, 64 * 1024);
          band->out = g_realloc (band->out, band->out_size);
        }
      z->next_out = band->out + band->out_len;
      z->avail_out = (uInt) (band->out_size - band->out_len);
      status = deflate (z, flush);
      band->out_len = band->out_size - z->avail_out;
      if (status == Z_STREAM_ERROR)
        return FALSE;
    }
  while (z->avail_out == 0 || z->avail_in > 0);

  return TRUE;
}

static gboolean
deflate_band (Band     *band,
              z_stream *z)
{
  g_autofree guint8 *rows = g_malloc (ROWS_PER_STEP * row_bytes (band));

  if (band->first_row > 0 && !prime_with_rows_above (band, z))
    return FALSE;

  band->adler = adler32 (0, NULL, 0);
  for (int y = band->first_row; y < band->first_row + band->n_rows; y += ROWS_PER_STEP)
    {
      int n = MIN (ROWS_PER_STEP, band->first_row + band->n_rows - y);
      gsize length = (gsize) n * row_bytes (band);

      convert_rows (band, y, n, rows);
      band->adler = adler32 (band->adler, rows, (uInt) length);
      band->in_len += length;
      z->next_in = rows;
      z->avail_in = (uInt) length;
      if (!deflate_all (band, z, Z_NO_FLUSH))
        return FALSE;
    }

  return deflate_all (band, z, band->last ? Z_FINISH : Z_SYNC_FLUSH);
}

static gpointer
band_thread (gpointer data)
{
  Band *band = data;
  z_stream z = { 0 };

  /* Negative window bits: a raw stream, without zlib's header and checksum. */
  if (deflateInit2 (&z, LEVEL, Z_DEFLATED, -15, MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      band->failed = TRUE;
      return NULL;
    }
  band->failed = !deflate_band (band, &z);
  deflateEnd (&z);

  return NULL;
}

typedef struct
{
  cairo_write_func_t write;
  void *closure;
  gboolean failed;
  guint32 crc;
} PngSink;

static void
sink_write (PngSink      *sink,
            const guint8 *data,
            gsize         length)
{
  if (!sink->failed && length > 0
      && sink->write (sink->closure, data, (unsigned int) length) != CAIRO_STATUS_SUCCESS)
    sink->failed = TRUE;
}

static void
put_u32 (guint8  *p,
         guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* A chunk is its length, its type, its data and the CRC of type and data;
 * the data may come in several pieces between chunk_begin() and chunk_end(). */
static void
chunk_begin (PngSink    *sink,
             const char *type,
             gsize       length)
{
  guint8 head[8];

  put_u32 (head, (guint32) length);
  memcpy (head + 4, type, 4);
  sink_write (sink, head, 8);
  sink->crc = crc32 (crc32 (0, NULL, 0), head + 4, 4);
}

static void
chunk_data (PngSink      *sink,
            const guint8 *data,
            gsize         length)
{
  /* No data at all: crc32() would take a null pointer as a request for
   * its initial value. */
  if (length == 0)
    return;

  sink_write (sink, data, length);
  sink->crc = crc32 (sink->crc, data, (uInt) length);
}

static void
chunk_end (PngSink *sink)
{
  guint8 crc[4];

  put_u32 (crc, sink->crc);
  sink_write (sink, crc, 4);
}

static void
write_chunk (PngSink      *sink,
             const char   *type,
             const guint8 *data,
             gsize         length)
{
  chunk_begin (sink, type, length);
  chunk_data (sink, data, length);
  chunk_end (sink);
}

static void
write_header (PngSink *sink,
              int      width,
              int      height,
              gboolean alpha,
              double   dpi)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* 8 bits a sample, colour type 2 (RGB) or 6 (RGBA), deflate, adaptive
   * filtering (the only method: each row says its filter), no interlacing. */
  guint8 ihdr[13] = { 0, 0, 0, 0, 0, 0, 0, 0, 8, alpha ? 6 : 2, 0, 0, 0 };

  sink_write (sink, signature, sizeof signature);
  put_u32 (ihdr, (guint32) width);
  put_u32 (ihdr + 4, (guint32) height);
  write_chunk (sink, "IHDR", ihdr, sizeof ihdr);
  if (dpi > 0)
    {
      guint32 per_metre = (guint32) (dpi / 0.0254 + 0.5);
      guint8 phys[9] = { 0 };

      put_u32 (phys, per_metre);
      put_u32 (phys + 4, per_metre);
      phys[8] = 1;                          /* the unit is the metre */
      write_chunk (sink, "pHYs", phys, sizeof phys);
    }
}

/* zlib's header: deflate with a 32 KiB window, no preset dictionary and
 * the effort (0 fastest, 1 fast, 2 default, 3 best), then check bits that
 * make the pair a multiple of 31. */
static void
zlib_header (guint8 header[2])
{
  guint effort = LEVEL < 2 ? 0 : LEVEL < 6 ? 1 : LEVEL == 6 ? 2 : 3;

  header[0] = 0x78;
  header[1] = effort << 6;
  header[1] += 31 - (header[0] * 256 + header[1]) % 31;
}

/* The bands' streams laid end to end, between zlib's two-byte header and
 * the Adler-32 of all the rows, each band in an IDAT chunk of its own. */
static void
write_image_data (PngSink    *sink,
                  const Band *bands,
                  int         n_bands)
{
  guint32 adler = adler32 (0, NULL, 0);
  guint8 header[2], trailer[4];

  zlib_header (header);
  for (int i = 0; i < n_bands; i++)
    {
      gsize length = bands[i].out_len + (i == 0 ? 2 : 0) + (i == n_bands - 1 ? 4 : 0);

      adler = adler32_combine (adler, bands[i].adler, (z_off_t) bands[i].in_len);
      chunk_begin (sink, "IDAT", length);
      if (i == 0)
        chunk_data (sink, header, 2);
      chunk_data (sink, bands[i].out, bands[i].out_len);
      if (i == n_bands - 1)
        {
          put_u32 (trailer, adler);
          chunk_data (sink, trailer, 4);
        }
      chunk_end (sink);
    }
}

static int
default_bands (cairo_surface_t *image)
{
  gsize bytes = (gsize) cairo_image_surface_get_width (image) * 3
                * cairo_image_surface_get_height (image);

  return (int) CLAMP (MIN (g_get_num_processors (), bytes / MIN_BAND_BYTES), 1, MAX_BANDS);
}

/**
 * plateau_chart_write_png_in_bands:
 * @image: an ARGB32 image surface
 * @dpi: the resolution to record, or 0 for none
 * @opaque: whether every pixel is opaque (the alpha channel is then left out)
 * @n_bands: how many bands of rows to deflate at once (at most one a row)
 * @write: where the bytes go
 * @closure: data for @write
 *
 * Encodes @image as PNG, deflating @n_bands bands of rows on as many
 * threads. Every thread has ended when this returns.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, %CAIRO_STATUS_NO_MEMORY when deflate
 *   could not work, or %CAIRO_STATUS_WRITE_ERROR.
 */
cairo_status_t
plateau_chart_write_png_in_bands (cairo_surface_t    *image,
                                  double              dpi,
                                  gboolean            opaque,
                                  int                 n_bands,
                                  cairo_write_func_t  write,
                                  void               *closure)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  PngSink sink = { write, closure, FALSE, 0 };
  Band bands[MAX_BANDS] = { { 0 } };
  GThread *threads[MAX_BANDS] = { NULL };
  gboolean failed = FALSE;

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32,
                        CAIRO_STATUS_INVALID_FORMAT);
  g_return_val_if_fail (width > 0 && height > 0, CAIRO_STATUS_INVALID_SIZE);

  cairo_surface_flush (image);
  n_bands = CLAMP (n_bands, 1, MIN (height, MAX_BANDS));
  for (int i = 0; i < n_bands; i++)
    {
      bands[i].data = cairo_image_surface_get_data (image);
      bands[i].stride = cairo_image_surface_get_stride (image);
      bands[i].width = width;
      bands[i].alpha = !opaque;
      bands[i].first_row = (int) ((gint64) height * i / n_bands);
      bands[i].n_rows = (int) ((gint64) height * (i + 1) / n_bands) - bands[i].first_row;
      bands[i].last = i == n_bands - 1;
    }

  /* The first band is this thread's; a band whose thread cannot start is
   * done here too, after it. */
  for (int i = 1; i < n_bands; i++)
    threads[i] = g_thread_try_new ("png-band", band_thread, &bands[i], NULL);
  band_thread (&bands[0]);
  for (int i = 1; i < n_bands; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      else
        band_thread (&bands[i]);
    }

  for (int i = 0; i < n_bands; i++)
    failed |= bands[i].failed;
  if (!failed)
    {
      write_header (&sink, width, height, !opaque, dpi);
      write_image_data (&sink, bands, n_bands);
      write_chunk (&sink, "IEND", NULL, 0);
    }

  for (int i = 0; i < n_bands; i++)
    g_free (bands[i].out);
  if (failed)
    return CAIRO_STATUS_NO_MEMORY;

  return sink.failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/**
 * plateau_chart_write_png:
 * @image: an ARGB32 image surface
 * @dpi: the resolution to record, or 0 for none
 * @opaque: whether every pixel is opaque (the alpha channel is then left out)
 * @write: where the bytes go
 * @closure: data for @write
 *
 * Encodes @image as PNG, on as many threads as there are processors for
 * a large image.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or an error status.
 */
cairo_status_t
plateau_chart_write_png (cairo_surface_t    *image,
                         double              dpi,
                         gboolean            opaque,
                         cairo_write_func_t  write,
                         void               *closure)
{
  return plateau_chart_write_png_in_bands (image, dpi, opaque, default_bands (image), write,
                                           closure);
}
