/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-csv.h"
#include "plateau-model-error.h"

/*
 * CSV import, RFC 4180 with the liberties spreadsheets take: comma,
 * semicolon or tab as delimiter (detected from the first line), a header
 * naming the columns in any order, decimal commas and thousands
 * separators, a byte-order mark. The file is read as a stream, one record
 * at a time, and both the record length and the number of rows are
 * bounded, so memory stays bounded whatever the file holds. Each bad row is
 * reported with its line and reason and the good rows are kept.
 */

#define CHUNK_BYTES 65536

enum { COLUMN_PERIOD, COLUMN_INVESTMENT, COLUMN_RETURN, N_COLUMNS };

typedef struct
{
  const char *name;
  GError **error;
  PlateauCsvImport *import;

  /* The record being read. */
  GPtrArray *fields;
  GString *field;
  gboolean in_quotes;
  gboolean after_quote;
  gboolean field_quoted;
  gboolean after_cr;
  gsize record_bytes;
  guint line;
  guint record_line;
  gboolean at_start;

  /* What the first record told. */
  gboolean have_layout;
  int columns[N_COLUMNS];
  guint n_fields_needed;
  gboolean generated_labels;
  GHashTable *labels;
  guint n_rows;
  gboolean fatal;
} Reader;

static void G_GNUC_PRINTF (3, 4)
reject (Reader     *r,
        guint       line,
        const char *format,
        ...)
{
  PlateauCsvRejection *rejection;
  va_list args;

  r->import->n_rejected++;
  if (r->import->rejections->len >= PLATEAU_CSV_MAX_REPORTED_REJECTIONS)
    return;

  rejection = g_new (PlateauCsvRejection, 1);
  rejection->line = line;
  va_start (args, format);
  rejection->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->import->rejections, rejection);
}

static void
free_rejection (gpointer data)
{
  PlateauCsvRejection *rejection = data;

  g_free (rejection->message);
  g_free (rejection);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Reader     *r,
      int         code,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  r->fatal = TRUE;
  if (line > 0)
    g_set_error (r->error, PLATEAU_MODEL_ERROR, code, "%s:%u: %s", r->name, line, message);
  else
    g_set_error (r->error, PLATEAU_MODEL_ERROR, code, "%s: %s", r->name, message);
  return FALSE;
}

static char
detect_delimiter (const char *data,
                  gsize       length)
{
  guint semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == ';')
        semicolons++;
      else if (!quoted && data[i] == '\t')
        tabs++;
    }

  /* A semicolon or tab file often has decimal commas, so those win ties. */
  if (tabs > 0 && tabs >= semicolons)
    return '\t';
  if (semicolons > 0)
    return ';';
  return ',';
}

/* Removes spaces, no-break spaces and apostrophes used to group digits. */
static char *
strip_number (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0';)
    {
      if (*c == ' ' || *c == '\'' || *c == '\t')
        c++;
      else if (g_str_has_prefix (c, "\xC2\xA0"))
        c += 2;
      else if (g_str_has_prefix (c, "\xE2\x80\xAF") || g_str_has_prefix (c, "\xE2\x80\x99"))
        c += 3;
      else
        g_string_append_c (out, *c++);
    }

  return g_string_free (out, FALSE);
}

/* Whether the digits between separators come in groups of three. */
static gboolean
is_grouped (const char *text,
            char        separator)
{
  g_auto (GStrv) parts = g_strsplit (text[0] == '-' || text[0] == '+' ? text + 1 : text,
                                     (char[]) { separator, '\0' }, -1);
  guint n = g_strv_length (parts);

  if (n < 2 || strlen (parts[0]) < 1 || strlen (parts[0]) > 3)
    return FALSE;

  for (guint i = 1; i < n; i++)
    {
      /* The last group may carry a decimal part after it. */
      gsize digits = strspn (parts[i], "0123456789");

      if (digits != 3 || (i < n - 1 && parts[i][3] != '\0'))
        return FALSE;
    }

  return TRUE;
}

static void
remove_char (char *text,
             char  c)
{
  char *out = text;

  for (char *in = text; *in != '\0'; in++)
    if (*in != c)
      *out++ = *in;
  *out = '\0';
}

/*
 * Normalises a number to the C locale's form. With both separators, the
 * last is the decimal one. A lone comma is a decimal comma unless the
 * delimiter is a comma, where it must group thousands. Several points
 * group thousands.
 */
