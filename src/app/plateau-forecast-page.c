/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The forecast of a scenario: the returns so far, the expected returns of
 * the coming periods with their 95 % band, and the same figures as a table.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-forecast-page.h"
#include "plateau-format.h"
#include "plateau-table-row.h"

struct _PlateauForecastPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  PlateauChartView *chart_view;
  GtkLabel *caption;
  GtkColumnView *table;

  GListStore *rows;
  PlateauAnalysis *analysis;
};

G_DEFINE_FINAL_TYPE (PlateauForecastPage, plateau_forecast_page, GTK_TYPE_WIDGET)

enum
{
  COLUMN_PERIOD,
  COLUMN_INVESTMENT,
  COLUMN_RETURN,
  COLUMN_LOW,
  COLUMN_HIGH,
};

static void
add_history (PlateauChart          *chart,
             const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_periods (analysis);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  PlateauChartSeries *series;

  for (guint i = 0; i < n; i++)
    {
      x[i] = plateau_analysis_get_period (analysis, i)->t;
      y[i] = plateau_analysis_get_period (analysis, i)->ret;
    }

  series = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, _("Return"), x, y, n);
  plateau_chart_series_set_color (series, 0);
  series = plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, _("Return"), x, y, n);
  plateau_chart_series_set_color (series, 0);
  plateau_chart_series_set_in_legend (series, FALSE);
}

/* The forecast line starts at the last actual period so that it joins it. */
static void
add_forecast (PlateauChart          *chart,
              const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_forecast (analysis);
  guint last = plateau_analysis_get_n_periods (analysis) - 1;
  g_autofree double *x = g_new (double, n + 1);
  g_autofree double *y = g_new (double, n + 1);
  g_autofree double *lo = g_new (double, n);
  g_autofree double *hi = g_new (double, n);
  g_autofree double *bx = g_new (double, n);
  gsize m = 1, b = 0;
  PlateauChartSeries *series;

  x[0] = plateau_analysis_get_period (analysis, last)->t;
  y[0] = plateau_analysis_get_period (analysis, last)->ret;
  for (guint i = 0; i < n; i++)
    {
      const PlateauForecastPoint *point = plateau_analysis_get_forecast (analysis, i);

      if (plateau_value_is_present (&point->ret))
        x[m] = point->t, y[m++] = point->ret.value;
      if (plateau_value_is_present (&point->lo) && plateau_value_is_present (&point->hi))
        bx[b] = point->t, lo[b] = point->lo.value, hi[b++] = point->hi.value;
    }

  if (b > 0)
    plateau_chart_series_set_color (plateau_chart_add_band (chart, _("95 % band"), bx, lo, hi, b),
                                    1);
  series = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, _("Forecast"), x, y, m);
  plateau_chart_series_set_color (series, 1);
  plateau_chart_series_set_dashed (series, TRUE);
  plateau_chart_add_marker (chart, PLATEAU_MARKER_VLINE, x[0], y[0], _("Latest"));
}

/* The return of every period so far, the expected return of the coming
 * periods and its 95 % band. */
static PlateauChart *
build_chart (const PlateauAnalysis *analysis)
{
  PlateauChart *chart = plateau_chart_new ();
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Forecast: %s"), plateau_analysis_get_name (analysis));
  plateau_chart_set_title (chart, title);
  plateau_chart_set_subtitle (chart, _("Return per period, with the 95 % band of the forecast"));
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Period"), NULL);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Return"),
                                plateau_analysis_get_unit (analysis));
  if (plateau_periods_are_years (analysis))
    plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  plateau_chart_set_empty_message (chart, _("There are no periods to show yet."));

  if (plateau_analysis_get_n_periods (analysis) == 0)
    return chart;

  add_history (chart, analysis);
  if (plateau_analysis_get_n_forecast (analysis) > 0)
    add_forecast (chart, analysis);

  /* Which curve the forecast follows decides how far it can be trusted. */
  if (plateau_analysis_get_forecast_basis (analysis) != NULL)
    {
      g_autofree char *caption = NULL;

      /* TRANSLATORS: %s is e.g. "the S-curve" or "the ROI trend of the last 5 periods". */
      caption = g_strdup_printf (_("The forecast follows %s"),
                                 plateau_analysis_get_forecast_basis (analysis));
      plateau_chart_set_caption (chart, caption);
    }

  return chart;
}

static char *
format_value (const PlateauValue *value)
{
  return plateau_value_is_present (value) ? plateau_format_amount (value->value) : g_strdup ("—");
}

static void
fill_table (PlateauForecastPage *self)
{
  g_list_store_remove_all (self->rows);

  for (guint i = 0; i < plateau_analysis_get_n_forecast (self->analysis); i++)
    {
      const PlateauForecastPoint *point = plateau_analysis_get_forecast (self->analysis, i);
      char **cells = g_new0 (char *, 6);
      g_autoptr (PlateauTableRow) row = NULL;

      cells[COLUMN_PERIOD] = plateau_format_period (point->t);
      cells[COLUMN_INVESTMENT] = plateau_format_amount (point->investment);
      cells[COLUMN_RETURN] = format_value (&point->ret);
      cells[COLUMN_LOW] = format_value (&point->lo);
      cells[COLUMN_HIGH] = format_value (&point->hi);
      row = plateau_table_row_new_take (cells);
      g_list_store_append (self->rows, row);
    }
}

