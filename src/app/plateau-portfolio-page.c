/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The portfolio of a document: the ROI of every scenario side by side, and
 * the best split of a budget the analyst types, against the current split.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plateau-analysis-charts.h"
#include "plateau-chart-ticks.h"
#include "plateau-format.h"
#include "plateau-portfolio-page.h"
#include "plateau-table-row.h"

struct _PlateauPortfolioPage
{
  GtkWidget parent_instance;

  PlateauChartView *comparison_view;
  PlateauChartView *allocation_view;
  GtkEntry *budget_entry;
  GtkLabel *unit_label;
  GtkLabel *current_label;
  GtkLabel *message;
  GtkLabel *caption;
  GtkColumnView *table;

  GPtrArray *analyses;            /* of PlateauAnalysis */
  GListStore *rows;
  PlateauPortfolio *portfolio;
  double budget;
  gboolean budget_typed;          /* the analyst chose the budget */
  gboolean setting_text;
};

G_DEFINE_FINAL_TYPE (PlateauPortfolioPage, plateau_portfolio_page, GTK_TYPE_WIDGET)

enum
{
  COLUMN_NAME,
  COLUMN_B,
  COLUMN_CURRENT,
  COLUMN_SUGGESTED,
  COLUMN_CHANGE,
  COLUMN_RETURN_NOW,
  COLUMN_RETURN_SUGGESTED,
  COLUMN_NOTE,
  N_COLUMNS
};

/* Removes group separators, the spaces, apostrophes and underscores people
 * write between thousands, so that only digits, signs and marks remain. */
static char *
strip_groups (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '\'' && c != '_' && c != 0x2009 && c != 0x202F)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * plateau_parse_amount:
 * @text: what the analyst typed, such as "1,250.5", "1 250,5" or "2500"
 * @value: (out): the amount
 *
 * Reads a positive amount. The last of ‘.’ and ‘,’ is the decimal mark when
 * both appear; a lone comma followed by exactly three digits groups
 * thousands, any other lone comma is a decimal comma.
 *
 * Returns: whether @text is a finite positive amount
 */
gboolean
plateau_parse_amount (const char *text,
                      double     *value)
{
  g_autofree char *clean = strip_groups (text);
  const char *dot = strrchr (clean, '.'), *comma = strrchr (clean, ',');
  char *end = NULL;
  GString *ascii = g_string_new (NULL);
  gboolean ok;

  for (const char *p = clean; *p != '\0'; p++)
    {
      gboolean decimal_comma = *p == ',' && p == comma
                               && (dot == NULL ? strlen (p + 1) != 3 : comma > dot);
      gboolean group_dot = *p == '.' && comma != NULL && comma > dot;

      if (*p == ',' && !decimal_comma)
        continue;
      if (group_dot)
        continue;
      g_string_append_c (ascii, decimal_comma ? '.' : *p);
    }

  *value = g_ascii_strtod (ascii->str, &end);
  ok = ascii->len > 0 && end != NULL && *end == '\0' && isfinite (*value) && *value > 0;
  g_string_free (ascii, TRUE);

  return ok;
}

static const char *
unit_of (PlateauPortfolioPage *self)
{
  const char *unit = self->analyses->len > 0
                     ? plateau_analysis_get_unit (g_ptr_array_index (self->analyses, 0)) : NULL;

  return unit != NULL ? unit : "";
}

/* What the scenarios in the split invest now. Those left out keep their
 * money: counting it in the budget would promise a gain from money the
 * split has no say over. */
static double
included_investment (const PlateauPortfolio *portfolio)
{
  double total = 0;

  for (guint i = 0; i < plateau_portfolio_get_n_entries (portfolio); i++)
    {
      const PlateauPortfolioEntry *entry = plateau_portfolio_get_entry (portfolio, i);

      if (entry->included)
        total += entry->current_investment;
    }

  return total;
}

static PlateauTableRow *
entry_row (const PlateauPortfolioEntry *entry)
{
  char **cells = g_new0 (char *, N_COLUMNS + 1);

  cells[COLUMN_NAME] = g_strdup (entry->name);
  cells[COLUMN_B] = entry->included ? plateau_format_amount (entry->b) : g_strdup ("—");
  cells[COLUMN_CURRENT] = plateau_format_amount (entry->current_investment);
  cells[COLUMN_SUGGESTED] = entry->included ? plateau_format_amount (entry->optimal_investment)
                                            : g_strdup ("—");
  cells[COLUMN_CHANGE] = entry->included
                         ? plateau_format_signed (entry->optimal_investment
                                                  - entry->current_investment)
                         : g_strdup ("—");
  cells[COLUMN_RETURN_NOW] = entry->included ? plateau_format_amount (entry->current_return)
                                             : g_strdup ("—");
  cells[COLUMN_RETURN_SUGGESTED] = entry->included
                                   ? plateau_format_amount (entry->optimal_return)
                                   : g_strdup ("—");
  cells[COLUMN_NOTE] = g_strdup (entry->included ? "" : entry->reason);

  return plateau_table_row_new_take (cells);
}

