/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-written recursive-descent parser for Mermaid flowcharts. It reads
 * the text once, byte by byte, with no backtracking beyond one token, so its
 * time is linear in the input and its memory bounded by the limits of
 * plateau-graph.h. Every error names the line and the column (in characters)
 * where the parser stopped and says what it expected there.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plateau-graph-private.h"

typedef struct
{
  char *target;               /* node, subgraph or edge number as text */
  PlateauGraphStyle style;
  char *class_name;           /* for class statements */
  gsize at;
  gboolean all_edges;         /* linkStyle default */
} Deferred;

typedef struct
{
  const char *text;
  gsize len;
  gsize pos;
  PlateauGraph *graph;
  GHashTable *node_ids;        /* id → index + 1 */
  GPtrArray *node_classes;     /* per node: GPtrArray of class names */
  GHashTable *class_defs;      /* name → PlateauGraphStyle */
  GArray *deferred_class;      /* Deferred */
  GArray *deferred_style;
  GArray *deferred_link;
  int stack[PLATEAU_GRAPH_MAX_DEPTH];
  int depth;
  guint auto_subgraph;
  GError *error;
  gsize error_at;
  gsize memo_at;              /* the last position located, and its line */
  guint memo_line;
  gsize memo_line_start;
} Parser;

typedef struct
{
  PlateauGraphStroke stroke;
  PlateauGraphHead head_from;
  PlateauGraphHead head_to;
  guint length;
  char *label;
  char *markup;               /* of a Markdown label, or NULL */
} EdgeSpec;

typedef enum
{
  FOUND_NONE,
  FOUND_OK,
  FOUND_ERROR,
} Found;

/*
 * Positions are asked for mostly in increasing order, so the line count is
 * carried on from the last answer: linear in the text, not quadratic.
 */
