/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio page with the sample document: the comparison and the
 * allocation draw, the budget the analyst types is split among the
 * scenarios, a budget that is not an amount is refused in plain words, and
 * the table rows match the allocation.
 */

#include "config.h"

#include <math.h>

#include "plateau-format.h"
#include "plateau-portfolio-page.h"
#include "plateau-table-row.h"
#include "plateau-views-test.h"

typedef struct
{
  PlateauDocument *document;
  PlateauPortfolioPage *page;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plateau_views_test_sample ();
  fixture->page = PLATEAU_PORTFOLIO_PAGE (plateau_portfolio_page_new ());
  plateau_portfolio_page_set_document (fixture->page, fixture->document);
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->page), 1100, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_object_unref (fixture->document);
}

static GtkEditable *
budget_entry (Fixture *fixture)
{
  return GTK_EDITABLE (plateau_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_ENTRY,
                                                 NULL, NULL));
}

static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GdkTexture) comparison = plateau_test_render (
    GTK_WIDGET (plateau_portfolio_page_get_comparison_view (fixture->page)));
  g_autoptr (GdkTexture) allocation = plateau_test_render (
    GTK_WIDGET (plateau_portfolio_page_get_allocation_view (fixture->page)));

  plateau_test_assert_not_blank (comparison);
  plateau_test_assert_not_blank (allocation);
}

/* Until the analyst types one, the budget is what the scenarios in the
 * split invest in their latest period; those left out keep theirs. */
static void
test_default_budget (Fixture       *fixture,
                     gconstpointer  data)
{
  PlateauPortfolio *portfolio = plateau_portfolio_page_get_portfolio (fixture->page);
  double total = 0, everything = 0;

  g_assert_nonnull (portfolio);
  for (guint i = 0; i < plateau_document_get_n_scenarios (fixture->document); i++)
    {
      PlateauScenario *scenario = plateau_document_get_scenario (fixture->document, i);
      guint n = plateau_scenario_get_n_periods (scenario);
      double latest = plateau_scenario_get_period (scenario, n - 1)->investment;

      everything += latest;
      if (plateau_portfolio_get_entry (portfolio, i)->included)
        total += latest;
    }

  g_assert_cmpfloat (total, <, everything);
  g_assert_cmpfloat_with_epsilon (plateau_portfolio_page_get_budget (fixture->page), total,
                                  1e-9);
}

static void
test_typed_budget (Fixture       *fixture,
                   gconstpointer  data)
{
  PlateauPortfolio *portfolio;
  GListModel *rows;
  double split = 0;

  gtk_editable_set_text (budget_entry (fixture), "1,250.5");
  g_assert_cmpfloat (plateau_portfolio_page_get_budget (fixture->page), ==, 1250.5);
  portfolio = plateau_portfolio_page_get_portfolio (fixture->page);
  g_assert_nonnull (portfolio);
  g_assert_cmpfloat (plateau_portfolio_get_budget (portfolio), ==, 1250.5);

  /* One row per scenario; the included ones share the whole budget. */
  rows = plateau_portfolio_page_get_rows (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                    plateau_portfolio_get_n_entries (portfolio));
  for (guint i = 0; i < plateau_portfolio_get_n_entries (portfolio); i++)
    {
      const PlateauPortfolioEntry *entry = plateau_portfolio_get_entry (portfolio, i);
      g_autoptr (PlateauTableRow) row = g_list_model_get_item (rows, i);
      g_autofree char *best = plateau_format_amount (entry->optimal_investment);

      g_assert_cmpstr (plateau_table_row_get_cell (row, 0), ==, entry->name);
      if (entry->included)
        {
          g_assert_cmpstr (plateau_table_row_get_cell (row, 3), ==, best);
          split += entry->optimal_investment;
        }
      else
        g_assert_cmpstr (plateau_table_row_get_cell (row, 7), ==, entry->reason);
    }

  g_assert_cmpfloat (fabs (split - 1250.5), <, 1e-6 * 1250.5);
  g_assert_true (g_str_has_prefix (plateau_portfolio_page_get_caption (fixture->page),
                                   "Split best, a budget of 1,251 units returns "));
}

static void
test_decimal_comma (Fixture       *fixture,
                    gconstpointer  data)
{
  gtk_editable_set_text (budget_entry (fixture), "1 250,5");
  g_assert_cmpfloat (plateau_portfolio_page_get_budget (fixture->page), ==, 1250.5);
}

static void
test_bad_budget (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const bad[] = { "", "abc", "-5", "0", "12x", "1e999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (budget_entry (fixture), bad[i]);
      g_assert_null (plateau_portfolio_page_get_portfolio (fixture->page));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (budget_entry (fixture)), "error"));
    }

  gtk_editable_set_text (budget_entry (fixture), "300");
  g_assert_nonnull (plateau_portfolio_page_get_portfolio (fixture->page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (budget_entry (fixture)), "error"));
}

static void
test_parse_amount (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "250", 250 }, { "1,250", 1250 }, { "1.250,75", 1250.75 }, { "2,5", 2.5 },
    { "1 000 000", 1e6 }, { "0.001", 0.001 }, { "12'500.5", 12500.5 },
  };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (plateau_parse_amount (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
    }

  g_assert_false (plateau_parse_amount ("nan", &value));
  g_assert_false (plateau_parse_amount ("inf", &value));
  g_assert_false (plateau_parse_amount ("1,2,3.4.5", &value));
}

int
main (int   argc,
      char *argv[])
{
  /* The software GL of a headless server is slow to start for each window. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  plateau_i18n_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/portfolio-page/draws", test_draws);
  ADD ("/portfolio-page/default-budget", test_default_budget);
  ADD ("/portfolio-page/typed-budget", test_typed_budget);
  ADD ("/portfolio-page/decimal-comma", test_decimal_comma);
  ADD ("/portfolio-page/bad-budget", test_bad_budget);
#undef ADD
  g_test_add_func ("/portfolio-page/parse-amount", test_parse_amount);

  return g_test_run ();
}
