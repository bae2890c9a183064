/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "plateau-scenario.h"

G_BEGIN_DECLS

/**
 * PlateauValue:
 * @value: the number, finite, when present
 * @reason: when absent, why, in translated plain words; %NULL when the
 *   number is present
 *
 * A number that may be absent. Absent numbers carry the reason, so that no
 * NaN or infinity ever reaches a view; show the reason instead. Every
 * period of an analysis holds several, so a value is two words: whether it
 * is present is whether it has no reason, see plateau_value_is_present().
 */
typedef struct
{
  double value;
  const char *reason;
} PlateauValue;

/**
 * plateau_value_is_present:
 * @value: a value
 *
 * Returns: whether @value holds a number
 */
static inline gboolean
plateau_value_is_present (const PlateauValue *value)
{
  return value->reason == NULL;
}

/**
 * PlateauStage:
 * @PLATEAU_STAGE_UNKNOWN: not enough information for a stage
 * @PLATEAU_STAGE_EXPLORATION: saturation below the exploration threshold
 * @PLATEAU_STAGE_GROWTH: up to the growth threshold
 * @PLATEAU_STAGE_MATURITY: up to the maturity threshold
 * @PLATEAU_STAGE_DECLINE: at or past the maturity threshold
 *
 * A life-cycle stage of a technology.
 */
typedef enum
{
  PLATEAU_STAGE_UNKNOWN,
  PLATEAU_STAGE_EXPLORATION,
  PLATEAU_STAGE_GROWTH,
  PLATEAU_STAGE_MATURITY,
  PLATEAU_STAGE_DECLINE,
} PlateauStage;

/**
 * PlateauConfidence:
 * @PLATEAU_CONFIDENCE_LOW: a guess; the reason says why
 * @PLATEAU_CONFIDENCE_MEDIUM: a fit that works but is not sharply determined
 * @PLATEAU_CONFIDENCE_HIGH: a well-determined fit
 *
 * How far the stage can be trusted.
 */
typedef enum
{
  PLATEAU_CONFIDENCE_LOW,
  PLATEAU_CONFIDENCE_MEDIUM,
  PLATEAU_CONFIDENCE_HIGH,
} PlateauConfidence;

/**
 * PlateauFitStatus:
 * @PLATEAU_FIT_OK: the fit succeeded
 * @PLATEAU_FIT_TOO_FEW_POINTS: not enough valid periods
 * @PLATEAU_FIT_DEGENERATE: the data cannot determine the fit (constant values)
 * @PLATEAU_FIT_NOT_CONVERGED: the iteration did not converge
 * @PLATEAU_FIT_NOT_IDENTIFIED: the fit converged but a parameter is not
 *   determined by the data (the ceiling of a curve that has not turned yet)
 *
 * The outcome of one fit; anything but %PLATEAU_FIT_OK comes with a reason.
 */
typedef enum
{
  PLATEAU_FIT_OK,
  PLATEAU_FIT_TOO_FEW_POINTS,
  PLATEAU_FIT_DEGENERATE,
  PLATEAU_FIT_NOT_CONVERGED,
  PLATEAU_FIT_NOT_IDENTIFIED,
} PlateauFitStatus;

/**
 * PlateauReturnsVerdict:
 * @PLATEAU_RETURNS_UNKNOWN: no elasticity could be estimated
 * @PLATEAU_RETURNS_DIMINISHING: the 95 % interval of b lies below 1
 * @PLATEAU_RETURNS_CONSTANT: the interval contains 1
 * @PLATEAU_RETURNS_INCREASING: the interval lies above 1
 *
 * Returns to scale as judged from the elasticity.
 */
typedef enum
{
  PLATEAU_RETURNS_UNKNOWN,
  PLATEAU_RETURNS_DIMINISHING,
  PLATEAU_RETURNS_CONSTANT,
  PLATEAU_RETURNS_INCREASING,
} PlateauReturnsVerdict;

/**
 * PlateauPeriodResult:
 * @label: the period's label
 * @t: the time coordinate: the label's number, or the position 1..n
 * @investment: investment I of the period
 * @ret: return E of the period
 * @roi: E / I
 * @cumulative_investment: CI, the sum of I up to this period
 * @cumulative_return: CE, the sum of E up to this period
 * @cumulative_roi: CE / CI
 * @marginal_roi: ΔE / ΔI against the previous period
 * @smoothed_marginal_roi: b × ROI, from the returns-to-scale fit
 * @growth: G = I × ROI (equals E)
 * @growth_change: G minus the previous period's G
 * @fitted: the S-curve's value at this period (CE or E, by basis)
 * @saturation: the fitted value over the ceiling K
 * @stage: the stage of this period
 *
 * Everything computed for one period.
 */
