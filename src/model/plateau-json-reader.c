/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-json-reader-private.h"
#include "plateau-model-error.h"

/*
 * A strict JSON (RFC 8259) reader that builds json-glib nodes. json-glib
 * 1.6's own scanner reads some numbers inexactly (1e300 comes back as
 * 1.0000000000000001e+300) and overflows others silently, so documents are
 * read here: every number goes through g_ascii_strtod, which rounds
 * correctly, and every error names its line and column.
 */

typedef struct
{
  const char *p;
  const char *end;
  const char *line_start;
  guint line;
  guint depth;
  const char *display_name;
  GError **error;
} Reader;

static gboolean G_GNUC_PRINTF (2, 3)
fail (Reader     *r,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  glong column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Columns count characters, not bytes, as an editor does. */
  column = g_utf8_strlen (r->line_start, r->p - r->line_start) + 1;
  g_set_error (r->error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_SYNTAX,
               "%s:%u:%ld: %s", r->display_name, r->line, column, message);
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end)
    {
      if (*r->p == '\n')
        {
          r->line++;
          r->line_start = r->p + 1;
        }
      else if (*r->p != ' ' && *r->p != '\t' && *r->p != '\r')
        return;
      r->p++;
    }
}

static JsonNode *read_value (Reader *r);

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  *out = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = r->p < r->end ? g_ascii_xdigit_value (*r->p) : -1;

      if (digit < 0)
        return fail (r, _("a \\u escape needs four hexadecimal digits"));
      *out = *out * 16 + digit;
      r->p++;
    }

  return TRUE;
}

static gboolean
read_escape (Reader  *r,
             GString *out)
{
  static const char plain[] = "\"\\/bfnrt", decoded[] = "\"\\/\b\f\n\r\t";
  const char *found;
  gunichar c, low;

  if (r->p >= r->end)
    return fail (r, _("the text ends inside a string"));

  found = *r->p != '\0' ? strchr (plain, *r->p) : NULL;
  if (found != NULL)
    {
      g_string_append_c (out, decoded[found - plain]);
      r->p++;
      return TRUE;
    }

  if (*r->p != 'u')
    return fail (r, _("unknown escape “\\%c” in a string"), *r->p);
  r->p++;

  if (!read_hex4 (r, &c))
    return FALSE;

  /* A high surrogate must be followed by an escaped low one. */
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
        return fail (r, _("a lone surrogate in a \\u escape"));
      r->p += 2;
      if (!read_hex4 (r, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (r, _("a lone surrogate in a \\u escape"));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (c >= 0xDC00 && c <= 0xDFFF)
    return fail (r, _("a lone surrogate in a \\u escape"));

  if (c == 0)
    return fail (r, _("a string may not contain a NUL character"));

  g_string_append_unichar (out, c);
  return TRUE;
}

static char *
read_string (Reader *r)
{
  g_autoptr (GString) out = g_string_new (NULL);

  r->p++;
  while (r->p < r->end && *r->p != '"')
    {
      if ((guchar) *r->p < 0x20)
        {
          fail (r, _("a control character inside a string"));
          return NULL;
        }

      if (*r->p == '\\')
        {
          r->p++;
          if (!read_escape (r, out))
            return NULL;
          continue;
        }

      g_string_append_c (out, *r->p++);
    }

  if (r->p >= r->end)
    {
      fail (r, _("the text ends inside a string"));
      return NULL;
    }

  r->p++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p, *p = r->p;
  g_autofree char *token = NULL;
  gboolean integral = TRUE;
  JsonNode *node;
  gint64 i;
  double d;

  if (p < r->end && *p == '-')
    p++;
  if (p >= r->end || !g_ascii_isdigit (*p))
    return fail (r, _("a number needs a digit here")), NULL;
  p = *p == '0' ? p + 1 : skip_digits (p, r->end);

  if (p < r->end && *p == '.')
    {
      integral = FALSE;
      if (++p >= r->end || !g_ascii_isdigit (*p))
        return r->p = p, fail (r, _("a number needs a digit after the decimal point")), NULL;
      p = skip_digits (p, r->end);
    }

  if (p < r->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      if (++p < r->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= r->end || !g_ascii_isdigit (*p))
        return r->p = p, fail (r, _("a number needs a digit in its exponent")), NULL;
      p = skip_digits (p, r->end);
    }

  token = g_strndup (start, p - start);
  node = json_node_new (JSON_NODE_VALUE);

  errno = 0;
  i = integral ? g_ascii_strtoll (token, NULL, 10) : 0;
  /* "-0" is read as a double so that its sign survives. */
  if (integral && errno == 0 && !(i == 0 && token[0] == '-'))
    {
      json_node_set_int (node, i);
      r->p = p;
      return node;
    }

  errno = 0;
  d = g_ascii_strtod (token, NULL);
  if (!isfinite (d))
    {
      json_node_unref (node);
      return fail (r, _("the number %s is too large"), token), NULL;
    }

  /* Reading 1e-400 as 0 would quietly turn a tiny value into nothing. */
  if (errno == ERANGE && d == 0)
    {
      json_node_unref (node);
      return fail (r, _("the number %s is too close to zero to be held"), token), NULL;
    }

  json_node_set_double (node, d);
  r->p = p;
  return node;
}

static gboolean
expect_word (Reader     *r,
             const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, _("unexpected text; expected a value"));

  r->p += n;
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  g_autoptr (JsonObject) object = json_object_new ();
  JsonNode *node;

  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return json_node_init_object (json_node_alloc (), object);
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return fail (r, _("expected a member name in double quotes")), NULL;
      if ((name = read_string (r)) == NULL)
        return NULL;

      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return fail (r, _("expected “:” after a member name")), NULL;
      r->p++;

      if ((value = read_value (r)) == NULL)
        return NULL;
      json_object_set_member (object, name, value);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        break;
      return fail (r, _("expected “,” or “}” in an object")), NULL;
    }

  r->p++;
  node = json_node_alloc ();
  return json_node_init_object (node, object);
}

