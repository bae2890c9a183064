/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-analysis.h"
#include "plateau-chart-view.h"
#include "plateau-document.h"
#include "plateau-portfolio.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_PORTFOLIO_PAGE (plateau_portfolio_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauPortfolioPage, plateau_portfolio_page,
                      PLATEAU, PORTFOLIO_PAGE, GtkWidget)

GtkWidget        *plateau_portfolio_page_new          (void);
void              plateau_portfolio_page_set_document (PlateauPortfolioPage   *self,
                                                       PlateauDocument        *document);
void              plateau_portfolio_page_set_analyses (PlateauPortfolioPage   *self,
                                                       PlateauAnalysis *const *analyses,
                                                       guint                   n_analyses);
double            plateau_portfolio_page_get_budget   (PlateauPortfolioPage   *self);
void              plateau_portfolio_page_set_budget   (PlateauPortfolioPage   *self,
                                                       double                  budget);
PlateauPortfolio *plateau_portfolio_page_get_portfolio (PlateauPortfolioPage  *self);
GListModel       *plateau_portfolio_page_get_rows     (PlateauPortfolioPage   *self);
const char       *plateau_portfolio_page_get_caption  (PlateauPortfolioPage   *self);
PlateauChartView *plateau_portfolio_page_get_comparison_view (PlateauPortfolioPage *self);
PlateauChartView *plateau_portfolio_page_get_allocation_view (PlateauPortfolioPage *self);
gboolean          plateau_parse_amount                (const char             *text,
                                                       double                 *value);

G_END_DECLS
