/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "plateau-analysis-private.h"
#include "plateau-parallel-private.h"

/*
 * The analysis is computed in one pass of steps over a private copy of the
 * scenario's data: per-period figures, the ROI trend, returns to scale, the
 * S-curve, stages and the forecast. Nothing in it changes afterwards, so
 * views may hold it and read it from any thread.
 */

G_DEFINE_BOXED_TYPE (PlateauAnalysis, plateau_analysis,
                     plateau_analysis_ref, plateau_analysis_unref)

/**
 * plateau_value_set_too_large:
 * @value: the value to fill
 *
 * Marks the value absent because its computation overflowed.
 */
void
plateau_value_set_too_large (PlateauValue *value)
{
  plateau_value_set_absent (value, _("The value is too large to compute"));
}

/**
 * plateau_value_no_reason:
 *
 * Returns: the reason given for an absent value when none was given
 */
const char *
plateau_value_no_reason (void)
{
  return _("The value cannot be computed");
}

/**
 * plateau_analysis_intern:
 * @self: an analysis being built
 * @text: a string
 *
 * Returns: a copy of @text that lives as long as the analysis
 */
const char *
plateau_analysis_intern (PlateauAnalysis *self,
                         const char      *text)
{
  return g_string_chunk_insert (self->strings, text);
}

/**
 * plateau_analysis_printf:
 * @self: an analysis being built
 * @format: a printf-style format
 *
 * Returns: the formatted text, living as long as the analysis
 */
const char *
plateau_analysis_printf (PlateauAnalysis *self,
                         const char      *format,
                         ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return plateau_analysis_intern (self, text);
}

/**
 * plateau_analysis_warn:
 * @self: an analysis being built
 * @period: the period's index, or -1
 * @code: a stable code
 * @message: the message, living as long as the analysis
 *
 * Adds a warning.
 */
void
plateau_analysis_warn (PlateauAnalysis *self,
                       int              period,
                       const char      *code,
                       const char      *message)
{
  PlateauWarning warning = { period, code, message };

  g_array_append_val (self->warnings, warning);
}

/* Loops over the periods give each thread at least this many. */
#define PARALLEL_PERIODS 100000

/* Arrays larger than this are asked to be backed by huge pages. */
#define LARGE_ARRAY_BYTES (4 << 20)

/*
 * Allocates an array of one entry a period, uninitialised: each is filled
 * entry by entry, and clearing it first would cost another pass over it.
 * The arrays of a long series are hundreds of megabytes, filled page by
 * page as soon as they are allocated; backed by transparent huge pages that
 * is a few hundred page faults instead of a hundred thousand, which on a
 * million periods was a third of the analysis. The advice changes nothing
 * where huge pages are not available.
 */
static gpointer
alloc_per_period (guint n,
                  gsize size)
{
  gsize bytes = (gsize) MAX (n, 1) * size;
  guint8 *block = g_malloc (bytes);

#ifdef MADV_HUGEPAGE
  if (bytes >= LARGE_ARRAY_BYTES)
    {
      guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
      guintptr start = ((guintptr) block + page - 1) / page * page;
      guintptr end = ((guintptr) block + bytes) / page * page;

      if (end > start)
        madvise ((void *) start, end - start, MADV_HUGEPAGE);
    }
#endif

  return block;
}

/* When there are this many bytes to clear in arrays of at least
 * POPULATE_BYTES, the kernel's clearing of their fresh pages is shared
 * with a second thread. */
#define POPULATE_THREAD_BYTES (64 << 20)
#define POPULATE_BYTES (4 << 20)
#define MAX_POPULATE 16

/*
 * Filling fresh arrays of hundreds of megabytes is bounded by the kernel
 * clearing each page as it is first touched. While the first pass fills the
 * arrays from the front, a second thread asks the kernel to supply the back
 * two thirds of each: MADV_POPULATE_WRITE only brings pages in, it never
 * changes their contents, so it is safe whatever the first thread has
 * written. The first thread, which also computes, clears the first third
 * itself; the clearing then runs on two processors in about the same time.
 */
typedef struct
{
  guint n;
  guint8 *start[MAX_POPULATE];
  gsize bytes[MAX_POPULATE];
  gsize total;
} Population;