static gboolean
normalise_number (Reader *r,
                  char   *text)
{
  char *comma = strchr (text, ','), *point = strchr (text, '.');

  if (comma != NULL && point != NULL)
    {
      gboolean decimal_comma = strrchr (text, ',') > strrchr (text, '.');

      remove_char (text, decimal_comma ? '.' : ',');
      if (decimal_comma)
        {
          *strchr (text, ',') = '.';
          r->import->decimal_comma = TRUE;
        }
      return strchr (text, ',') == NULL && strchr (strchr (text, '.') + 1, '.') == NULL;
    }

  if (comma != NULL)
    {
      if (r->import->delimiter == ',' || strchr (comma + 1, ',') != NULL)
        {
          if (!is_grouped (text, ','))
            return FALSE;
          remove_char (text, ',');
          return TRUE;
        }
      *comma = '.';
      r->import->decimal_comma = TRUE;
      return TRUE;
    }

  if (point != NULL && strchr (point + 1, '.') != NULL)
    {
      if (!is_grouped (text, '.'))
        return FALSE;
      remove_char (text, '.');
    }

  return TRUE;
}

static const char *
column_title (int column)
{
  switch (column)
    {
    case COLUMN_INVESTMENT:
      return _("investment");
    case COLUMN_RETURN:
      return _("return");
    case COLUMN_PERIOD:
    default:
      return _("period");
    }
}

/* Reads a normalised number. A value too close to zero to be held is not
 * quietly read as 0: that would turn a tiny investment into none. */
static gboolean
read_number (const char *text,
             double     *value,
             gboolean   *underflow)
{
  char *end = NULL;

  errno = 0;
  *value = g_ascii_strtod (text, &end);
  *underflow = errno == ERANGE && *value == 0;

  return end != text && *end == '\0' && strpbrk (text, "nNiI") == NULL;
}

static gboolean
parse_number (Reader     *r,
              guint       line,
              int         column,
              const char *field,
              double     *value)
{
  g_autofree char *text = strip_number (field);
  /* The cell may hold bytes that are not UTF-8; the message must be text. */
  g_autofree char *shown = g_utf8_make_valid (field, -1);
  gboolean underflow = FALSE;

  if (*text == '\0')
    reject (r, line, _("line %u: the %s is empty"), line, column_title (column));
  else if (!normalise_number (r, text) || !read_number (text, value, &underflow))
    reject (r, line, _("line %u: the %s “%s” is not a number"), line, column_title (column),
            shown);
  else if (!isfinite (*value))
    reject (r, line, _("line %u: the %s “%s” is too large"), line, column_title (column), shown);
  else if (underflow)
    reject (r, line, _("line %u: the %s “%s” is too close to zero to be held as a number"),
            line, column_title (column), shown);
  else
    return TRUE;

  return FALSE;
}

static gboolean
field_is_number (Reader     *r,
                 const char *field)
{
  g_autofree char *text = strip_number (field);
  char *end = NULL;

  if (*text == '\0' || !normalise_number (r, text) || strpbrk (text, "nNiI") != NULL)
    return FALSE;

  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static gboolean
header_matches (const char         *field,
                const char * const *names)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (field));
  char *unit;

  /* "Investment (M€)" and "return [USD]" name their unit after the word. */
  if ((unit = strpbrk (trimmed, "([")) != NULL)
    *unit = '\0';
  g_strstrip (trimmed);
  folded = g_utf8_casefold (trimmed, -1);

  return g_strv_contains (names, folded);
}

static const char * const period_names[] = {
  "period", "label", "year", "date", "time", "t", "quarter", "month", "期", "时期", "年",
  "年份", "期间", NULL
};
static const char * const investment_names[] = {
  "investment", "investments", "invest", "i", "input", "cost", "costs", "spend", "spending",
  "capex", "投资", "投入", "技术投入", "投资额", NULL
};
static const char * const return_names[] = {
  "return", "returns", "e", "revenue", "output", "benefit", "benefits", "profit", "gain",
  "收益", "回报", "产出", "经济回报", NULL
};

static void
map_header (Reader *r)
{
  for (guint i = 0; i < r->fields->len; i++)
    {
      const char *field = g_ptr_array_index (r->fields, i);

      if (r->columns[COLUMN_PERIOD] < 0 && header_matches (field, period_names))
        r->columns[COLUMN_PERIOD] = i;
      else if (r->columns[COLUMN_INVESTMENT] < 0 && header_matches (field, investment_names))
        r->columns[COLUMN_INVESTMENT] = i;
      else if (r->columns[COLUMN_RETURN] < 0 && header_matches (field, return_names))
        r->columns[COLUMN_RETURN] = i;
    }
}

