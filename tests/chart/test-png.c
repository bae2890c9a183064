/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PNG writer: what it writes is read back by another decoder (Cairo's,
 * through libpng) and must give every pixel exactly, opaque or not, at odd
 * sizes and with more bands than rows; the chunks must be well formed, the
 * DPI recorded, a failed write reported and no thread left behind.
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "plateau-chart-png.h"

typedef struct
{
  GByteArray *bytes;
  gsize limit;                /* fail once this many bytes are written */
} Buffer;

static cairo_status_t
buffer_write (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Buffer *buffer = closure;

  if (buffer->bytes->len + length > buffer->limit)
    return CAIRO_STATUS_WRITE_ERROR;
  g_byte_array_append (buffer->bytes, data, length);

  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
} Reader;

static cairo_status_t
reader_read (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

/* Noise on the left, which deflate cannot shorten, and on the right a
 * pattern that repeats every five rows, so that rows at the top of a band
 * refer back to the rows above it. Transparent images get every alpha,
 * 0 and 255 included, with colours premultiplied as Cairo keeps them. */
static cairo_surface_t *
make_image (int      width,
            int      height,
            gboolean opaque,
            guint32  seed)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int stride = cairo_image_surface_get_stride (image);
  guint8 *data = cairo_image_surface_get_data (image);
  GRand *rand = g_rand_new_with_seed (seed);

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pattern = (guint32) ((y % 5) * 977 + x) * 2654435761u;
          guint32 v = x < width / 2 ? g_rand_int (rand) : pattern;
          guint a = opaque ? 255 : v >> 24;
          guint r = ((v >> 16) & 0xff) * a / 255, g = ((v >> 8) & 0xff) * a / 255;
          guint b = (v & 0xff) * a / 255;

          row[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
  g_rand_free (rand);
  cairo_surface_mark_dirty (image);

  return image;
}

static guint32
get_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the chunks: each CRC right, IHDR first and as asked, IEND last.
 * Returns how many IDAT chunks there are; *phys gets the pHYs data or NULL. */
static guint
check_chunks (GByteArray    *png,
              int            width,
              int            height,
              gboolean       opaque,
              const guint8 **phys)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize offset = 8;
  guint n_idat = 0;
  gboolean ended = FALSE;

  *phys = NULL;
  g_assert_cmpuint (png->len, >, 8);
  g_assert_cmpmem (png->data, 8, signature, 8);
  while (offset < png->len)
    {
      const guint8 *chunk = png->data + offset;
      guint32 length;

      g_assert_false (ended);
      g_assert_cmpuint (offset + 12, <=, png->len);
      length = get_u32 (chunk);
      g_assert_cmpuint (offset + 12 + length, <=, png->len);
      g_assert_cmphex (get_u32 (chunk + 8 + length), ==,
                       crc32 (crc32 (0, NULL, 0), chunk + 4, length + 4));
      if (offset == 8)
        {
          g_assert_cmpmem (chunk + 4, 4, "IHDR", 4);
          g_assert_cmpuint (length, ==, 13);
          g_assert_cmpuint (get_u32 (chunk + 8), ==, width);
          g_assert_cmpuint (get_u32 (chunk + 12), ==, height);
          g_assert_cmpuint (chunk[16], ==, 8);
          g_assert_cmpuint (chunk[17], ==, opaque ? 2 : 6);
        }
      if (memcmp (chunk + 4, "IDAT", 4) == 0)
        n_idat++;
      if (memcmp (chunk + 4, "pHYs", 4) == 0)
        *phys = chunk + 8;
      ended = memcmp (chunk + 4, "IEND", 4) == 0;
      offset += 12 + length;
    }
  g_assert_true (ended);

  return n_idat;
}

/* Decodes @png with Cairo's reader and compares every pixel with @image. */
static void
assert_decodes_to (GByteArray      *png,
                   cairo_surface_t *image,
                   gboolean         opaque)
{
  Reader reader = { png->data, png->len, 0 };
  cairo_surface_t *back = cairo_image_surface_create_from_png_stream (reader_read, &reader);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  guint32 mask = opaque ? 0x00ffffff : 0xffffffff;

  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (back), ==,
                   opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (image)
                                             + (gsize) y * cairo_image_surface_get_stride (image));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (back)
                                             + (gsize) y * cairo_image_surface_get_stride (back));

      for (int x = 0; x < width; x++)
        if ((a[x] & mask) != (b[x] & mask))
          g_error ("pixel %d,%d of %d×%d: wrote %08x, read %08x", x, y, width, height,
                   a[x] & mask, b[x] & mask);
    }
  cairo_surface_destroy (back);
}

