/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-analysis.h"
#include "plateau-portfolio.h"

G_BEGIN_DECLS

/**
 * PlateauStrategySplit:
 * @portfolio: (nullable): the best split of the document's budget, or
 *   %NULL when there is none
 * @entry: the scenario's entry in @portfolio
 * @n_scenarios: how many scenarios the document holds
 * @reason: (nullable): why there is no @portfolio, in plain words
 *
 * Where a scenario stands in the budget split of its document.
 */
typedef struct
{
  const PlateauPortfolio *portfolio;
  guint entry;
  guint n_scenarios;
  const char *reason;
} PlateauStrategySplit;

char **plateau_strategy_evidence_new   (const PlateauAnalysis      *analysis,
                                        PlateauStrategyStep         step);
char  *plateau_strategy_describe_split (const PlateauAnalysis      *analysis,
                                        const PlateauStrategySplit *split);

G_END_DECLS