static void
population_add (Population *pop,
                gpointer    block,
                gsize       bytes)
{
  if (bytes < POPULATE_BYTES || pop->n == MAX_POPULATE)
    return;

  pop->start[pop->n] = (guint8 *) block + bytes / 3;
  pop->bytes[pop->n] = bytes - bytes / 3;
  pop->total += pop->bytes[pop->n++];
}

static gpointer
populate (gpointer data)
{
#ifdef MADV_POPULATE_WRITE
  Population *pop = data;
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);

  for (guint k = 0; k < pop->n; k++)
    {
      guintptr start = ((guintptr) pop->start[k] + page - 1) / page * page;
      guintptr end = ((guintptr) pop->start[k] + pop->bytes[k]) / page * page;

      if (end > start)
        madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
    }
#endif

  return NULL;
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;

  *number = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;

  return *end == '\0' && isfinite (*number);
}

/* Labels are nearly always whole numbers such as years. Those are read
 * here, exactly and far faster than by strtod; anything else goes to
 * parse_number(). */
static gboolean
parse_label (const char *text,
             double     *number)
{
  guint64 value = 0;
  const char *c = text;

  while (*c >= '0' && *c <= '9' && c - text < 15)
    value = value * 10 + (guint64) (*c++ - '0');

  if (c != text && *c == '\0')
    {
      *number = (double) value;
      return TRUE;
    }

  return parse_number (text, number);
}

static void
warn_about_order (PlateauAnalysis *self,
                  guint            i)
{
  const PlateauPeriodResult *p = &self->periods[i], *q = &self->periods[i - 1];
  PlateauWarning warning = { i, NULL, NULL };

  if (p->t == q->t)
    {
      warning.code = "duplicate-label";
      warning.message = plateau_analysis_printf (self,
                          _("Period “%s” repeats the label of the period before it; "
                            "periods are placed by position instead"), p->label);
    }
  else
    {
      warning.code = "unsorted-labels";
      warning.message = plateau_analysis_printf (self,
                          _("Period “%s” comes after “%s” in the table but before it "
                            "in time; periods are placed by position instead"),
                          p->label, q->label);
    }

  /* The order of time is the first thing said about a table. */
  g_array_prepend_val (self->warnings, warning);
}

/*
 * t is each label's number when every label is a number and they increase;
 * otherwise the position, with a warning when numbers repeat or go back.
 * read_periods() has parsed the labels and found the first period, if any,
 * that does not come after the one before it.
 */
static void
place_in_time (PlateauAnalysis *self,
               gboolean         numeric,
               guint            first_unordered)
{
  PlateauColumns *c = &self->columns;

  if (numeric && first_unordered > 0)
    {
      warn_about_order (self, first_unordered);
      numeric = FALSE;
    }

  if (numeric)
    return;

  for (guint i = 0; i < self->n_periods; i++)
    self->periods[i].t = i + 1;
  for (guint k = 0; k < c->n; k++)
    c->t[k] = c->index[k] + 1;
}

static gboolean
in_range (double x)
{
  double m = fabs (x);

  return m == 0 || (m >= PLATEAU_MIN_MAGNITUDE && m <= PLATEAU_MAX_MAGNITUDE);
}

/* A period whose numbers cannot be analysed is left out of every sum and
 * fit, with a warning naming it. */
static gboolean
check_period (PlateauAnalysis     *self,
              guint                i,
              PlateauPeriodResult *p)
{
  if (!isfinite (p->investment) || !isfinite (p->ret))
    plateau_analysis_warn (self, i, "invalid-value",
                           plateau_analysis_printf (self,
                             _("Period “%s” has a value that is not a finite number; "
                               "it is left out"), p->label));
  else if (p->investment < 0)
    plateau_analysis_warn (self, i, "negative-investment",
                           plateau_analysis_printf (self,
                             _("Period “%s” has a negative investment; it is left out"),
                             p->label));
  else if (!in_range (p->investment) || !in_range (p->ret))
    plateau_analysis_warn (self, i, "out-of-range",
                           plateau_analysis_printf (self,
                             _("Period “%s” has a value outside the range Plateau analyses "
                               "(0, or magnitudes from 1e-50 to 1e50); it is left out"),
                             p->label));
  else
    return TRUE;

  return FALSE;
}