static void
location_of (const Parser         *p,
             gsize                 at,
             PlateauGraphLocation *where)
{
  Parser *mut = (Parser *) p;
  gsize from = 0, line_start = 0;
  guint line = 1;

  at = MIN (at, p->len);
  if (at >= p->memo_at)
    {
      from = p->memo_at;
      line = p->memo_line;
      line_start = p->memo_line_start;
    }

  for (gsize i = from; i < at; i++)
    {
      if (p->text[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  mut->memo_at = at;
  mut->memo_line = line;
  mut->memo_line_start = line_start;
  where->line = line;
  where->column = (guint) g_utf8_strlen (p->text + line_start, at - line_start) + 1;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Parser     *p,
      gsize       at,
      int         code,
      const char *format,
      ...)
{
  PlateauGraphLocation where;
  g_autofree char *message = NULL;
  va_list args;

  if (p->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  location_of (p, at, &where);
  p->error_at = at;
  p->error = g_error_new (PLATEAU_GRAPH_ERROR, code, _("line %u, column %u: %s"),
                          where.line, where.column, message);
  return FALSE;
}

static char
peek (const Parser *p,
      gsize         k)
{
  return p->pos + k < p->len ? p->text[p->pos + k] : '\0';
}

static char
byte_at (const Parser *p,
         gsize         at)
{
  return at < p->len ? p->text[at] : '\0';
}

/* A readable name for what sits at @at, for "found …" in messages. */
static char *
describe_at (const Parser *p,
             gsize         at)
{
  const char *c = p->text + at;
  gsize n = 0;

  if (at >= p->len)
    return g_strdup (_("the end of the text"));
  if (*c == '\n' || *c == '\r')
    return g_strdup (_("the end of the line"));

  while (at + n < p->len && n < 12 && c[n] != '\n' && c[n] != '\r'
         && (n == 0 || c[n] != ' '))
    n = g_utf8_next_char (c + n) - c;

  return g_strdup_printf ("‘%.*s’", (int) n, c);
}

static void
skip_spaces (Parser *p)
{
  while (peek (p, 0) == ' ' || peek (p, 0) == '\t' || peek (p, 0) == '\r')
    p->pos++;

  /* A comment runs to the end of the line and ends the statement there. */
  if (peek (p, 0) == '%' && peek (p, 1) == '%')
    {
      while (p->pos < p->len && p->text[p->pos] != '\n')
        p->pos++;
    }
}

static gboolean
at_statement_end (Parser *p)
{
  char c = peek (p, 0);

  return p->pos >= p->len || c == '\n' || c == ';';
}

static gboolean
is_id_byte (const Parser *p,
            gsize         at)
{
  guchar c = (guchar) byte_at (p, at);

  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char (p->text + at);
      return !g_unichar_isspace (u);
    }
  if (g_ascii_isalnum (c) || c == '_')
    return TRUE;

  /* A hyphen joins words of an id (a-b) but never starts an edge (a-->b). */
  if (c == '-' && at + 1 < p->len)
    {
      guchar next = (guchar) p->text[at + 1];
      return next >= 0x80 || g_ascii_isalnum (next) || next == '_';
    }

  return FALSE;
}

static gsize
id_end (const Parser *p,
        gsize         at)
{
  while (at < p->len && is_id_byte (p, at))
    {
      if ((guchar) p->text[at] >= 0x80)
        at = g_utf8_next_char (p->text + at) - p->text;
      else
        at++;
    }

  return MIN (at, p->len);
}

static char *
read_id (Parser *p)
{
  gsize start = p->pos;
  gsize end;

  if (p->pos < p->len && p->text[p->pos] == '-')
    return NULL;

  end = id_end (p, start);
  if (end == start)
    return NULL;

  p->pos = end;
  return g_strndup (p->text + start, end - start);
}

/* TRUE when the text at the cursor is @word followed by a space or the statement's end. */
static gboolean
looking_at_keyword (Parser     *p,
                    const char *word)
{
  gsize n = strlen (word);
  char after;

  if (p->pos + n > p->len || strncmp (p->text + p->pos, word, n) != 0)
    return FALSE;

  after = byte_at (p, p->pos + n);
  return after == '\0' || after == ' ' || after == '\t' || after == '\n' || after == ';'
         || after == '\r';
}

/* Labels ----------------------------------------------------------------- */

static const struct
{
  const char *name;
  gunichar value;
} entities[] = {
  { "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "num", '#' }, { "semi", ';' }, { "colon", ':' }, { "copy", 0xa9 },
  { "reg", 0xae }, { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
  { "rarr", 0x2192 }, { "larr", 0x2190 }, { "harr", 0x2194 }, { "hearts", 0x2665 },
};

/* Decodes an entity such as #quot; or #9829; (or &amp;) starting at @s. */
static gsize
decode_entity (const char *s,
               GString    *out)
{
  const char *semi;
  gsize n;

  semi = strchr (s + 1, ';');
  if (semi == NULL || semi - s > 10 || semi == s + 1)
    return 0;
  n = semi - (s + 1);

  if (s[1] == '#' || g_ascii_isdigit (s[1]))
    {
      const char *digits = s[1] == '#' ? s + 2 : s + 1;
      gboolean hex = *digits == 'x' || *digits == 'X';
      char *end = NULL;
      guint64 v = g_ascii_strtoull (digits + hex, &end, hex ? 16 : 10);

      if (end != semi || end == digits + hex || v == 0 || !g_unichar_validate ((gunichar) v)
          || v > 0x10ffff)
        return 0;
      g_string_append_unichar (out, (gunichar) v);
      return semi - s + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (strlen (entities[i].name) == n && strncmp (s + 1, entities[i].name, n) == 0)
        {
          g_string_append_unichar (out, entities[i].value);
          return semi - s + 1;
        }
    }

  return 0;
}

static gsize
match_break (const char *s)
{
  static const char *const forms[] = { "<br>", "<br/>", "<br />" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (g_ascii_strncasecmp (s, forms[i], strlen (forms[i])) == 0)
        return strlen (forms[i]);
    }

  return 0;
}

/* Markdown --------------------------------------------------------------- */

typedef enum
{
  MARK_BOLD,
  MARK_ITALIC,
} Mark;

typedef struct
{
  GString *plain;
  GString *markup;
  Mark stack[PLATEAU_GRAPH_MAX_DEPTH];
  char opener[PLATEAU_GRAPH_MAX_DEPTH]; /* ‘*’ or ‘_’, which only closes its own kind */
  int depth;
  gboolean marked;            /* a tag was written */
} Markdown;

static void
mark_text (Markdown   *md,
           const char *text,
           gsize       n)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) n);

  g_string_append_len (md->plain, text, (gssize) n);
  g_string_append (md->markup, escaped);
}

static void
mark_tag (Markdown *md,
          Mark      mark,
          gboolean  open)
{
  g_string_append (md->markup, open ? "<" : "</");
  g_string_append (md->markup, mark == MARK_BOLD ? "b>" : "i>");
  md->marked = TRUE;
}

/*
 * A run of @k markers @c: it first closes the open marks of its kind it
 * can (when it follows text), then opens new ones (when text follows it);
 * markers left over are text, as in CommonMark.
 */
static void
mark_run (Markdown *md,
          char      c,
          guint     k,
          gboolean  can_close,
          gboolean  can_open)
{
  while (can_close && k > 0 && md->depth > 0 && md->opener[md->depth - 1] == c)
    {
      Mark top = md->stack[md->depth - 1];
      guint used = top == MARK_BOLD ? 2 : 1;

      if (k < used)
        break;
      mark_tag (md, top, FALSE);
      md->depth--;
      k -= used;
    }

  while (can_open && k > 0 && md->depth < PLATEAU_GRAPH_MAX_DEPTH)
    {
      Mark mark = k >= 2 ? MARK_BOLD : MARK_ITALIC;

      mark_tag (md, mark, TRUE);
      md->opener[md->depth] = c;
      md->stack[md->depth++] = mark;
      k -= mark == MARK_BOLD ? 2 : 1;
    }

  for (; k > 0; k--)
    mark_text (md, &c, 1);
}

static gboolean
is_marker (char c)
{
  return c == '*' || c == '_';
}

/*
 * Whether a run of markers between @before and @after may close or open a
 * mark: it must touch text on that side, and an underscore inside a word
 * (snake_case) is text, as in CommonMark.
 */
static void
flanking (char      c,
          char      before,
          char      after,
          gboolean *can_close,
          gboolean *can_open)
{
  *can_close = before != '\0' && !g_ascii_isspace (before);
  *can_open = after != '\0' && !g_ascii_isspace (after);
  if (c == '_')
    {
      *can_close = *can_close && !g_ascii_isalnum (after);
      *can_open = *can_open && !g_ascii_isalnum (before);
    }
}

/*
 * The Markdown of a "`…`" string that Plateau draws: **bold** and *italic*
 * (or __bold__ and _italic_), as Pango markup. Everything else (links,
 * code, headings, lists) is drawn as the characters written. Returns NULL
 * when the text has no marks or when they do not pair up; *@plain then
 * keeps the text as it is.
 */
static char *
markdown_markup (const char *text,
                 char      **plain)
{
  Markdown md = { g_string_new (NULL), g_string_new (NULL), { 0 }, { 0 }, 0, FALSE };
  const char *c = text;

  while (*c != '\0')
    {
      const char *run = c;
      gboolean can_close, can_open;
      guint k = 0;

      while (*c != '\0' && !is_marker (*c))
        c++;
      if (c > run)
        mark_text (&md, run, c - run);
      if (*c == '\0')
        break;

      for (run = c; *c == *run; c++)
        k++;
      flanking (*run, run > text ? run[-1] : '\0', *c, &can_close, &can_open);
      mark_run (&md, *run, k, can_close, can_open);
    }

  if (md.depth > 0 || !md.marked)
    {
      g_string_free (md.plain, TRUE);
      g_string_free (md.markup, TRUE);
      *plain = g_strdup (text);
      return NULL;
    }

  *plain = g_string_free (md.plain, FALSE);
  return g_string_free (md.markup, FALSE);
}

/* Skips a line break and the indentation around it, which a quoted label spanning lines has. */
static const char *
skip_line_break (GString    *out,
                 const char *c)
{
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  if (*c == '\r' && c[1] == '\n')
    c++;
  for (c++; *c == ' ' || *c == '\t'; c++)
    ;
  return c;
}

/*
 * Turns label source into display text: <br> and line breaks to newlines,
 * entities decoded. A Markdown string ("`…`") gives its marks as Pango
 * markup in @markup, NULL when it has none; @markup may be NULL.
 */
static char *
clean_label (const char *s,
             gsize       n,
             char      **markup)
{
  GString *out = g_string_sized_new (n);
  g_autofree char *raw = g_strndup (s, n);
  g_autofree char *clean = NULL;
  char *text = g_strstrip (raw);
  gsize len = strlen (text);
  gboolean markdown = len >= 2 && text[0] == '`' && text[len - 1] == '`';

  if (markup != NULL)
    *markup = NULL;
  if (markdown)
    {
      text[len - 1] = '\0';
      text++;
    }

  for (const char *c = text; *c != '\0';)
    {
      gsize used = 0;

      if (*c == '\n' || *c == '\r')
        {
          c = skip_line_break (out, c);
          continue;
        }
      if (*c == '<')
        {
          used = match_break (c);
          if (used > 0)
            g_string_append_c (out, '\n');
        }
      else if (*c == '#' || *c == '&')
        used = decode_entity (c, out);

      if (used == 0)
        g_string_append_c (out, *c++);
      else
        c += used;
    }

  clean = g_string_free (out, FALSE);
  if (markdown && markup != NULL)
    {
      char *plain = NULL;
      *markup = markdown_markup (clean, &plain);
      return plain;
    }

  return g_steal_pointer (&clean);
}

/* The closing quote of a quoted label opened at @open; it may lie on a later line. */
static const char *
closing_quote (const Parser *p,
               gsize         open)
{
  return memchr (p->text + open + 1, '"', p->len - open - 1);
}

/* Matches one of @closers at the cursor and steps over it. */
static gboolean
take_closer (Parser            *p,
             const char *const *closers,
             guint             *which)
{
  for (guint i = 0; closers[i] != NULL; i++)
    {
      gsize n = strlen (closers[i]);

      if (p->pos + n <= p->len && strncmp (p->text + p->pos, closers[i], n) == 0)
        {
          p->pos += n;
          *which = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* A quoted label, which may span lines, then one of @closers. */
static char *
read_quoted (Parser            *p,
             const char *const *closers,
             guint             *which,
             const char        *what,
             char             **markup)
{
  gsize start = p->pos;
  const char *q = closing_quote (p, start);
  g_autofree char *found = NULL;
  char *label;

  if (q == NULL)
    {
      fail (p, start, PLATEAU_GRAPH_ERROR_SYNTAX,
            _("expected a closing ‘\"’ for the quoted label that begins here"));
      return NULL;
    }

  label = clean_label (p->text + start + 1, q - (p->text + start + 1), markup);
  p->pos = q - p->text + 1;
  skip_spaces (p);
  if (take_closer (p, closers, which))
    return label;

  g_free (label);
  if (markup != NULL)
    g_clear_pointer (markup, g_free);

  /* A quote closed lines later most likely closes another label: this one is open. */
  if (memchr (p->text + start, '\n', q - (p->text + start)) != NULL)
    {
      fail (p, start, PLATEAU_GRAPH_ERROR_SYNTAX,
            _("expected a closing ‘\"’ for the quoted label that begins here"));
      return NULL;
    }

  found = describe_at (p, p->pos);
  fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX, _("expected ‘%s’ to close %s, found %s"),
        closers[0], what, found);
  return NULL;
}

/* Reads a label up to @close (one of @closers); only a quoted label may span lines. */
static char *
read_delimited (Parser            *p,
                const char *const *closers,
                guint             *which,
                gsize              opened_at,
                const char        *what,
                char             **markup)
{
  gsize start;

  if (markup != NULL)
    *markup = NULL;
  skip_spaces (p);
  start = p->pos;

  if (peek (p, 0) == '"')
    return read_quoted (p, closers, which, what, markup);

  for (gsize i = start; i < p->len && p->text[i] != '\n'; i++)
    {
      p->pos = i;
      if (take_closer (p, closers, which))
        return clean_label (p->text + start, i - start, markup);
    }

  p->pos = start;
  fail (p, opened_at, PLATEAU_GRAPH_ERROR_SYNTAX,
        _("expected ‘%s’ on the same line to close %s that begins here"), closers[0], what);
  return NULL;
}

/* Nodes ------------------------------------------------------------------ */

static int
add_node (Parser *p,
          char   *id,
          gsize   at)
{
  gpointer found = g_hash_table_lookup (p->node_ids, id);
  PlateauGraphNode node = { 0 };
  PlateauGraphLocation where;

  if (found != NULL)
    {
      g_free (id);
      return GPOINTER_TO_INT (found) - 1;
    }

  if (p->graph->nodes->len >= PLATEAU_GRAPH_MAX_NODES)
    {
      g_free (id);
      fail (p, at, PLATEAU_GRAPH_ERROR_TOO_LARGE,
            _("the diagram has more than %d nodes, the most Plateau draws"),
            PLATEAU_GRAPH_MAX_NODES);
      return -1;
    }

  location_of (p, at, &where);
  node.id = id;
  node.label = g_strdup (id);
  node.subgraph = -1;
  node.line = where.line;
  node.column = where.column;
  g_array_append_val (p->graph->nodes, node);
  g_ptr_array_add (p->node_classes, g_ptr_array_new_with_free_func (g_free));
  g_hash_table_insert (p->node_ids, g_strdup (id), GINT_TO_POINTER (p->graph->nodes->len));

  return (int) p->graph->nodes->len - 1;
}

static gboolean
subgraph_is_within (Parser *p,
                    int     inner,
                    int     outer)
{
  for (int s = inner; s >= 0;
       s = g_array_index (p->graph->subgraphs, PlateauGraphSubgraph, s).parent)
    {
      if (s == outer)
        return TRUE;
    }

  return FALSE;
}

/* A node mentioned inside a subgraph joins it, or a deeper one nested in its own. */
static void
note_membership (Parser *p,
                 int     index)
{
  PlateauGraphNode *node = &g_array_index (p->graph->nodes, PlateauGraphNode, index);
  int current;

  if (p->depth == 0)
    return;

  current = p->stack[p->depth - 1];
  if (node->subgraph < 0 || subgraph_is_within (p, current, node->subgraph))
    node->subgraph = current;
}

typedef struct
{
  const char *open;
  PlateauGraphShape shape;
  const char *close[3];
  PlateauGraphShape alt_shape;  /* when the second closer matches */
} ShapeSyntax;

/* Longest openers first, so that "((" wins over "(". */
static const ShapeSyntax shape_syntax[] = {
  { "(((", PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE, { ")))", NULL }, 0 },
  { "((", PLATEAU_GRAPH_SHAPE_CIRCLE, { "))", NULL }, 0 },
  { "([", PLATEAU_GRAPH_SHAPE_STADIUM, { "])", NULL }, 0 },
  { "(", PLATEAU_GRAPH_SHAPE_ROUND, { ")", NULL }, 0 },
  { "[[", PLATEAU_GRAPH_SHAPE_SUBROUTINE, { "]]", NULL }, 0 },
  { "[(", PLATEAU_GRAPH_SHAPE_CYLINDER, { ")]", NULL }, 0 },
  { "[/", PLATEAU_GRAPH_SHAPE_PARALLELOGRAM, { "/]", "\\]", NULL },
    PLATEAU_GRAPH_SHAPE_TRAPEZOID },
  { "[\\", PLATEAU_GRAPH_SHAPE_PARALLELOGRAM_ALT, { "\\]", "/]", NULL },
    PLATEAU_GRAPH_SHAPE_TRAPEZOID_ALT },
  { "[", PLATEAU_GRAPH_SHAPE_RECT, { "]", NULL }, 0 },
  { "{{", PLATEAU_GRAPH_SHAPE_HEXAGON, { "}}", NULL }, 0 },
  { "{", PLATEAU_GRAPH_SHAPE_DIAMOND, { "}", NULL }, 0 },
  { ">", PLATEAU_GRAPH_SHAPE_ASYMMETRIC, { "]", NULL }, 0 },
};

static gboolean
parse_shape (Parser *p,
             int     index)
{
  PlateauGraphNode *node;
  gsize at = p->pos;

  for (guint i = 0; i < G_N_ELEMENTS (shape_syntax); i++)
    {
      const ShapeSyntax *s = &shape_syntax[i];
      gsize n = strlen (s->open);
      g_autofree char *what = NULL;
      guint which = 0;
      char *label, *markup = NULL;

      if (p->pos + n > p->len || strncmp (p->text + p->pos, s->open, n) != 0)
        continue;

      p->pos += n;
      node = &g_array_index (p->graph->nodes, PlateauGraphNode, index);
      what = g_strdup_printf (_("the label of node “%s”"), node->id);
      label = read_delimited (p, s->close, &which, at, what, &markup);
      if (label == NULL)
        return FALSE;

      node = &g_array_index (p->graph->nodes, PlateauGraphNode, index);
      g_free (node->label);
      g_free (node->markup);
      node->label = label;
      node->markup = markup;
      node->shape = which == 0 ? s->shape : s->alt_shape;
      return TRUE;
    }

  return TRUE;
}

static gboolean
parse_class_suffix (Parser *p,
                    int     index)
{
  GPtrArray *classes = g_ptr_array_index (p->node_classes, index);
  gsize start;

  p->pos += 3;
  start = p->pos;
  while (is_id_byte (p, p->pos))
    p->pos++;

  if (p->pos == start)
    {
      g_autofree char *found = describe_at (p, p->pos);
      return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                   _("expected a class name after ‘:::’, found %s"), found);
    }

  g_ptr_array_add (classes, g_strndup (p->text + start, p->pos - start));
  return TRUE;
}

static Found
parse_node (Parser *p,
            int    *index)
{
  gsize at = p->pos;
  char *id = read_id (p);

  if (id == NULL)
    return FOUND_NONE;

  if (peek (p, 0) == '@')
    {
      g_free (id);
      if (peek (p, 1) == '{')
        fail (p, p->pos, PLATEAU_GRAPH_ERROR_UNSUPPORTED,
              _("the ‘@{ … }’ node syntax is not supported; write the shape with brackets, "
                "such as A[text] or A{text}"));
      else
        fail (p, p->pos, PLATEAU_GRAPH_ERROR_UNSUPPORTED,
              _("edge ids (‘id@-->’) and ‘@’ in ids are not supported"));
      return FOUND_ERROR;
    }

  *index = add_node (p, id, at);
  if (*index < 0 || !parse_shape (p, *index))
    return FOUND_ERROR;

  if (peek (p, 0) == ':' && peek (p, 1) == ':' && peek (p, 2) == ':'
      && !parse_class_suffix (p, *index))
    return FOUND_ERROR;

  note_membership (p, *index);
  return FOUND_OK;
}

/* One node or several joined by ‘&’. */
static Found
parse_group (Parser *p,
             GArray *group)
{
  int index;
  Found found;

  g_array_set_size (group, 0);
  found = parse_node (p, &index);
  if (found != FOUND_OK)
    return found;
  g_array_append_val (group, index);

  for (;;)
    {
      gsize save = p->pos;

      skip_spaces (p);
      if (peek (p, 0) != '&')
        {
          p->pos = save;
          return FOUND_OK;
        }
      p->pos++;
      skip_spaces (p);

      found = parse_node (p, &index);
      if (found == FOUND_ERROR)
        return FOUND_ERROR;
      if (found == FOUND_NONE)
        {
          g_autofree char *what = describe_at (p, p->pos);
          fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                _("expected a node id after ‘&’, found %s"), what);
          return FOUND_ERROR;
        }
      g_array_append_val (group, index);
    }
}

/* Edges ------------------------------------------------------------------ */

static PlateauGraphHead
head_of (char c)
{
  switch (c)
    {
    case '>':
    case '<':
      return PLATEAU_GRAPH_HEAD_ARROW;
    case 'o':
      return PLATEAU_GRAPH_HEAD_CIRCLE;
    case 'x':
      return PLATEAU_GRAPH_HEAD_CROSS;
    default:
      return PLATEAU_GRAPH_HEAD_NONE;
    }
}

static gsize
run_length (const Parser *p,
            gsize         at,
            char          c)
{
  gsize n = 0;

  while (byte_at (p, at + n) == c)
    n++;

  return n;
}

/*
 * A solid or thick link body: c c+ then a head or one more c. Returns the
 * number of bytes it spans from @at, 0 when there is none.
 */
static gsize
match_line_link (const Parser *p,
                 gsize         at,
                 char          c,
                 EdgeSpec     *spec)
{
  gsize n = run_length (p, at, c);
  char after = byte_at (p, at + n);

  if (n < 2)
    return 0;

  if (after == '>' || after == 'o' || after == 'x')
    {
      spec->head_to = head_of (after);
      spec->length = (guint) n - 1;
      return n + 1;
    }
  if (n >= 3)
    {
      spec->head_to = PLATEAU_GRAPH_HEAD_NONE;
      spec->length = (guint) n - 2;
      return n;
    }

  return 0;
}

/* A dotted link body: - .+ - then an optional head. */
static gsize
match_dotted_link (const Parser *p,
                   gsize         at,
                   EdgeSpec     *spec)
{
  gsize dots = run_length (p, at + 1, '.');
  char after;

  if (byte_at (p, at) != '-' || dots == 0 || byte_at (p, at + 1 + dots) != '-')
    return 0;

  after = byte_at (p, at + 2 + dots);
  spec->head_to = head_of (after);
  spec->length = (guint) dots;
  return dots + 2 + (spec->head_to != PLATEAU_GRAPH_HEAD_NONE && after != '<');
}

/* The closing half of "-- text -->", "== text ==>" or "-. text .->". */
static gboolean
find_text_link_end (Parser   *p,
                    gsize     from,
                    char      c,
                    EdgeSpec *spec,
                    gsize    *label_end,
                    gsize    *after)
{
  for (gsize i = from; i < p->len && p->text[i] != '\n'; i++)
    {
      gsize n;

      if (c == '.')
        {
          gsize dots = run_length (p, i, '.');
          if (dots > 0 && byte_at (p, i + dots) == '-')
            {
              char h = byte_at (p, i + dots + 1);
              spec->head_to = h == '<' ? PLATEAU_GRAPH_HEAD_NONE : head_of (h);
              spec->length = (guint) dots;
              *label_end = i;
              *after = i + dots + 1 + (spec->head_to != PLATEAU_GRAPH_HEAD_NONE);
              return TRUE;
            }
          if (dots > 0)
            i += dots - 1;
          continue;
        }

      n = match_line_link (p, i, c, spec);
      if (n > 0)
        {
          *label_end = i;
          *after = i + n;
          return TRUE;
        }
    }

  return FALSE;
}

/* Where a quoted label that starts at or after @at (past spaces) closes, or NULL. */
static const char *
quoted_from (const Parser *p,
             gsize        *at)
{
  while (byte_at (p, *at) == ' ' || byte_at (p, *at) == '\t')
    (*at)++;

  return byte_at (p, *at) == '"' ? closing_quote (p, *at) : NULL;
}

/* Whether only spaces lie between @from and @to. */
static gboolean
only_spaces (const Parser *p,
             gsize         from,
             gsize         to)
{
  for (gsize i = from; i < to; i++)
    {
      if (p->text[i] != ' ' && p->text[i] != '\t')
        return FALSE;
    }

  return TRUE;
}

/* "-- text -->", where the text may be quoted (and then span lines), as in Mermaid. */
static Found
parse_text_link (Parser   *p,
                 gsize     body,
                 char      c,
                 EdgeSpec *spec)
{
  gsize text_at = body + 2, label_end = 0, after = 0;
  const char *quote = quoted_from (p, &text_at);
  gsize scan_from = quote != NULL ? (gsize) (quote - p->text) + 1 : body + 2;
  static const char *const closers[] = { "-->", "==>", ".->" };

  if (!find_text_link_end (p, scan_from, c, spec, &label_end, &after))
    {
      fail (p, body, PLATEAU_GRAPH_ERROR_SYNTAX,
            _("expected ‘%s’ on the same line to end the edge label that begins here"),
            closers[c == '-' ? 0 : c == '=' ? 1 : 2]);
      return FOUND_ERROR;
    }

  if (quote != NULL && only_spaces (p, scan_from, label_end))
    spec->label = clean_label (p->text + text_at + 1, quote - (p->text + text_at + 1),
                               &spec->markup);
  else
    spec->label = clean_label (p->text + body + 2, label_end - body - 2, &spec->markup);
  p->pos = after;
  return FOUND_OK;
}

static Found
parse_pipe_label (Parser   *p,
                  EdgeSpec *spec)
{
  gsize open = p->pos;
  gsize text_at = open + 1;
  const char *quote = quoted_from (p, &text_at);
  gsize i = quote != NULL ? (gsize) (quote - p->text) + 1 : open + 1;

  /* A quoted label may hold ‘|’ and line breaks; the closing bar comes after the quote. */
  for (; i < p->len && p->text[i] != '\n' && p->text[i] != '|'; i++)
    ;

  if (byte_at (p, i) != '|')
    {
      fail (p, open, PLATEAU_GRAPH_ERROR_SYNTAX,
            _("expected ‘|’ on the same line to close the edge label that begins here"));
      return FOUND_ERROR;
    }

  g_free (spec->label);
  g_free (spec->markup);
  if (quote != NULL && only_spaces (p, quote - p->text + 1, i))
    spec->label = clean_label (p->text + text_at + 1, quote - (p->text + text_at + 1),
                               &spec->markup);
  else
    spec->label = clean_label (p->text + open + 1, i - open - 1, &spec->markup);
  p->pos = i + 1;
  return FOUND_OK;
}

static Found
parse_edge (Parser   *p,
            EdgeSpec *spec)
{
  gsize start = p->pos;
  gsize body = start;
  gsize n = 0;
  char c0 = peek (p, 0), c1 = peek (p, 1), c2 = peek (p, 2);

  memset (spec, 0, sizeof *spec);
  spec->stroke = PLATEAU_GRAPH_STROKE_NORMAL;

  if ((c0 == '<' && (c1 == '-' || c1 == '='))
      || ((c0 == 'o' || c0 == 'x')
          && ((c1 == '-' && (c2 == '-' || c2 == '.')) || (c1 == '=' && c2 == '='))))
    {
      spec->head_from = head_of (c0);
      body++;
    }

  switch (byte_at (p, body))
    {
    case '~':
      n = run_length (p, body, '~');
      if (n < 3 || spec->head_from != PLATEAU_GRAPH_HEAD_NONE)
        break;
      spec->stroke = PLATEAU_GRAPH_STROKE_INVISIBLE;
      spec->length = (guint) n - 2;
      p->pos = body + n;
      break;

    case '-':
      if (byte_at (p, body + 1) == '.')
        {
          spec->stroke = PLATEAU_GRAPH_STROKE_DOTTED;
          n = match_dotted_link (p, body, spec);
          if (n == 0)
            {
              if (parse_text_link (p, body, '.', spec) == FOUND_ERROR)
                return FOUND_ERROR;
              n = p->pos - body;
            }
          else
            p->pos = body + n;
        }
      else if (byte_at (p, body + 1) == '-')
        {
          n = match_line_link (p, body, '-', spec);
          if (n == 0)
            {
              if (parse_text_link (p, body, '-', spec) == FOUND_ERROR)
                return FOUND_ERROR;
              n = p->pos - body;
            }
          else
            p->pos = body + n;
        }
      break;

    case '=':
      if (byte_at (p, body + 1) != '=')
        break;
      spec->stroke = PLATEAU_GRAPH_STROKE_THICK;
      n = match_line_link (p, body, '=', spec);
      if (n == 0)
        {
          if (parse_text_link (p, body, '=', spec) == FOUND_ERROR)
            return FOUND_ERROR;
          n = p->pos - body;
        }
      else
        p->pos = body + n;
      break;

    default:
      break;
    }

  if (n == 0)
    {
      p->pos = start;
      return FOUND_NONE;
    }

  if (spec->length > PLATEAU_GRAPH_MAX_LENGTH)
    {
      g_clear_pointer (&spec->label, g_free);
      g_clear_pointer (&spec->markup, g_free);
      fail (p, start, PLATEAU_GRAPH_ERROR_TOO_LARGE,
            _("this edge is %u ranks long; Plateau draws edges of at most %d"),
            spec->length, PLATEAU_GRAPH_MAX_LENGTH);
      return FOUND_ERROR;
    }

  skip_spaces (p);
  if (peek (p, 0) == '|' && parse_pipe_label (p, spec) == FOUND_ERROR)
    return FOUND_ERROR;

  return FOUND_OK;
}

static gboolean
add_edges (Parser         *p,
           GArray         *from,
           GArray         *to,
           const EdgeSpec *spec,
           gsize           at)
{
  PlateauGraphLocation where;

  location_of (p, at, &where);

  for (guint i = 0; i < from->len; i++)
    for (guint j = 0; j < to->len; j++)
      {
        PlateauGraphEdge edge = { 0 };

        if (p->graph->edges->len >= PLATEAU_GRAPH_MAX_EDGES)
          return fail (p, at, PLATEAU_GRAPH_ERROR_TOO_LARGE,
                       _("the diagram has more than %d edges, the most Plateau draws"),
                       PLATEAU_GRAPH_MAX_EDGES);

        edge.from.index = g_array_index (from, int, i);
        edge.to.index = g_array_index (to, int, j);
        edge.label = g_strdup (spec->label);
        edge.markup = g_strdup (spec->markup);
        edge.stroke = spec->stroke;
        edge.head_from = spec->head_from;
        edge.head_to = spec->head_to;
        edge.length = MAX (spec->length, 1);
        edge.line = where.line;
        edge.column = where.column;
        g_array_append_val (p->graph->edges, edge);
      }

  return TRUE;
}

static gboolean
parse_chain (Parser *p)
{
  g_autoptr (GArray) group = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (int));
  Found found = parse_group (p, group);

  if (found == FOUND_ERROR)
    return FALSE;
  if (found == FOUND_NONE)
    {
      g_autofree char *what = describe_at (p, p->pos);
      return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                   _("expected a node id or a statement, found %s"), what);
    }

  for (;;)
    {
      EdgeSpec spec;
      gsize at;
      gboolean ok;

      skip_spaces (p);
      if (at_statement_end (p))
        return TRUE;

      at = p->pos;
      found = parse_edge (p, &spec);
      if (found == FOUND_ERROR)
        {
          g_free (spec.label);
          g_free (spec.markup);
          return FALSE;
        }
      if (found == FOUND_NONE)
        {
          g_autofree char *what = describe_at (p, p->pos);
          gsize id = id_end (p, p->pos);

          if (id > p->pos && byte_at (p, id) == '@')
            return fail (p, p->pos, PLATEAU_GRAPH_ERROR_UNSUPPORTED,
                         _("edge ids (‘id@-->’) are not supported"));
          return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                       _("expected an edge such as ‘-->’, ‘&’ or the end of the statement, "
                         "found %s"), what);
        }

      skip_spaces (p);
      found = parse_group (p, next);
      if (found != FOUND_OK)
        {
          g_autofree char *what = describe_at (p, p->pos);
          g_free (spec.label);
          g_free (spec.markup);
          if (found == FOUND_NONE)
            fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                  _("expected a node id after the edge, found %s"), what);
          return FALSE;
        }

      ok = add_edges (p, group, next, &spec, at);
      g_free (spec.label);
      g_free (spec.markup);
      if (!ok)
        return FALSE;
      g_array_set_size (group, 0);
      g_array_append_vals (group, next->data, next->len);
    }
}

