/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-model-error.h"
#include "plateau-portfolio.h"

/*
 * With E_j = a_j I_j^b_j and 0 < b_j < 1, the total return is concave in
 * the split, and its maximum under Σ I_j = B has equal marginal returns
 * a_j b_j I_j^(b_j − 1) = λ for every scenario. Each I_j (λ) falls as λ
 * rises, so λ is found by bisection on its logarithm until the split
 * spends the budget.
 */

#define BISECTION_STEPS 200

struct _PlateauPortfolio
{
  gatomicrefcount ref_count;

  double budget;
  double marginal_return;
  double current_total;
  double optimal_total;
  const char *unit;
  GArray *entries;
  GStringChunk *strings;
};

G_DEFINE_BOXED_TYPE (PlateauPortfolio, plateau_portfolio, plateau_portfolio_ref,
                     plateau_portfolio_unref)

static double
investment_at (const PlateauPortfolioEntry *e,
               double                       lambda)
{
  return pow (lambda / (e->a * e->b), 1.0 / (e->b - 1.0));
}

static double
spend_at (GArray *entries,
          double  lambda)
{
  double total = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const PlateauPortfolioEntry *e = &g_array_index (entries, PlateauPortfolioEntry, i);

      if (e->included)
        total += investment_at (e, lambda);
    }

  return total;
}

/* Brackets λ: at the smallest marginal return any scenario has at I = B,
 * that scenario alone wants B, so the spend is at least B; at the largest
 * marginal return any has at I = B / m, each wants at most B / m, so the
 * spend is at most B. */
static void
bracket (GArray *entries,
         double  budget,
         guint   n_included,
         double *lo,
         double *hi)
{
  *lo = G_MAXDOUBLE;
  *hi = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const PlateauPortfolioEntry *e = &g_array_index (entries, PlateauPortfolioEntry, i);

      if (!e->included)
        continue;

      *lo = MIN (*lo, e->a * e->b * pow (budget, e->b - 1));
      *hi = MAX (*hi, e->a * e->b * pow (budget / n_included, e->b - 1));
    }
}

static double
solve_lambda (GArray *entries,
              double  budget,
              guint   n_included)
{
  double lo, hi;

  bracket (entries, budget, n_included, &lo, &hi);
  lo = log (lo);
  hi = log (hi);

  for (guint step = 0; step < BISECTION_STEPS && hi - lo > 1e-15 * MAX (1, fabs (lo)); step++)
    {
      double mid = 0.5 * (lo + hi);

      if (spend_at (entries, exp (mid)) > budget)
        lo = mid;
      else
        hi = mid;
    }

  return exp (0.5 * (lo + hi));
}

static void
fill_entry (PlateauPortfolio      *self,
            PlateauPortfolioEntry *e,
            const PlateauAnalysis *analysis)
{
  const PlateauElasticity *el = plateau_analysis_get_elasticity (analysis);
  guint n = plateau_analysis_get_n_periods (analysis);
  const char *unit = plateau_analysis_get_unit (analysis) != NULL
                       ? plateau_analysis_get_unit (analysis) : "";

  e->name = g_string_chunk_insert_const (self->strings, plateau_analysis_get_name (analysis));
  e->current_investment = n > 0 ? plateau_analysis_get_period (analysis, n - 1)->investment : 0;
  if (!isfinite (e->current_investment) || e->current_investment < 0)
    e->current_investment = 0;

  if (!plateau_value_is_present (&el->a) || !plateau_value_is_present (&el->b))
    {
      e->reason = el->reason;
      return;
    }

  e->a = el->a.value;
  e->b = el->b.value;
  if (!(e->a > 0) || !(e->b > 0))
    {
      e->reason = _("More investment has not brought more return (the elasticity b is not "
                    "above 0)");
      return;
    }
  if (!(e->b < 1))
    {
      e->reason = _("Its returns are not diminishing (the elasticity b is 1 or more)");
      return;
    }

  /* One budget cannot be split between amounts in different units. */
  if (self->unit != NULL && g_strcmp0 (self->unit, unit) != 0)
    {
      g_autofree char *reason = g_strdup_printf (_("Its unit (“%s”) differs from that of the "
                                                   "scenarios before it (“%s”)"),
                                                 unit, self->unit);

      e->reason = g_string_chunk_insert_const (self->strings, reason);
      return;
    }

  self->unit = g_string_chunk_insert_const (self->strings, unit);
  e->included = TRUE;
  e->current_return = e->a * pow (e->current_investment, e->b);
}