static void
compute_roi (PlateauAnalysis     *self,
             guint                i,
             PlateauPeriodResult *p)
{
  if (p->investment > 0)
    {
      plateau_value_set (&p->roi, p->ret / p->investment);
      return;
    }

  plateau_value_set_absent (&p->roi, _("There is no investment in this period"));
  plateau_analysis_warn (self, i, "zero-investment",
                         plateau_analysis_printf (self,
                           _("Period “%s” has no investment, so its ROI is undefined"),
                           p->label));
}

static void
compute_marginal (PlateauPeriodResult       *p,
                  const PlateauPeriodResult *prev)
{
  double d_invest, d_return, scale;

  if (prev == NULL)
    {
      plateau_value_set_absent (&p->marginal_roi, _("There is no earlier period to compare"));
      plateau_value_set_absent (&p->growth_change, _("There is no earlier period to compare"));
      return;
    }

  d_invest = p->investment - prev->investment;
  d_return = p->ret - prev->ret;
  scale = MAX (fabs (p->investment), fabs (prev->investment));
  plateau_value_set (&p->growth_change, p->growth - prev->growth);

  if (fabs (d_invest) <= 1e-9 * scale || d_invest == 0)
    plateau_value_set_absent (&p->marginal_roi,
                              _("The investment did not change from the period before"));
  else
    plateau_value_set (&p->marginal_roi, d_return / d_invest);
}

typedef struct
{
  PlateauSum ci;
  PlateauSum ce;
  const PlateauPeriodResult *prev;
  const char *left_out;
} RunningTotals;

static void
add_column (PlateauColumns            *c,
            guint                      i,
            const PlateauPeriodResult *p)
{
  guint k = c->n++;

  c->index[k] = i;
  c->t[k] = p->t;
  c->investment[k] = p->investment;
  c->ret[k] = p->ret;
  c->cumulative_investment[k] = p->cumulative_investment;
  c->cumulative_return[k] = p->cumulative_return;
  c->roi[k] = plateau_value_is_present (&p->roi) ? p->roi.value : NAN;
  c->n_roi += plateau_value_is_present (&p->roi);
  c->n_positive += p->investment > 0 && p->ret > 0;
}

static void
compute_period (PlateauAnalysis     *self,
                guint                i,
                PlateauPeriodResult *p,
                RunningTotals       *run)
{
  self->valid[i] = check_period (self, i, p);
  if (!self->valid[i])
    {
      p->cumulative_investment = plateau_sum_value (&run->ci);
      p->cumulative_return = plateau_sum_value (&run->ce);
      plateau_value_set_absent (&p->roi, run->left_out);
      plateau_value_set_absent (&p->cumulative_roi, run->left_out);
      plateau_value_set_absent (&p->marginal_roi, run->left_out);
      plateau_value_set_absent (&p->growth_change, run->left_out);
      return;
    }

  self->n_valid++;
  plateau_sum_add (&run->ci, p->investment);
  plateau_sum_add (&run->ce, p->ret);
  p->cumulative_investment = plateau_sum_value (&run->ci);
  p->cumulative_return = plateau_sum_value (&run->ce);
  p->growth = p->ret;
  compute_roi (self, i, p);

  if (p->cumulative_investment > 0)
    plateau_value_set (&p->cumulative_roi, p->cumulative_return / p->cumulative_investment);
  else
    plateau_value_set_absent (&p->cumulative_roi, _("Nothing has been invested yet"));

  compute_marginal (p, run->prev);
  run->prev = p;
  add_column (&self->columns, i, p);
}

static void
allocate_columns (PlateauColumns *c,
                  guint           n)
{
  c->n = 0;
  c->n_roi = 0;
  c->n_positive = 0;
  c->index = alloc_per_period (n, sizeof (guint));
  c->t = alloc_per_period (n, sizeof (double));
  c->investment = alloc_per_period (n, sizeof (double));
  c->ret = alloc_per_period (n, sizeof (double));
  c->cumulative_investment = alloc_per_period (n, sizeof (double));
  c->cumulative_return = alloc_per_period (n, sizeof (double));
  c->roi = alloc_per_period (n, sizeof (double));
}

