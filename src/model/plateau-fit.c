/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <string.h>

#include "plateau-fit-private.h"
#include "plateau-parallel-private.h"

#define N_PARAMS 3
#define MAX_STARTS 3
#define MAX_ITERATIONS 400
/* The search's subsample: about one period in SUBSAMPLE_SHARE, between
 * MIN_SUBSAMPLE and MAX_SUBSAMPLE periods. */
#define MIN_SUBSAMPLE 64
#define MAX_SUBSAMPLE 256
#define SUBSAMPLE_SHARE 160
#define XTOL 1e-12
/* The smallest change of a long sum of squares that its rounding lets one
 * tell from none, relative to the sum. */
#define SSR_RESOLUTION 1e-14
#define BLOCK_POINTS 8192
#define RUN_POINTS 128
#define THREADED_BLOCKS 4

/**
 * plateau_model_init_gsl:
 *
 * GSL aborts the process on errors by default; the model reports every
 * failure through status codes instead, so the handler is turned off once.
 */
void
plateau_model_init_gsl (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      gsl_set_error_handler_off ();
      g_once_init_leave (&initialised, 1);
    }
}

/**
 * plateau_ols_fit:
 * @x: abscissae
 * @y: ordinates
 * @n: number of points
 * @ols: (out): the fitted line
 *
 * Fits a straight line by ordinary least squares. The means are summed
 * with compensation, and the other sums are taken about them, residuals
 * included, so that large offsets such as years do not cancel.
 *
 * Returns: %FALSE when n < 2 or every x is the same
 */
gboolean
plateau_ols_fit (const double *x,
                 const double *y,
                 guint         n,
                 PlateauOls   *ols)
{
  PlateauSum sx = { 0, 0 }, sy = { 0, 0 };
  double sxx = 0, sxy = 0, syy = 0, ssr = 0, mx, my, slope;

  memset (ols, 0, sizeof *ols);
  ols->n = n;
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      plateau_sum_add (&sx, x[i]);
      plateau_sum_add (&sy, y[i]);
    }
  mx = plateau_sum_value (&sx) / n;
  my = plateau_sum_value (&sy) / n;

  for (guint i = 0; i < n; i++)
    {
      double dx = x[i] - mx, dy = y[i] - my;

      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }

  if (!(sxx > 0))
    return FALSE;

  slope = sxy / sxx;
  for (guint i = 0; i < n; i++)
    {
      double e = (y[i] - my) - slope * (x[i] - mx);

      ssr += e * e;
    }

  ols->slope = slope;
  ols->intercept = my - slope * mx;
  ols->sxx = sxx;
  ols->sst = syy;
  ols->x_mean = mx;
  ols->y_mean = my;
  ols->ssr = ssr;

  if (n > 2)
    {
      ols->have_errors = TRUE;
      ols->sigma2 = ssr / (n - 2);
      ols->slope_se = sqrt (ols->sigma2 / ols->sxx);
      ols->intercept_se = sqrt (ols->sigma2 * (1.0 / n + ols->x_mean * ols->x_mean / ols->sxx));
      ols->cov_intercept_slope = -ols->x_mean * ols->sigma2 / ols->sxx;
    }

  return TRUE;
}

/**
 * plateau_t_critical_95:
 * @df: degrees of freedom, > 0
 *
 * Returns: the two-sided 95 % critical value of Student's t
 */
double
plateau_t_critical_95 (double df)
{
  return gsl_cdf_tdist_Qinv (0.025, df);
}

/**
 * plateau_t_two_sided_p:
 * @t: the t statistic
 * @df: degrees of freedom, > 0
 *
 * Returns: the two-sided p-value of @t
 */
double
plateau_t_two_sided_p (double t,
                       double df)
{
  return 2.0 * gsl_cdf_tdist_Q (fabs (t), df);
}

typedef struct
{
  PlateauCurveModel model;
  const double *x;
  const double *y;
  size_t n;
} CurveData;

static int
curve_f (const gsl_vector *p,
         void             *data,
         gsl_vector       *f)
{
  const CurveData *d = data;
  double K = gsl_vector_get (p, 0), r = gsl_vector_get (p, 1), x0 = gsl_vector_get (p, 2);

  for (size_t i = 0; i < d->n; i++)
    f->data[i * f->stride] = plateau_curve_value (d->model, K, r, x0, d->x[i]) - d->y[i];

  return GSL_SUCCESS;
}

