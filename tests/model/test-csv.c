/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "plateau-model.h"

/* CSV import: dialects, numbers, rejected rows with their lines, refusals
 * of whole files, and bounded memory on a 100 MB file. */

static PlateauCsvImport *
import (const char *text)
{
  g_autoptr (GError) error = NULL;
  PlateauCsvImport *result = plateau_csv_import_data (text, strlen (text), "data.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_period (PlateauCsvImport *imp,
               guint             i,
               const char       *label,
               double            investment,
               double            ret)
{
  const PlateauPeriod *p;

  g_assert_cmpuint (i, <, plateau_scenario_get_n_periods (imp->scenario));
  p = plateau_scenario_get_period (imp->scenario, i);
  g_assert_cmpstr (p->label, ==, label);
  g_assert_cmpfloat (p->investment, ==, investment);
  g_assert_cmpfloat (p->ret, ==, ret);
}

static void
assert_rejection (PlateauCsvImport *imp,
                  guint             i,
                  guint             line,
                  const char       *message)
{
  const PlateauCsvRejection *r;

  g_assert_cmpuint (i, <, imp->rejections->len);
  r = g_ptr_array_index (imp->rejections, i);
  g_assert_cmpuint (r->line, ==, line);
  g_assert_cmpstr (r->message, ==, message);
}

static void
test_comma_with_header (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\r\n"
                                             "2001,10,50\r\n2002,15.5,65\r\n\r\n2003,20,-80\r\n");

  g_assert_cmpint (imp->delimiter, ==, ',');
  g_assert_false (imp->decimal_comma);
  g_assert_cmpuint (plateau_scenario_get_n_periods (imp->scenario), ==, 3);
  assert_period (imp, 1, "2002", 15.5, 65);
  assert_period (imp, 2, "2003", 20, -80);
  g_assert_cmpuint (imp->n_rejected, ==, 0);
  g_assert_cmpstr (plateau_scenario_get_name (imp->scenario), ==, "data");
}

static void
test_semicolon_decimal_comma (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("Year;Investment (M€);Return (M€)\n"
                                             "2001;10,5;20,25\n2002;1.234,5;1 234,75\n");

  g_assert_cmpint (imp->delimiter, ==, ';');
  g_assert_true (imp->decimal_comma);
  assert_period (imp, 0, "2001", 10.5, 20.25);
  assert_period (imp, 1, "2002", 1234.5, 1234.75);
}

static void
test_tab_reordered_header (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("Return\tnotes\tPeriod\tinvestment [USD]\n"
                                             "50\tfirst\t2001\t10\n65\tsecond\t2002\t15\n");

  g_assert_cmpint (imp->delimiter, ==, '\t');
  assert_period (imp, 0, "2001", 10, 50);
  assert_period (imp, 1, "2002", 15, 65);
}

static void
test_chinese_header (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("年份,投资,收益\n2001,10,50\n");

  assert_period (imp, 0, "2001", 10, 50);
}

static void
test_thousands_separators (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\n"
                                             "A,\"1,234.5\",\"1,000,000\"\nB,1e3,'2'\n");

  assert_period (imp, 0, "A", 1234.5, 1000000);
  g_assert_cmpuint (imp->n_rejected, ==, 0);
  assert_period (imp, 1, "B", 1000, 2);
}

static void
test_byte_order_mark (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("\xEF\xBB\xBFperiod;investment;return\n1;2;3\n");

  g_assert_cmpint (imp->delimiter, ==, ';');
  assert_period (imp, 0, "1", 2, 3);
}

static void
test_quoted_fields (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\n"
                                             "\"2001 \"\"Q1\"\"\",10,50\n"
                                             "\"two\nlines\",10,50\n"
                                             "2003,x,50\n");

  assert_period (imp, 0, "2001 \"Q1\"", 10, 50);
  assert_period (imp, 1, "two\nlines", 10, 50);
  /* The row after a quoted line break starts on line 5. */
  assert_rejection (imp, 0, 5, "line 5: the investment “x” is not a number");
}

static void
test_no_header_two_columns (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("10,50\n15,65\n");

  assert_period (imp, 0, "1", 10, 50);
  assert_period (imp, 1, "2", 15, 65);
}

