/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "plateau-command-stack.h"
#include "plateau-edit.h"
#include "plateau-model.h"

/* Documents: exact round trips, refusals with their messages, atomic saves
 * and the bundled sample. */

static const double awkward[] = {
  1e300, 1e-300, 4.9406564584124654e-324, 1.7976931348623157e308, 0.1, 1.0 / 3, 1e17,
  123456789.123456789, 2.5e-8, 0, 42, 9007199254740993.0, 1e22, 6.02214076e23,
};

static PlateauDocument *
make_document (void)
{
  PlateauDocument *d = plateau_document_new ();
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("Wind \"offshore\"\n风电");
  g_autoptr (PlateauConceptGraph) g = NULL;
  PlateauSettings settings;
  double plan[] = { 1e300, 0.1 };

  g = plateau_concept_graph_new ("阶段", "graph TB\n  A[探索期] --> B[成长期]\n");

  plateau_settings_init_default (&settings);
  settings.model = PLATEAU_CURVE_GOMPERTZ;
  settings.basis = PLATEAU_BASIS_CUMULATIVE_INVESTMENT;
  settings.exploration_end = 0.15;
  settings.forecast_horizon = 3;
  plateau_scenario_set_settings (s, &settings);
  plateau_scenario_set_plan (s, plan, 2);
  plateau_scenario_set_unit (s, "百万元");
  plateau_scenario_set_notes (s, "Tab\there, control \x01, backslash \\ and “quotes”");
  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_STAGE, "增长期，\n\"mature\" soon");
  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_LONG_TERM, "Train a team ⟨AI⟩");

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *label = g_strdup_printf ("P%u", i);

      double ret = -awkward[G_N_ELEMENTS (awkward) - 1 - i];

      plateau_scenario_append_period (s, label, awkward[i], ret);
    }

  plateau_document_add_scenario (d, s);
  plateau_document_add_graph (d, g);
  return d;
}

static void
test_round_trip_is_exact (void)
{
  g_autoptr (PlateauDocument) d = make_document ();
  g_autoptr (PlateauDocument) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = plateau_document_to_data (d, NULL);
  g_autofree char *again = NULL;
  PlateauScenario *s;
  PlateauSettings settings;
  guint n_plan;

  back = plateau_document_load_from_data (text, -1, "round-trip.plateau", &error);
  g_assert_no_error (error);

  s = plateau_document_get_scenario (back, 0);
  g_assert_cmpstr (plateau_scenario_get_name (s), ==, "Wind \"offshore\"\n风电");
  g_assert_cmpstr (plateau_scenario_get_unit (s), ==, "百万元");
  g_assert_cmpstr (plateau_scenario_get_notes (s), ==,
                   "Tab\there, control \x01, backslash \\ and “quotes”");
  g_assert_cmpstr (plateau_scenario_get_strategy_note (s, PLATEAU_STRATEGY_STAGE), ==,
                   "增长期，\n\"mature\" soon");
  g_assert_cmpstr (plateau_scenario_get_strategy_note (s, PLATEAU_STRATEGY_INNOVATION), ==, "");
  g_assert_cmpstr (plateau_scenario_get_strategy_note (s, PLATEAU_STRATEGY_LONG_TERM), ==,
                   "Train a team ⟨AI⟩");
  g_assert_true (plateau_scenario_equal (s, plateau_document_get_scenario (d, 0)));
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      const PlateauPeriod *p = plateau_scenario_get_period (s, i);

      /* Bit for bit, not approximately. */
      g_assert_cmpmem (&p->investment, sizeof (double), &awkward[i], sizeof (double));
      g_assert_true (p->ret == -awkward[G_N_ELEMENTS (awkward) - 1 - i]);
    }

  plateau_scenario_get_settings (s, &settings);
  g_assert_cmpint (settings.model, ==, PLATEAU_CURVE_GOMPERTZ);
  g_assert_cmpint (settings.basis, ==, PLATEAU_BASIS_CUMULATIVE_INVESTMENT);
  g_assert_cmpfloat (settings.exploration_end, ==, 0.15);
  g_assert_cmpuint (settings.forecast_horizon, ==, 3);
  g_assert_cmpfloat (plateau_scenario_get_plan (s, &n_plan)[0], ==, 1e300);
  g_assert_cmpstr (plateau_concept_graph_get_source (plateau_document_get_graph (back, 0)), ==,
                   "graph TB\n  A[探索期] --> B[成长期]\n");

  again = plateau_document_to_data (back, NULL);
  g_assert_cmpstr (again, ==, text);
}

