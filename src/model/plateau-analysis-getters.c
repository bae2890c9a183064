/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-analysis-private.h"

/**
 * plateau_analysis_get_name:
 * @self: an analysis
 *
 * Returns: the name of the scenario analysed
 */
const char *
plateau_analysis_get_name (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * plateau_analysis_get_unit:
 * @self: an analysis
 *
 * Returns: the currency unit of the scenario analysed
 */
const char *
plateau_analysis_get_unit (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unit;
}

/**
 * plateau_analysis_get_settings:
 * @self: an analysis
 *
 * Returns: the settings the analysis used
 */
const PlateauSettings *
plateau_analysis_get_settings (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->settings;
}

/**
 * plateau_analysis_get_n_periods:
 * @self: an analysis
 *
 * Returns: the number of periods, the same as the scenario's
 */
guint
plateau_analysis_get_n_periods (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_periods;
}

/**
 * plateau_analysis_get_period:
 * @self: an analysis
 * @index: the period's index
 *
 * Returns: everything computed for the period
 */
const PlateauPeriodResult *
plateau_analysis_get_period (const PlateauAnalysis *self,
                             guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_periods, NULL);

  return &self->periods[index];
}

/**
 * plateau_analysis_get_trend:
 * @self: an analysis
 *
 * Returns: the ROI trend
 */
const PlateauTrend *
plateau_analysis_get_trend (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->trend;
}

/**
 * plateau_analysis_get_elasticity:
 * @self: an analysis
 *
 * Returns: the returns-to-scale fit
 */
const PlateauElasticity *
plateau_analysis_get_elasticity (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->elasticity;
}

/**
 * plateau_analysis_get_lifecycle:
 * @self: an analysis
 *
 * Returns: the S-curve fit
 */
const PlateauLifecycle *
plateau_analysis_get_lifecycle (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->lifecycle;
}

/**
 * plateau_analysis_get_current_stage:
 * @self: an analysis
 *
 * Returns: the stage of the last period, with its confidence and reason
 */
const PlateauStageAssessment *
plateau_analysis_get_current_stage (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->current;
}

/**
 * plateau_analysis_get_n_forecast:
 * @self: an analysis
 *
 * Returns: the number of forecast periods (the horizon, or 0 without data)
 */
guint
plateau_analysis_get_n_forecast (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->forecast->len;
}

/**
 * plateau_analysis_get_forecast:
 * @self: an analysis
 * @index: the forecast period's index
 *
 * Returns: the forecast period
 */
const PlateauForecastPoint *
plateau_analysis_get_forecast (const PlateauAnalysis *self,
                               guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->forecast->len, NULL);

  return &g_array_index (self->forecast, PlateauForecastPoint, index);
}

/**
 * plateau_analysis_get_forecast_basis:
 * @self: an analysis
 *
 * Returns: (nullable): what the forecast's returns follow, in words (for
 *   example “the S-curve”), or %NULL when there is no forecast
 */
const char *
plateau_analysis_get_forecast_basis (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->forecast_basis;
}

/**
 * plateau_analysis_get_n_warnings:
 * @self: an analysis
 *
 * Returns: the number of warnings
 */
guint
plateau_analysis_get_n_warnings (const PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->warnings->len;
}

/**
 * plateau_analysis_get_warning:
 * @self: an analysis
 * @index: the warning's index
 *
 * Returns: the warning
 */
const PlateauWarning *
plateau_analysis_get_warning (const PlateauAnalysis *self,
                              guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return &g_array_index (self->warnings, PlateauWarning, index);
}

/**
 * plateau_analysis_evaluate_curve:
 * @self: an analysis
 * @x: a point on the S-curve's basis axis (time or cumulative investment)
 * @value: (out): the curve's value there
 *
 * Evaluates the fitted S-curve, for drawing it between and beyond the
 * periods. The curve exists whenever the fit produced parameters, even
 * when its ceiling is not identified; check the lifecycle's status.
 *
 * Returns: whether there is a curve
 */
gboolean
plateau_analysis_evaluate_curve (const PlateauAnalysis *self,
                                 double                 x,
                                 double                *value)
{
  const PlateauLifecycle *l;
  double v;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  l = &self->lifecycle;
  if (!self->have_curve || !isfinite (x))
    return FALSE;

  v = plateau_curve_value (l->model, l->K.value, l->r.value, l->t0.value, x);
  if (!isfinite (v))
    return FALSE;

  *value = v;
  return TRUE;
}

/**
 * plateau_stage_to_string:
 * @stage: a stage
 *
 * Returns: the stage's stable name: "unknown", "exploration", "growth",
 *   "maturity" or "decline"
 */
const char *
plateau_stage_to_string (PlateauStage stage)
{
  static const char *names[] = { "unknown", "exploration", "growth", "maturity", "decline" };

  g_return_val_if_fail (stage <= PLATEAU_STAGE_DECLINE, NULL);

  return names[stage];
}

/**
 * plateau_stage_get_display_name:
 * @stage: a stage
 *
 * Returns: the stage's translated name, for people
 */
const char *
plateau_stage_get_display_name (PlateauStage stage)
{
  static const char *names[] = {
    N_("Unknown"), N_("Exploration"), N_("Growth"), N_("Maturity"), N_("Decline")
  };

  g_return_val_if_fail (stage <= PLATEAU_STAGE_DECLINE, NULL);

  return _(names[stage]);
}

/**
 * plateau_confidence_to_string:
 * @confidence: a confidence
 *
 * Returns: its stable name: "low", "medium" or "high"
 */
const char *
plateau_confidence_to_string (PlateauConfidence confidence)
{
  static const char *names[] = { "low", "medium", "high" };

  g_return_val_if_fail (confidence <= PLATEAU_CONFIDENCE_HIGH, NULL);

  return names[confidence];
}

/**
 * plateau_confidence_get_display_name:
 * @confidence: a confidence
 *
 * Returns: its translated name, for people
 */
const char *
plateau_confidence_get_display_name (PlateauConfidence confidence)
{
  static const char *names[] = { N_("Low confidence"), N_("Medium confidence"),
                                 N_("High confidence") };

  g_return_val_if_fail (confidence <= PLATEAU_CONFIDENCE_HIGH, NULL);

  return _(names[confidence]);
}

/**
 * plateau_returns_verdict_to_string:
 * @verdict: a verdict
 *
 * Returns: its stable name: "unknown", "diminishing", "constant" or
 *   "increasing"
 */
const char *
plateau_returns_verdict_to_string (PlateauReturnsVerdict verdict)
{
  static const char *names[] = { "unknown", "diminishing", "constant", "increasing" };

  g_return_val_if_fail (verdict <= PLATEAU_RETURNS_INCREASING, NULL);

  return names[verdict];
}

/**
 * plateau_curve_model_to_string:
 * @model: a curve model
 *
 * Returns: its stable name: "logistic" or "gompertz"
 */
const char *
plateau_curve_model_to_string (PlateauCurveModel model)
{
  return model == PLATEAU_CURVE_GOMPERTZ ? "gompertz" : "logistic";
}

/**
 * plateau_curve_basis_to_string:
 * @basis: a curve basis
 *
 * Returns: its stable name: "time" or "cumulative-investment"
 */
const char *
plateau_curve_basis_to_string (PlateauCurveBasis basis)
{
  return basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT ? "cumulative-investment" : "time";
}
