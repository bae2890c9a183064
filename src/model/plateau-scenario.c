/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-model-error.h"
#include "plateau-scenario.h"

/*
 * A scenario is the analyst's data for one technology. Views recompute the
 * analysis on ::changed, so every edit emits it exactly once, and a batch of
 * edits between begin_batch() and end_batch() emits it once at the end.
 */
struct _PlateauScenario
{
  GObject parent_instance;

  char *name;
  char *unit;
  char *notes;
  char *strategy[PLATEAU_STRATEGY_N_STEPS];
  PlateauSettings settings;
  GArray *periods;
  GArray *plan;

  guint batch_depth;
  gboolean changed_in_batch;
};

G_DEFINE_FINAL_TYPE (PlateauScenario, plateau_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UNIT,
  PROP_NOTES,
  PROP_N_PERIODS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * plateau_settings_init_default:
 * @settings: the settings to fill
 *
 * Fills @settings with the defaults: the 10/50/90 % stage thresholds, a
 * trailing window of 5 periods, a forecast of 5 periods, a logistic curve
 * over time.
 */
void
plateau_settings_init_default (PlateauSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->exploration_end = 0.10;
  settings->growth_end = 0.50;
  settings->maturity_end = 0.90;
  settings->trailing_window = 5;
  settings->forecast_horizon = 5;
  settings->model = PLATEAU_CURVE_LOGISTIC;
  settings->basis = PLATEAU_BASIS_TIME;
}

/**
 * plateau_settings_validate:
 * @settings: the settings to check
 * @error: return location for the reason they are unusable
 *
 * Checks that the thresholds are increasing inside (0, 1) and that the
 * window, horizon, model and basis are within range.
 *
 * Returns: whether the settings can be used
 */
gboolean
plateau_settings_validate (const PlateauSettings *settings,
                           GError               **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!(settings->exploration_end > 0
        && settings->exploration_end < settings->growth_end
        && settings->growth_end < settings->maturity_end
        && settings->maturity_end < 1))
    {
      g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                   _("The stage thresholds must increase strictly between 0 and 1 "
                     "(they are %g, %g and %g)"),
                   settings->exploration_end, settings->growth_end, settings->maturity_end);
      return FALSE;
    }

  if (settings->trailing_window < 2 || settings->trailing_window > 1000)
    {
      g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                   _("The trailing window must be between 2 and 1000 periods (it is %u)"),
                   settings->trailing_window);
      return FALSE;
    }

  if (settings->forecast_horizon > 1000)
    {
      g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                   _("The forecast horizon must be at most 1000 periods (it is %u)"),
                   settings->forecast_horizon);
      return FALSE;
    }

  if (settings->model > PLATEAU_CURVE_GOMPERTZ
      || settings->basis > PLATEAU_BASIS_CUMULATIVE_INVESTMENT)
    {
      g_set_error_literal (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                           _("The S-curve model or basis is unknown"));
      return FALSE;
    }

  return TRUE;
}

/**
 * plateau_strategy_step_to_string:
 * @step: a step of the strategy
 *
 * Returns: the step's stable name, as documents store it
 */
const char *
plateau_strategy_step_to_string (PlateauStrategyStep step)
{
  static const char *const names[] = {
    "stage", "innovation", "applications", "investment", "long_term",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PLATEAU_STRATEGY_N_STEPS);
  g_return_val_if_fail (step < PLATEAU_STRATEGY_N_STEPS, NULL);

  return names[step];
}

static void
clear_period (gpointer data)
{
  PlateauPeriod *period = data;

  g_clear_pointer (&period->label, g_free);
}