/* Styles ----------------------------------------------------------------- */

/* The rest of the statement, up to a newline or ‘;’. */
static char *
read_rest (Parser *p,
           gsize  *start)
{
  gsize end;

  skip_spaces (p);
  *start = p->pos;
  for (end = p->pos; end < p->len && p->text[end] != '\n' && p->text[end] != ';'; end++)
    ;
  p->pos = end;

  return g_strstrip (g_strndup (p->text + *start, end - *start));
}

static gboolean
parse_length_px (const char *value,
                 double     *out)
{
  char *end = NULL;
  double v = g_ascii_strtod (value, &end);

  if (end == value || !isfinite (v) || v < 0 || v > 100)
    return FALSE;
  if (*end != '\0' && strcmp (end, "px") != 0)
    return FALSE;

  *out = v;
  return TRUE;
}

static gboolean
apply_property (Parser            *p,
                gsize              at,
                const char        *name,
                const char        *value,
                PlateauGraphStyle *style)
{
  PlateauRgba *color = NULL;
  gboolean *flag = NULL;

  if (strcmp (name, "fill") == 0 || strcmp (name, "background") == 0)
    color = &style->fill, flag = &style->has_fill;
  else if (strcmp (name, "stroke") == 0)
    color = &style->stroke, flag = &style->has_stroke;
  else if (strcmp (name, "color") == 0)
    color = &style->color, flag = &style->has_color;

  if (color != NULL)
    {
      if (!plateau_graph_parse_color (value, color))
        return fail (p, at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘%s’ is not a colour; expected #rgb, #rrggbb, rgb(…) or a colour "
                       "name"), value);
      *flag = TRUE;
      return TRUE;
    }

  if (strcmp (name, "stroke-width") == 0)
    {
      if (!parse_length_px (value, &style->stroke_width))
        return fail (p, at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘%s’ is not a stroke width; expected a number of pixels such as 2px"),
                     value);
      return TRUE;
    }

  if (strcmp (name, "stroke-dasharray") == 0)
    {
      g_auto (GStrv) parts = g_strsplit_set (value, " ,", 3);
      double on = 0, off = 0;

      if (g_strv_length (parts) < 2 || !parse_length_px (parts[0], &on)
          || !parse_length_px (parts[1], &off) || on + off <= 0)
        return fail (p, at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘%s’ is not a dash pattern; expected two lengths such as ‘5 5’"),
                     value);
      style->has_dash = TRUE;
      style->dash[0] = on;
      style->dash[1] = off;
      return TRUE;
    }

  /* Other CSS (fonts, opacity, …) is accepted and left to the theme. */
  return TRUE;
}