static void
free_columns (PlateauColumns *c)
{
  g_clear_pointer (&c->index, g_free);
  g_clear_pointer (&c->t, g_free);
  g_clear_pointer (&c->investment, g_free);
  g_clear_pointer (&c->ret, g_free);
  g_clear_pointer (&c->cumulative_investment, g_free);
  g_clear_pointer (&c->cumulative_return, g_free);
  g_clear_pointer (&c->roi, g_free);
}

/*
 * The first pass over the periods: copies each one from the scenario,
 * reads its label as a time, checks it, computes its own figures and adds
 * the valid ones to the columns.
 */
static void
read_periods (PlateauAnalysis *self,
              PlateauScenario *scenario)
{
  guint n, first_unordered = 0;
  const PlateauPeriod *in = plateau_scenario_get_periods (scenario, &n);
  RunningTotals run = { { 0, 0 }, { 0, 0 }, NULL, _("The period is left out of the analysis") };
  gboolean numeric = n > 0;
  Population pop = { 0 };
  GThread *populator = NULL;

  self->n_periods = n;
  self->periods = alloc_per_period (n, sizeof (PlateauPeriodResult));
  self->valid = alloc_per_period (n, sizeof (gboolean));
  allocate_columns (&self->columns, n);

  population_add (&pop, self->periods, (gsize) n * sizeof (PlateauPeriodResult));
  population_add (&pop, self->columns.t, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.investment, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.ret, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.cumulative_investment, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.cumulative_return, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.roi, (gsize) n * sizeof (double));
  population_add (&pop, self->columns.index, (gsize) n * sizeof (guint));
  population_add (&pop, self->valid, (gsize) n * sizeof (gboolean));
  if (pop.total >= POPULATE_THREAD_BYTES)
    populator = g_thread_new ("plateau-populate", populate, &pop);

  for (guint i = 0; i < n; i++)
    {
      PlateauPeriodResult *p = &self->periods[i];

      /* The other members are filled by the steps below and by
       * finish_periods(), each exactly once. */
      p->label = plateau_analysis_intern (self, in[i].label);
      p->t = 0;
      p->investment = in[i].investment;
      p->ret = in[i].ret;
      p->growth = isfinite (in[i].ret) && in_range (in[i].ret) ? in[i].ret : 0;

      numeric = numeric && parse_label (p->label, &p->t);
      if (numeric && i > 0 && first_unordered == 0 && !(p->t > p[-1].t))
        first_unordered = i;

      compute_period (self, i, p, &run);
    }

  place_in_time (self, numeric, first_unordered);
  if (populator != NULL)
    g_thread_join (populator);
}

static const char *
too_few (PlateauAnalysis *self,
         guint            needed,
         guint            have)
{
  return plateau_analysis_printf (self,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Needs at least %u usable periods; there is %u",
                                               "Needs at least %u usable periods; there are %u",
                                               have),
                                  needed, have);
}

/* Fills the slope's interval and p-value from Student's t with n − 2 df. */
static void
fill_slope_inference (PlateauAnalysis *self,
                      const PlateauOls *ols,
                      PlateauValue     *se,
                      PlateauValue     *lo,
                      PlateauValue     *hi,
                      PlateauValue     *p_value)
{
  const char *reason;
  double t_crit;

  if (!ols->have_errors)
    {
      reason = too_few (self, 3, ols->n);
      plateau_value_set_absent (se, reason);
      plateau_value_set_absent (lo, reason);
      plateau_value_set_absent (hi, reason);
      plateau_value_set_absent (p_value, reason);
      return;
    }

  t_crit = plateau_t_critical_95 (ols->n - 2);
  plateau_value_set (se, ols->slope_se);
  plateau_value_set (lo, ols->slope - t_crit * ols->slope_se);
  plateau_value_set (hi, ols->slope + t_crit * ols->slope_se);

  if (ols->slope_se > 0)
    plateau_value_set (p_value, plateau_t_two_sided_p (ols->slope / ols->slope_se, ols->n - 2));
  else if (ols->slope != 0)
    plateau_value_set (p_value, 0.0);
  else
    plateau_value_set_absent (p_value, _("The values are constant"));
}