static void
map_by_position (Reader *r,
                 guint   n_fields)
{
  if (n_fields == 2)
    {
      r->columns[COLUMN_INVESTMENT] = 0;
      r->columns[COLUMN_RETURN] = 1;
      return;
    }

  r->columns[COLUMN_PERIOD] = 0;
  r->columns[COLUMN_INVESTMENT] = 1;
  r->columns[COLUMN_RETURN] = 2;
}

/*
 * The first record is a header when its investment and return cells are
 * not numbers. Named columns are found by name; otherwise two columns are
 * investment and return, three are period, investment and return.
 */
static gboolean
read_layout (Reader *r)
{
  guint n = r->fields->len;
  gboolean header = FALSE;

  for (int c = 0; c < N_COLUMNS; c++)
    r->columns[c] = -1;

  for (guint i = (n >= 3 ? 1 : 0); i < n; i++)
    header |= !field_is_number (r, g_ptr_array_index (r->fields, i));

  if (header)
    map_header (r);

  if (r->columns[COLUMN_INVESTMENT] < 0 || r->columns[COLUMN_RETURN] < 0)
    {
      if (n != 2 && n != 3)
        return fail (r, PLATEAU_MODEL_ERROR_FORMAT, r->record_line,
                     _("cannot tell which columns hold the investment and the return; "
                       "name them “investment” and “return” in a header row"));
      map_by_position (r, n);
    }

  r->generated_labels = r->columns[COLUMN_PERIOD] < 0;
  r->n_fields_needed = 0;
  for (int c = 0; c < N_COLUMNS; c++)
    r->n_fields_needed = MAX (r->n_fields_needed, (guint) (r->columns[c] + 1));
  r->have_layout = TRUE;

  return !header;
}

static gboolean
read_label (Reader  *r,
            guint    line,
            char   **label)
{
  gpointer first;

  *label = r->generated_labels
           ? g_strdup_printf ("%u", r->n_rows + 1)
           : g_strstrip (g_strdup (g_ptr_array_index (r->fields, r->columns[COLUMN_PERIOD])));

  if (**label == '\0')
    reject (r, line, _("line %u: the period label is empty"), line);
  else if (!g_utf8_validate (*label, -1, NULL))
    reject (r, line, _("line %u: the period label is not UTF-8 text"), line);
  else if (g_hash_table_lookup_extended (r->labels, *label, NULL, &first))
    reject (r, line, _("line %u: the period label “%s” was already used on line %u"),
            line, *label, GPOINTER_TO_UINT (first));
  else
    return TRUE;

  g_clear_pointer (label, g_free);
  return FALSE;
}

static void
add_row (Reader *r)
{
  guint line = r->record_line;
  g_autofree char *label = NULL;
  PlateauScenario *scenario = r->import->scenario;
  const PlateauPeriod *added;
  double investment, ret;

  if (r->fields->len < r->n_fields_needed)
    {
      reject (r, line, g_dngettext (GETTEXT_PACKAGE,
                                    "line %u: the row has %u field; %u are needed",
                                    "line %u: the row has %u fields; %u are needed",
                                    r->fields->len),
              line, r->fields->len, r->n_fields_needed);
      return;
    }

  if (!parse_number (r, line, COLUMN_INVESTMENT,
                     g_ptr_array_index (r->fields, r->columns[COLUMN_INVESTMENT]), &investment)
      || !parse_number (r, line, COLUMN_RETURN,
                        g_ptr_array_index (r->fields, r->columns[COLUMN_RETURN]), &ret))
    return;

  if (investment < 0)
    {
      reject (r, line, _("line %u: the investment is negative (%s)"), line,
              (char *) g_ptr_array_index (r->fields, r->columns[COLUMN_INVESTMENT]));
      return;
    }

  if (!read_label (r, line, &label))
    return;

  if (++r->n_rows > PLATEAU_CSV_MAX_ROWS)
    {
      fail (r, PLATEAU_MODEL_ERROR_TOO_LARGE, line,
            _("the file has more than %d rows of data, more than Plateau analyses"),
            PLATEAU_CSV_MAX_ROWS);
      return;
    }

  plateau_scenario_append_period (scenario, label, investment, ret);
  added = plateau_scenario_get_period (scenario, plateau_scenario_get_n_periods (scenario) - 1);
  /* The scenario's copy of the label lives as long as the import. */
  g_hash_table_insert (r->labels, added->label, GUINT_TO_POINTER (line));
}