static void
test_rejected_rows (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\n"
                                             "2001,10,50\n"
                                             "2002,ten,65\n"
                                             "2003,-5,80\n"
                                             "2004,NaN,95\n"
                                             "2005,10,inf\n"
                                             "2006,1e400,1\n"
                                             "2001,10,50\n"
                                             "2007,10\n"
                                             ",10,50\n"
                                             "2008,,50\n"
                                             "2009,1e300,1e-300\n"
                                             "2010,12,\"60\n");

  g_assert_cmpuint (plateau_scenario_get_n_periods (imp->scenario), ==, 2);
  assert_period (imp, 1, "2009", 1e300, 1e-300);
  g_assert_cmpuint (imp->n_rejected, ==, 10);
  assert_rejection (imp, 0, 3, "line 3: the investment “ten” is not a number");
  assert_rejection (imp, 1, 4, "line 4: the investment is negative (-5)");
  assert_rejection (imp, 2, 5, "line 5: the investment “NaN” is not a number");
  assert_rejection (imp, 3, 6, "line 6: the return “inf” is not a number");
  assert_rejection (imp, 4, 7, "line 7: the investment “1e400” is too large");
  assert_rejection (imp, 5, 8, "line 8: the period label “2001” was already used on line 2");
  assert_rejection (imp, 6, 9, "line 9: the row has 2 fields; 3 are needed");
  assert_rejection (imp, 7, 10, "line 10: the period label is empty");
  assert_rejection (imp, 8, 11, "line 11: the investment is empty");
  assert_rejection (imp, 9, 13, "line 13: a quoted field is not closed");
}

static void
test_underflow_and_bad_bytes (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\n"
                                             "1,1e-400,5\n"
                                             "2,10,1e-400\n"
                                             "3,\xff\xfe,30\n"
                                             "4,10,20\n");

  /* Too small a number must not quietly become zero, and a message must
   * stay UTF-8 text even when the cell is not. */
  g_assert_cmpuint (plateau_scenario_get_n_periods (imp->scenario), ==, 1);
  assert_rejection (imp, 0, 2,
                    "line 2: the investment “1e-400” is too close to zero to be held as a "
                    "number");
  assert_rejection (imp, 1, 3,
                    "line 3: the return “1e-400” is too close to zero to be held as a number");
  assert_rejection (imp, 2, 4, "line 4: the investment “\xef\xbf\xbd\xef\xbf\xbd” is not a "
                    "number");
  for (guint i = 0; i < imp->rejections->len; i++)
    {
      const PlateauCsvRejection *r = g_ptr_array_index (imp->rejections, i);

      g_assert_true (g_utf8_validate (r->message, -1, NULL));
    }
}

static void
test_line_ends (void)
{
  const char *files[] = {
    "period,investment,return\r1,10,20\r2,12,x\r3,14,28\r",
    "period,investment,return\r\n1,10,20\r\n2,12,x\r\n3,14,28\r\n",
    "period,investment,return\n1,10,20\n2,12,x\n3,14,28",
  };

  /* Old Mac, Windows and Unix line ends give the same rows and lines. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (PlateauCsvImport) imp = import (files[i]);

      g_assert_cmpuint (plateau_scenario_get_n_periods (imp->scenario), ==, 2);
      assert_period (imp, 1, "3", 14, 28);
      assert_rejection (imp, 0, 3, "line 3: the return “x” is not a number");
    }
}

static void
test_quoted_line_break_after_cr (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("period,investment,return\r"
                                             "\"1\r\nA\",10,20\r"
                                             "2,12,y\r");

  /* The CR LF inside the quotes is one line break, so row 2 is on line 4. */
  g_assert_cmpuint (plateau_scenario_get_n_periods (imp->scenario), ==, 1);
  assert_rejection (imp, 0, 4, "line 4: the return “y” is not a number");
}