typedef struct
{
  const char *label;
  double t;
  double investment;
  double ret;
  PlateauValue roi;
  double cumulative_investment;
  double cumulative_return;
  PlateauValue cumulative_roi;
  PlateauValue marginal_roi;
  PlateauValue smoothed_marginal_roi;
  double growth;
  PlateauValue growth_change;
  PlateauValue fitted;
  PlateauValue saturation;
  PlateauStage stage;
} PlateauPeriodResult;

/**
 * PlateauTrend:
 * @status: whether the fit succeeded; @reason says why not
 * @reason: %NULL when @status is %PLATEAU_FIT_OK
 * @n: the number of periods with a defined ROI used
 * @slope: β of ROI ~ α + β t
 * @intercept: α
 * @r2: coefficient of determination
 * @slope_se: standard error of β
 * @slope_ci_lo: lower end of the 95 % interval of β (Student's t, n − 2 df)
 * @slope_ci_hi: upper end
 * @p_value: two-sided p-value of β = 0
 * @trailing_window: the number of recent periods of @trailing_slope
 * @trailing_slope: the OLS slope over the last @trailing_window periods
 *
 * The classic view: a straight line through ROI over time.
 */
typedef struct
{
  PlateauFitStatus status;
  const char *reason;
  guint n;
  PlateauValue slope;
  PlateauValue intercept;
  PlateauValue r2;
  PlateauValue slope_se;
  PlateauValue slope_ci_lo;
  PlateauValue slope_ci_hi;
  PlateauValue p_value;
  guint trailing_window;
  PlateauValue trailing_slope;
} PlateauTrend;

/**
 * PlateauElasticity:
 * @status: whether the fit succeeded; @reason says why not
 * @reason: %NULL when @status is %PLATEAU_FIT_OK
 * @n: the number of periods with I > 0 and E > 0 used
 * @a: the scale a of E = a I^b
 * @b: the elasticity b
 * @b_ci_lo: lower end of the 95 % interval of b
 * @b_ci_hi: upper end
 * @r2: R² of the log-log regression
 * @verdict: diminishing, constant or increasing returns to scale
 *
 * Returns to scale: ln E = ln a + b ln I.
 */
typedef struct
{
  PlateauFitStatus status;
  const char *reason;
  guint n;
  PlateauValue a;
  PlateauValue b;
  PlateauValue b_ci_lo;
  PlateauValue b_ci_hi;
  PlateauValue r2;
  PlateauReturnsVerdict verdict;
} PlateauElasticity;

/**
 * PlateauLifecycle:
 * @status: whether the fit succeeded; @reason says why not
 * @reason: %NULL when @status is %PLATEAU_FIT_OK
 * @model: logistic or Gompertz
 * @basis: time or cumulative investment
 * @n: the number of periods fitted
 * @K: the ceiling
 * @r: the rate
 * @t0: the inflection point, on the basis axis
 * @K_se: standard error of K
 * @r_se: standard error of r
 * @t0_se: standard error of t0
 * @r2: R² of the fit
 * @aic: Akaike's information criterion (Gaussian errors)
 * @converged: whether the Levenberg–Marquardt iteration converged
 * @iterations: iterations used
 * @covariance: the 3×3 covariance of (K, r, t0), row-major; meaningful only
 *   when the standard errors are present
 *
 * The life-cycle S-curve fitted by nonlinear least squares.
 */
typedef struct
{
  PlateauFitStatus status;
  const char *reason;
  PlateauCurveModel model;
  PlateauCurveBasis basis;
  guint n;
  PlateauValue K;
  PlateauValue r;
  PlateauValue t0;
  PlateauValue K_se;
  PlateauValue r_se;
  PlateauValue t0_se;
  PlateauValue r2;
  PlateauValue aic;
  gboolean converged;
  guint iterations;
  double covariance[9];
} PlateauLifecycle;

