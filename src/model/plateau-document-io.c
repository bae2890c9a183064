/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-analysis.h"
#include "plateau-document.h"
#include "plateau-json-reader-private.h"
#include "plateau-json-writer.h"
#include "plateau-model-error.h"

/*
 * Reading and writing *.plateau files: UTF-8 JSON with "format" and
 * "version" at the top. Reading is all or nothing: a document that fails
 * anywhere is refused whole, with a message naming the place.
 */

/* Files above this size are refused before they are read. */
#define MAX_DOCUMENT_BYTES (256 * 1024 * 1024)

typedef struct
{
  const char *file;
  GError **error;
} Loader;

static gboolean G_GNUC_PRINTF (3, 4)
refuse (Loader     *l,
        int         code,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (l->error, PLATEAU_MODEL_ERROR, code, "%s: %s", l->file, message);
  return FALSE;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reads an optional string member; absent means @fallback. */
static gboolean
get_string (Loader      *l,
            JsonObject  *object,
            const char  *member,
            const char  *where,
            const char  *fallback,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && fallback != NULL)
    {
      *out = fallback;
      return TRUE;
    }

  if (!is_string (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “%s” must be text"), where, member);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_number (Loader     *l,
            JsonObject *object,
            const char *member,
            const char *where,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!is_number (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “%s” must be a number"), where, member);

  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
get_count (Loader     *l,
           JsonObject *object,
           const char *member,
           const char *where,
           guint      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!is_number (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || (value = json_node_get_int (node)) < 0 || value > G_MAXUINT)
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT,
                   _("%s: “%s” must be a whole number of periods"), where, member);

  *out = (guint) value;
  return TRUE;
}

static gboolean
get_enum (Loader      *l,
          JsonObject  *object,
          const char  *member,
          const char  *where,
          const char  *first,
          const char  *second,
          guint       *out)
{
  const char *text;

  if (json_object_get_member (object, member) == NULL)
    return TRUE;
  if (!get_string (l, object, member, where, NULL, &text))
    return FALSE;

  if (g_strcmp0 (text, first) == 0)
    *out = 0;
  else if (g_strcmp0 (text, second) == 0)
    *out = 1;
  else
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “%s” must be “%s” or “%s”"),
                   where, member, first, second);

  return TRUE;
}

static gboolean
read_plan (Loader          *l,
           JsonObject      *settings,
           const char      *where,
           PlateauScenario *scenario)
{
  JsonNode *node = json_object_get_member (settings, "plan");
  g_autoptr (GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “plan” must be a list"), where);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      double value;

      if (!is_number (item) || (value = json_node_get_double (item)) < 0)
        return refuse (l, PLATEAU_MODEL_ERROR_FORMAT,
                       _("%s: planned investment %u must be a number ≥ 0"), where, i + 1);
      g_array_append_val (plan, value);
    }

  plateau_scenario_set_plan (scenario, (double *) plan->data, plan->len);
  return TRUE;
}

static gboolean
read_settings (Loader          *l,
               JsonObject      *object,
               const char      *where,
               PlateauScenario *scenario)
{
  JsonNode *node = json_object_get_member (object, "settings");
  g_autofree char *here = g_strdup_printf (_("%s, settings"), where);
  g_autoptr (GError) invalid = NULL;
  PlateauSettings s;
  JsonObject *o;
  guint model = 0, basis = 0;

  plateau_settings_init_default (&s);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “settings” must be an object"), where);

  o = json_node_get_object (node);
  if ((json_object_has_member (o, "exploration_end")
       && !get_number (l, o, "exploration_end", here, &s.exploration_end))
      || (json_object_has_member (o, "growth_end")
          && !get_number (l, o, "growth_end", here, &s.growth_end))
      || (json_object_has_member (o, "maturity_end")
          && !get_number (l, o, "maturity_end", here, &s.maturity_end))
      || !get_count (l, o, "trailing_window", here, &s.trailing_window)
      || !get_count (l, o, "forecast_horizon", here, &s.forecast_horizon)
      || !get_enum (l, o, "model", here, "logistic", "gompertz", &model)
      || !get_enum (l, o, "basis", here, "time", "cumulative-investment", &basis))
    return FALSE;

  s.model = model;
  s.basis = basis;
  if (!plateau_settings_validate (&s, &invalid))
    return refuse (l, PLATEAU_MODEL_ERROR_INVALID, "%s: %s", here, invalid->message);

  plateau_scenario_set_settings (scenario, &s);
  return read_plan (l, o, here, scenario);
}

/* The analyst's notes on the steps of the strategy; absent, or a step
 * absent, means no note, so that documents written before them still read. */
static gboolean
read_strategy (Loader          *l,
               JsonObject      *object,
               const char      *where,
               PlateauScenario *scenario)
{
  JsonNode *node = json_object_get_member (object, "strategy");
  g_autofree char *here = NULL;
  JsonObject *o;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “strategy” must be an object"), where);

  o = json_node_get_object (node);
  here = g_strdup_printf (_("%s, strategy"), where);
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    {
      const char *note;

      if (!get_string (l, o, plateau_strategy_step_to_string (step), here, "", &note))
        return FALSE;
      plateau_scenario_set_strategy_note (scenario, step, note);
    }

  return TRUE;
}

static gboolean
read_period (Loader          *l,
             JsonNode        *node,
             const char      *where,
             guint            index,
             PlateauScenario *scenario)
{
  g_autofree char *here = g_strdup_printf (_("%s, period %u"), where, index + 1);
  g_autofree char *label_text = NULL;
  JsonObject *o;
  JsonNode *label;
  double investment, ret;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: a period must be an object"), here);

  o = json_node_get_object (node);
  label = json_object_get_member (o, "label");
  if (is_string (label))
    label_text = g_strdup (json_node_get_string (label));
  else if (is_number (label) && json_node_get_value_type (label) == G_TYPE_INT64)
    label_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (label));
  else
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “label” must be text"), here);

  if (!get_number (l, o, "investment", here, &investment)
      || !get_number (l, o, "return", here, &ret))
    return FALSE;

  plateau_scenario_append_period (scenario, label_text, investment, ret);
  return TRUE;
}

static PlateauScenario *
read_scenario (Loader   *l,
               JsonNode *node,
               guint     index)
{
  g_autofree char *where = g_strdup_printf (_("scenario %u"), index + 1);
  g_autoptr (PlateauScenario) scenario = NULL;
  g_autoptr (GError) invalid = NULL;
  const char *name, *unit, *notes;
  JsonObject *o;
  JsonNode *periods;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s must be an object"), where), NULL;

  o = json_node_get_object (node);
  if (!get_string (l, o, "name", where, NULL, &name))
    return NULL;

  g_free (where);
  where = g_strdup_printf (_("scenario %u (“%s”)"), index + 1, name);
  if (!get_string (l, o, "unit", where, "", &unit)
      || !get_string (l, o, "notes", where, "", &notes))
    return NULL;

  scenario = plateau_scenario_new (name);
  plateau_scenario_set_unit (scenario, unit);
  plateau_scenario_set_notes (scenario, notes);
  if (!read_strategy (l, o, where, scenario) || !read_settings (l, o, where, scenario))
    return NULL;

  periods = json_object_get_member (o, "periods");
  if (periods == NULL || !JSON_NODE_HOLDS_ARRAY (periods))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s: “periods” must be a list"), where), NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (periods)); i++)
    if (!read_period (l, json_array_get_element (json_node_get_array (periods), i), where, i,
                      scenario))
      return NULL;

  if (!plateau_scenario_validate (scenario, &invalid))
    return refuse (l, PLATEAU_MODEL_ERROR_INVALID, "%s", invalid->message), NULL;

  return g_steal_pointer (&scenario);
}

static PlateauConceptGraph *
read_graph (Loader   *l,
            JsonNode *node,
            guint     index)
{
  g_autofree char *where = g_strdup_printf (_("graph %u"), index + 1);
  const char *name, *source;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("%s must be an object"), where), NULL;

  if (!get_string (l, json_node_get_object (node), "name", where, NULL, &name)
      || !get_string (l, json_node_get_object (node), "source", where, NULL, &source))
    return NULL;

  return plateau_concept_graph_new (name, source);
}