/* Splits "fill:#f9f,stroke:rgb(1,2,3)" at commas outside parentheses. */
static gboolean
parse_style_text (Parser            *p,
                  const char        *text,
                  gsize              at,
                  PlateauGraphStyle *style)
{
  int depth = 0;
  const char *item = text;

  for (const char *c = text;; c++)
    {
      if (*c == '(')
        depth++;
      else if (*c == ')')
        depth = MAX (depth - 1, 0);

      if (*c == '\0' || (*c == ',' && depth == 0))
        {
          g_autofree char *decl = g_strstrip (g_strndup (item, c - item));
          char *colon = strchr (decl, ':');

          if (*decl != '\0')
            {
              if (colon == NULL)
                return fail (p, at + (item - text), PLATEAU_GRAPH_ERROR_SYNTAX,
                             _("expected a style such as ‘fill:#f9f’, found ‘%s’"), decl);
              *colon = '\0';
              g_strstrip (decl);
              if (!apply_property (p, at + (item - text), decl, g_strstrip (colon + 1),
                                   style))
                return FALSE;
            }
          if (*c == '\0')
            return TRUE;
          item = c + 1;
        }
    }
}

static void
merge_style (PlateauGraphStyle       *into,
             const PlateauGraphStyle *from)
{
  if (from->has_fill)
    into->has_fill = TRUE, into->fill = from->fill;
  if (from->has_stroke)
    into->has_stroke = TRUE, into->stroke = from->stroke;
  if (from->has_color)
    into->has_color = TRUE, into->color = from->color;
  if (from->has_dash)
    into->has_dash = TRUE, into->dash[0] = from->dash[0], into->dash[1] = from->dash[1];
  if (from->stroke_width > 0)
    into->stroke_width = from->stroke_width;
}