static void
fill_table (PlateauPortfolioPage *self)
{
  guint n = plateau_portfolio_get_n_entries (self->portfolio);

  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PlateauTableRow) row =
        entry_row (plateau_portfolio_get_entry (self->portfolio, i));

      g_list_store_append (self->rows, row);
    }
}

/* The key figure: what the best split gains over the current one. */
static void
update_caption (PlateauPortfolioPage *self)
{
  double now = plateau_portfolio_get_current_total (self->portfolio);
  double best = plateau_portfolio_get_optimal_total (self->portfolio);
  g_autofree char *budget = plateau_format_amount (self->budget);
  g_autofree char *a = plateau_format_amount (now);
  g_autofree char *b = plateau_format_amount (best);
  g_autofree char *text = NULL;

  if (now > 0)
    {
      g_autofree char *gain = plateau_format_number ((best / now - 1) * 100, 1);
      /* TRANSLATORS: budget, unit, best total, current total, percentage */
      text = g_strdup_printf (_("Split best, a budget of %s %s returns %s instead of %s "
                                "with the current split, %s %% more."),
                              budget, unit_of (self), b, a, gain);
    }
  else
    text = g_strdup_printf (_("Split best, a budget of %s %s returns %s."),
                            budget, unit_of (self), b);

  gtk_label_set_label (self->caption, text);
}

static void
show_message (PlateauPortfolioPage *self,
              const char           *text)
{
  gtk_label_set_label (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->budget_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->budget_entry), "error");
}

static void
clear_allocation (PlateauPortfolioPage *self)
{
  g_clear_pointer (&self->portfolio, plateau_portfolio_unref);
  plateau_chart_view_set_chart (self->allocation_view, NULL);
  g_list_store_remove_all (self->rows);
  gtk_label_set_label (self->caption, "");
  gtk_widget_set_visible (GTK_WIDGET (self->allocation_view), FALSE);
}

static void
set_entry_text (PlateauPortfolioPage *self,
                double                value)
{
  g_autofree char *text = plateau_format_amount (value);

  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->budget_entry), text);
  self->setting_text = FALSE;
}

static void
update_current_label (PlateauPortfolioPage *self)
{
  g_autofree char *total = NULL, *text = NULL;

  gtk_label_set_label (self->unit_label, unit_of (self));
  if (self->portfolio == NULL)
    {
      gtk_label_set_label (self->current_label, "");
      return;
    }

  total = plateau_format_amount (included_investment (self->portfolio));
  text = g_strdup_printf (_("Invested now by the scenarios in the split: %s %s"), total,
                          unit_of (self));
  gtk_label_set_label (self->current_label, text);
}

static void
recompute (PlateauPortfolioPage *self)
{
  g_autoptr (GError) error = NULL;

  clear_allocation (self);
  if (self->analyses->len == 0)
    {
      update_current_label (self);
      return;
    }

  /* Until the analyst types a budget, the model takes what the scenarios
   * in the split invest now. */
  self->portfolio = plateau_portfolio_new ((PlateauAnalysis *const *) self->analyses->pdata,
                                           self->analyses->len,
                                           self->budget_typed ? self->budget : 0, &error);
  update_current_label (self);
  if (self->portfolio == NULL)
    {
      gtk_label_set_label (self->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
      return;
    }

  if (!self->budget_typed)
    {
      self->budget = plateau_portfolio_get_budget (self->portfolio);
      set_entry_text (self, self->budget);
    }

  plateau_chart_view_set_chart (self->allocation_view,
                                plateau_chart_new_allocation (self->portfolio));
  gtk_widget_set_visible (GTK_WIDGET (self->allocation_view), TRUE);
  fill_table (self);
  update_caption (self);
}

static void
on_budget_changed (PlateauPortfolioPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->budget_entry));
  double value;

  if (self->setting_text)
    return;

  if (!plateau_parse_amount (text, &value))
    {
      show_message (self, *text == '\0'
                    ? _("Type the budget to split, such as 250.")
                    : _("The budget must be a positive amount, such as 250 or 1,250.5."));
      clear_allocation (self);
      return;
    }

  show_message (self, NULL);
  self->budget_typed = TRUE;
  self->budget = value;
  recompute (self);
}

static void
plateau_portfolio_page_dispose (GObject *object)
{
  PlateauPortfolioPage *self = PLATEAU_PORTFOLIO_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->portfolio, plateau_portfolio_unref);
  g_clear_pointer (&self->analyses, g_ptr_array_unref);
  g_clear_object (&self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_PORTFOLIO_PAGE);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_portfolio_page_parent_class)->dispose (object);
}