/* Documents written before strategy notes existed, or with some steps
 * left out, read with empty notes; the format version stays the same. */
static void
test_strategy_notes_optional (void)
{
  static const char *const texts[] = {
    "{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
    "[{\"name\": \"A\", \"periods\": []}]}",
    "{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
    "[{\"name\": \"A\", \"strategy\": {\"investment\": \"Move money\"}, "
    "\"periods\": []}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PlateauDocument) d = plateau_document_load_from_data (texts[i], -1,
                                                                       "old.plateau", &error);
      PlateauScenario *s;

      g_assert_no_error (error);
      s = plateau_document_get_scenario (d, 0);
      for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
        g_assert_cmpstr (plateau_scenario_get_strategy_note (s, step), ==,
                         i == 1 && step == PLATEAU_STRATEGY_INVESTMENT ? "Move money" : "");
    }

  g_assert_cmpint (PLATEAU_DOCUMENT_VERSION, ==, 1);
}

/* A strategy note is one undoable edit like any other of a scenario. */
static void
test_strategy_note_edit (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("A");
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  g_autoptr (PlateauScenario) copy = NULL;
  PlateauScenario *before = plateau_edit_begin (s);

  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_APPLICATIONS, "Agriculture next");
  g_assert_true (plateau_edit_end (stack, s, before, "Edit Strategy Notes"));
  copy = plateau_scenario_dup (s);
  g_assert_true (plateau_scenario_equal (copy, s));

  plateau_command_stack_undo (stack);
  g_assert_cmpstr (plateau_scenario_get_strategy_note (s, PLATEAU_STRATEGY_APPLICATIONS), ==,
                   "");
  g_assert_false (plateau_scenario_equal (copy, s));
  plateau_command_stack_redo (stack);
  g_assert_cmpstr (plateau_scenario_get_strategy_note (s, PLATEAU_STRATEGY_APPLICATIONS), ==,
                   "Agriculture next");
  g_assert_cmpstr (plateau_scenario_get_strategy_note (copy, PLATEAU_STRATEGY_APPLICATIONS), ==,
                   "Agriculture next");
}

static void
test_numbers_are_valid_json (void)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* json-glib 1.6 writes 1e17 as "1e+17.0"; shortest round-trip text here. */
  plateau_json_format_double (1e17, buffer, sizeof buffer);
  g_assert_cmpstr (buffer, ==, "1e+17");
  plateau_json_format_double (0.1, buffer, sizeof buffer);
  g_assert_cmpstr (buffer, ==, "0.1");
  plateau_json_format_double (1e300, buffer, sizeof buffer);
  g_assert_cmpstr (buffer, ==, "1e+300");
  plateau_json_format_double (1.0 / 3, buffer, sizeof buffer);
  g_assert_cmpstr (buffer, ==, "0.3333333333333333");
}