static void
fill_r2 (PlateauValue     *r2,
         const PlateauOls *ols)
{
  if (ols->sst > 0)
    plateau_value_set (r2, 1.0 - ols->ssr / ols->sst);
  else
    plateau_value_set_absent (r2, _("The values are constant"));
}

/* The t and ROI of the periods that have an ROI, the valid ones with an
 * investment: the columns themselves when every valid period has one, else
 * a copy of those that do, which @copy_t and @copy_roi then own. */
static guint
collect_roi (PlateauAnalysis  *self,
             const double    **t,
             const double    **roi,
             double          **copy_t,
             double          **copy_roi)
{
  const PlateauColumns *c = &self->columns;
  guint k = 0;

  if (c->n_roi == c->n)
    {
      *t = c->t;
      *roi = c->roi;
      return c->n;
    }

  *copy_t = alloc_per_period (c->n_roi, sizeof (double));
  *copy_roi = alloc_per_period (c->n_roi, sizeof (double));
  for (guint j = 0; j < c->n; j++)
    {
      if (!isfinite (c->roi[j]))
        continue;

      (*copy_t)[k] = c->t[j];
      (*copy_roi)[k++] = c->roi[j];
    }

  *t = *copy_t;
  *roi = *copy_roi;
  return k;
}

static void
compute_trailing_slope (PlateauAnalysis *self,
                        const double    *t,
                        const double    *roi,
                        guint            n)
{
  PlateauTrend *trend = &self->trend;
  guint w = self->settings.trailing_window;
  PlateauOls ols;

  trend->trailing_window = w;

  if (n < w)
    {
      plateau_value_set_absent (&trend->trailing_slope,
                                plateau_analysis_printf (self,
                                  _("There are fewer periods with an ROI (%u) than the "
                                    "trailing window (%u)"), n, w));
      return;
    }

  if (plateau_ols_fit (t + n - w, roi + n - w, w, &ols))
    {
      plateau_value_set (&trend->trailing_slope, ols.slope);
      self->trailing_ols = ols;
      self->have_trailing_ols = TRUE;
    }
  else
    plateau_value_set_absent (&trend->trailing_slope, _("The recent periods share one time"));
}

static void
compute_trend (PlateauAnalysis *self)
{
  PlateauTrend *trend = &self->trend;
  PlateauOls *ols = &self->trend_ols;
  g_autofree double *copy_t = NULL;
  g_autofree double *copy_roi = NULL;
  const double *t, *roi;
  guint n = collect_roi (self, &t, &roi, &copy_t, &copy_roi);
  const char *reason;

  trend->n = n;
  compute_trailing_slope (self, t, roi, n);

  if (!plateau_ols_fit (t, roi, n, ols))
    {
      trend->status = n < 2 ? PLATEAU_FIT_TOO_FEW_POINTS : PLATEAU_FIT_DEGENERATE;
      reason = n < 2 ? too_few (self, 2, n) : _("Every period has the same time");
      trend->reason = reason;
      plateau_value_set_absent (&trend->slope, reason);
      plateau_value_set_absent (&trend->intercept, reason);
      plateau_value_set_absent (&trend->r2, reason);
      fill_slope_inference (self, ols, &trend->slope_se, &trend->slope_ci_lo,
                            &trend->slope_ci_hi, &trend->p_value);
      return;
    }

  trend->status = PLATEAU_FIT_OK;
  plateau_value_set (&trend->slope, ols->slope);
  plateau_value_set (&trend->intercept, ols->intercept);
  fill_r2 (&trend->r2, ols);
  fill_slope_inference (self, ols, &trend->slope_se, &trend->slope_ci_lo,
                        &trend->slope_ci_hi, &trend->p_value);
}

static PlateauReturnsVerdict
judge_returns (const PlateauElasticity *e)
{
  if (!plateau_value_is_present (&e->b_ci_lo) || !plateau_value_is_present (&e->b_ci_hi))
    return PLATEAU_RETURNS_UNKNOWN;
  if (e->b_ci_hi.value < 1)
    return PLATEAU_RETURNS_DIMINISHING;
  if (e->b_ci_lo.value > 1)
    return PLATEAU_RETURNS_INCREASING;

  return PLATEAU_RETURNS_CONSTANT;
}

