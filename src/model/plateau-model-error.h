/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLATEAU_MODEL_ERROR (plateau_model_error_quark ())

/**
 * PlateauModelError:
 * @PLATEAU_MODEL_ERROR_SYNTAX: the text is not valid JSON or CSV
 * @PLATEAU_MODEL_ERROR_FORMAT: the text is valid but not a Plateau document
 * @PLATEAU_MODEL_ERROR_VERSION: the document was written by a newer Plateau
 * @PLATEAU_MODEL_ERROR_INVALID: a value is out of range or of the wrong kind
 * @PLATEAU_MODEL_ERROR_EMPTY: there is nothing to read
 * @PLATEAU_MODEL_ERROR_TOO_LARGE: the input passes a size limit
 * @PLATEAU_MODEL_ERROR_NOT_FOUND: a named scenario does not exist
 *
 * Errors of the model layer. Messages are plain words naming the file, line,
 * column, row or cell concerned.
 */
typedef enum
{
  PLATEAU_MODEL_ERROR_SYNTAX,
  PLATEAU_MODEL_ERROR_FORMAT,
  PLATEAU_MODEL_ERROR_VERSION,
  PLATEAU_MODEL_ERROR_INVALID,
  PLATEAU_MODEL_ERROR_EMPTY,
  PLATEAU_MODEL_ERROR_TOO_LARGE,
  PLATEAU_MODEL_ERROR_NOT_FOUND,
} PlateauModelError;

GQuark plateau_model_error_quark (void);

G_END_DECLS
