/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A small streaming JSON writer. It exists because json-glib 1.6 writes
 * some large doubles as text it cannot read back; numbers written here
 * always round-trip exactly (shortest of %.15g, %.16g, %.17g that does).
 */
typedef struct _PlateauJsonWriter PlateauJsonWriter;

PlateauJsonWriter *plateau_json_writer_new          (gboolean           pretty);
void               plateau_json_writer_free         (PlateauJsonWriter *self);
char              *plateau_json_writer_steal        (PlateauJsonWriter *self,
                                                     gsize             *length);

void               plateau_json_writer_begin_object (PlateauJsonWriter *self);
void               plateau_json_writer_end_object   (PlateauJsonWriter *self);
void               plateau_json_writer_begin_array  (PlateauJsonWriter *self);
void               plateau_json_writer_end_array    (PlateauJsonWriter *self);
void               plateau_json_writer_member       (PlateauJsonWriter *self,
                                                     const char        *name);
void               plateau_json_writer_string       (PlateauJsonWriter *self,
                                                     const char        *value);
void               plateau_json_writer_double       (PlateauJsonWriter *self,
                                                     double             value);
void               plateau_json_writer_int          (PlateauJsonWriter *self,
                                                     gint64             value);
void               plateau_json_writer_boolean      (PlateauJsonWriter *self,
                                                     gboolean           value);
void               plateau_json_writer_null         (PlateauJsonWriter *self);

void               plateau_json_format_double       (double             value,
                                                     char              *buffer,
                                                     gsize              size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauJsonWriter, plateau_json_writer_free)

G_END_DECLS
