/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "plateau-json-writer.h"

/*
 * Writes JSON text directly. Each container remembers whether it has had
 * a member yet, so commas and (when pretty) line breaks come out right.
 */
struct _PlateauJsonWriter
{
  GString *out;
  GArray *has_items;
  gboolean pretty;
  gboolean after_name;
};

/**
 * plateau_json_writer_new:
 * @pretty: whether to break lines and indent by two spaces
 *
 * Returns: (transfer full): a new writer
 */
PlateauJsonWriter *
plateau_json_writer_new (gboolean pretty)
{
  PlateauJsonWriter *self = g_new0 (PlateauJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->has_items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->pretty = pretty;

  return self;
}

/**
 * plateau_json_writer_free:
 * @self: a writer
 *
 * Frees the writer and whatever text it still holds.
 */
void
plateau_json_writer_free (PlateauJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->has_items);
  g_free (self);
}

/**
 * plateau_json_writer_steal:
 * @self: a writer whose containers are all closed
 * @length: (out) (optional): the text's length
 *
 * Takes the text written so far, ending it with a newline.
 *
 * Returns: (transfer full): the JSON text
 */
char *
plateau_json_writer_steal (PlateauJsonWriter *self,
                           gsize             *length)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->has_items->len == 0, NULL);

  out = self->out;
  self->out = g_string_new (NULL);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

static void
newline (PlateauJsonWriter *self)
{
  if (!self->pretty)
    return;

  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->has_items->len; i++)
    g_string_append (self->out, "  ");
}

/* Called before every value and member name: separates it from the last. */
static void
begin_item (PlateauJsonWriter *self)
{
  gboolean *has_items;

  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }

  if (self->has_items->len == 0)
    return;

  has_items = &g_array_index (self->has_items, gboolean, self->has_items->len - 1);
  if (*has_items)
    g_string_append_c (self->out, ',');
  *has_items = TRUE;
  newline (self);
}

static void
open_container (PlateauJsonWriter *self,
                char               bracket)
{
  gboolean none = FALSE;

  begin_item (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->has_items, none);
}

static void
close_container (PlateauJsonWriter *self,
                 char               bracket)
{
  gboolean had_items;

  g_return_if_fail (self->has_items->len > 0);

  had_items = g_array_index (self->has_items, gboolean, self->has_items->len - 1);
  g_array_set_size (self->has_items, self->has_items->len - 1);
  if (had_items)
    newline (self);
  g_string_append_c (self->out, bracket);
}

/**
 * plateau_json_writer_begin_object:
 * @self: a writer
 *
 * Opens an object.
 */
void
plateau_json_writer_begin_object (PlateauJsonWriter *self)
{
  open_container (self, '{');
}

/**
 * plateau_json_writer_end_object:
 * @self: a writer
 *
 * Closes the innermost object.
 */
void
plateau_json_writer_end_object (PlateauJsonWriter *self)
{
  close_container (self, '}');
}

/**
 * plateau_json_writer_begin_array:
 * @self: a writer
 *
 * Opens an array.
 */
void
plateau_json_writer_begin_array (PlateauJsonWriter *self)
{
  open_container (self, '[');
}

/**
 * plateau_json_writer_end_array:
 * @self: a writer
 *
 * Closes the innermost array.
 */
void
plateau_json_writer_end_array (PlateauJsonWriter *self)
{
  close_container (self, ']');
}

static void
append_string (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');

  for (const char *c = value; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *c);
          else
            g_string_append_c (out, *c);
        }
    }

  g_string_append_c (out, '"');
}

/**
 * plateau_json_writer_member:
 * @self: a writer inside an object
 * @name: the member's name, UTF-8
 *
 * Writes a member name; the next value written is its value.
 */
void
plateau_json_writer_member (PlateauJsonWriter *self,
                            const char        *name)
{
  begin_item (self);
  append_string (self->out, name);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_name = TRUE;
}

/**
 * plateau_json_writer_string:
 * @self: a writer
 * @value: (nullable): a UTF-8 string; %NULL writes null
 *
 * Writes a string.
 */
void
plateau_json_writer_string (PlateauJsonWriter *self,
                            const char        *value)
{
  if (value == NULL)
    {
      plateau_json_writer_null (self);
      return;
    }

  begin_item (self);
  append_string (self->out, value);
}

/**
 * plateau_json_format_double:
 * @value: a finite number
 * @buffer: where to write
 * @size: the buffer's size, at least G_ASCII_DTOSTR_BUF_SIZE
 *
 * Formats @value in the shortest of %.15g, %.16g and %.17g that reads back
 * as the same double, independent of the locale. The text is always valid
 * JSON: never "1e+17.0", never "inf".
 */
void
plateau_json_format_double (double  value,
                            char   *buffer,
                            gsize   size)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  g_return_if_fail (isfinite (value));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, size, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

/**
 * plateau_json_writer_double:
 * @self: a writer
 * @value: a number; a value that is not finite is written as null
 *
 * Writes a number that reads back exactly.
 */
void
plateau_json_writer_double (PlateauJsonWriter *self,
                            double             value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      plateau_json_writer_null (self);
      return;
    }

  begin_item (self);
  plateau_json_format_double (value, buffer, sizeof buffer);
  g_string_append (self->out, buffer);
}

/**
 * plateau_json_writer_int:
 * @self: a writer
 * @value: an integer
 *
 * Writes an integer.
 */
void
plateau_json_writer_int (PlateauJsonWriter *self,
                         gint64             value)
{
  begin_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/**
 * plateau_json_writer_boolean:
 * @self: a writer
 * @value: a truth value
 *
 * Writes true or false.
 */
void
plateau_json_writer_boolean (PlateauJsonWriter *self,
                             gboolean           value)
{
  begin_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

/**
 * plateau_json_writer_null:
 * @self: a writer
 *
 * Writes null.
 */
void
plateau_json_writer_null (PlateauJsonWriter *self)
{
  begin_item (self);
  g_string_append (self->out, "null");
}