static void
plateau_portfolio_page_class_init (PlateauPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_portfolio_page_dispose;

  g_type_ensure (PLATEAU_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-portfolio-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, allocation_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, budget_entry);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, current_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, message);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, caption);
  gtk_widget_class_bind_template_child (widget_class, PlateauPortfolioPage, table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
setup_table (PlateauPortfolioPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (PLATEAU_TYPE_TABLE_ROW);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  plateau_table_add_column (self->table, _("Scenario"), COLUMN_NAME, FALSE);
  plateau_table_add_column (self->table, _("Elasticity b"), COLUMN_B, TRUE);
  plateau_table_add_column (self->table, _("Current"), COLUMN_CURRENT, TRUE);
  plateau_table_add_column (self->table, _("Best split"), COLUMN_SUGGESTED, TRUE);
  plateau_table_add_column (self->table, _("Change"), COLUMN_CHANGE, TRUE);
  plateau_table_add_column (self->table, _("Return now"), COLUMN_RETURN_NOW, TRUE);
  plateau_table_add_column (self->table, _("Return, best split"), COLUMN_RETURN_SUGGESTED,
                            TRUE);
  plateau_table_add_column (self->table, _("Note"), COLUMN_NOTE, FALSE);
}

static void
plateau_portfolio_page_init (PlateauPortfolioPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) plateau_analysis_unref);
  setup_table (self);
  g_signal_connect_swapped (self->budget_entry, "changed", G_CALLBACK (on_budget_changed),
                            self);
  clear_allocation (self);
}

/**
 * plateau_portfolio_page_new:
 *
 * Returns: (transfer full): a new portfolio page showing nothing yet
 */
GtkWidget *
plateau_portfolio_page_new (void)
{
  return g_object_new (PLATEAU_TYPE_PORTFOLIO_PAGE, NULL);
}

/**
 * plateau_portfolio_page_set_analyses:
 * @self: a portfolio page
 * @analyses: (array length=n_analyses): the analyses of every scenario
 * @n_analyses: how many
 *
 * Compares the scenarios and splits the budget among them. Until the
 * analyst types a budget, it is what the scenarios in the split invested
 * in their latest periods together.
 */
void
plateau_portfolio_page_set_analyses (PlateauPortfolioPage   *self,
                                     PlateauAnalysis *const *analyses,
                                     guint                   n_analyses)
{
  g_return_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (analyses != NULL || n_analyses == 0);

  g_ptr_array_set_size (self->analyses, 0);
  for (guint i = 0; i < n_analyses; i++)
    g_ptr_array_add (self->analyses, plateau_analysis_ref (analyses[i]));

  plateau_chart_view_set_chart (self->comparison_view,
                                n_analyses > 0
                                ? plateau_chart_new_comparison (analyses, n_analyses) : NULL);
  recompute (self);
}

/**
 * plateau_portfolio_page_set_document:
 * @self: a portfolio page
 * @document: (nullable): a document
 *
 * Analyses every scenario of @document and shows them, as
 * plateau_portfolio_page_set_analyses() does.
 */
void
plateau_portfolio_page_set_document (PlateauPortfolioPage *self,
                                     PlateauDocument      *document)
{
  g_autoptr (GPtrArray) analyses = NULL;
  guint n;

  g_return_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self));

  n = document != NULL ? plateau_document_get_n_scenarios (document) : 0;
  analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) plateau_analysis_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (analyses,
                     plateau_analysis_new (plateau_document_get_scenario (document, i)));

  plateau_portfolio_page_set_analyses (self, (PlateauAnalysis *const *) analyses->pdata, n);
}

/**
 * plateau_portfolio_page_get_budget:
 * @self: a portfolio page
 *
 * Returns: the budget being split
 */
double
plateau_portfolio_page_get_budget (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), 0);

  return self->budget;
}

/**
 * plateau_portfolio_page_set_budget:
 * @self: a portfolio page
 * @budget: a positive amount
 *
 * Splits @budget, as if the analyst had typed it.
 */
void
plateau_portfolio_page_set_budget (PlateauPortfolioPage *self,
                                   double                budget)
{
  g_return_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (isfinite (budget) && budget > 0);

  self->budget_typed = TRUE;
  self->budget = budget;
  set_entry_text (self, budget);
  show_message (self, NULL);
  recompute (self);
}

/**
 * plateau_portfolio_page_get_portfolio:
 * @self: a portfolio page
 *
 * Returns: (transfer none) (nullable): the split shown
 */
PlateauPortfolio *
plateau_portfolio_page_get_portfolio (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), NULL);

  return self->portfolio;
}

/**
 * plateau_portfolio_page_get_rows:
 * @self: a portfolio page
 *
 * Returns: (transfer none): the rows of the allocation table
 */
GListModel *
plateau_portfolio_page_get_rows (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * plateau_portfolio_page_get_caption:
 * @self: a portfolio page
 *
 * Returns: the key figure of the split
 */
const char *
plateau_portfolio_page_get_caption (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), NULL);

  return gtk_label_get_label (self->caption);
}

/**
 * plateau_portfolio_page_get_comparison_view:
 * @self: a portfolio page
 *
 * Returns: (transfer none): the chart comparing the scenarios
 */
PlateauChartView *
plateau_portfolio_page_get_comparison_view (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), NULL);

  return self->comparison_view;
}

/**
 * plateau_portfolio_page_get_allocation_view:
 * @self: a portfolio page
 *
 * Returns: (transfer none): the chart of the split
 */
PlateauChartView *
plateau_portfolio_page_get_allocation_view (PlateauPortfolioPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_PORTFOLIO_PAGE (self), NULL);

  return self->allocation_view;
}