/* Reads "a,b , c" then one space-separated word; returns the list. */
static char **
read_name_list (Parser     *p,
                const char *what)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  skip_spaces (p);
  for (;;)
    {
      gsize start = p->pos;

      while (is_id_byte (p, p->pos) || peek (p, 0) == '-')
        p->pos += (guchar) peek (p, 0) >= 0x80
                  ? (gsize) (g_utf8_next_char (p->text + p->pos) - (p->text + p->pos)) : 1;
      p->pos = MIN (p->pos, p->len);
      if (p->pos == start)
        {
          g_autofree char *found = describe_at (p, p->pos);
          fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX, _("expected %s, found %s"), what, found);
          return NULL;
        }
      {
        g_autofree char *name = g_strndup (p->text + start, p->pos - start);
        g_strv_builder_add (names, name);
      }

      skip_spaces (p);
      if (peek (p, 0) != ',')
        return g_strv_builder_end (names);
      p->pos++;
      skip_spaces (p);
    }
}

static gboolean
parse_class_def (Parser *p)
{
  g_auto (GStrv) names = NULL;
  g_autofree char *text = NULL;
  PlateauGraphStyle style = { 0 };
  gsize at;

  p->pos += strlen ("classDef");
  names = read_name_list (p, _("a class name"));
  if (names == NULL)
    return FALSE;

  text = read_rest (p, &at);
  if (!parse_style_text (p, text, at, &style))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      PlateauGraphStyle *copy = g_memdup2 (&style, sizeof style);
      g_hash_table_replace (p->class_defs, g_strdup (names[i]), copy);
    }

  return TRUE;
}