/*
 * The derivatives are written so that no term becomes 0 × ∞ far from the
 * inflection: f (1 − f) for the logistic is e^−z f², cut to zero where e^−z
 * is huge, and g e^−z for the Gompertz is exp (−e^−z − z).
 */
static int
curve_df (const gsl_vector *p,
          void             *data,
          gsl_matrix       *J)
{
  const CurveData *d = data;
  double K = gsl_vector_get (p, 0), r = gsl_vector_get (p, 1), x0 = gsl_vector_get (p, 2);

  for (size_t i = 0; i < d->n; i++)
    {
      double dx = d->x[i] - x0, z = r * dx, f, slope, *row;

      double e = exp (-z);

      if (d->model == PLATEAU_CURVE_GOMPERTZ)
        {
          f = exp (-e);
          slope = exp (-e - z);
        }
      else
        {
          f = 1.0 / (1.0 + e);
          slope = e < 1e150 ? e * f * f : 0;
        }

      if (!isfinite (slope))
        slope = 0;

      /* Direct stores: gsl_matrix_set() checks bounds in a library call. */
      row = J->data + i * J->tda;
      row[0] = f;
      row[1] = K * slope * dx;
      row[2] = -K * slope * r;
    }

  return GSL_SUCCESS;
}

static double
curve_ssr (PlateauCurveModel model,
           const double     *x,
           const double     *y,
           guint             n,
           const double      p[N_PARAMS])
{
  double ssr = 0;

  for (guint i = 0; i < n; i++)
    {
      double e = plateau_curve_value (model, p[0], p[1], p[2], x[i]) - y[i];

      ssr += e * e;
    }

  return ssr;
}

/* The transform that makes the curve a straight line in x, for a given K. */
static double
linearise (PlateauCurveModel model,
           double            fraction)
{
  if (model == PLATEAU_CURVE_GOMPERTZ)
    return -log (-log (fraction));

  return log (fraction / (1.0 - fraction));
}

typedef struct
{
  double p[N_PARAMS];
  double ssr;
} Start;

/*
 * Fisher–Pry starting values: for a trial ceiling K, the linearised
 * fraction y / K is a straight line r (x − x0); a few ceilings above the
 * largest observation are tried and the best lines kept. Works on the
 * rescaled data, where every quantity is of order one.
 */
static guint
find_starts (PlateauCurveModel model,
             const double     *x,
             const double     *y,
             guint             n,
             double            y_max,
             Start             starts[MAX_STARTS])
{
  static const double multipliers[] = { 1.02, 1.05, 1.1, 1.2, 1.35, 1.5, 2, 3, 5, 10 };
  g_autofree double *lx = g_new (double, n);
  g_autofree double *lz = g_new (double, n);
  guint n_starts = 0;

  for (guint m = 0; m < G_N_ELEMENTS (multipliers); m++)
    {
      double K = multipliers[m] * y_max;
      PlateauOls ols;
      Start s;
      guint k = 0, slot;

      for (guint i = 0; i < n; i++)
        {
          double fraction = y[i] / K;

          if (fraction > 1e-9 && fraction < 1 - 1e-9)
            {
              lx[k] = x[i];
              lz[k++] = linearise (model, fraction);
            }
        }

      if (!plateau_ols_fit (lx, lz, k, &ols) || !(ols.slope > 0))
        continue;

      s.p[0] = K;
      s.p[1] = ols.slope;
      s.p[2] = -ols.intercept / ols.slope;
      s.ssr = curve_ssr (model, x, y, n, s.p);
      if (!isfinite (s.ssr))
        continue;

      /* Keep the best few, sorted by their residual sum of squares. */
      slot = MIN (n_starts, MAX_STARTS - 1);
      if (n_starts == MAX_STARTS && s.ssr >= starts[slot].ssr)
        continue;
      while (slot > 0 && starts[slot - 1].ssr > s.ssr)
        {
          starts[slot] = starts[slot - 1];
          slot--;
        }
      starts[slot] = s;
      n_starts = MIN (n_starts + 1, MAX_STARTS);
    }

  return n_starts;
}