static gboolean
check_header (Loader     *l,
              JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  if (!is_string (format) || g_strcmp0 (json_node_get_string (format), "plateau") != 0)
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT,
                   _("this is not a Plateau document (it lacks “format”: “plateau”)"));

  if (!is_number (version) || json_node_get_value_type (version) != G_TYPE_INT64
      || (v = json_node_get_int (version)) < 1)
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("the document's “version” must be a whole "
                                                    "number from 1"));

  /* The version is formatted apart: xgettext cannot see through
   * G_GINT64_FORMAT, and would cut the message there. */
  if (v > PLATEAU_DOCUMENT_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      return refuse (l, PLATEAU_MODEL_ERROR_VERSION,
                     _("the document was written by a newer Plateau (format version %s; "
                       "this version reads up to %d); update Plateau to open it"),
                     found, PLATEAU_DOCUMENT_VERSION);
    }

  return TRUE;
}

/* Reads an optional list member; absent, it is empty (*out is NULL). */
static gboolean
get_list (Loader      *l,
          JsonObject  *root,
          const char  *member,
          JsonArray  **out)
{
  JsonNode *node = json_object_get_member (root, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (l, PLATEAU_MODEL_ERROR_FORMAT, _("“%s” must be a list"), member);

  *out = json_node_get_array (node);
  return TRUE;
}

static guint
list_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static gboolean
fill_document (Loader          *l,
               JsonObject      *root,
               PlateauDocument *document)
{
  JsonArray *scenarios, *graphs;

  if (!get_list (l, root, "scenarios", &scenarios) || !get_list (l, root, "graphs", &graphs))
    return FALSE;

  for (guint i = 0; i < list_length (scenarios); i++)
    {
      g_autoptr (PlateauScenario) scenario = NULL;

      scenario = read_scenario (l, json_array_get_element (scenarios, i), i);

      if (scenario == NULL)
        return FALSE;
      plateau_document_add_scenario (document, scenario);
    }

  for (guint i = 0; i < list_length (graphs); i++)
    {
      g_autoptr (PlateauConceptGraph) graph = NULL;

      graph = read_graph (l, json_array_get_element (graphs, i), i);

      if (graph == NULL)
        return FALSE;
      plateau_document_add_graph (document, graph);
    }

  return TRUE;
}

/**
 * plateau_document_load_from_data:
 * @data: the document's text
 * @length: its length in bytes, or -1 when NUL-terminated
 * @display_name: the name errors give the document, usually its file name
 * @error: return location for an error naming the place of the problem
 *
 * Reads a document. A newer format version, malformed JSON or a value of
 * the wrong kind refuses the whole document.
 *
 * Returns: (transfer full) (nullable): the document
 */
PlateauDocument *
plateau_document_load_from_data (const char  *data,
                                 gssize       length,
                                 const char  *display_name,
                                 GError     **error)
{
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (JsonNode) root = NULL;
  Loader l = { display_name != NULL ? display_name : "<data>", error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (length == 0)
    return refuse (&l, PLATEAU_MODEL_ERROR_EMPTY, _("the file is empty")), NULL;

  if ((root = plateau_json_parse (data, length, l.file, error)) == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return refuse (&l, PLATEAU_MODEL_ERROR_FORMAT,
                   _("this is not a Plateau document (it is not a JSON object)")), NULL;

  if (!check_header (&l, json_node_get_object (root)))
    return NULL;

  document = plateau_document_new ();
  if (!fill_document (&l, json_node_get_object (root), document))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * plateau_document_load:
 * @file: a *.plateau file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a document from a file; see plateau_document_load_from_data().
 *
 * Returns: (transfer full) (nullable): the document
 */
PlateauDocument *
plateau_document_load (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFileInfo) info = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > MAX_DOCUMENT_BYTES)
    {
      g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB; this cannot be a Plateau document"),
                   name, MAX_DOCUMENT_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return plateau_document_load_from_data (data, length, name, error);
}

static void
write_settings (PlateauJsonWriter *w,
                PlateauScenario   *scenario)
{
  PlateauSettings s;
  const double *plan;
  guint n_plan;

  plateau_scenario_get_settings (scenario, &s);
  plan = plateau_scenario_get_plan (scenario, &n_plan);

  plateau_json_writer_member (w, "settings");
  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "exploration_end");
  plateau_json_writer_double (w, s.exploration_end);
  plateau_json_writer_member (w, "growth_end");
  plateau_json_writer_double (w, s.growth_end);
  plateau_json_writer_member (w, "maturity_end");
  plateau_json_writer_double (w, s.maturity_end);
  plateau_json_writer_member (w, "trailing_window");
  plateau_json_writer_int (w, s.trailing_window);
  plateau_json_writer_member (w, "forecast_horizon");
  plateau_json_writer_int (w, s.forecast_horizon);
  plateau_json_writer_member (w, "model");
  plateau_json_writer_string (w, plateau_curve_model_to_string (s.model));
  plateau_json_writer_member (w, "basis");
  plateau_json_writer_string (w, plateau_curve_basis_to_string (s.basis));
  plateau_json_writer_member (w, "plan");
  plateau_json_writer_begin_array (w);
  for (guint i = 0; i < n_plan; i++)
    plateau_json_writer_double (w, plan[i]);
  plateau_json_writer_end_array (w);
  plateau_json_writer_end_object (w);
}

static void
write_strategy (PlateauJsonWriter *w,
                PlateauScenario   *scenario)
{
  plateau_json_writer_member (w, "strategy");
  plateau_json_writer_begin_object (w);
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    {
      plateau_json_writer_member (w, plateau_strategy_step_to_string (step));
      plateau_json_writer_string (w, plateau_scenario_get_strategy_note (scenario, step));
    }
  plateau_json_writer_end_object (w);
}

static void
write_scenario (PlateauJsonWriter *w,
                PlateauScenario   *scenario)
{
  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "name");
  plateau_json_writer_string (w, plateau_scenario_get_name (scenario));
  plateau_json_writer_member (w, "unit");
  plateau_json_writer_string (w, plateau_scenario_get_unit (scenario));
  plateau_json_writer_member (w, "notes");
  plateau_json_writer_string (w, plateau_scenario_get_notes (scenario));
  write_strategy (w, scenario);
  write_settings (w, scenario);

  plateau_json_writer_member (w, "periods");
  plateau_json_writer_begin_array (w);
  for (guint i = 0; i < plateau_scenario_get_n_periods (scenario); i++)
    {
      const PlateauPeriod *p = plateau_scenario_get_period (scenario, i);

      plateau_json_writer_begin_object (w);
      plateau_json_writer_member (w, "label");
      plateau_json_writer_string (w, p->label);
      plateau_json_writer_member (w, "investment");
      plateau_json_writer_double (w, p->investment);
      plateau_json_writer_member (w, "return");
      plateau_json_writer_double (w, p->ret);
      plateau_json_writer_end_object (w);
    }
  plateau_json_writer_end_array (w);
  plateau_json_writer_end_object (w);
}

/**
 * plateau_document_to_data:
 * @self: a document
 * @length: (out) (optional): the text's length
 *
 * Writes the document as JSON text in the current format version. Numbers
 * are written so that they read back exactly; a number that is not finite
 * (which plateau_scenario_validate() refuses) is written as null.
 *
 * Returns: (transfer full): the text
 */
char *
plateau_document_to_data (PlateauDocument *self,
                          gsize           *length)
{
  g_autoptr (PlateauJsonWriter) w = plateau_json_writer_new (TRUE);

  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);

  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "format");
  plateau_json_writer_string (w, PLATEAU_DOCUMENT_FORMAT);
  plateau_json_writer_member (w, "version");
  plateau_json_writer_int (w, PLATEAU_DOCUMENT_VERSION);

  plateau_json_writer_member (w, "scenarios");
  plateau_json_writer_begin_array (w);
  for (guint i = 0; i < plateau_document_get_n_scenarios (self); i++)
    write_scenario (w, plateau_document_get_scenario (self, i));
  plateau_json_writer_end_array (w);

  plateau_json_writer_member (w, "graphs");
  plateau_json_writer_begin_array (w);
  for (guint i = 0; i < plateau_document_get_n_graphs (self); i++)
    {
      PlateauConceptGraph *graph = plateau_document_get_graph (self, i);

      plateau_json_writer_begin_object (w);
      plateau_json_writer_member (w, "name");
      plateau_json_writer_string (w, plateau_concept_graph_get_name (graph));
      plateau_json_writer_member (w, "source");
      plateau_json_writer_string (w, plateau_concept_graph_get_source (graph));
      plateau_json_writer_end_object (w);
    }
  plateau_json_writer_end_array (w);
  plateau_json_writer_end_object (w);

  return plateau_json_writer_steal (w, length);
}

/**
 * plateau_document_save:
 * @self: a document
 * @file: where to save
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves the document atomically: the text goes to a temporary file that
 * then replaces @file, so a crash leaves either the old or the new file,
 * never a torn one. Scenarios that fail plateau_scenario_validate() are
 * refused, so that every saved file can be read back.
 *
 * Returns: whether the document was saved
 */
gboolean
plateau_document_save (PlateauDocument *self,
                       GFile           *file,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  for (guint i = 0; i < plateau_document_get_n_scenarios (self); i++)
    if (!plateau_scenario_validate (plateau_document_get_scenario (self, i), error))
      return FALSE;

  data = plateau_document_to_data (self, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}