/**
 * plateau_portfolio_new:
 * @analyses: (array length=n_analyses): analyses of a document's scenarios
 * @n_analyses: their number
 * @budget: the budget to split; 0 or less means the current total, the
 *   sum of each scenario's last investment
 * @error: return location for why no split is possible
 *
 * Splits the budget across the scenarios whose returns to scale are
 * diminishing so as to maximise the modelled total return. The others are
 * listed, not included, with the reason.
 *
 * Returns: (transfer full) (nullable): the split
 */
PlateauPortfolio *
plateau_portfolio_new (PlateauAnalysis *const *analyses,
                       guint                   n_analyses,
                       double                  budget,
                       GError                **error)
{
  g_autoptr (PlateauPortfolio) self = g_new0 (PlateauPortfolio, 1);
  double current_budget = 0, lambda;
  guint n_included = 0;

  g_return_val_if_fail (analyses != NULL || n_analyses == 0, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (PlateauPortfolioEntry));
  self->strings = g_string_chunk_new (256);
  g_array_set_size (self->entries, n_analyses);

  for (guint i = 0; i < n_analyses; i++)
    {
      PlateauPortfolioEntry *e = &g_array_index (self->entries, PlateauPortfolioEntry, i);

      fill_entry (self, e, analyses[i]);
      if (e->included)
        {
          n_included++;
          current_budget += e->current_investment;
          self->current_total += e->current_return;
        }
    }

  self->budget = budget > 0 ? budget : current_budget;
  if (n_included == 0)
    {
      g_set_error_literal (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                           _("No scenario has diminishing returns to scale, so there is no "
                             "best split of the budget"));
      return NULL;
    }
  if (!(self->budget > 0) || !isfinite (self->budget))
    {
      g_set_error_literal (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID,
                           _("The budget to split must be a positive number"));
      return NULL;
    }

  lambda = solve_lambda (self->entries, self->budget, n_included);
  self->marginal_return = lambda;

  for (guint i = 0; i < n_analyses; i++)
    {
      PlateauPortfolioEntry *e = &g_array_index (self->entries, PlateauPortfolioEntry, i);

      if (!e->included)
        continue;
      e->optimal_investment = investment_at (e, lambda);
      e->optimal_return = e->a * pow (e->optimal_investment, e->b);
      self->optimal_total += e->optimal_return;
    }

  return g_steal_pointer (&self);
}

/**
 * plateau_portfolio_ref:
 * @self: a portfolio
 *
 * Returns: (transfer full): @self, with one more reference
 */
PlateauPortfolio *
plateau_portfolio_ref (PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * plateau_portfolio_unref:
 * @self: (transfer full): a portfolio
 *
 * Drops one reference.
 */
void
plateau_portfolio_unref (PlateauPortfolio *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/**
 * plateau_portfolio_get_budget:
 * @self: a portfolio
 *
 * Returns: the budget split
 */
double
plateau_portfolio_get_budget (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->budget;
}

/**
 * plateau_portfolio_get_marginal_return:
 * @self: a portfolio
 *
 * Returns: λ, the marginal return every included scenario has at the best
 *   split
 */
double
plateau_portfolio_get_marginal_return (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marginal_return;
}

/**
 * plateau_portfolio_get_unit:
 * @self: a portfolio
 *
 * Returns: the currency unit of the scenarios in the split (maybe empty)
 */
const char *
plateau_portfolio_get_unit (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unit != NULL ? self->unit : "";
}

/**
 * plateau_portfolio_get_current_total:
 * @self: a portfolio
 *
 * Returns: the modelled total return of the current split
 */
double
plateau_portfolio_get_current_total (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->current_total;
}

/**
 * plateau_portfolio_get_optimal_total:
 * @self: a portfolio
 *
 * Returns: the modelled total return of the best split
 */
double
plateau_portfolio_get_optimal_total (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->optimal_total;
}

/**
 * plateau_portfolio_get_n_entries:
 * @self: a portfolio
 *
 * Returns: the number of scenarios, included or not
 */
guint
plateau_portfolio_get_n_entries (const PlateauPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * plateau_portfolio_get_entry:
 * @self: a portfolio
 * @index: the scenario's index, in the order given
 *
 * Returns: the scenario's share
 */
const PlateauPortfolioEntry *
plateau_portfolio_get_entry (const PlateauPortfolio *self,
                             guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, PlateauPortfolioEntry, index);
}