static void
emit_changed (PlateauScenario *self)
{
  if (self->batch_depth > 0)
    {
      self->changed_in_batch = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
plateau_scenario_finalize (GObject *object)
{
  PlateauScenario *self = (PlateauScenario *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->notes, g_free);
  for (guint i = 0; i < PLATEAU_STRATEGY_N_STEPS; i++)
    g_clear_pointer (&self->strategy[i], g_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->plan, g_array_unref);

  G_OBJECT_CLASS (plateau_scenario_parent_class)->finalize (object);
}

static void
plateau_scenario_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlateauScenario *self = PLATEAU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_N_PERIODS:
      g_value_set_uint (value, self->periods->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_scenario_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlateauScenario *self = PLATEAU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      plateau_scenario_set_name (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      plateau_scenario_set_unit (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      plateau_scenario_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_scenario_class_init (PlateauScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plateau_scenario_finalize;
  object_class->get_property = plateau_scenario_get_property;
  object_class->set_property = plateau_scenario_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_N_PERIODS] =
    g_param_spec_uint ("n-periods", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlateauScenario::changed:
   *
   * Emitted once after every edit of the data, settings, name, unit,
   * notes or strategy notes, and once at the end of a batch of edits.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plateau_scenario_init (PlateauScenario *self)
{
  self->name = g_strdup ("");
  self->unit = g_strdup ("");
  self->notes = g_strdup ("");
  for (guint i = 0; i < PLATEAU_STRATEGY_N_STEPS; i++)
    self->strategy[i] = g_strdup ("");
  self->periods = g_array_new (FALSE, FALSE, sizeof (PlateauPeriod));
  g_array_set_clear_func (self->periods, clear_period);
  self->plan = g_array_new (FALSE, FALSE, sizeof (double));
  plateau_settings_init_default (&self->settings);
}

/**
 * plateau_scenario_new:
 * @name: the scenario's name
 *
 * Creates an empty scenario with default settings.
 *
 * Returns: (transfer full): the new scenario
 */
PlateauScenario *
plateau_scenario_new (const char *name)
{
  return g_object_new (PLATEAU_TYPE_SCENARIO, "name", name != NULL ? name : "", NULL);
}

/**
 * plateau_scenario_dup:
 * @self: a scenario
 *
 * Copies the scenario deeply, for snapshots such as undo.
 *
 * Returns: (transfer full): an independent copy
 */
PlateauScenario *
plateau_scenario_dup (PlateauScenario *self)
{
  PlateauScenario *copy;

  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);

  copy = plateau_scenario_new (self->name);
  g_free (copy->unit);
  copy->unit = g_strdup (self->unit);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  for (guint i = 0; i < PLATEAU_STRATEGY_N_STEPS; i++)
    {
      g_free (copy->strategy[i]);
      copy->strategy[i] = g_strdup (self->strategy[i]);
    }
  copy->settings = self->settings;
  g_array_append_vals (copy->plan, self->plan->data, self->plan->len);

  for (guint i = 0; i < self->periods->len; i++)
    {
      const PlateauPeriod *p = &g_array_index (self->periods, PlateauPeriod, i);
      PlateauPeriod q = { g_strdup (p->label), p->investment, p->ret };

      g_array_append_val (copy->periods, q);
    }

  return copy;
}

static gboolean
replace_string (char      **field,
                const char *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * plateau_scenario_get_name:
 * @self: a scenario
 *
 * Returns: the scenario's name, never %NULL
 */
const char *
plateau_scenario_get_name (PlateauScenario *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);

  return self->name;
}

/**
 * plateau_scenario_set_name:
 * @self: a scenario
 * @name: the new name
 *
 * Renames the scenario.
 */
void
plateau_scenario_set_name (PlateauScenario *self,
                           const char      *name)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  if (!replace_string (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

/**
 * plateau_scenario_get_unit:
 * @self: a scenario
 *
 * Returns: the currency unit of investment and return, never %NULL
 */
const char *
plateau_scenario_get_unit (PlateauScenario *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);

  return self->unit;
}

/**
 * plateau_scenario_set_unit:
 * @self: a scenario
 * @unit: the currency unit, such as "million EUR"
 *
 * Sets the unit in which investment and return are counted.
 */
void
plateau_scenario_set_unit (PlateauScenario *self,
                           const char      *unit)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  if (!replace_string (&self->unit, unit))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  emit_changed (self);
}

/**
 * plateau_scenario_get_notes:
 * @self: a scenario
 *
 * Returns: the analyst's notes, never %NULL
 */
const char *
plateau_scenario_get_notes (PlateauScenario *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);

  return self->notes;
}

/**
 * plateau_scenario_set_notes:
 * @self: a scenario
 * @notes: free text
 *
 * Sets the analyst's notes.
 */
void
plateau_scenario_set_notes (PlateauScenario *self,
                            const char      *notes)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  if (!replace_string (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  emit_changed (self);
}

/**
 * plateau_scenario_get_strategy_note:
 * @self: a scenario
 * @step: a step of the strategy
 *
 * Returns: the analyst's note on @step, never %NULL
 */
const char *
plateau_scenario_get_strategy_note (PlateauScenario     *self,
                                    PlateauStrategyStep  step)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (step < PLATEAU_STRATEGY_N_STEPS, NULL);

  return self->strategy[step];
}

/**
 * plateau_scenario_set_strategy_note:
 * @self: a scenario
 * @step: a step of the strategy
 * @note: free text
 *
 * Sets the analyst's note on one step of the strategy.
 */
void
plateau_scenario_set_strategy_note (PlateauScenario     *self,
                                    PlateauStrategyStep  step,
                                    const char          *note)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (step < PLATEAU_STRATEGY_N_STEPS);

  if (!replace_string (&self->strategy[step], note))
    return;

  emit_changed (self);
}

/**
 * plateau_scenario_get_settings:
 * @self: a scenario
 * @settings: (out caller-allocates): where to copy the settings
 *
 * Copies the analysis settings.
 */
void
plateau_scenario_get_settings (PlateauScenario *self,
                               PlateauSettings *settings)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (settings != NULL);

  *settings = self->settings;
}

/**
 * plateau_scenario_set_settings:
 * @self: a scenario
 * @settings: the new settings; see plateau_settings_validate()
 *
 * Replaces the analysis settings. Invalid settings are refused with a
 * critical warning: validate what the user typed first.
 */
void
plateau_scenario_set_settings (PlateauScenario       *self,
                               const PlateauSettings *settings)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (plateau_settings_validate (settings, NULL));

  if (memcmp (&self->settings, settings, sizeof *settings) == 0)
    return;

  self->settings = *settings;
  emit_changed (self);
}

/**
 * plateau_scenario_get_plan:
 * @self: a scenario
 * @n_values: (out): the number of planned investments
 *
 * Returns: (array length=n_values): the planned investment of each forecast
 *   period, or %NULL when there is no plan
 */
const double *
plateau_scenario_get_plan (PlateauScenario *self,
                           guint           *n_values)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = self->plan->len;
  return self->plan->len > 0 ? (const double *) self->plan->data : NULL;
}

