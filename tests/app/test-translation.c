/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under LANGUAGE=zh_CN (with LANG=C.UTF-8, as the test environment sets it)
 * the window, its menu and the desktop files read in Simplified Chinese. The
 * expected strings are typed here, from the catalogue, so that a missing or
 * stale translation fails.
 */

#include "config.h"

#include <string.h>

#include "plateau-app-test.h"

static void
check_window (PlateauApplication *app,
              PlateauWindow      *window,
              gconstpointer       data)
{
  AdwStatusPage *page;
  GtkWidget *button;
  GMenuModel *menu;
  g_autoptr (GMenuModel) section = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  page = ADW_STATUS_PAGE (plateau_test_find_widget (GTK_WIDGET (window),
                                                    ADW_TYPE_STATUS_PAGE, NULL, NULL));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "研究收益递减");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "投资回报率"));

  button = plateau_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "主菜单");

  /* The preferences open from the first item of the menu's third section. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  section = g_menu_model_get_item_link (menu, 2, "section");
  g_assert_true (g_menu_model_get_item_attribute (section, 0, "label", "s", &label));
  g_assert_cmpstr (label, ==, "首选项(_P)");

  texture = plateau_test_render (GTK_WIDGET (window));
  path = plateau_test_save_png (texture, "plateau-window-zh_CN.png");
  plateau_test_assert_not_blank (texture);
}

static void
test_translation_window (void)
{
  plateau_test_run_with_window (check_window, NULL);
}

static void
test_translation_desktop_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                 APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *comment = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  comment = g_key_file_get_locale_string (file, G_KEY_FILE_DESKTOP_GROUP,
                                          G_KEY_FILE_DESKTOP_KEY_COMMENT, "zh_CN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "研究技术投资的收益递减");
}

static void
test_translation_metainfo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                 APP_ID ".metainfo.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "<summary xml:lang=\"zh_CN\">研究技术投资的收益递减"
                                  "</summary>"));
  g_assert_nonnull (strstr (text, "<caption xml:lang=\"zh_CN\">深色风格下的同一图表</caption>"));
}

static void
test_translation_mime_type (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", APP_ID ".xml",
                                                 NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "<comment xml:lang=\"zh_CN\">Plateau 文档</comment>"));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the locale; LANG stays C.UTF-8 from the test
   * environment, under which LANGUAGE is honoured. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  plateau_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translation/window", test_translation_window);
  g_test_add_func ("/translation/desktop-file", test_translation_desktop_file);
  g_test_add_func ("/translation/metainfo", test_translation_metainfo);
  g_test_add_func ("/translation/mime-type", test_translation_mime_type);

  return g_test_run ();
}