static void
assert_refused (const char *text,
                int         code,
                const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) d = plateau_document_load_from_data (text, -1, "t.plateau", &error);

  g_assert_null (d);
  g_assert_error (error, PLATEAU_MODEL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refusals (void)
{
  assert_refused ("", PLATEAU_MODEL_ERROR_EMPTY, "t.plateau: the file is empty");
  assert_refused ("{\"format\": \"plateau\", \"version\": 2, \"scenarios\": []}",
                  PLATEAU_MODEL_ERROR_VERSION,
                  "t.plateau: the document was written by a newer Plateau (format version 2; "
                  "this version reads up to 1); update Plateau to open it");
  assert_refused ("{\"version\": 1}", PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: this is not a Plateau document (it lacks “format”: “plateau”)");
  assert_refused ("[1, 2]", PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: this is not a Plateau document (it is not a JSON object)");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1.5}", PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: the document's “version” must be a whole number from 1");
  assert_refused ("{\n  \"format\": \"plateau\",\n  \"version\": 1,,\n}",
                  PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:3:16: expected a member name in double quotes");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1e999}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:34: the number 1e999 is too large");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"x\": -1e-400}",
                  PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:42: the number -1e-400 is too close to zero to be held");
  assert_refused ("{\"a\": \"\xff\xfe\"}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:8: the text is not valid UTF-8");
  /* A high surrogate followed by a broken escape: one error, about the
   * escape. */
  assert_refused ("{\"a\": \"\\ud800\\u12\"}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:18: a \\u escape needs four hexadecimal digits");
  assert_refused ("{\"a\": \"\\ud800\\u0041\"}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:20: a lone surrogate in a \\u escape");
  assert_refused ("{\"a\": NaN}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:7: expected a value: an object, a list, text in double "
                  "quotes, a number, true, false or null");
  assert_refused ("{\"a\": -x}", PLATEAU_MODEL_ERROR_SYNTAX,
                  "t.plateau:1:7: a number needs a digit here");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                  "[{\"name\": \"A\", \"periods\": [{\"label\": \"1\", \"investment\": 1, "
                  "\"return\": 2}, {\"label\": \"2\", \"investment\": \"ten\", \"return\": 2}]}]}",
                  PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: scenario 1 (“A”), period 2: “investment” must be a number");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                  "[{\"name\": \"A\", \"periods\": [{\"label\": \"1\", \"investment\": -1, "
                  "\"return\": 2}]}]}",
                  PLATEAU_MODEL_ERROR_INVALID,
                  "t.plateau: Period 1 (“1”) of “A” has a negative investment (-1)");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                  "[{\"name\": \"A\", \"settings\": {\"model\": \"cubic\"}, \"periods\": []}]}",
                  PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: scenario 1 (“A”), settings: “model” must be “logistic” or "
                  "“gompertz”");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                  "[{\"name\": \"A\", \"strategy\": [\"x\"], \"periods\": []}]}",
                  PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: scenario 1 (“A”): “strategy” must be an object");
  assert_refused ("{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                  "[{\"name\": \"A\", \"strategy\": {\"stage\": 3}, \"periods\": []}]}",
                  PLATEAU_MODEL_ERROR_FORMAT,
                  "t.plateau: scenario 1 (“A”), strategy: “stage” must be text");
}

static void
test_deep_nesting_is_refused (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) d = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');

  d = plateau_document_load_from_data (text->str, text->len, "deep.plateau", &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "deep.plateau:1:257: values are nested more than 256 deep");
}

static void
test_binary_file_is_refused (void)
{
  static const char data[] = { 0x7f, 'E', 'L', 'F', 0, 1, 2 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) d = plateau_document_load_from_data (data, sizeof data, "a.out",
                                                                    &error);

  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "a.out:1:5: the text is not valid UTF-8");
}

/* A hundred megabytes: a document that large is read whole, with nothing
 * cut; the same size of text that is not JSON is refused at its first
 * character, without reading on. */
static void
test_hundred_megabytes (void)
{
  const gsize size = 100 * 1024 * 1024;
  const char head[] = "{\"format\": \"plateau\", \"version\": 1, \"scenarios\": "
                      "[{\"name\": \"Big\", \"notes\": \"";
  const char tail[] = "\", \"periods\": [{\"label\": \"1\", \"investment\": 1, "
                      "\"return\": 2}]}]}";
  g_autofree char *text = g_malloc (size + 1);
  gsize notes_length = size - strlen (head) - strlen (tail);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) d = NULL;
  PlateauScenario *s;

  memcpy (text, head, strlen (head));
  memset (text + strlen (head), 'n', notes_length);
  memcpy (text + size - strlen (tail), tail, strlen (tail) + 1);
  d = plateau_document_load_from_data (text, size, "big.plateau", &error);
  g_assert_no_error (error);
  s = plateau_document_get_scenario (d, 0);
  g_assert_cmpuint (strlen (plateau_scenario_get_notes (s)), ==, notes_length);
  g_assert_cmpuint (plateau_scenario_get_n_periods (s), ==, 1);
  g_clear_object (&d);

  memset (text, 'x', size);
  d = plateau_document_load_from_data (text, size, "big.plateau", &error);
  g_assert_null (d);
  g_assert_cmpstr (error->message, ==, "big.plateau:1:1: expected a value: an object, a list, "
                                       "text in double quotes, a number, true, false or null");
}

static void
test_save_is_atomic (void)
{
  g_autoptr (PlateauDocument) d = make_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plateau-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "doc.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent-folder/doc.plateau");
  g_autoptr (PlateauDocument) back = NULL;
  g_autoptr (GDir) listing = NULL;
  g_autofree char *expected = plateau_document_to_data (d, NULL);
  g_autofree char *contents = NULL;
  const char *entry;
  guint n_entries = 0;

  g_assert_no_error (error);
  g_assert_true (plateau_document_save (d, file, NULL, &error));
  g_assert_true (plateau_document_save (d, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  back = plateau_document_load (file, NULL, &error);
  g_assert_no_error (error);

  /* Only the document is left: the temporary file was renamed over it. */
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 1);

  g_assert_false (plateau_document_save (d, missing, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A scenario that cannot be read back is not saved over a good file. */
  plateau_scenario_append_period (plateau_document_get_scenario (d, 0), "bad", NAN, 1);
  g_assert_false (plateau_document_save (d, file, NULL, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sample_document (void)
{
  static const struct { const char *name; PlateauStage stage; } expected[] = {
    { "Precision agriculture (illustrative)", PLATEAU_STAGE_DECLINE },
    { "Autonomous freight transport (illustrative)", PLATEAU_STAGE_MATURITY },
    { "AI-assisted diagnosis in healthcare (illustrative)", PLATEAU_STAGE_EXPLORATION },
  };
  static const char *graphs[] = {
    "Core concepts", "Life-cycle stages", "What drives ROI", "Path dependence",
    "Growth-model shifts", "A technology's own cycle",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "samples",
                                                 "sample.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) d = plateau_document_load (file, NULL, &error);
  PlateauScenario *mfg;
  gboolean seen[5] = { FALSE };

  g_assert_no_error (error);
  g_assert_cmpuint (plateau_document_get_n_scenarios (d), ==, 4);

  /* The study's series, exactly. */
  mfg = plateau_document_find_scenario (d, "Manufacturing automation");
  g_assert_nonnull (mfg);
  g_assert_cmpuint (plateau_scenario_get_n_periods (mfg), ==, 19);
  for (guint i = 0; i < 19; i++)
    {
      static const double ret[] = { 50, 65, 80, 95, 110, 125, 140, 155, 180, 205, 230, 255,
                                    280, 305, 330, 355, 380, 405, 430 };

      g_assert_cmpfloat (plateau_scenario_get_period (mfg, i)->investment, ==, 10 + 5 * i);
      g_assert_cmpfloat (plateau_scenario_get_period (mfg, i)->ret, ==, ret[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PlateauScenario *s = plateau_document_find_scenario (d, expected[i].name);
      g_autoptr (PlateauAnalysis) a = NULL;

      g_assert_nonnull (s);
      g_assert_nonnull (strstr (plateau_scenario_get_notes (s), "Illustrative figures"));
      g_assert_nonnull (strstr (plateau_scenario_get_notes (s),
                                plateau_stage_to_string (expected[i].stage)));
      a = plateau_analysis_new (s);
      g_assert_cmpint (plateau_analysis_get_current_stage (a)->stage, ==, expected[i].stage);

      for (guint k = 0; k < plateau_analysis_get_n_periods (a); k++)
        seen[plateau_analysis_get_period (a, k)->stage] = TRUE;
    }

  /* Between them the illustrative scenarios show every stage. */
  for (PlateauStage stage = PLATEAU_STAGE_EXPLORATION; stage <= PLATEAU_STAGE_DECLINE; stage++)
    g_assert_true (seen[stage]);

  g_assert_cmpuint (plateau_document_get_n_graphs (d), ==, G_N_ELEMENTS (graphs));
  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    g_assert_cmpstr (plateau_concept_graph_get_name (plateau_document_get_graph (d, i)), ==,
                     graphs[i]);
  g_assert_nonnull (strstr (plateau_concept_graph_get_source (plateau_document_get_graph (d, 1)),
                            "A[探索期]"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/round-trip", test_round_trip_is_exact);
  g_test_add_func ("/document/strategy-optional", test_strategy_notes_optional);
  g_test_add_func ("/document/strategy-edit", test_strategy_note_edit);
  g_test_add_func ("/document/numbers", test_numbers_are_valid_json);
  g_test_add_func ("/document/refusals", test_refusals);
  g_test_add_func ("/document/deep-nesting", test_deep_nesting_is_refused);
  g_test_add_func ("/document/binary", test_binary_file_is_refused);
  g_test_add_func ("/document/hundred-megabytes", test_hundred_megabytes);
  g_test_add_func ("/document/atomic-save", test_save_is_atomic);
  g_test_add_func ("/document/sample", test_sample_document);

  return g_test_run ();
}