/**
 * plateau_scenario_set_plan:
 * @self: a scenario
 * @values: (array length=n_values) (nullable): planned investments, each
 *   finite and ≥ 0
 * @n_values: their number; 0 removes the plan
 *
 * Sets the investment planned for the first forecast periods; later periods
 * continue the investment's linear trend.
 */
void
plateau_scenario_set_plan (PlateauScenario *self,
                           const double    *values,
                           guint            n_values)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (n_values == 0 || values != NULL);

  for (guint i = 0; i < n_values; i++)
    g_return_if_fail (isfinite (values[i]) && values[i] >= 0);

  if (n_values == self->plan->len
      && (n_values == 0 || memcmp (values, self->plan->data, n_values * sizeof (double)) == 0))
    return;

  g_array_set_size (self->plan, 0);
  g_array_append_vals (self->plan, values, n_values);
  emit_changed (self);
}

/**
 * plateau_scenario_get_n_periods:
 * @self: a scenario
 *
 * Returns: the number of periods
 */
guint
plateau_scenario_get_n_periods (PlateauScenario *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), 0);

  return self->periods->len;
}

/**
 * plateau_scenario_get_period:
 * @self: a scenario
 * @position: the period's index
 *
 * Returns: (transfer none): the period, valid until the next edit
 */
const PlateauPeriod *
plateau_scenario_get_period (PlateauScenario *self,
                             guint            position)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (position < self->periods->len, NULL);

  return &g_array_index (self->periods, PlateauPeriod, position);
}

/**
 * plateau_scenario_get_periods:
 * @self: a scenario
 * @n_periods: (out): the number of periods
 *
 * Returns: (transfer none) (array length=n_periods): every period in order,
 *   valid until the next edit
 */
const PlateauPeriod *
plateau_scenario_get_periods (PlateauScenario *self,
                              guint           *n_periods)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (n_periods != NULL, NULL);

  *n_periods = self->periods->len;
  return (const PlateauPeriod *) self->periods->data;
}

static void
notify_n_periods (PlateauScenario *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PERIODS]);
  emit_changed (self);
}

/**
 * plateau_scenario_append_period:
 * @self: a scenario
 * @label: the period's label
 * @investment: its investment
 * @ret: its return
 *
 * Adds a period at the end. Values are stored as given; the analysis
 * reports the ones it cannot use.
 */
void
plateau_scenario_append_period (PlateauScenario *self,
                                const char      *label,
                                double           investment,
                                double           ret)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  plateau_scenario_insert_period (self, self->periods->len, label, investment, ret);
}

/**
 * plateau_scenario_insert_period:
 * @self: a scenario
 * @position: where to insert, at most the number of periods
 * @label: the period's label
 * @investment: its investment
 * @ret: its return
 *
 * Inserts a period before @position.
 */