static JsonNode *
read_array (Reader *r)
{
  g_autoptr (JsonArray) array = json_array_new ();

  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return json_node_init_array (json_node_alloc (), array);
    }

  for (;;)
    {
      JsonNode *value = read_value (r);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        break;
      return fail (r, _("expected “,” or “]” in an array")), NULL;
    }

  r->p++;
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
read_value (Reader *r)
{
  JsonNode *node = NULL;
  char *text;

  skip_space (r);
  if (r->p >= r->end)
    return fail (r, _("the text ends where a value was expected")), NULL;

  if (++r->depth > PLATEAU_JSON_MAX_DEPTH)
    return fail (r, _("values are nested more than %d deep"), PLATEAU_JSON_MAX_DEPTH), NULL;

  switch (*r->p)
    {
    case '{':
      node = read_object (r);
      break;
    case '[':
      node = read_array (r);
      break;
    case '"':
      if ((text = read_string (r)) != NULL)
        {
          node = json_node_init_string (json_node_alloc (), text);
          g_free (text);
        }
      break;
    case 't':
      if (expect_word (r, "true"))
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (expect_word (r, "false"))
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (expect_word (r, "null"))
        node = json_node_init_null (json_node_alloc ());
      break;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        node = read_number (r);
      else
        fail (r, _("expected a value: an object, a list, text in double quotes, a number, "
                   "true, false or null"));
    }

  r->depth--;
  return node;
}

/* Finds the line and column of the first byte that is not UTF-8. */
static gboolean
check_utf8 (Reader *r)
{
  const char *bad;

  if (g_utf8_validate (r->p, r->end - r->p, &bad))
    return TRUE;

  for (const char *c = r->p; c < bad; c++)
    if (*c == '\n')
      {
        r->line++;
        r->line_start = c + 1;
      }
  r->p = r->line_start;
  g_set_error (r->error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_SYNTAX,
               _("%s:%u:%ld: the text is not valid UTF-8"), r->display_name, r->line,
               g_utf8_strlen (r->line_start, bad - r->line_start) + 1);
  return FALSE;
}

/**
 * plateau_json_parse:
 * @data: the JSON text
 * @length: its length in bytes
 * @display_name: the name errors give the text, usually the file's
 * @error: return location for an error naming line and column
 *
 * Returns: (transfer full) (nullable): the root node
 */
JsonNode *
plateau_json_parse (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  Reader r = { data, data + length, data, 1, 0, display_name, error };
  JsonNode *root;

  /* A byte-order mark is not JSON, but editors write one; skip it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p = r.line_start = data + 3;

  if (!check_utf8 (&r))
    return NULL;

  if ((root = read_value (&r)) == NULL)
    return NULL;

  skip_space (&r);
  if (r.p < r.end)
    {
      json_node_unref (root);
      fail (&r, _("unexpected text after the end of the document"));
      return NULL;
    }

  return root;
}