/* The key figure: where the cumulative return stands at the horizon. */
static void
update_caption (PlateauForecastPage *self)
{
  guint n = plateau_analysis_get_n_forecast (self->analysis);
  const PlateauForecastPoint *end = plateau_analysis_get_forecast (self->analysis, n - 1);
  const char *unit = plateau_analysis_get_unit (self->analysis);
  g_autofree char *period = plateau_format_period_phrase (self->analysis, end->t);
  g_autofree char *total = NULL, *lo = NULL, *hi = NULL, *text = NULL;

  if (!plateau_value_is_present (&end->cumulative_return))
    {
      gtk_label_set_label (self->caption, "");
      return;
    }

  total = plateau_format_amount (end->cumulative_return.value);
  if (plateau_value_is_present (&end->cumulative_lo)
      && plateau_value_is_present (&end->cumulative_hi))
    {
      lo = plateau_format_amount (end->cumulative_lo.value);
      hi = plateau_format_amount (end->cumulative_hi.value);
      /* TRANSLATORS: a period such as “period 24”, amount, unit, band low,
       * band high */
      text = g_strdup_printf (_("By %s the cumulative return is expected to reach "
                                "%s %s (95 %% band %s to %s)."),
                              period, total, unit != NULL ? unit : "", lo, hi);
    }
  else
    text = g_strdup_printf (_("By %s the cumulative return is expected to reach %s %s."),
                            period, total, unit != NULL ? unit : "");

  gtk_label_set_label (self->caption, text);
}

static const char *
missing_reason (const PlateauAnalysis *analysis)
{
  const PlateauLifecycle *lifecycle = plateau_analysis_get_lifecycle (analysis);
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);

  if (plateau_analysis_get_n_periods (analysis) == 0)
    return _("Add periods on the Data page to see a forecast.");
  if (trend->reason != NULL)
    return trend->reason;

  return lifecycle->reason != NULL ? lifecycle->reason : "";
}

static void
plateau_forecast_page_dispose (GObject *object)
{
  PlateauForecastPage *self = PLATEAU_FORECAST_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  g_clear_object (&self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_FORECAST_PAGE);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_forecast_page_parent_class)->dispose (object);
}

static void
plateau_forecast_page_class_init (PlateauForecastPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_forecast_page_dispose;

  g_type_ensure (PLATEAU_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-forecast-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauForecastPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlateauForecastPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlateauForecastPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauForecastPage, caption);
  gtk_widget_class_bind_template_child (widget_class, PlateauForecastPage, table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plateau_forecast_page_init (PlateauForecastPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (PLATEAU_TYPE_TABLE_ROW);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  plateau_table_add_column (self->table, _("Period"), COLUMN_PERIOD, FALSE);
  plateau_table_add_column (self->table, _("Investment"), COLUMN_INVESTMENT, TRUE);
  plateau_table_add_column (self->table, _("Expected return"), COLUMN_RETURN, TRUE);
  /* xgettext:no-c-format */
  plateau_table_add_column (self->table, _("95 % low"), COLUMN_LOW, TRUE);
  /* xgettext:no-c-format */
  plateau_table_add_column (self->table, _("95 % high"), COLUMN_HIGH, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * plateau_forecast_page_new:
 *
 * Returns: (transfer full): a new forecast page showing nothing yet
 */
GtkWidget *
plateau_forecast_page_new (void)
{
  return g_object_new (PLATEAU_TYPE_FORECAST_PAGE, NULL);
}

/**
 * plateau_forecast_page_set_analysis:
 * @self: a forecast page
 * @analysis: (nullable): the analysis to show
 *
 * Redraws the chart and refills the table from @analysis. When it has no
 * forecast, the page says why.
 */
void
plateau_forecast_page_set_analysis (PlateauForecastPage *self,
                                    PlateauAnalysis     *analysis)
{
  g_return_if_fail (PLATEAU_IS_FORECAST_PAGE (self));

  if (self->analysis == analysis)
    return;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  if (analysis == NULL || plateau_analysis_get_n_forecast (analysis) == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       analysis != NULL ? missing_reason (analysis) : NULL);
      plateau_chart_view_set_chart (self->chart_view, NULL);
      g_list_store_remove_all (self->rows);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->analysis = plateau_analysis_ref (analysis);
  plateau_chart_view_set_chart (self->chart_view, build_chart (analysis));
  fill_table (self);
  update_caption (self);
  gtk_stack_set_visible_child_name (self->stack, "forecast");
}

/**
 * plateau_forecast_page_get_chart_view:
 * @self: a forecast page
 *
 * Returns: (transfer none): the chart view, an exportable
 */
PlateauChartView *
plateau_forecast_page_get_chart_view (PlateauForecastPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_FORECAST_PAGE (self), NULL);

  return self->chart_view;
}

/**
 * plateau_forecast_page_get_rows:
 * @self: a forecast page
 *
 * Returns: (transfer none): the rows of the table, #PlateauTableRow items
 */
GListModel *
plateau_forecast_page_get_rows (PlateauForecastPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_FORECAST_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * plateau_forecast_page_get_caption:
 * @self: a forecast page
 *
 * Returns: the key figure under the chart
 */
const char *
plateau_forecast_page_get_caption (PlateauForecastPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_FORECAST_PAGE (self), NULL);

  return gtk_label_get_label (self->caption);
}