static gboolean
gradient_is_small (gsl_multifit_nlinear_workspace *w)
{
  gsl_vector *f = gsl_multifit_nlinear_residual (w);
  gsl_matrix *J = gsl_multifit_nlinear_jac (w);
  double g[N_PARAMS], fnorm = gsl_blas_dnrm2 (f);
  gsl_vector_view gv = gsl_vector_view_array (g, N_PARAMS);

  gsl_blas_dgemv (CblasTrans, 1.0, J, f, 0.0, &gv.vector);

  for (guint k = 0; k < N_PARAMS; k++)
    {
      gsl_vector_view col = gsl_matrix_column (J, k);

      if (fabs (g[k]) > 1e-6 * (1 + fnorm) * (1 + gsl_blas_dnrm2 (&col.vector)))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  double p[N_PARAMS];
  double cov[N_PARAMS * N_PARAMS];
  gboolean have_cov;
  double ssr;
  guint iterations;
} Solution;

static gboolean
run_lm (CurveData      *data,
        const Start    *start,
        Solution       *solution)
{
  gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters ();
  gsl_multifit_nlinear_fdf fdf = { 0 };
  gsl_multifit_nlinear_workspace *w;
  gsl_vector_const_view p0 = gsl_vector_const_view_array (start->p, N_PARAMS);
  gsl_matrix_view cov = gsl_matrix_view_array (solution->cov, N_PARAMS, N_PARAMS);
  int info = 0, status;
  gboolean ok;

  params.trs = gsl_multifit_nlinear_trs_lm;
  /* Three parameters on rescaled data: the normal equations are well
   * conditioned, and Cholesky is several times faster than QR. */
  params.solver = gsl_multifit_nlinear_solver_cholesky;
  fdf.f = curve_f;
  fdf.df = curve_df;
  fdf.n = data->n;
  fdf.p = N_PARAMS;
  fdf.params = data;

  w = gsl_multifit_nlinear_alloc (gsl_multifit_nlinear_trust, &params, data->n, N_PARAMS);
  gsl_multifit_nlinear_init (&p0.vector, &fdf, w);
  status = gsl_multifit_nlinear_driver (MAX_ITERATIONS, XTOL, 1e-12, 0.0, NULL, NULL, &info, w);

  /* "No progress" at a point where the gradient vanishes is convergence
   * within the precision of doubles, not a failure. */
  ok = status == GSL_SUCCESS || (status == GSL_ENOPROG && gradient_is_small (w));

  for (guint k = 0; k < N_PARAMS; k++)
    solution->p[k] = gsl_vector_get (gsl_multifit_nlinear_position (w), k);
  solution->iterations = gsl_multifit_nlinear_niter (w);
  solution->ssr = pow (gsl_blas_dnrm2 (gsl_multifit_nlinear_residual (w)), 2);
  solution->have_cov =
    gsl_multifit_nlinear_covar (gsl_multifit_nlinear_jac (w), 0.0, &cov.matrix) == GSL_SUCCESS;

  gsl_multifit_nlinear_free (w);

  for (guint k = 0; k < N_PARAMS; k++)
    ok = ok && isfinite (solution->p[k]);

  return ok && isfinite (solution->ssr);
}

/* Maps the parameters and their covariance from the rescaled problem back:
 * K = Ks ys, r = rs / xs, x0 = x0s xs + xmin. */
static void
unscale (PlateauCurveFit *fit,
         const Solution  *s,
         double           x_offset,
         double           x_scale,
         double           y_scale,
         guint            n)
{
  double factor[N_PARAMS] = { y_scale, 1.0 / x_scale, x_scale };
  double sigma2 = n > N_PARAMS ? s->ssr / (n - N_PARAMS) : 0;

  fit->K = s->p[0] * y_scale;
  fit->r = s->p[1] / x_scale;
  fit->x0 = s->p[2] * x_scale + x_offset;
  fit->ssr = s->ssr * y_scale * y_scale;
  fit->iterations = s->iterations;
  fit->have_cov = s->have_cov && n > N_PARAMS;

  for (guint i = 0; i < N_PARAMS; i++)
    for (guint j = 0; j < N_PARAMS; j++)
      fit->cov[i * N_PARAMS + j] = s->cov[i * N_PARAMS + j] * sigma2 * factor[i] * factor[j];

  for (guint k = 0; k < N_PARAMS * N_PARAMS; k++)
    fit->have_cov = fit->have_cov && isfinite (fit->cov[k]);
}

/* Fits from the best few starting values; returns FALSE when none
 * converged, with @first holding the best start for a last report. */
static gboolean
search (PlateauCurveModel model,
        const double     *xs,
        const double     *ys,
        guint             n,
        double            y_max,
        Solution         *best,
        Start            *first)
{
  CurveData data = { model, xs, ys, n };
  Start starts[MAX_STARTS];
  gboolean have_best = FALSE;
  double mean = 0, sst = 0;
  guint n_starts;
  Solution s;

  n_starts = find_starts (model, xs, ys, n, y_max, starts);
  if (n_starts == 0)
    return FALSE;
  *first = starts[0];

  for (guint i = 0; i < n; i++)
    mean += ys[i] / n;
  for (guint i = 0; i < n; i++)
    sst += (ys[i] - mean) * (ys[i] - mean);

  /* Try the best starts in turn and keep the best converged solution; a
   * success that explains most of the variation ends the search. */
  for (guint k = 0; k < n_starts; k++)
    {
      if (!run_lm (&data, &starts[k], &s))
        continue;

      if (!have_best || s.ssr < best->ssr)
        *best = s;
      have_best = TRUE;

      if (best->ssr <= 0.05 * sst)
        break;
    }

  return have_best;
}

/*
 * The normal equations of the fit at one parameter point: the upper
 * triangle of JᵀJ (00 01 02 11 12 22), Jᵀr and the residual sum of squares.
 */
typedef struct
{
  double jtj[6];
  double jtr[N_PARAMS];
  double ssr;
} NormalEquations;

/* The data of a fit as given, and the map to the unit square on which the
 * parameters are sought: xs = (x − x_offset) x_factor, ys = y y_factor. */
typedef struct
{
  PlateauCurveModel model;
  const double *x;
  const double *y;
  size_t n;
  double x_offset;
  double x_factor;
  double y_factor;
  /* The spacing of x when every point is that far from the one before,
   * else 0. */
  double x_step;
} ScaledData;

/* The step of x when each point lies exactly that far above the one before,
 * as whole-number years do; else 0. */
static double
regular_step (const double *x,
              guint         n)
{
  double step = n > 1 ? x[1] - x[0] : 0;

  if (!(step > 0))
    return 0;

  for (guint i = 2; i < n; i++)
    if (x[i] - x[i - 1] != step)
      return 0;

  return step;
}

/*
 * The curve's value f over its ceiling and its slope at a run of points,
 * with the offsets dx = xs − x0 the Jacobian needs. On a regular grid, as
 * with one period a year, e^−r dx changes by one factor from point to
 * point: within the run it is carried by that factor, which takes a
 * multiplication where exp() takes twenty, and is taken afresh at the start
 * of each run and wherever it nears the limits of doubles, so the error
 * carried stays within a few parts in 10^14.
 */
static void
evaluate_run (const ScaledData *d,
              double            r,
              double            x0,
              size_t            start,
              guint             m,
              double           *dx,
              double           *f,
              double           *slope)
{
  gboolean gompertz = d->model == PLATEAU_CURVE_GOMPERTZ;
  double factor = d->x_step > 0 ? exp (-r * d->x_step * d->x_factor) : 0, e = 0;

  for (guint j = 0; j < m; j++)
    {
      dx[j] = (d->x[start + j] - d->x_offset) * d->x_factor - x0;
      if (j > 0 && factor > 0 && e > 1e-280 && e < 1e280)
        e *= factor;
      else
        e = exp (-r * dx[j]);

      if (gompertz)
        {
          f[j] = exp (-e);
          slope[j] = e < G_MAXDOUBLE ? f[j] * e : 0;
        }
      else
        {
          f[j] = 1.0 / (1.0 + e);
          slope[j] = e < 1e150 ? e * f[j] * f[j] : 0;
        }
    }
}

/**
 * plateau_curve_fractions:
 * @model: the curve's shape
 * @r: the rate
 * @x0: the inflection point
 * @x: where to evaluate
 * @n: the number of points
 * @x_step: the spacing of @x when it is a regular grid, as the fit found it
 *   (#PlateauCurveFit.x_step); 0 otherwise
 * @fraction: (out): the curve's value over its ceiling at each point
 *
 * Evaluates the curve at many points, carrying e^−r(x − x0) by one factor
 * along a regular grid as evaluate_run() does.
 */
void
plateau_curve_fractions (PlateauCurveModel  model,
                         double             r,
                         double             x0,
                         const double      *x,
                         guint              n,
                         double             x_step,
                         double            *fraction)
{
  double factor = x_step > 0 ? exp (-r * x_step) : 0, e = 0;

  for (guint i = 0; i < n; i++)
    {
      if (i % RUN_POINTS != 0 && factor > 0 && e > 1e-280 && e < 1e280)
        e *= factor;
      else
        e = exp (-r * (x[i] - x0));

      fraction[i] = model == PLATEAU_CURVE_GOMPERTZ ? exp (-e) : 1.0 / (1.0 + e);
    }
}

/*
 * One pass over the data computes everything a Levenberg–Marquardt step
 * needs, with one exponential per point for the logistic (the Gompertz
 * derivative g e^−z reuses the same e^−z): a long series is read once per
 * step instead of once per vector operation of a general solver. The curve
 * is evaluated a run of RUN_POINTS at a time before the sums take it up, so
 * that the calls to exp() do not force the ten running sums out of the
 * registers at every point.
 */
static gboolean
accumulate_range (const ScaledData *d,
                  const double      p[N_PARAMS],
                  size_t            start,
                  size_t            end,
                  NormalEquations  *ne)
{
  double K = p[0], r = p[1], x0 = p[2];
  double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0;
  double g0 = 0, g1 = 0, g2 = 0, ssr = 0;
  double dx[RUN_POINTS], f[RUN_POINTS], slope[RUN_POINTS];

  for (size_t run = start; run < end; run += RUN_POINTS)
    {
      guint m = (guint) MIN (RUN_POINTS, end - run);
      const double *y = d->y + run;

      evaluate_run (d, r, x0, run, m, dx, f, slope);

      for (guint j = 0; j < m; j++)
        {
          double res = K * f[j] - y[j] * d->y_factor;
          double j1 = K * slope[j] * dx[j], j2 = -K * slope[j] * r;

          a00 += f[j] * f[j];
          a01 += f[j] * j1;
          a02 += f[j] * j2;
          a11 += j1 * j1;
          a12 += j1 * j2;
          a22 += j2 * j2;
          g0 += f[j] * res;
          g1 += j1 * res;
          g2 += j2 * res;
          ssr += res * res;
        }
    }

  *ne = (NormalEquations) { { a00, a01, a02, a11, a12, a22 }, { g0, g1, g2 }, ssr };

  return isfinite (ssr) && isfinite (a00 + a11 + a22 + a01 + a02 + a12)
         && isfinite (g0 + g1 + g2);
}

/* A block of the data whose sums one thread computes. */
typedef struct
{
  const ScaledData *data;
  const double *p;
  size_t start;
  size_t end;
  NormalEquations sums;
  gboolean ok;
} Block;

static void
accumulate_blocks (gpointer data,
                   guint    start,
                   guint    end)
{
  Block *blocks = data;

  for (guint b = start; b < end; b++)
    blocks[b].ok = accumulate_range (blocks[b].data, blocks[b].p, blocks[b].start,
                                     blocks[b].end, &blocks[b].sums);
}

static void
add_sums (NormalEquations       *total,
          const NormalEquations *part)
{
  for (guint k = 0; k < 6; k++)
    total->jtj[k] += part->jtj[k];
  for (guint k = 0; k < N_PARAMS; k++)
    total->jtr[k] += part->jtr[k];
  total->ssr += part->ssr;
}

/*
 * Long series are summed in blocks of BLOCK_POINTS, and the blocks' sums
 * are added in order: the result is the same on every machine, whatever its
 * number of processors. From THREADED_BLOCKS blocks a thread on, a pass
 * takes long enough for threads to share the blocks.
 */
static gboolean
accumulate (const ScaledData *d,
            const double      p[N_PARAMS],
            NormalEquations  *ne)
{
  guint n_blocks = (guint) ((d->n + BLOCK_POINTS - 1) / BLOCK_POINTS);
  g_autofree Block *blocks = NULL;
  gboolean ok = TRUE;

  if (n_blocks <= 1)
    return accumulate_range (d, p, 0, d->n, ne);

  blocks = g_new (Block, n_blocks);
  for (guint b = 0; b < n_blocks; b++)
    blocks[b] = (Block) { d, p, (size_t) b * BLOCK_POINTS,
                          MIN ((size_t) (b + 1) * BLOCK_POINTS, d->n) };

  plateau_parallel_for (n_blocks, THREADED_BLOCKS, accumulate_blocks, blocks);

  *ne = (NormalEquations) { { 0 } };
  for (guint b = 0; b < n_blocks; b++)
    {
      ok = ok && blocks[b].ok;
      add_sums (ne, &blocks[b].sums);
    }

  return ok && isfinite (ne->ssr);
}

/* Cholesky factor of a symmetric 3×3 matrix given by its upper triangle,
 * in extended precision: the lower factor L, row by row. */
static gboolean
cholesky3 (const long double a[6],
           long double       l[6])
{
  long double l00, l10, l20, l11, l21, l22;

  if (!(a[0] > 0))
    return FALSE;
  l00 = sqrtl (a[0]);
  l10 = a[1] / l00;
  l20 = a[2] / l00;

  l11 = a[3] - l10 * l10;
  if (!(l11 > 0))
    return FALSE;
  l11 = sqrtl (l11);
  l21 = (a[4] - l20 * l10) / l11;

  l22 = a[5] - l20 * l20 - l21 * l21;
  if (!(l22 > 0))
    return FALSE;
  l22 = sqrtl (l22);

  l[0] = l00, l[1] = l10, l[2] = l11, l[3] = l20, l[4] = l21, l[5] = l22;
  return TRUE;
}

/* Solves L Lᵀ x = b with L from cholesky3(). */
static void
cholesky3_solve (const long double l[6],
                 const long double b[3],
                 long double       x[3])
{
  long double y0 = b[0] / l[0];
  long double y1 = (b[1] - l[1] * y0) / l[2];
  long double y2 = (b[2] - l[3] * y0 - l[4] * y1) / l[5];

  x[2] = y2 / l[5];
  x[1] = (y1 - l[4] * x[2]) / l[2];
  x[0] = (y0 - l[1] * x[1] - l[3] * x[2]) / l[0];
}

/* The damped step (JᵀJ + μ D) δ = −Jᵀr, D the diagonal scaling. */
static gboolean
damped_step (const NormalEquations *ne,
             const double           scale[N_PARAMS],
             double                 mu,
             double                 step[N_PARAMS])
{
  long double a[6], l[6], b[3], x[3];

  for (guint k = 0; k < 6; k++)
    a[k] = ne->jtj[k];
  a[0] += mu * scale[0];
  a[3] += mu * scale[1];
  a[5] += mu * scale[2];

  if (!cholesky3 (a, l))
    return FALSE;

  for (guint k = 0; k < N_PARAMS; k++)
    b[k] = -ne->jtr[k];
  cholesky3_solve (l, b, x);

  for (guint k = 0; k < N_PARAMS; k++)
    step[k] = (double) x[k];

  return isfinite (step[0] + step[1] + step[2]);
}

/* (JᵀJ)⁻¹, column by column; FALSE when JᵀJ is singular. */
static gboolean
invert_normal (const NormalEquations *ne,
               double                 inverse[N_PARAMS * N_PARAMS])
{
  long double a[6], l[6];

  for (guint k = 0; k < 6; k++)
    a[k] = ne->jtj[k];
  if (!cholesky3 (a, l))
    return FALSE;

  for (guint j = 0; j < N_PARAMS; j++)
    {
      long double e[3] = { 0, 0, 0 }, column[3];

      e[j] = 1;
      cholesky3_solve (l, e, column);
      for (guint i = 0; i < N_PARAMS; i++)
        inverse[i * N_PARAMS + j] = (double) column[i];
    }

  return TRUE;
}

static gboolean
step_is_small (const double p[N_PARAMS],
               const double step[N_PARAMS])
{
  for (guint k = 0; k < N_PARAMS; k++)
    if (fabs (step[k]) > XTOL * (fabs (p[k]) + XTOL))
      return FALSE;

  return TRUE;
}

/*
 * Levenberg–Marquardt on every period from a point close to the optimum,
 * with Marquardt's scaling and Nielsen's update of the damping μ. A step is
 * one pass over the data; from the subsample's solution a few steps reach
 * the optimum of all the data. A rejected step that is already below the
 * step tolerance means the optimum is reached to the precision of doubles.
 */
static gboolean
refine (const ScaledData *d,
        Solution         *s)
{
  NormalEquations at, trial;
  double scale[N_PARAMS], mu, nu = 2;
  gboolean converged = FALSE;
  guint iterations = 0;

  if (!accumulate (d, s->p, &at))
    return FALSE;

  scale[0] = MAX (at.jtj[0], G_MINDOUBLE);
  scale[1] = MAX (at.jtj[3], G_MINDOUBLE);
  scale[2] = MAX (at.jtj[5], G_MINDOUBLE);
  mu = 1e-7;

  while (!converged && iterations < MAX_ITERATIONS)
    {
      double step[N_PARAMS], next[N_PARAMS], predicted = 0, rho;

      iterations++;
      if (!damped_step (&at, scale, mu, step))
        {
          mu *= nu, nu *= 2;
          continue;
        }

      for (guint k = 0; k < N_PARAMS; k++)
        predicted += step[k] * (mu * scale[k] * step[k] - at.jtr[k]);

      /* A lightly damped step is close to the Gauss–Newton step. When even
       * that is below the tolerance, or would lower the sum of squares by
       * less than its rounding, the point is the optimum to the precision
       * of doubles, and the pass that would evaluate the step is saved:
       * evaluated, such a step is as likely to be rejected for rounding. */
      if (mu < 1 && (step_is_small (s->p, step) || predicted <= SSR_RESOLUTION * at.ssr))
        {
          converged = TRUE;
          break;
        }

      for (guint k = 0; k < N_PARAMS; k++)
        next[k] = s->p[k] + step[k];

      if (!accumulate (d, next, &trial) || !(trial.ssr < at.ssr))
        {
          converged = step_is_small (s->p, step);
          mu *= nu, nu *= 2;
          continue;
        }

      rho = predicted > 0 ? (at.ssr - trial.ssr) / predicted : 0;
      mu *= MAX (1.0 / 3.0, 1 - pow (2 * rho - 1, 3));
      nu = 2;

      converged = step_is_small (next, step);
      memcpy (s->p, next, sizeof next);
      at = trial;
      scale[0] = MAX (scale[0], at.jtj[0]);
      scale[1] = MAX (scale[1], at.jtj[3]);
      scale[2] = MAX (scale[2], at.jtj[5]);
    }

  s->ssr = at.ssr;
  s->iterations = iterations;
  s->have_cov = invert_normal (&at, s->cov);

  return converged;
}

/*
 * On long series the search runs on an evenly spaced subsample, and its
 * solution is refined on every period, which takes only a few passes over
 * the data. The result is still the least-squares fit to all the data. A
 * larger subsample costs the search more and saves passes of the
 * refinement, which only pays on series long enough for passes to cost more
 * than the search.
 */
static gboolean
search_subsampled (const ScaledData *d,
                   Solution         *best)
{
  guint n = d->n, target = CLAMP (n / SUBSAMPLE_SHARE, MIN_SUBSAMPLE, MAX_SUBSAMPLE);
  guint stride = n / target + 1, m = 0;
  g_autofree double *sx = g_new (double, n / stride + 2);
  g_autofree double *sy = g_new (double, n / stride + 2);
  double y_max = -G_MAXDOUBLE;
  Start start;

  for (guint i = 0; i < n; i += stride)
    {
      sx[m] = (d->x[i] - d->x_offset) * d->x_factor;
      sy[m++] = d->y[i] * d->y_factor;
    }
  if ((n - 1) % stride != 0)
    {
      sx[m] = (d->x[n - 1] - d->x_offset) * d->x_factor;
      sy[m++] = d->y[n - 1] * d->y_factor;
    }
  for (guint i = 0; i < m; i++)
    y_max = MAX (y_max, sy[i]);

  if (!(y_max > 0) || !search (d->model, sx, sy, m, y_max, best, &start))
    return FALSE;

  return refine (d, best);
}

/**
 * plateau_curve_fit:
 * @model: the curve's shape
 * @x: abscissae
 * @y: ordinates
 * @n: number of points, > 3
 * @fit: (out): the fit
 *
 * Fits y = K F(r (x − x0)) by Levenberg–Marquardt from Fisher–Pry starting
 * values, on data rescaled to the unit square. The covariance is that of
 * least squares with the residual variance estimated on n − 3 degrees of
 * freedom.
 *
 * Returns: the outcome; @fit is filled whenever it is not
 *   %PLATEAU_CURVE_FIT_DEGENERATE or %PLATEAU_CURVE_FIT_NO_START
 */
PlateauCurveFitStatus
plateau_curve_fit (PlateauCurveModel model,
                   const double     *x,
                   const double     *y,
                   guint             n,
                   PlateauCurveFit  *fit)
{
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  double x_min = x[0], x_max = x[0], y_scale = 0, y_top = -G_MAXDOUBLE, y_max;
  double y_mean, sst = 0;
  PlateauSum y_sum = { 0, 0 };
  Solution best = { { 0 } };
  Start first = { { 0 }, G_MAXDOUBLE };
  gboolean have_best = FALSE;
  ScaledData scaled = { model, x, y, n };
  CurveData data;

  plateau_model_init_gsl ();
  memset (fit, 0, sizeof *fit);
  fit->model = model;
  fit->n = n;

  for (guint i = 0; i < n; i++)
    {
      x_min = MIN (x_min, x[i]);
      x_max = MAX (x_max, x[i]);
      y_scale = MAX (y_scale, fabs (y[i]));
      y_top = MAX (y_top, y[i]);
      plateau_sum_add (&y_sum, y[i]);
    }

  y_mean = plateau_sum_value (&y_sum) / n;
  for (guint i = 0; i < n; i++)
    sst += (y[i] - y_mean) * (y[i] - y_mean);
  fit->sst = sst;

  if (!(x_max > x_min) || !(y_scale > 0) || !(sst > 0))
    return PLATEAU_CURVE_FIT_DEGENERATE;

  scaled.x_offset = x_min;
  scaled.x_factor = 1.0 / (x_max - x_min);
  scaled.y_factor = 1.0 / y_scale;
  scaled.x_step = fit->x_step = regular_step (x, n);

  y_max = y_top * scaled.y_factor;
  if (!(y_max > 0))
    return PLATEAU_CURVE_FIT_DEGENERATE;

  if (n > 2 * MIN_SUBSAMPLE)
    have_best = search_subsampled (&scaled, &best);

  if (have_best)
    {
      fit->converged = TRUE;
      unscale (fit, &best, x_min, x_max - x_min, y_scale, n);
      return PLATEAU_CURVE_FIT_OK;
    }

  /* Short series, or a long one whose subsample misled the search: every
   * period, rescaled. */
  xs = g_new (double, n);
  ys = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      xs[i] = (x[i] - x_min) * scaled.x_factor;
      ys[i] = y[i] * scaled.y_factor;
    }
  data = (CurveData) { model, xs, ys, n };

  have_best = search (model, xs, ys, n, y_max, &best, &first);
  if (!have_best && first.ssr == G_MAXDOUBLE)
    return PLATEAU_CURVE_FIT_NO_START;

  fit->converged = have_best;
  if (!have_best)
    {
      run_lm (&data, &first, &best);
      unscale (fit, &best, x_min, x_max - x_min, y_scale, n);
      return PLATEAU_CURVE_FIT_NOT_CONVERGED;
    }

  unscale (fit, &best, x_min, x_max - x_min, y_scale, n);
  return PLATEAU_CURVE_FIT_OK;
}