static gboolean
record_is_blank (Reader *r)
{
  return r->fields->len == 1 && ((char *) g_ptr_array_index (r->fields, 0))[0] == '\0';
}

static void
end_field (Reader *r)
{
  g_ptr_array_add (r->fields, g_strndup (r->field->str, r->field->len));
  g_string_truncate (r->field, 0);
  r->field_quoted = FALSE;
  r->after_quote = FALSE;
}

/* A whole record has been read: the first tells the layout, the rest are
 * rows. Blank lines hold no data and are passed over. */
static void
end_record (Reader *r)
{
  end_field (r);

  if (!record_is_blank (r))
    {
      if (r->have_layout)
        add_row (r);
      else if (read_layout (r))
        add_row (r);
    }

  g_ptr_array_set_size (r->fields, 0);
  r->record_bytes = 0;
}

/* Old Mac files end lines with a lone CR, Windows files with CR LF: both
 * count as one line end, like LF. Returns whether @c ends a line. */
static gboolean
ends_line (Reader *r,
           char    c)
{
  gboolean after_cr = r->after_cr;

  r->after_cr = c == '\r';
  return c == '\r' || (c == '\n' && !after_cr);
}

static gboolean
feed_quoted (Reader *r,
             char    c)
{
  if (c != '"')
    {
      if (ends_line (r, c))
        r->line++;
      g_string_append_c (r->field, c);
      return TRUE;
    }

  ends_line (r, c);

  r->in_quotes = FALSE;
  r->after_quote = TRUE;
  return TRUE;
}

static void
feed_char (Reader *r,
           char    c)
{
  gboolean line_end = ends_line (r, c);

  /* A quote right after a closing quote is an escaped quote. */
  if (c == '"' && r->after_quote)
    {
      g_string_append_c (r->field, '"');
      r->in_quotes = TRUE;
      r->after_quote = FALSE;
      return;
    }

  if (c == '"' && r->field->len == 0 && !r->field_quoted)
    {
      r->in_quotes = TRUE;
      r->field_quoted = TRUE;
      return;
    }

  if (line_end)
    {
      end_record (r);
      r->line++;
      r->record_line = r->line;
    }
  else if (c == r->import->delimiter)
    end_field (r);
  else if (c != '\n')
    g_string_append_c (r->field, c);
}

static gboolean
feed (Reader     *r,
      const char *data,
      gsize       length)
{
  for (gsize i = 0; i < length && !r->fatal; i++)
    {
      char c = data[i];

      if (c == '\0')
        return fail (r, PLATEAU_MODEL_ERROR_FORMAT, r->line,
                     _("the file holds binary data, not CSV text"));

      if (++r->record_bytes > PLATEAU_CSV_MAX_LINE_BYTES)
        return fail (r, PLATEAU_MODEL_ERROR_TOO_LARGE, r->record_line,
                     _("a row is longer than %d KB; this is not a CSV file of periods"),
                     PLATEAU_CSV_MAX_LINE_BYTES / 1024);

      if (r->in_quotes)
        feed_quoted (r, c);
      else
        feed_char (r, c);
    }

  return !r->fatal;
}

/* Skips a UTF-8 byte-order mark, refuses UTF-16 and detects the delimiter
 * from the first line. */
static gboolean
start (Reader      *r,
       const char **data,
       gsize       *length)
{
  if (*length >= 2 && ((guchar) (*data)[0] == 0xFF || (guchar) (*data)[0] == 0xFE)
      && ((guchar) (*data)[1] == 0xFE || (guchar) (*data)[1] == 0xFF))
    return fail (r, PLATEAU_MODEL_ERROR_FORMAT, 0,
                 _("the file is in UTF-16; save it as UTF-8 CSV and import it again"));

  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }

  r->import->delimiter = detect_delimiter (*data, *length);
  r->at_start = FALSE;
  return TRUE;
}

static gboolean
finish (Reader *r)
{
  if (r->in_quotes)
    {
      reject (r, r->record_line, _("line %u: a quoted field is not closed"), r->record_line);
      g_ptr_array_set_size (r->fields, 0);
    }
  else if (r->field->len > 0 || r->fields->len > 0)
    end_record (r);

  if (r->fatal)
    return FALSE;

  if (!r->have_layout)
    return fail (r, PLATEAU_MODEL_ERROR_EMPTY, 0, _("the file is empty"));

  if (plateau_scenario_get_n_periods (r->import->scenario) > 0)
    return TRUE;

  if (r->import->rejections->len > 0)
    {
      PlateauCsvRejection *first = g_ptr_array_index (r->import->rejections, 0);

      return fail (r, PLATEAU_MODEL_ERROR_INVALID, 0, _("no row could be imported; %s"),
                   first->message);
    }

  return fail (r, PLATEAU_MODEL_ERROR_EMPTY, 0, _("the file has a header but no rows of data"));
}

