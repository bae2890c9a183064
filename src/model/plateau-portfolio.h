/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-analysis.h"

G_BEGIN_DECLS

/**
 * PlateauPortfolioEntry:
 * @name: the scenario's name
 * @included: whether the scenario takes part (it needs 0 < b < 1)
 * @reason: when not included, why, in plain words
 * @a: the scale a of E = a I^b
 * @b: the elasticity b
 * @current_investment: the investment of the scenario's last period
 * @current_return: a × current^b, the modelled return of the current split
 * @optimal_investment: the investment of the best split
 * @optimal_return: a × optimal^b
 *
 * One scenario's share of a budget.
 */
typedef struct
{
  const char *name;
  gboolean included;
  const char *reason;
  double a;
  double b;
  double current_investment;
  double current_return;
  double optimal_investment;
  double optimal_return;
} PlateauPortfolioEntry;

/**
 * PlateauPortfolio:
 *
 * The split of a budget across scenarios that maximises the modelled total
 * return Σ a_j I_j^b_j: every included scenario ends at the same marginal
 * return. Immutable and reference counted.
 */
typedef struct _PlateauPortfolio PlateauPortfolio;

#define PLATEAU_TYPE_PORTFOLIO (plateau_portfolio_get_type ())
GType             plateau_portfolio_get_type            (void) G_GNUC_CONST;

PlateauPortfolio *plateau_portfolio_new                 (PlateauAnalysis *const *analyses,
                                                         guint                   n_analyses,
                                                         double                  budget,
                                                         GError                **error);
PlateauPortfolio *plateau_portfolio_ref                 (PlateauPortfolio       *self);
void              plateau_portfolio_unref               (PlateauPortfolio       *self);

double            plateau_portfolio_get_budget          (const PlateauPortfolio *self);
double            plateau_portfolio_get_marginal_return (const PlateauPortfolio *self);
double            plateau_portfolio_get_current_total   (const PlateauPortfolio *self);
const char       *plateau_portfolio_get_unit            (const PlateauPortfolio *self);
double            plateau_portfolio_get_optimal_total   (const PlateauPortfolio *self);
guint             plateau_portfolio_get_n_entries       (const PlateauPortfolio *self);

const PlateauPortfolioEntry *plateau_portfolio_get_entry (const PlateauPortfolio *self,
                                                          guint                   index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauPortfolio, plateau_portfolio_unref)

G_END_DECLS