static void
set_elasticity_absent (PlateauElasticity *e,
                       PlateauFitStatus   status,
                       const char        *reason)
{
  e->status = status;
  e->reason = reason;
  plateau_value_set_absent (&e->a, reason);
  plateau_value_set_absent (&e->b, reason);
  plateau_value_set_absent (&e->b_ci_lo, reason);
  plateau_value_set_absent (&e->b_ci_hi, reason);
  plateau_value_set_absent (&e->r2, reason);
}

/* A loss or a zero return has no logarithm. Leaving the period out is the
 * only honest fit, but the analyst must see which periods it ignores. */
static void
warn_left_out_of_elasticity (PlateauAnalysis           *self,
                             guint                      i,
                             const PlateauPeriodResult *p)
{
  plateau_analysis_warn (self, i, "no-positive-return",
                         plateau_analysis_printf (self,
                           _("Period “%s” has no positive return, so it is left out of "
                             "the returns-to-scale fit"), p->label));
}

typedef struct
{
  const PlateauColumns *columns;
  double *li;
  double *le;
} LogJob;

static void
take_logs (gpointer data,
           guint    start,
           guint    end)
{
  LogJob *job = data;

  for (guint j = start; j < end; j++)
    {
      job->li[j] = log (job->columns->investment[j]);
      job->le[j] = log (job->columns->ret[j]);
    }
}

/* When every valid period has a positive investment and return, the
 * logarithms are independent of each other and long series share them
 * among threads; otherwise the periods left out are warned about in
 * order. */
static void
compute_elasticity (PlateauAnalysis *self)
{
  PlateauElasticity *e = &self->elasticity;
  const PlateauColumns *c = &self->columns;
  g_autofree double *li = alloc_per_period (c->n, sizeof (double));
  g_autofree double *le = alloc_per_period (c->n, sizeof (double));
  PlateauValue unused_se;
  PlateauOls ols;
  guint n = 0;

  if (c->n_positive == c->n)
    {
      LogJob job = { c, li, le };

      plateau_parallel_for (c->n, PARALLEL_PERIODS, take_logs, &job);
      n = c->n;
    }
  else
    {
      for (guint j = 0; j < c->n; j++)
        {
          if (c->investment[j] <= 0)
            continue;

          if (c->ret[j] > 0)
            {
              li[n] = log (c->investment[j]);
              le[n++] = log (c->ret[j]);
            }
          else
            warn_left_out_of_elasticity (self, c->index[j], &self->periods[c->index[j]]);
        }
    }

  e->n = n;
  if (n < 3)
    {
      set_elasticity_absent (e, PLATEAU_FIT_TOO_FEW_POINTS,
                             plateau_analysis_printf (self,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Needs at least 3 periods with positive "
                                            "investment and return; there is %u",
                                            "Needs at least 3 periods with positive "
                                            "investment and return; there are %u", n),
                               n));
      return;
    }

  if (!plateau_ols_fit (li, le, n, &ols))
    {
      set_elasticity_absent (e, PLATEAU_FIT_DEGENERATE,
                             _("The investment is the same in every period, so its effect "
                               "on the return cannot be told apart"));
      return;
    }

  e->status = PLATEAU_FIT_OK;
  plateau_value_set (&e->a, exp (ols.intercept));
  plateau_value_set (&e->b, ols.slope);
  fill_r2 (&e->r2, &ols);
  fill_slope_inference (self, &ols, &unused_se, &e->b_ci_lo, &e->b_ci_hi, &unused_se);
  e->verdict = judge_returns (e);
}

static void
fill_smoothed_marginal (const PlateauElasticity *e,
                        PlateauPeriodResult     *p)
{
  if (!plateau_value_is_present (&p->roi))
    plateau_value_set_absent (&p->smoothed_marginal_roi, p->roi.reason);
  else if (!plateau_value_is_present (&e->b))
    plateau_value_set_absent (&p->smoothed_marginal_roi, e->reason);
  else
    plateau_value_set (&p->smoothed_marginal_roi, e->b.value * p->roi.value);
}