static gboolean
parse_class (Parser *p)
{
  g_auto (GStrv) ids = NULL;
  g_auto (GStrv) name = NULL;
  gsize at;

  p->pos += strlen ("class");
  at = p->pos;
  ids = read_name_list (p, _("a node id"));
  if (ids == NULL)
    return FALSE;

  skip_spaces (p);
  name = read_name_list (p, _("a class name"));
  if (name == NULL)
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Deferred d = { g_strdup (ids[i]), { 0 }, g_strdup (name[0]), at, FALSE };
      g_array_append_val (p->deferred_class, d);
    }

  return TRUE;
}

static gboolean
parse_style (Parser *p)
{
  g_autofree char *text = NULL;
  Deferred d = { 0 };
  gsize text_at;

  p->pos += strlen ("style");
  skip_spaces (p);
  d.at = p->pos;
  d.target = read_id (p);
  if (d.target == NULL)
    {
      g_autofree char *found = describe_at (p, p->pos);
      return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                   _("expected a node or subgraph id after ‘style’, found %s"), found);
    }

  text = read_rest (p, &text_at);
  if (!parse_style_text (p, text, text_at, &d.style))
    {
      g_free (d.target);
      return FALSE;
    }

  g_array_append_val (p->deferred_style, d);
  return TRUE;
}

static gboolean
parse_link_style (Parser *p)
{
  g_auto (GStrv) targets = NULL;
  g_autofree char *text = NULL;
  PlateauGraphStyle style = { 0 };
  gsize at, text_at;

  p->pos += strlen ("linkStyle");
  skip_spaces (p);
  at = p->pos;
  targets = read_name_list (p, _("an edge number or ‘default’"));
  if (targets == NULL)
    return FALSE;

  skip_spaces (p);
  if (looking_at_keyword (p, "interpolate"))
    {
      /* Plateau always draws smooth curves; the curve name is accepted. */
      p->pos += strlen ("interpolate");
      skip_spaces (p);
      while (p->pos < p->len && g_ascii_isalnum (peek (p, 0)))
        p->pos++;
    }

  text = read_rest (p, &text_at);
  if (!parse_style_text (p, text, text_at, &style))
    return FALSE;

  for (guint i = 0; targets[i] != NULL; i++)
    {
      Deferred d = { g_strdup (targets[i]), style, NULL, at,
                     strcmp (targets[i], "default") == 0 };

      if (!d.all_edges && !g_ascii_string_to_unsigned (targets[i], 10, 0, G_MAXINT, NULL,
                                                       NULL))
        {
          g_free (d.target);
          return fail (p, at, PLATEAU_GRAPH_ERROR_SYNTAX,
                       _("expected edge numbers (0, 1, …) or ‘default’ after ‘linkStyle’, "
                         "found ‘%s’"), targets[i]);
        }
      g_array_append_val (p->deferred_link, d);
    }

  return TRUE;
}

/* Subgraphs and directions ----------------------------------------------- */

static gboolean
read_direction (Parser                *p,
                PlateauGraphDirection *direction)
{
  static const struct
  {
    const char *name;
    PlateauGraphDirection direction;
  } names[] = {
    { "TB", PLATEAU_GRAPH_TB }, { "TD", PLATEAU_GRAPH_TB }, { "BT", PLATEAU_GRAPH_BT },
    { "LR", PLATEAU_GRAPH_LR }, { "RL", PLATEAU_GRAPH_RL }, { ">", PLATEAU_GRAPH_LR },
    { "<", PLATEAU_GRAPH_RL }, { "^", PLATEAU_GRAPH_BT }, { "v", PLATEAU_GRAPH_TB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (looking_at_keyword (p, names[i].name))
        {
          *direction = names[i].direction;
          p->pos += strlen (names[i].name);
          return TRUE;
        }
    }

  {
    g_autofree char *found = describe_at (p, p->pos);
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("expected a direction (TB, TD, BT, LR or RL), found %s"), found);
  }
}

static gboolean
parse_direction (Parser *p)
{
  PlateauGraphDirection direction;

  p->pos += strlen ("direction");
  skip_spaces (p);
  if (!read_direction (p, &direction))
    return FALSE;

  if (p->depth == 0)
    p->graph->direction = direction;
  else
    {
      PlateauGraphSubgraph *s = &g_array_index (p->graph->subgraphs, PlateauGraphSubgraph,
                                                p->stack[p->depth - 1]);
      s->has_direction = TRUE;
      s->direction = direction;
    }

  return TRUE;
}

