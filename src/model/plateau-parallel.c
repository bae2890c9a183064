/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "plateau-parallel-private.h"

/*
 * Long series spend their time in loops whose items are independent of
 * each other: the passes of the S-curve refinement, the logarithms of the
 * returns-to-scale fit and the last pass over the periods. Those loops are
 * split into contiguous ranges, one a thread. Starting a thread costs tens
 * of microseconds, so a range is only given its own thread when it holds
 * at least min_per_thread items; short series run on the calling thread
 * alone, as before.
 */

#define MAX_THREADS 8

typedef struct
{
  PlateauRangeFunc func;
  gpointer data;
  guint start;
  guint end;
} Range;

static gpointer
run_range (gpointer user_data)
{
  Range *range = user_data;

  range->func (range->data, range->start, range->end);
  return NULL;
}

/**
 * plateau_parallel_for:
 * @n: the number of items
 * @min_per_thread: the fewest items worth a thread of their own
 * @func: the work on a range of items
 * @data: the job, for @func
 *
 * Calls @func on ranges that together cover 0 ≤ i < @n, on up to one
 * thread a processor, and returns when all are done. @func must not depend
 * on the order in which ranges run, and ranges must not write the same
 * memory.
 */
void
plateau_parallel_for (guint            n,
                      guint            min_per_thread,
                      PlateauRangeFunc func,
                      gpointer         data)
{
  guint n_threads = MIN ((guint) g_get_num_processors (), MAX_THREADS);
  GThread *threads[MAX_THREADS];
  Range ranges[MAX_THREADS];

  n_threads = MIN (n_threads, n / MAX (min_per_thread, 1));
  if (n_threads <= 1)
    {
      func (data, 0, n);
      return;
    }

  for (guint j = 0; j < n_threads; j++)
    ranges[j] = (Range) { func, data, (guint) ((guint64) n * j / n_threads),
                          (guint) ((guint64) n * (j + 1) / n_threads) };

  /* The calling thread takes the first range itself. */
  for (guint j = 1; j < n_threads; j++)
    threads[j] = g_thread_new ("plateau-worker", run_range, &ranges[j]);
  run_range (&ranges[0]);
  for (guint j = 1; j < n_threads; j++)
    g_thread_join (threads[j]);
}
