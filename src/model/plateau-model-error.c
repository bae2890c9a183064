/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "plateau-model-error.h"

G_DEFINE_QUARK (plateau-model-error-quark, plateau_model_error)