typedef struct
{
  PlateauAnalysis *analysis;
  const double *fraction;
} FinishJob;

/* The number of valid periods before period i, which is where period i's
 * entry in the columns is, if it has one. */
static guint
column_of_period (const PlateauColumns *c,
                  guint                 i)
{
  guint lo = 0, hi = c->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c->index[mid] < i)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
finish_range (gpointer data,
              guint    start,
              guint    end)
{
  FinishJob *job = data;
  PlateauAnalysis *self = job->analysis;
  guint k = column_of_period (&self->columns, start);

  for (guint i = start; i < end; i++)
    {
      PlateauPeriodResult *p = &self->periods[i];
      double f = 0;

      if (self->valid[i] && job->fraction != NULL)
        f = job->fraction[k++];

      fill_smoothed_marginal (&self->elasticity, p);
      plateau_analysis_fill_curve (self, p, self->valid[i], f);
    }
}

/* The second and last pass over the periods fills in what the fits give
 * each one; periods are independent of each other here, so long series
 * share the pass among threads. */
static void
finish_periods (PlateauAnalysis *self)
{
  g_autofree double *fraction = plateau_analysis_curve_fractions (self);
  FinishJob job = { self, fraction };

  plateau_parallel_for (self->n_periods, PARALLEL_PERIODS, finish_range, &job);
}

static void
copy_settings (PlateauAnalysis *self,
               PlateauScenario *scenario)
{
  const double *plan;

  self->name = g_strdup (plateau_scenario_get_name (scenario));
  self->unit = g_strdup (plateau_scenario_get_unit (scenario));
  plateau_scenario_get_settings (scenario, &self->settings);
  if (!plateau_settings_validate (&self->settings, NULL))
    plateau_settings_init_default (&self->settings);

  plan = plateau_scenario_get_plan (scenario, &self->n_plan);
  self->plan = g_memdup2 (plan, self->n_plan * sizeof (double));
}

static void
warn_if_short (PlateauAnalysis *self)
{
  if (self->n_valid >= 3)
    return;

  plateau_analysis_warn (self, -1, "too-few-periods",
                         plateau_analysis_printf (self,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Only %u usable period: the ROI trend's interval needs "
                                        "at least 3 and the S-curve at least 6",
                                        "Only %u usable periods: the ROI trend's interval needs "
                                        "at least 3 and the S-curve at least 6",
                                        self->n_valid),
                           self->n_valid));
}

/**
 * plateau_analysis_new:
 * @scenario: the scenario to analyse
 *
 * Analyses the scenario as it is now. This never fails: whatever cannot be
 * computed is absent, with its reason, and warnings name the periods that
 * were left out or could not be used.
 *
 * Returns: (transfer full): the analysis
 */
PlateauAnalysis *
plateau_analysis_new (PlateauScenario *scenario)
{
  PlateauAnalysis *self;

  g_return_val_if_fail (PLATEAU_IS_SCENARIO (scenario), NULL);

  plateau_model_init_gsl ();
  self = g_new0 (PlateauAnalysis, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (4096);
  self->warnings = g_array_new (FALSE, FALSE, sizeof (PlateauWarning));
  self->forecast = g_array_new (FALSE, FALSE, sizeof (PlateauForecastPoint));

  copy_settings (self, scenario);
  read_periods (self, scenario);
  warn_if_short (self);
  compute_trend (self);
  compute_elasticity (self);
  plateau_analysis_fit_lifecycle (self);
  finish_periods (self);
  plateau_analysis_classify (self);
  plateau_analysis_forecast (self);
  free_columns (&self->columns);

  return self;
}

/**
 * plateau_analysis_ref:
 * @self: an analysis
 *
 * Returns: (transfer full): @self, with one more reference
 */
PlateauAnalysis *
plateau_analysis_ref (PlateauAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * plateau_analysis_unref:
 * @self: (transfer full): an analysis
 *
 * Drops one reference, freeing the analysis with the last.
 */
void
plateau_analysis_unref (PlateauAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->unit);
  g_free (self->periods);
  g_free (self->valid);
  g_free (self->plan);
  g_array_unref (self->forecast);
  g_array_unref (self->warnings);
  g_string_chunk_free (self->strings);
  g_free (self);
}