static gboolean
subgraph_id_taken (Parser     *p,
                   const char *id)
{
  for (guint i = 0; i < p->graph->subgraphs->len; i++)
    {
      if (strcmp (g_array_index (p->graph->subgraphs, PlateauGraphSubgraph, i).id, id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* "subgraph id", "subgraph id [title]", "subgraph \"title\"", "subgraph a title". */
static gboolean
read_subgraph_header (Parser               *p,
                      PlateauGraphSubgraph *s)
{
  static const char *const close_square[] = { "]", NULL };
  static const char *const close_quote[] = { "", NULL };
  gsize start = p->pos;
  guint which;

  if (peek (p, 0) == '"')
    {
      s->title = read_delimited (p, close_quote, &which, start, _("the subgraph title"),
                                 &s->title_markup);
      return s->title != NULL;
    }

  while (p->pos < p->len && peek (p, 0) != '[' && peek (p, 0) != '\n' && peek (p, 0) != ';'
         && !(peek (p, 0) == '%' && peek (p, 1) == '%'))
    p->pos++;

  s->id = g_strstrip (g_strndup (p->text + start, p->pos - start));
  if (peek (p, 0) == '[')
    {
      p->pos++;
      s->title = read_delimited (p, close_square, &which, p->pos - 1, _("the subgraph title"),
                                 &s->title_markup);
      return s->title != NULL;
    }

  s->title = clean_label (s->id, strlen (s->id), NULL);
  if (strpbrk (s->id, " \t") != NULL)
    g_clear_pointer (&s->id, g_free);
  return TRUE;
}

static gboolean
parse_subgraph (Parser *p)
{
  PlateauGraphSubgraph s = { 0 };
  PlateauGraphLocation where;
  gsize at = p->pos;

  p->pos += strlen ("subgraph");
  skip_spaces (p);
  if (at_statement_end (p))
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("expected a subgraph id or title after ‘subgraph’"));

  if (p->depth >= PLATEAU_GRAPH_MAX_DEPTH)
    return fail (p, at, PLATEAU_GRAPH_ERROR_TOO_LARGE,
                 _("subgraphs are nested more than %d deep"), PLATEAU_GRAPH_MAX_DEPTH);
  if (p->graph->subgraphs->len >= PLATEAU_GRAPH_MAX_SUBGRAPHS)
    return fail (p, at, PLATEAU_GRAPH_ERROR_TOO_LARGE,
                 _("the diagram has more than %d subgraphs"), PLATEAU_GRAPH_MAX_SUBGRAPHS);

  if (!read_subgraph_header (p, &s))
    {
      g_free (s.id);
      return FALSE;
    }
  if (s.id == NULL || *s.id == '\0')
    {
      g_free (s.id);
      s.id = g_strdup_printf ("subGraph%u", p->auto_subgraph++);
    }
  if (subgraph_id_taken (p, s.id))
    {
      fail (p, at, PLATEAU_GRAPH_ERROR_SYNTAX, _("a subgraph “%s” is already defined"), s.id);
      g_free (s.id);
      g_free (s.title);
      g_free (s.title_markup);
      return FALSE;
    }

  location_of (p, at, &where);
  s.parent = p->depth > 0 ? p->stack[p->depth - 1] : -1;
  s.line = where.line;
  s.column = where.column;
  g_array_append_val (p->graph->subgraphs, s);
  p->stack[p->depth++] = (int) p->graph->subgraphs->len - 1;

  return TRUE;
}

static gboolean
parse_end (Parser *p)
{
  if (p->depth == 0)
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("‘end’ closes no subgraph; there is no open ‘subgraph’ here"));

  p->pos += strlen ("end");
  p->depth--;
  return TRUE;
}

/* Statements ------------------------------------------------------------- */

static gboolean
skip_block (Parser *p)
{
  /* accDescr { … } may span lines; a one-line accTitle: or accDescr: ends at the line. */
  while (p->pos < p->len && peek (p, 0) != ':' && peek (p, 0) != '{' && peek (p, 0) != '\n')
    p->pos++;

  if (peek (p, 0) == '{')
    {
      const char *close = memchr (p->text + p->pos, '}', p->len - p->pos);
      if (close == NULL)
        return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("expected ‘}’ to close the description that begins here"));
      p->pos = close - p->text + 1;
      return TRUE;
    }

  while (p->pos < p->len && peek (p, 0) != '\n')
    p->pos++;
  return TRUE;
}

static gboolean
parse_statement (Parser *p)
{
  static const char *const unsupported[] = { "click", "callback", "call", "href", NULL };

  if (looking_at_keyword (p, "subgraph"))
    return parse_subgraph (p);
  if (looking_at_keyword (p, "end"))
    return parse_end (p);
  if (looking_at_keyword (p, "direction"))
    return parse_direction (p);
  if (looking_at_keyword (p, "classDef"))
    return parse_class_def (p);
  if (looking_at_keyword (p, "class"))
    return parse_class (p);
  if (looking_at_keyword (p, "style"))
    return parse_style (p);
  if (looking_at_keyword (p, "linkStyle"))
    return parse_link_style (p);
  if (g_str_has_prefix (p->text + p->pos, "accTitle")
      || g_str_has_prefix (p->text + p->pos, "accDescr"))
    return skip_block (p);

  for (guint i = 0; unsupported[i] != NULL; i++)
    {
      if (looking_at_keyword (p, unsupported[i]))
        return fail (p, p->pos, PLATEAU_GRAPH_ERROR_UNSUPPORTED,
                     _("‘%s’ (interaction) statements are not supported"), unsupported[i]);
    }

  return parse_chain (p);
}

static gboolean
expect_statement_end (Parser *p)
{
  skip_spaces (p);
  if (at_statement_end (p))
    return TRUE;

  {
    g_autofree char *found = describe_at (p, p->pos);
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("expected the end of the statement (a new line or ‘;’), found %s"), found);
  }
}

/* Blank lines, ‘;’, comments and %%{init}%% directives between statements. */
static void
skip_separators (Parser *p)
{
  for (;;)
    {
      char c = peek (p, 0);

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';')
        p->pos++;
      else if (c == '%' && peek (p, 1) == '%')
        skip_spaces (p);
      else
        return;
    }
}

/* YAML front matter between two "---" lines holds a title and configuration. */
static gboolean
skip_front_matter (Parser *p)
{
  const char *close;

  if (!g_str_has_prefix (p->text + p->pos, "---"))
    return TRUE;

  close = g_strstr_len (p->text + p->pos + 3, p->len - p->pos - 3, "\n---");
  if (close == NULL)
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("expected a closing ‘---’ line for the front matter that begins here"));

  p->pos = close - p->text + 4;
  while (p->pos < p->len && p->text[p->pos] != '\n')
    p->pos++;
  return TRUE;
}

static gboolean
parse_header (Parser *p)
{
  static const char *const others[] = {
    "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram",
    "gantt", "pie", "journey", "gitGraph", "mindmap", "timeline", "quadrantChart",
    "requirementDiagram", "C4Context", "sankey-beta", "xychart-beta", "block-beta",
    "flowchart-elk", "architecture-beta", "packet-beta", "kanban", "radar-beta", NULL,
  };

  skip_separators (p);
  if (!skip_front_matter (p))
    return FALSE;
  skip_separators (p);

  if (looking_at_keyword (p, "graph") || looking_at_keyword (p, "flowchart"))
    {
      p->pos += peek (p, 0) == 'g' ? strlen ("graph") : strlen ("flowchart");
      skip_spaces (p);
      if (!at_statement_end (p) && !read_direction (p, &p->graph->direction))
        return FALSE;
      return expect_statement_end (p);
    }

  for (guint i = 0; others[i] != NULL; i++)
    {
      if (g_str_has_prefix (p->text + p->pos, others[i]))
        return fail (p, p->pos, PLATEAU_GRAPH_ERROR_UNSUPPORTED,
                     _("‘%s’ diagrams are not supported; Plateau draws flowcharts, which "
                       "begin with ‘graph’ or ‘flowchart’"), others[i]);
    }

  if (p->pos >= p->len)
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("the diagram is empty; expected ‘graph’ or ‘flowchart’ to begin it"));

  {
    g_autofree char *found = describe_at (p, p->pos);
    return fail (p, p->pos, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("expected ‘graph’ or ‘flowchart’ to begin the diagram, found %s"), found);
  }
}

/* Finishing -------------------------------------------------------------- */

static int
find_subgraph (Parser     *p,
               const char *id)
{
  for (guint i = 0; i < p->graph->subgraphs->len; i++)
    {
      if (strcmp (g_array_index (p->graph->subgraphs, PlateauGraphSubgraph, i).id, id) == 0)
        return (int) i;
    }

  return -1;
}

/*
 * Ids that name a subgraph are edges to that subgraph, not nodes: drop those
 * nodes and point their edges at the subgraph.
 */
static void
resolve_subgraph_ends (Parser *p)
{
  GArray *nodes = p->graph->nodes;
  g_autofree int *remap = g_new (int, nodes->len + 1);
  g_autofree int *as_subgraph = g_new (int, nodes->len + 1);
  guint kept = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      PlateauGraphNode *node = &g_array_index (nodes, PlateauGraphNode, i);

      as_subgraph[i] = find_subgraph (p, node->id);
      remap[i] = as_subgraph[i] >= 0 ? -1 : (int) kept;
      if (as_subgraph[i] >= 0)
        {
          g_free (node->id);
          g_free (node->label);
          g_free (node->markup);
          g_ptr_array_unref (g_ptr_array_index (p->node_classes, i));
          continue;
        }
      g_array_index (nodes, PlateauGraphNode, kept) = *node;
      p->node_classes->pdata[kept] = p->node_classes->pdata[i];
      kept++;
    }

  /* The moved-from tail is zeroed so that shrinking frees nothing twice. */
  for (guint i = kept; i < nodes->len; i++)
    {
      memset (&g_array_index (nodes, PlateauGraphNode, i), 0, sizeof (PlateauGraphNode));
      p->node_classes->pdata[i] = NULL;
    }
  g_array_set_size (nodes, kept);
  g_ptr_array_set_free_func (p->node_classes, NULL);
  g_ptr_array_set_size (p->node_classes, kept);
  g_ptr_array_set_free_func (p->node_classes, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < p->graph->edges->len; i++)
    {
      PlateauGraphEdge *e = &g_array_index (p->graph->edges, PlateauGraphEdge, i);
      guint from = e->from.index, to = e->to.index;

      e->from = remap[from] >= 0 ? (PlateauGraphEnd) { remap[from], FALSE }
                                 : (PlateauGraphEnd) { as_subgraph[from], TRUE };
      e->to = remap[to] >= 0 ? (PlateauGraphEnd) { remap[to], FALSE }
                             : (PlateauGraphEnd) { as_subgraph[to], TRUE };
    }
}