void
plateau_scenario_insert_period (PlateauScenario *self,
                                guint            position,
                                const char      *label,
                                double           investment,
                                double           ret)
{
  PlateauPeriod period;

  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (position <= self->periods->len);

  period.label = g_strdup (label != NULL ? label : "");
  period.investment = investment;
  period.ret = ret;
  g_array_insert_val (self->periods, position, period);

  notify_n_periods (self);
}

/**
 * plateau_scenario_set_period:
 * @self: a scenario
 * @position: the period's index
 * @label: the new label
 * @investment: the new investment
 * @ret: the new return
 *
 * Replaces one period's values.
 */
void
plateau_scenario_set_period (PlateauScenario *self,
                             guint            position,
                             const char      *label,
                             double           investment,
                             double           ret)
{
  PlateauPeriod *period;
  gboolean changed;

  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (position < self->periods->len);

  period = &g_array_index (self->periods, PlateauPeriod, position);

  /* Compare bit patterns so that a NaN typed twice is not a change. */
  changed = replace_string (&period->label, label);
  changed |= memcmp (&period->investment, &investment, sizeof investment) != 0;
  changed |= memcmp (&period->ret, &ret, sizeof ret) != 0;
  if (!changed)
    return;

  period->investment = investment;
  period->ret = ret;
  emit_changed (self);
}

/**
 * plateau_scenario_remove_period:
 * @self: a scenario
 * @position: the period's index
 *
 * Removes one period.
 */
void
plateau_scenario_remove_period (PlateauScenario *self,
                                guint            position)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (position < self->periods->len);

  g_array_remove_index (self->periods, position);
  notify_n_periods (self);
}

/**
 * plateau_scenario_clear_periods:
 * @self: a scenario
 *
 * Removes every period.
 */
void
plateau_scenario_clear_periods (PlateauScenario *self)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  if (self->periods->len == 0)
    return;

  g_array_set_size (self->periods, 0);
  notify_n_periods (self);
}

/**
 * plateau_scenario_begin_batch:
 * @self: a scenario
 *
 * Starts a batch of edits: ::changed and property notifications are held
 * back until the matching plateau_scenario_end_batch(). Batches nest.
 */
void
plateau_scenario_begin_batch (PlateauScenario *self)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));

  if (self->batch_depth++ == 0)
    {
      self->changed_in_batch = FALSE;
      g_object_freeze_notify (G_OBJECT (self));
    }
}

/**
 * plateau_scenario_end_batch:
 * @self: a scenario
 *
 * Ends a batch of edits; when the outermost batch ends and anything
 * changed, ::changed is emitted once.
 */
void
plateau_scenario_end_batch (PlateauScenario *self)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  g_object_thaw_notify (G_OBJECT (self));

  if (self->changed_in_batch)
    {
      self->changed_in_batch = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/**
 * plateau_scenario_validate:
 * @self: a scenario
 * @error: return location for the first problem found
 *
 * Checks the data a document may hold: every number finite, every
 * investment ≥ 0, labels unique and not empty. Gaps such as a zero
 * investment are allowed; the analysis reports them as warnings.
 *
 * Returns: whether the scenario can be saved and analysed as it is
 */
gboolean
plateau_scenario_validate (PlateauScenario *self,
                           GError         **error)
{
  g_autoptr (GHashTable) seen = NULL;

  g_return_val_if_fail (PLATEAU_IS_SCENARIO (self), FALSE);

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->periods->len; i++)
    {
      const PlateauPeriod *p = &g_array_index (self->periods, PlateauPeriod, i);
      gpointer first;

      if (!isfinite (p->investment) || !isfinite (p->ret))
        {
          g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                       _("Period %u (“%s”) of “%s” has a value that is not a finite number"),
                       i + 1, p->label, self->name);
          return FALSE;
        }

      if (p->investment < 0)
        {
          g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                       _("Period %u (“%s”) of “%s” has a negative investment (%g)"),
                       i + 1, p->label, self->name, p->investment);
          return FALSE;
        }

      if (p->label[0] == '\0')
        {
          g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                       _("Period %u of “%s” has no label"), i + 1, self->name);
          return FALSE;
        }

      if (g_hash_table_lookup_extended (seen, p->label, NULL, &first))
        {
          g_set_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                       _("Period %u of “%s” repeats the label “%s” of period %u"),
                       i + 1, self->name, p->label, GPOINTER_TO_UINT (first) + 1);
          return FALSE;
        }

      g_hash_table_insert (seen, p->label, GUINT_TO_POINTER (i));
    }

  return TRUE;
}