static void
test_round_trip (void)
{
  static const int sizes[][2] = {
    { 1, 1 }, { 3, 7 }, { 1, 5 }, { 1000, 1 }, { 17, 3 }, { 61, 9 }, { 257, 130 }, { 333, 64 },
  };
  static const int band_counts[] = { 1, 2, 3, 4, 8 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int opaque = 0; opaque <= 1; opaque++)
      for (guint k = 0; k < G_N_ELEMENTS (band_counts); k++)
        {
          int width = sizes[s][0], height = sizes[s][1];
          cairo_surface_t *image = make_image (width, height, opaque, s * 31 + k);
          g_autoptr (GByteArray) png = g_byte_array_new ();
          Buffer buffer = { png, G_MAXSIZE };
          const guint8 *phys;

          g_assert_cmpint (plateau_chart_write_png_in_bands (image, 0, opaque, band_counts[k],
                                                             buffer_write, &buffer),
                           ==, CAIRO_STATUS_SUCCESS);
          /* One IDAT a band, and never more bands than rows. */
          g_assert_cmpuint (check_chunks (png, width, height, opaque, &phys), ==,
                            MIN (band_counts[k], height));
          g_assert_null (phys);
          assert_decodes_to (png, image, opaque);
          cairo_surface_destroy (image);
        }
}

/* A full-size image through the writer's own choice of bands. */
static void
test_large_default (void)
{
  for (int opaque = 0; opaque <= 1; opaque++)
    {
      cairo_surface_t *image = make_image (1920, 1080, opaque, 7);
      g_autoptr (GByteArray) png = g_byte_array_new ();
      Buffer buffer = { png, G_MAXSIZE };
      const guint8 *phys;

      g_assert_cmpint (plateau_chart_write_png (image, 0, opaque, buffer_write, &buffer), ==,
                       CAIRO_STATUS_SUCCESS);
      check_chunks (png, 1920, 1080, opaque, &phys);
      assert_decodes_to (png, image, opaque);
      cairo_surface_destroy (image);
    }
}

/* 300 dpi is 11811 pixels per metre (unit 1) on both axes. */
static void
test_dpi (void)
{
  cairo_surface_t *image = make_image (40, 30, TRUE, 3);
  g_autoptr (GByteArray) png = g_byte_array_new ();
  Buffer buffer = { png, G_MAXSIZE };
  const guint8 *phys;

  g_assert_cmpint (plateau_chart_write_png_in_bands (image, 300, TRUE, 2, buffer_write, &buffer),
                   ==, CAIRO_STATUS_SUCCESS);
  check_chunks (png, 40, 30, TRUE, &phys);
  g_assert_nonnull (phys);
  g_assert_cmpuint (get_u32 (phys), ==, 11811);
  g_assert_cmpuint (get_u32 (phys + 4), ==, 11811);
  g_assert_cmpuint (phys[8], ==, 1);
  assert_decodes_to (png, image, TRUE);
  cairo_surface_destroy (image);
}

static guint
count_threads (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A sink that fails, at the start or part way, is reported, and every
 * band's thread has ended by the time the writer returns. */
static void
test_write_error (void)
{
  static const gsize limits[] = { 0, 8, 40, 5000 };
  cairo_surface_t *image = make_image (300, 200, TRUE, 5);
  guint threads = count_threads ();

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr (GByteArray) png = g_byte_array_new ();
      Buffer buffer = { png, limits[i] };

      g_assert_cmpint (plateau_chart_write_png_in_bands (image, 96, TRUE, 4, buffer_write,
                                                         &buffer),
                       ==, CAIRO_STATUS_WRITE_ERROR);
      g_assert_cmpuint (png->len, <=, limits[i]);
      g_assert_cmpuint (count_threads (), ==, threads);
    }
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png/round-trip", test_round_trip);
  g_test_add_func ("/png/large-default", test_large_default);
  g_test_add_func ("/png/dpi", test_dpi);
  g_test_add_func ("/png/write-error", test_write_error);

  return g_test_run ();
}