static void
test_extreme_values_reach_the_analysis (void)
{
  g_autoptr (PlateauCsvImport) imp = import ("t,investment,return\n1,10,20\n2,1e300,30\n"
                                             "3,1e-300,40\n4,12,25\n");
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (imp->scenario);
  guint n = 0;

  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    if (g_strcmp0 (plateau_analysis_get_warning (a, i)->code, "out-of-range") == 0)
      n++;

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (plateau_analysis_get_warning (a, 0)->message, ==,
                   "Period “2” has a value outside the range Plateau analyses (0, or magnitudes "
                   "from 1e-50 to 1e50); it is left out");
}

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauCsvImport) imp = plateau_csv_import_data (text, length, "bad.csv", &error);

  g_assert_null (imp);
  g_assert_error (error, PLATEAU_MODEL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refused_files (void)
{
  static const char binary[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0 };
  static const char utf16[] = { (char) 0xFF, (char) 0xFE, 'p', 0, 'e', 0 };

  assert_refused ("", 0, PLATEAU_MODEL_ERROR_EMPTY, "bad.csv: the file is empty");
  assert_refused ("\n\r\n\n", 4, PLATEAU_MODEL_ERROR_EMPTY, "bad.csv: the file is empty");
  assert_refused ("period,investment,return\n", 25, PLATEAU_MODEL_ERROR_EMPTY,
                  "bad.csv: the file has a header but no rows of data");
  assert_refused (binary, sizeof binary, PLATEAU_MODEL_ERROR_FORMAT,
                  "bad.csv:1: the file holds binary data, not CSV text");
  assert_refused (utf16, sizeof utf16, PLATEAU_MODEL_ERROR_FORMAT,
                  "bad.csv: the file is in UTF-16; save it as UTF-8 CSV and import it again");
  assert_refused ("a,b,c,d\n1,2,3,4\n", 16, PLATEAU_MODEL_ERROR_FORMAT,
                  "bad.csv:1: cannot tell which columns hold the investment and the return; "
                  "name them “investment” and “return” in a header row");
  assert_refused ("period,investment,return\n1,x,2\n", 31, PLATEAU_MODEL_ERROR_INVALID,
                  "bad.csv: no row could be imported; line 2: the investment “x” is not a number");
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A 100 MB file of good rows passes the row limit; the import stops
 * there, naming the line, having held one row at a time. */
static void
test_hundred_megabytes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (PlateauCsvImport) imp = NULL;
  g_autoptr (GString) chunk = g_string_new (NULL);
  FILE *out;
  int fd = g_file_open_tmp ("plateau-big-XXXXXX.csv", &path, &error);
  glong before = max_rss_kb ();
  guint row = 0;

  g_assert_no_error (error);
  out = fdopen (fd, "w");
  fputs ("period,investment,return\n", out);
  for (gsize written = 0; written < 100 * 1024 * 1024; written += chunk->len)
    {
      g_string_truncate (chunk, 0);
      for (guint k = 0; k < 1000; k++, row++)
        g_string_append_printf (chunk, "%u,10,50\n", row);
      fwrite (chunk->str, 1, chunk->len, out);
    }
  fclose (out);

  file = g_file_new_for_path (path);
  imp = plateau_csv_import_file (file, NULL, &error);
  g_assert_null (imp);
  g_assert_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, ":1000002: the file has more than 1000000 "
                                                   "rows of data, more than Plateau analyses"));

  /* The import holds rows, not the file: well under the file's size. */
  g_test_message ("maximum resident set grew by %ld KB", max_rss_kb () - before);
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer keeps freed memory in quarantine, so only a plain
   * build measures the importer itself. */
  g_assert_cmpint (max_rss_kb () - before, <, 200 * 1024);
#endif
  g_unlink (path);
}

static void
test_endless_line (void)
{
  gsize size = 100 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauCsvImport) imp = NULL;

  memset (data, 'x', size);
  imp = plateau_csv_import_data (data, size, "line.csv", &error);
  g_assert_null (imp);
  g_assert_cmpstr (error->message, ==,
                   "line.csv:1: a row is longer than 64 KB; this is not a CSV file of periods");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/comma-with-header", test_comma_with_header);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/tab-reordered-header", test_tab_reordered_header);
  g_test_add_func ("/csv/chinese-header", test_chinese_header);
  g_test_add_func ("/csv/thousands-separators", test_thousands_separators);
  g_test_add_func ("/csv/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/csv/no-header", test_no_header_two_columns);
  g_test_add_func ("/csv/rejected-rows", test_rejected_rows);
  g_test_add_func ("/csv/underflow-and-bad-bytes", test_underflow_and_bad_bytes);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/quoted-line-break-after-cr", test_quoted_line_break_after_cr);
  g_test_add_func ("/csv/extreme-values", test_extreme_values_reach_the_analysis);
  g_test_add_func ("/csv/refused-files", test_refused_files);
  g_test_add_func ("/csv/hundred-megabytes", test_hundred_megabytes);
  g_test_add_func ("/csv/endless-line", test_endless_line);

  return g_test_run ();
}
