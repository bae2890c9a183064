/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The whole model layer: include this one header. */
#include "plateau-analysis.h"
#include "plateau-concept-graph.h"
#include "plateau-csv.h"
#include "plateau-document.h"
#include "plateau-json-writer.h"
#include "plateau-model-error.h"
#include "plateau-portfolio.h"
#include "plateau-scenario.h"
