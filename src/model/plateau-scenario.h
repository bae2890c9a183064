/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PlateauCurveModel:
 * @PLATEAU_CURVE_LOGISTIC: K / (1 + exp (−r (x − x0)))
 * @PLATEAU_CURVE_GOMPERTZ: K exp (−exp (−r (x − x0)))
 *
 * The shape of the life-cycle S-curve.
 */
typedef enum
{
  PLATEAU_CURVE_LOGISTIC,
  PLATEAU_CURVE_GOMPERTZ,
} PlateauCurveModel;

/**
 * PlateauCurveBasis:
 * @PLATEAU_BASIS_TIME: cumulative return as a function of time
 * @PLATEAU_BASIS_CUMULATIVE_INVESTMENT: period return as a function of
 *   cumulative investment (Foster's performance-versus-effort curve)
 *
 * What the S-curve is fitted against.
 */
typedef enum
{
  PLATEAU_BASIS_TIME,
  PLATEAU_BASIS_CUMULATIVE_INVESTMENT,
} PlateauCurveBasis;

/**
 * PlateauSettings:
 * @exploration_end: saturation below which a period is in exploration (0.10)
 * @growth_end: saturation below which a period is in growth (0.50)
 * @maturity_end: saturation below which a period is in maturity (0.90);
 *   at or above it the period is in decline
 * @trailing_window: number of recent periods of the trailing ROI slope (5)
 * @forecast_horizon: number of periods forecast (5)
 * @model: the S-curve shape
 * @basis: what the S-curve is fitted against
 *
 * The analysis settings of one scenario. A plain value: copy it freely.
 */
typedef struct
{
  double exploration_end;
  double growth_end;
  double maturity_end;
  guint trailing_window;
  guint forecast_horizon;
  PlateauCurveModel model;
  PlateauCurveBasis basis;
} PlateauSettings;

/**
 * PlateauPeriod:
 * @label: the period's label, usually a year
 * @investment: the investment of the period, ≥ 0
 * @ret: the economic return of the period (may be negative)
 *
 * One period of a scenario, owned by the scenario.
 */
typedef struct
{
  char *label;
  double investment;
  double ret;
} PlateauPeriod;

/**
 * PlateauStrategyStep:
 * @PLATEAU_STRATEGY_STAGE: identify the life-cycle stage from the ROI trend
 * @PLATEAU_STRATEGY_INNOVATION: assess the capacity to innovate and how
 *   strongly path dependence locks the current mode in
 * @PLATEAU_STRATEGY_APPLICATIONS: explore applications and fields where the
 *   technology is not yet widespread
 * @PLATEAU_STRATEGY_INVESTMENT: adjust the investment towards a better
 *   input–output ratio
 * @PLATEAU_STRATEGY_LONG_TERM: set the long-term strategy: upgrades, people,
 *   reserves of new technology
 * @PLATEAU_STRATEGY_N_STEPS: the number of steps
 *
 * The five steps of the response to weakening returns, in their order. The
 * analyst keeps a note on each step of a scenario.
 */
typedef enum
{
  PLATEAU_STRATEGY_STAGE,
  PLATEAU_STRATEGY_INNOVATION,
  PLATEAU_STRATEGY_APPLICATIONS,
  PLATEAU_STRATEGY_INVESTMENT,
  PLATEAU_STRATEGY_LONG_TERM,
  PLATEAU_STRATEGY_N_STEPS,
} PlateauStrategyStep;

const char *plateau_strategy_step_to_string (PlateauStrategyStep step);

void plateau_settings_init_default (PlateauSettings *settings);
gboolean plateau_settings_validate (const PlateauSettings *settings,
                                    GError               **error);

#define PLATEAU_TYPE_SCENARIO (plateau_scenario_get_type ())
G_DECLARE_FINAL_TYPE (PlateauScenario, plateau_scenario, PLATEAU, SCENARIO, GObject)

PlateauScenario     *plateau_scenario_new               (const char            *name);
PlateauScenario     *plateau_scenario_dup               (PlateauScenario       *self);

const char          *plateau_scenario_get_name          (PlateauScenario       *self);
void                 plateau_scenario_set_name          (PlateauScenario       *self,
                                                         const char            *name);
const char          *plateau_scenario_get_unit          (PlateauScenario       *self);
void                 plateau_scenario_set_unit          (PlateauScenario       *self,
                                                         const char            *unit);
const char          *plateau_scenario_get_notes         (PlateauScenario       *self);
void                 plateau_scenario_set_notes         (PlateauScenario       *self,
                                                         const char            *notes);

const char          *plateau_scenario_get_strategy_note (PlateauScenario       *self,
                                                         PlateauStrategyStep    step);
void                 plateau_scenario_set_strategy_note (PlateauScenario       *self,
                                                         PlateauStrategyStep    step,
                                                         const char            *note);

void                 plateau_scenario_get_settings      (PlateauScenario       *self,
                                                         PlateauSettings       *settings);
void                 plateau_scenario_set_settings      (PlateauScenario       *self,
                                                         const PlateauSettings *settings);

const double        *plateau_scenario_get_plan          (PlateauScenario       *self,
                                                         guint                 *n_values);
void                 plateau_scenario_set_plan          (PlateauScenario       *self,
                                                         const double          *values,
                                                         guint                  n_values);

guint                plateau_scenario_get_n_periods     (PlateauScenario       *self);
const PlateauPeriod *plateau_scenario_get_period        (PlateauScenario       *self,
                                                         guint                  position);
const PlateauPeriod *plateau_scenario_get_periods       (PlateauScenario       *self,
                                                         guint                 *n_periods);
void                 plateau_scenario_append_period     (PlateauScenario       *self,
                                                         const char            *label,
                                                         double                 investment,
                                                         double                 ret);
void                 plateau_scenario_insert_period     (PlateauScenario       *self,
                                                         guint                  position,
                                                         const char            *label,
                                                         double                 investment,
                                                         double                 ret);
void                 plateau_scenario_set_period        (PlateauScenario       *self,
                                                         guint                  position,
                                                         const char            *label,
                                                         double                 investment,
                                                         double                 ret);
void                 plateau_scenario_remove_period     (PlateauScenario       *self,
                                                         guint                  position);
void                 plateau_scenario_clear_periods     (PlateauScenario       *self);

void                 plateau_scenario_begin_batch       (PlateauScenario       *self);
void                 plateau_scenario_end_batch         (PlateauScenario       *self);

gboolean             plateau_scenario_validate          (PlateauScenario       *self,
                                                         GError               **error);

G_END_DECLS