static gboolean
apply_classes (Parser *p)
{
  PlateauGraphStyle *fallback = g_hash_table_lookup (p->class_defs, "default");

  for (guint i = 0; i < p->deferred_class->len; i++)
    {
      Deferred *d = &g_array_index (p->deferred_class, Deferred, i);
      int node = plateau_graph_find_node (p->graph, d->target);
      int sub = find_subgraph (p, d->target);

      if (node >= 0)
        g_ptr_array_add (g_ptr_array_index (p->node_classes, node), g_strdup (d->class_name));
      else if (sub >= 0)
        {
          PlateauGraphStyle *style = g_hash_table_lookup (p->class_defs, d->class_name);
          if (style != NULL)
            merge_style (&g_array_index (p->graph->subgraphs, PlateauGraphSubgraph,
                                         sub).style, style);
        }
      else
        return fail (p, d->at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘class’ names “%s”, which is neither a node nor a subgraph"),
                     d->target);
    }

  for (guint i = 0; i < p->graph->nodes->len; i++)
    {
      PlateauGraphNode *node = &g_array_index (p->graph->nodes, PlateauGraphNode, i);
      GPtrArray *classes = g_ptr_array_index (p->node_classes, i);

      if (fallback != NULL)
        merge_style (&node->style, fallback);
      for (guint k = 0; k < classes->len; k++)
        {
          PlateauGraphStyle *style = g_hash_table_lookup (p->class_defs,
                                                          g_ptr_array_index (classes, k));
          if (style != NULL)
            merge_style (&node->style, style);
        }
      g_ptr_array_add (classes, NULL);
      node->classes = g_strdupv ((char **) classes->pdata);
    }

  return TRUE;
}

static gboolean
apply_styles (Parser *p)
{
  for (guint i = 0; i < p->deferred_style->len; i++)
    {
      Deferred *d = &g_array_index (p->deferred_style, Deferred, i);
      int node = plateau_graph_find_node (p->graph, d->target);
      int sub = find_subgraph (p, d->target);

      if (node >= 0)
        merge_style (&g_array_index (p->graph->nodes, PlateauGraphNode, node).style,
                     &d->style);
      else if (sub >= 0)
        merge_style (&g_array_index (p->graph->subgraphs, PlateauGraphSubgraph, sub).style,
                     &d->style);
      else
        return fail (p, d->at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘style’ names “%s”, which is neither a node nor a subgraph"),
                     d->target);
    }

  for (guint i = 0; i < p->deferred_link->len; i++)
    {
      Deferred *d = &g_array_index (p->deferred_link, Deferred, i);
      guint64 n = 0;

      if (d->all_edges)
        {
          for (guint k = 0; k < p->graph->edges->len; k++)
            merge_style (&g_array_index (p->graph->edges, PlateauGraphEdge, k).style,
                         &d->style);
          continue;
        }

      g_ascii_string_to_unsigned (d->target, 10, 0, G_MAXINT, &n, NULL);
      if (n >= p->graph->edges->len)
        return fail (p, d->at, PLATEAU_GRAPH_ERROR_SYNTAX,
                     _("‘linkStyle’ names edge %s, but the edges are numbered 0 to %d"),
                     d->target, (int) p->graph->edges->len - 1);
      merge_style (&g_array_index (p->graph->edges, PlateauGraphEdge, n).style, &d->style);
    }

  return TRUE;
}

static gboolean
parse_document (Parser *p)
{
  const char *invalid = NULL;

  if (memchr (p->text, '\0', p->len) != NULL)
    return fail (p, (const char *) memchr (p->text, '\0', p->len) - p->text,
                 PLATEAU_GRAPH_ERROR_SYNTAX, _("the text contains a NUL character here"));
  if (!g_utf8_validate_len (p->text, p->len, &invalid))
    return fail (p, invalid - p->text, PLATEAU_GRAPH_ERROR_SYNTAX,
                 _("the text is not valid UTF-8 here"));
  if (p->len >= 3 && memcmp (p->text, "\xef\xbb\xbf", 3) == 0)
    p->pos = 3;

  if (!parse_header (p))
    return FALSE;

  for (;;)
    {
      skip_separators (p);
      if (p->pos >= p->len)
        break;
      if (!parse_statement (p) || !expect_statement_end (p))
        return FALSE;
    }

  if (p->depth > 0)
    {
      const PlateauGraphSubgraph *s = &g_array_index (p->graph->subgraphs,
                                                      PlateauGraphSubgraph,
                                                      p->stack[p->depth - 1]);
      return fail (p, p->len, PLATEAU_GRAPH_ERROR_SYNTAX,
                   _("expected ‘end’ to close the subgraph “%s” opened on line %u"),
                   s->id, s->line);
    }

  resolve_subgraph_ends (p);
  return apply_classes (p) && apply_styles (p);
}

static void
clear_deferred (gpointer data)
{
  Deferred *d = data;

  g_free (d->target);
  g_free (d->class_name);
}

static GArray *
deferred_array (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Deferred));

  g_array_set_clear_func (array, clear_deferred);
  return array;
}

/**
 * plateau_graph_parse:
 * @text: Mermaid flowchart source, UTF-8
 * @length: its length in bytes, or -1 when it ends with NUL
 * @error_location: (out) (optional): where the error is, when there is one
 * @error: return location for a #PLATEAU_GRAPH_ERROR
 *
 * Parses a Mermaid flowchart. On failure the error message begins with
 * "line L, column C:" and @error_location holds the same position (columns
 * count characters, from 1).
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL on error
 */
PlateauGraph *
plateau_graph_parse (const char           *text,
                     gssize                length,
                     PlateauGraphLocation *error_location,
                     GError              **error)
{
  Parser p = { 0 };
  g_autofree char *copy = NULL;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.text = text;
  p.len = length < 0 ? strlen (text) : (gsize) length;
  p.memo_line = 1;

  if (p.len > PLATEAU_GRAPH_MAX_INPUT)
    {
      if (error_location != NULL)
        *error_location = (PlateauGraphLocation) { 1, 1 };
      g_set_error (error, PLATEAU_GRAPH_ERROR, PLATEAU_GRAPH_ERROR_TOO_LARGE,
                   _("line 1, column 1: the text is larger than %d bytes, the most Plateau "
                     "reads as a diagram"), PLATEAU_GRAPH_MAX_INPUT);
      return NULL;
    }

  /* A terminated copy lets the scanner use C string functions safely. */
  copy = g_malloc (p.len + 1);
  memcpy (copy, text, p.len);
  copy[p.len] = '\0';
  p.text = copy;

  p.graph = plateau_graph_new ();
  p.node_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.node_classes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  p.class_defs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p.deferred_class = deferred_array ();
  p.deferred_style = deferred_array ();
  p.deferred_link = deferred_array ();

  ok = parse_document (&p);

  g_hash_table_unref (p.node_ids);
  g_ptr_array_unref (p.node_classes);
  g_hash_table_unref (p.class_defs);
  g_array_unref (p.deferred_class);
  g_array_unref (p.deferred_style);
  g_array_unref (p.deferred_link);

  if (!ok)
    {
      if (error_location != NULL)
        location_of (&p, p.error_at, error_location);
      g_propagate_error (error, p.error);
      plateau_graph_free (p.graph);
      return NULL;
    }

  return p.graph;
}
