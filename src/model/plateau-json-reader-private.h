/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper nesting than this is refused rather than risking the stack. */
#define PLATEAU_JSON_MAX_DEPTH 256

JsonNode *plateau_json_parse (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error);

G_END_DECLS