static PlateauCsvImport *
import_new (const char *name)
{
  PlateauCsvImport *import = g_new0 (PlateauCsvImport, 1);
  g_autofree char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  import->scenario = plateau_scenario_new (base);
  import->rejections = g_ptr_array_new_with_free_func (free_rejection);
  import->delimiter = ',';
  return import;
}

static void
reader_init (Reader     *r,
             const char *name,
             GError    **error)
{
  memset (r, 0, sizeof *r);
  r->name = name != NULL ? name : "<data>";
  r->error = error;
  r->import = import_new (r->name);
  r->fields = g_ptr_array_new_with_free_func (g_free);
  r->field = g_string_new (NULL);
  r->line = r->record_line = 1;
  r->at_start = TRUE;
  r->labels = g_hash_table_new (g_str_hash, g_str_equal);
  plateau_scenario_begin_batch (r->import->scenario);
}

static PlateauCsvImport *
reader_finish (Reader  *r,
               gboolean ok)
{
  PlateauCsvImport *import = r->import;

  ok = ok && finish (r);
  plateau_scenario_end_batch (import->scenario);
  g_ptr_array_unref (r->fields);
  g_string_free (r->field, TRUE);
  g_hash_table_unref (r->labels);

  if (!ok)
    {
      plateau_csv_import_free (import);
      return NULL;
    }

  return import;
}

/**
 * plateau_csv_import_stream:
 * @stream: the CSV text
 * @display_name: the name errors give the file; the scenario is named
 *   after it, without folder and extension
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error that stops the whole import
 *
 * Reads periods from CSV text. Bad rows do not stop the import: they are
 * listed with their line and reason, and the good rows are kept. The whole
 * import fails only when nothing can be read: an empty file, a header
 * without rows, binary data, a row over %PLATEAU_CSV_MAX_LINE_BYTES, more
 * than %PLATEAU_CSV_MAX_ROWS rows, or no good row at all.
 *
 * Returns: (transfer full) (nullable): the import
 */
PlateauCsvImport *
plateau_csv_import_stream (GInputStream  *stream,
                           const char    *display_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_BYTES);
  gboolean ok = TRUE;
  Reader r;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader_init (&r, display_name, error);

  for (;;)
    {
      const char *data = buffer;
      gsize length;

      /* Read whole chunks so that the first holds the entire first line. */
      if (!g_input_stream_read_all (stream, buffer, CHUNK_BYTES, &length, cancellable, error))
        {
          r.fatal = TRUE;
          ok = FALSE;
          break;
        }
      if (length == 0)
        break;
      if (r.at_start && !start (&r, &data, &length))
        {
          ok = FALSE;
          break;
        }
      if (!feed (&r, data, length))
        {
          ok = FALSE;
          break;
        }
    }

  return reader_finish (&r, ok);
}

/**
 * plateau_csv_import_data:
 * @data: the CSV text
 * @length: its length in bytes
 * @display_name: the name errors give it
 * @error: return location for an error
 *
 * Reads periods from CSV text in memory; see plateau_csv_import_stream().
 *
 * Returns: (transfer full) (nullable): the import
 */
PlateauCsvImport *
plateau_csv_import_data (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr (GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  return plateau_csv_import_stream (stream, display_name, NULL, error);
}

/**
 * plateau_csv_import_file:
 * @file: a CSV file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads periods from a CSV file; see plateau_csv_import_stream().
 *
 * Returns: (transfer full) (nullable): the import
 */
PlateauCsvImport *
plateau_csv_import_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_NOT_FOUND, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return plateau_csv_import_stream (G_INPUT_STREAM (stream), name, cancellable, error);
}

/**
 * plateau_csv_import_free:
 * @import: an import
 *
 * Frees the import and drops its reference on the scenario.
 */
void
plateau_csv_import_free (PlateauCsvImport *import)
{
  if (import == NULL)
    return;

  g_clear_object (&import->scenario);
  g_ptr_array_unref (import->rejections);
  g_free (import);
}