/**
 * PlateauStageAssessment:
 * @stage: the current stage (of the last period)
 * @confidence: how far it can be trusted
 * @method: "s-curve" when it comes from the S-curve, "trend" when from the
 *   ROI trend alone, "none" when there was nothing to judge
 * @reason: in plain words, why the confidence is what it is
 *
 * The technology's stage now.
 */
typedef struct
{
  PlateauStage stage;
  PlateauConfidence confidence;
  const char *method;
  const char *reason;
} PlateauStageAssessment;

/**
 * PlateauForecastPoint:
 * @t: the time coordinate of the forecast period
 * @investment: the investment assumed (plan or linear trend)
 * @ret: the expected return of the period
 * @lo: the lower end of its 95 % band
 * @hi: the upper end
 * @cumulative_return: the expected cumulative return
 * @cumulative_lo: the lower end of its 95 % band
 * @cumulative_hi: the upper end
 *
 * One forecast period.
 */
typedef struct
{
  double t;
  double investment;
  PlateauValue ret;
  PlateauValue lo;
  PlateauValue hi;
  PlateauValue cumulative_return;
  PlateauValue cumulative_lo;
  PlateauValue cumulative_hi;
} PlateauForecastPoint;

/**
 * PlateauWarning:
 * @period: the index of the period concerned, or -1 for the whole scenario
 * @code: a stable machine-readable code, such as "zero-investment"
 * @message: the warning in translated plain words, naming the period
 *
 * Something the analyst should know about the data or the fits.
 */
typedef struct
{
  int period;
  const char *code;
  const char *message;
} PlateauWarning;

/**
 * PlateauAnalysis:
 *
 * The immutable result of analysing one scenario. Reference counted; every
 * pointer it hands out lives as long as the analysis.
 */
typedef struct _PlateauAnalysis PlateauAnalysis;

#define PLATEAU_TYPE_ANALYSIS (plateau_analysis_get_type ())
GType                         plateau_analysis_get_type          (void) G_GNUC_CONST;

PlateauAnalysis              *plateau_analysis_new               (PlateauScenario       *scenario);
PlateauAnalysis              *plateau_analysis_ref               (PlateauAnalysis       *self);
void                          plateau_analysis_unref             (PlateauAnalysis       *self);

const char                   *plateau_analysis_get_name          (const PlateauAnalysis *self);
const char                   *plateau_analysis_get_unit          (const PlateauAnalysis *self);
const PlateauSettings        *plateau_analysis_get_settings      (const PlateauAnalysis *self);

guint                         plateau_analysis_get_n_periods     (const PlateauAnalysis *self);
const PlateauPeriodResult    *plateau_analysis_get_period        (const PlateauAnalysis *self,
                                                                  guint                  index);
const PlateauTrend           *plateau_analysis_get_trend         (const PlateauAnalysis *self);
const PlateauElasticity      *plateau_analysis_get_elasticity    (const PlateauAnalysis *self);
const PlateauLifecycle       *plateau_analysis_get_lifecycle     (const PlateauAnalysis *self);
const PlateauStageAssessment *plateau_analysis_get_current_stage (const PlateauAnalysis *self);
guint                         plateau_analysis_get_n_forecast    (const PlateauAnalysis *self);
const PlateauForecastPoint   *plateau_analysis_get_forecast      (const PlateauAnalysis *self,
                                                                  guint                  index);
const char                   *plateau_analysis_get_forecast_basis (const PlateauAnalysis *self);
guint                         plateau_analysis_get_n_warnings    (const PlateauAnalysis *self);
const PlateauWarning         *plateau_analysis_get_warning       (const PlateauAnalysis *self,
                                                                  guint                  index);

gboolean                      plateau_analysis_evaluate_curve    (const PlateauAnalysis *self,
                                                                  double                 x,
                                                                  double                *value);

const char                   *plateau_stage_to_string            (PlateauStage           stage);
const char                   *plateau_stage_get_display_name     (PlateauStage           stage);
const char                   *plateau_confidence_to_string       (PlateauConfidence      c);
const char                   *plateau_confidence_get_display_name (PlateauConfidence    c);
const char                   *plateau_returns_verdict_to_string  (PlateauReturnsVerdict  verdict);
const char                   *plateau_curve_model_to_string      (PlateauCurveModel      model);
const char                   *plateau_curve_basis_to_string      (PlateauCurveBasis      basis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauAnalysis, plateau_analysis_unref)

G_END_DECLS
