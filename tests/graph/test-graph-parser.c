/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conformance of the Mermaid flowchart parser: a table of valid inputs with
 * the whole expected graph (see graph-dump.h for the notation), a table of
 * invalid inputs with the expected error position and kind, and the limits
 * that keep memory bounded.
 */

#include "config.h"

#include <string.h>

#include "graph-dump.h"
#include "plateau-graph.h"

typedef struct
{
  const char *text;
  const char *expected;
} ValidCase;

typedef struct
{
  const char *text;
  gssize length;
  guint line;
  guint column;
  PlateauGraphError code;
} InvalidCase;

static const ValidCase valid_cases[] = {
  { "graph TB\nA",
    "TB A:rect:\"A\"" },
  { "graph TD\nA",
    "TB A:rect:\"A\"" },
  { "graph BT\nA",
    "BT A:rect:\"A\"" },
  { "graph LR\nA",
    "LR A:rect:\"A\"" },
  { "graph RL\nA",
    "RL A:rect:\"A\"" },
  { "flowchart LR\nA",
    "LR A:rect:\"A\"" },
  { "flowchart\nA",
    "TB A:rect:\"A\"" },
  { "graph\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "flowchart >\nA",
    "LR A:rect:\"A\"" },
  { "flowchart ^\nA",
    "BT A:rect:\"A\"" },
  { "graph TD;A-->B;B-->C",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1 B>C:n:->:1" },
  { "graph TD\nA-->B;\nB-->C;;",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1 B>C:n:->:1" },
  { "graph TD\n\n\n   A --> B   \n\n",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\r\nA-->B\r\nB-->C\r\n",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1 B>C:n:->:1" },
  { "graph TD\n\tA\t-->\tB",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "%% leading comment\ngraph TD\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\n%% a comment\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B %% trailing comment",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "%%{init: {'theme':'forest'}}%%\ngraph TD\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "---\ntitle: Demo\n---\nflowchart LR\nA-->B",
    "LR A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "\xef\xbb\xbf" "graph TD\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\n技术模式 --> 经济增长",
    "TB 技术模式:rect:\"技术模式\" 经济增长:rect:\"经济增长\" 技术模式>经济增长:n:->:1" },
  { "graph TD\nA[技术模式]-->B[经济增长模式]",
    "TB A:rect:\"技术模式\" B:rect:\"经济增长模式\" A>B:n:->:1" },
  { "graph TD\nnode_1 --> node-2",
    "TB node_1:rect:\"node_1\" node-2:rect:\"node-2\" node_1>node-2:n:->:1" },
  { "graph TD\n123 --> 456",
    "TB 123:rect:\"123\" 456:rect:\"456\" 123>456:n:->:1" },
  { "graph TD\nendpoint --> A",
    "TB endpoint:rect:\"endpoint\" A:rect:\"A\" endpoint>A:n:->:1" },
  { "graph TD\nsubgraphs --> A",
    "TB subgraphs:rect:\"subgraphs\" A:rect:\"A\" subgraphs>A:n:->:1" },
  { "graph TD\nA[Rectangle]",
    "TB A:rect:\"Rectangle\"" },
  { "graph TD\nA(Round)",
    "TB A:round:\"Round\"" },
  { "graph TD\nA([Stadium])",
    "TB A:stadium:\"Stadium\"" },
  { "graph TD\nA[[Subroutine]]",
    "TB A:sub:\"Subroutine\"" },
  { "graph TD\nA[(Database)]",
    "TB A:cyl:\"Database\"" },
  { "graph TD\nA((Circle))",
    "TB A:circle:\"Circle\"" },
  { "graph TD\nA(((Double)))",
    "TB A:dcircle:\"Double\"" },
  { "graph TD\nA{Decision}",
    "TB A:diamond:\"Decision\"" },
  { "graph TD\nA{{Hexagon}}",
    "TB A:hex:\"Hexagon\"" },
  { "graph TD\nA>Flag]",
    "TB A:asym:\"Flag\"" },
  { "graph TD\nA[/Lean right/]",
    "TB A:para:\"Lean right\"" },
  { "graph TD\nA[\\Lean left\\]",
    "TB A:para-alt:\"Lean left\"" },
  { "graph TD\nA[/Trapezoid\\]",
    "TB A:trap:\"Trapezoid\"" },
  { "graph TD\nA[\\Trapezoid alt/]",
    "TB A:trap-alt:\"Trapezoid alt\"" },
  { "graph TD\nA[ spaced label ]",
    "TB A:rect:\"spaced label\"" },
  { "graph TD\nA[\"Quoted (with) [brackets]\"]",
    "TB A:rect:\"Quoted (with) [brackets]\"" },
  { "graph TD\nA[\"He said #quot;hi#quot;\"]",
    "TB A:rect:\"He said \"hi\"\"" },
  { "graph TD\nA[\"A heart #9829;\"]",
    "TB A:rect:\"A heart ♥\"" },
  { "graph TD\nA[Fish &amp; chips]",
    "TB A:rect:\"Fish & chips\"" },
  { "graph TD\nA[Line one<br>Line two]",
    "TB A:rect:\"Line one\\nLine two\"" },
  { "graph TD\nA[One<br/>Two<br />Three]",
    "TB A:rect:\"One\\nTwo\\nThree\"" },
  { "graph TD\nA[\"`Markdown string`\"]",
    "TB A:rect:\"Markdown string\"" },
  { "graph TD\nA[\"`Line1\nLine 2`\"]",
    "TB A:rect:\"Line1\\nLine 2\"" },
  { "graph TD\nmarkdown[\"`Line1\n    Line 2\n  Line 3`\"] --> B",
    "TB markdown:rect:\"Line1\\nLine 2\\nLine 3\" B:rect:\"B\" markdown>B:n:->:1" },
  { "graph TD\nA[\"two\r\nlines\"]",
    "TB A:rect:\"two\\nlines\"" },
  { "graph TD\nA[\"`This **is** _Markdown_ and *this* too`\"]",
    "TB A:rect:\"This is Markdown and this too\"~\"This <b>is</b> <i>Markdown</i> and "
    "<i>this</i> too\"" },
  { "graph TD\nA[\"`a __bold__ snake_case_name`\"]",
    "TB A:rect:\"a bold snake_case_name\"~\"a <b>bold</b> snake_case_name\"" },
  { "graph TD\nA[\"`*star_ mixed*`\"]",
    "TB A:rect:\"star_ mixed\"~\"<i>star_ mixed</i>\"" },
  { "graph TD\nA[\"`***both*** & <more>`\"]",
    "TB A:rect:\"both & <more>\"~\"<b><i>both</i></b> &amp; &lt;more&gt;\"" },
  { "graph TD\nA[\"`2 * 3 and **open`\"]",
    "TB A:rect:\"2 * 3 and **open\"" },
  { "graph TD\nA[\"**not markdown**\"]",
    "TB A:rect:\"**not markdown**\"" },
  { "graph TD\nA-->|\"`**bold** edge`\"|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"bold edge\"~\"<b>bold</b> edge\"" },
  { "graph TD\nsubgraph S [\"`*Group*`\"]\nA\nend",
    "TB A:rect:\"A\"@S {S:\"Group\"~\"<i>Group</i>\"}" },
  { "graph TD\nA[#unknown; entity]",
    "TB A:rect:\"#unknown; entity\"" },
  { "graph TD\nA[]",
    "TB A:rect:\"\"" },
  { "graph TD\nA[first]\nA[second]",
    "TB A:rect:\"second\"" },
  { "graph TD\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA --- B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:--:1" },
  { "graph TD\nA-.->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:->:1" },
  { "graph TD\nA-.-B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:--:1" },
  { "graph TD\nA==>B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:->:1" },
  { "graph TD\nA===B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:--:1" },
  { "graph TD\nA~~~B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:i:--:1" },
  { "graph TD\nA--oB",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:-o:1" },
  { "graph TD\nA--xB",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:-x:1" },
  { "graph TD\nA<-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:>>:1" },
  { "graph TD\nA o--o B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:oo:1" },
  { "graph TD\nA x--x B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:xx:1" },
  { "graph TD\nA<-.->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:>>:1" },
  { "graph TD\nA<==>B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:>>:1" },
  { "graph TD\nA==oB",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:-o:1" },
  { "graph TD\nA-.-xB",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:-x:1" },
  { "graph TD\nA--->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:2" },
  { "graph TD\nA---->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:3" },
  { "graph TD\nA----B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:--:2" },
  { "graph TD\nA-..->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:->:2" },
  { "graph TD\nA-...-B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:--:3" },
  { "graph TD\nA===>B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:->:2" },
  { "graph TD\nA====B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:--:2" },
  { "graph TD\nA~~~~B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:i:--:2" },
  { "graph TD\nA-->|label|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"label\"" },
  { "graph TD\nA-->| spaced label |B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"spaced label\"" },
  { "graph TD\nA---|open label|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:--:1:\"open label\"" },
  { "graph TD\nA-.->|dotted|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:->:1:\"dotted\"" },
  { "graph TD\nA==>|thick|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:->:1:\"thick\"" },
  { "graph TD\nA-->|\"quoted | pipe\"|B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"quoted | pipe\"" },
  { "graph TD\nA -- text --> B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"text\"" },
  { "graph TD\nA -- text --- B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:--:1:\"text\"" },
  { "graph TD\nA -- text ---> B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:2:\"text\"" },
  { "graph TD\nA-. dotted .->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:->:1:\"dotted\"" },
  { "graph TD\nA -. dotted .- B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:--:1:\"dotted\"" },
  { "graph TD\nA == thick ==> B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:->:1:\"thick\"" },
  { "graph TD\nA == thick === B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:--:1:\"thick\"" },
  { "graph TD\nA-- \"quoted text\" -->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"quoted text\"" },
  { "graph TD\nA== \"thick --> text\" ==>B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:t:->:1:\"thick --> text\"" },
  { "graph TD\nA-. \"dotted\" .->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:d:->:1:\"dotted\"" },
  { "graph TD\nA-- \"two\nlines\" -->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"two\\nlines\"" },
  { "graph TD\nA-- \"half\" quoted -->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"\"half\" quoted\"" },
  { "graph TD\nA -- a-b c --> B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"a-b c\"" },
  { "graph TD\nA -- 中文标签 --> B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1:\"中文标签\"" },
  { "graph TD\nA-->B-->C",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1 B>C:n:->:1" },
  { "graph TD\nA-->B-.->C==>D",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" D:rect:\"D\" A>B:n:->:1 B>C:d:->:1 C>D:t:->:1" },
  { "graph TD\nA & B --> C",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>C:n:->:1 B>C:n:->:1" },
  { "graph TD\nA --> B & C",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1 A>C:n:->:1" },
  { "graph TD\nA & B --> C & D",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" D:rect:\"D\" "
    "A>C:n:->:1 A>D:n:->:1 B>C:n:->:1 B>D:n:->:1" },
  { "graph TD\nA[Start] --> B{OK?} -->|yes| C([Done])",
    "TB A:rect:\"Start\" B:diamond:\"OK?\" C:stadium:\"Done\" A>B:n:->:1 B>C:n:->:1:\"yes\"" },
  { "graph TD\nA-->A",
    "TB A:rect:\"A\" A>A:n:->:1" },
  { "graph TD\nA-->B\nA-->B",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1 A>B:n:->:1" },
  { "graph TD\nA-->B\nB-->A",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1 B>A:n:->:1" },
  { "graph TD\nsubgraph one\nA-->B\nend",
    "TB A:rect:\"A\"@one B:rect:\"B\"@one A>B:n:->:1 {one:\"one\"}" },
  { "graph TD\nsubgraph one [The first]\nA\nend",
    "TB A:rect:\"A\"@one {one:\"The first\"}" },
  { "graph TD\nsubgraph one[\"Quoted title\"]\nA\nend",
    "TB A:rect:\"A\"@one {one:\"Quoted title\"}" },
  { "graph TD\nsubgraph \"Only a title\"\nA\nend",
    "TB A:rect:\"A\"@subGraph0 {subGraph0:\"Only a title\"}" },
  { "graph TD\nsubgraph Two words\nA\nend",
    "TB A:rect:\"A\"@subGraph0 {subGraph0:\"Two words\"}" },
  { "graph TD\nsubgraph outer\nsubgraph inner\nA\nend\nB\nend",
    "TB A:rect:\"A\"@inner B:rect:\"B\"@outer {outer:\"outer\"} {inner:\"inner\"<outer}" },
  { "graph TD\nsubgraph one\ndirection LR\nA-->B\nend",
    "TB A:rect:\"A\"@one B:rect:\"B\"@one A>B:n:->:1 {one:\"one\"^LR}" },
  { "graph TD\nsubgraph one\nA\nend\nX-->one",
    "TB A:rect:\"A\"@one X:rect:\"X\" X>one:n:->:1 {one:\"one\"}" },
  { "graph TD\nsubgraph one\nA\nend\nsubgraph two\nB\nend\none-->two",
    "TB A:rect:\"A\"@one B:rect:\"B\"@two one>two:n:->:1 {one:\"one\"} {two:\"two\"}" },
  { "graph TD\nc1-->a2\nsubgraph one\na1-->a2\nend",
    "TB c1:rect:\"c1\" a2:rect:\"a2\"@one a1:rect:\"a1\"@one "
    "c1>a2:n:->:1 a1>a2:n:->:1 {one:\"one\"}" },
  { "graph TD\nsubgraph one\nA\nend\nsubgraph two\nA-->B\nend",
    "TB A:rect:\"A\"@one B:rect:\"B\"@two A>B:n:->:1 {one:\"one\"} {two:\"two\"}" },
  { "graph TD\nsubgraph a\nsubgraph b\nX\nend\nend\nsubgraph c\nY\nend",
    "TB X:rect:\"X\"@b Y:rect:\"Y\"@c {a:\"a\"} {b:\"b\"<a} {c:\"c\"}" },
  { "graph TD\ndirection LR\nA-->B",
    "LR A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nsubgraph one\nend",
    "TB {one:\"one\"}" },
  { "graph TD\nA-->B\nclassDef hot fill:#f96\nclass A hot",
    "TB A:rect:\"A\".hot{fff9966} B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA:::hot-->B\nclassDef hot fill:#f96,stroke:#333,stroke-width:4px",
    "TB A:rect:\"A\".hot{fff9966s333333w4} B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B\nclassDef a,b color:#fff\nclass A,B a",
    "TB A:rect:\"A\".a{cffffff} B:rect:\"B\".a{cffffff} A>B:n:->:1" },
  { "graph TD\nA-->B\nclassDef default fill:#eee",
    "TB A:rect:\"A\"{feeeeee} B:rect:\"B\"{feeeeee} A>B:n:->:1" },
  { "graph TD\nA-->B\nstyle A fill:#f9f,stroke:#333,stroke-width:4px",
    "TB A:rect:\"A\"{fff99ffs333333w4} B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B\nstyle B fill:rgb(10,20,30),color:white",
    "TB A:rect:\"A\" B:rect:\"B\"{f0a141ecffffff} A>B:n:->:1" },
  { "graph TD\nA-->B\nstyle B fill:rgba(10,20,30,0.5)",
    "TB A:rect:\"A\" B:rect:\"B\"{f0a141e/0.50} A>B:n:->:1" },
  { "graph TD\nA-->B\nstyle A stroke-dasharray: 5 5",
    "TB A:rect:\"A\"{d5,5} B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B\nstyle A font-size:20px",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B\nlinkStyle 0 stroke:#ff3,stroke-width:4px",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1{sffff33w4}" },
  { "graph TD\nA-->B-->C\nlinkStyle 0,1 stroke:red",
    "TB A:rect:\"A\" B:rect:\"B\" C:rect:\"C\" A>B:n:->:1{sff0000} B>C:n:->:1{sff0000}" },
  { "graph TD\nA-->B\nlinkStyle default stroke:blue",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1{s0000ff}" },
  { "graph TD\nA-->B\nlinkStyle 0 interpolate basis stroke:blue",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1{s0000ff}" },
  { "graph TD\nsubgraph S\nA\nend\nstyle S fill:#eee",
    "TB A:rect:\"A\"@S {S:\"S\"{feeeeee}}" },
  { "graph TD\nA-->B\naccTitle: A title\naccDescr: A description",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA-->B\naccDescr {\nmulti\nline\n}",
    "TB A:rect:\"A\" B:rect:\"B\" A>B:n:->:1" },
  { "graph TD\nA[Start]-->B[\"Quoted\"]-->C(Round)-->D{Diamond}",
    "TB A:rect:\"Start\" B:rect:\"Quoted\" C:round:\"Round\" "
    "D:diamond:\"Diamond\" A>B:n:->:1 B>C:n:->:1 C>D:n:->:1" },
  { "graph LR\n  A([Start]) -->|yes| B{Is it?}\n  B -- no --> C[(DB)]",
    "LR A:stadium:\"Start\" B:diamond:\"Is it?\" "
    "C:cyl:\"DB\" A>B:n:->:1:\"yes\" B>C:n:->:1:\"no\"" },
};

static const InvalidCase invalid_cases[] = {
  { "", -1, 1, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "   \n\n", -1, 3, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "A-->B", -1, 1, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph XY\nA", -1, 1, 7, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD TD\nA", -1, 1, 10, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "sequenceDiagram\nA->>B: hi", -1, 1, 1, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "classDiagram\nA <|-- B", -1, 1, 1, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "flowchart-elk TD\nA", -1, 1, 1, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "graph TD\nA-->", -1, 2, 5, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA--> ", -1, 2, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\n-->B", -1, 2, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA->B", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-B-->C-", -1, 2, 8, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[unclosed", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA(unclosed", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA{unclosed", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[\"unterminated]", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[\"quoted\" extra]", -1, 2, 12, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[\"open\nB[\"closed\"]", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA((circle)", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[/para]", -1, 2, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->|unclosed B", -1, 2, 5, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA -- text B", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA -. text B", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA == text B", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA &", -1, 2, 4, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA & & B", -1, 2, 5, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->B C", -1, 2, 7, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[x] y", -1, 2, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nend", -1, 2, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nsubgraph one\nA", -1, 3, 2, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nsubgraph a\nsubgraph b\nA\nend", -1, 5, 4, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nsubgraph\nA\nend", -1, 2, 9, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nsubgraph one\nend\nsubgraph one\nend", -1, 4, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nsubgraph one [unclosed\nA\nend", -1, 2, 14, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\ndirection XY", -1, 2, 11, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nclassDef", -1, 2, 9, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nclassDef hot fill", -1, 2, 14, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nclassDef hot fill:notacolour", -1, 2, 14, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nclassDef hot stroke-width:wide", -1, 2, 14, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nclass A", -1, 2, 8, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA\nclass B hot", -1, 3, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nstyle", -1, 2, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nstyle Q fill:#fff", -1, 2, 7, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA\nstyle A stroke-dasharray: 5", -1, 3, 9, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->B\nlinkStyle 3 stroke:red", -1, 3, 11, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->B\nlinkStyle x stroke:red", -1, 3, 11, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->B\nlinkStyle", -1, 3, 10, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA@{ shape: rect }", -1, 2, 2, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "graph TD\nA e1@--> B", -1, 2, 3, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "graph TD\nA-->B\nclick A callback", -1, 3, 1, PLATEAU_GRAPH_ERROR_UNSUPPORTED },
  { "graph TD\nA:::", -1, 2, 5, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-------------->B", -1, 2, 2, PLATEAU_GRAPH_ERROR_TOO_LARGE },
  { "graph TD\nA-->B\0C", 16, 2, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "---\ntitle: never closed\ngraph TD\nA", -1, 1, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\n技术 --> ", -1, 2, 8, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\n技术[未闭合", -1, 2, 3, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\naccDescr {\nnever closed", -1, 2, 10, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA-->B\n\xff\xfe", -1, 3, 1, PLATEAU_GRAPH_ERROR_SYNTAX },
  { "graph TD\nA[caf\xc3]", -1, 2, 6, PLATEAU_GRAPH_ERROR_SYNTAX },
};

static void
test_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauGraph) graph = plateau_graph_parse (c->text, -1, NULL, &error);
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  dump = graph_dump (graph);
  g_assert_cmpstr (dump, ==, c->expected);
}

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauGraph) graph = NULL;
  g_autofree char *prefix = NULL;
  PlateauGraphLocation where = { 0, 0 };

  graph = plateau_graph_parse (c->text, c->length, &where, &error);
  g_assert_null (graph);
  g_assert_error (error, PLATEAU_GRAPH_ERROR, (int) c->code);
  g_assert_cmpuint (where.line, ==, c->line);
  g_assert_cmpuint (where.column, ==, c->column);

  /* The message names the same place, in words a user reads. */
  prefix = g_strdup_printf ("line %u, column %u: ", c->line, c->column);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 10);
}

static void
expect_too_large (const char *text,
                  gssize      length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauGraph) graph = plateau_graph_parse (text, length, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, PLATEAU_GRAPH_ERROR, PLATEAU_GRAPH_ERROR_TOO_LARGE);
}

static void
test_limit_input_size (void)
{
  gsize n = PLATEAU_GRAPH_MAX_INPUT + 1;
  g_autofree char *text = g_malloc (n);

  memset (text, ' ', n);
  memcpy (text, "graph TD\n", 9);
  expect_too_large (text, (gssize) n);
}

static void
test_limit_nodes (void)
{
  g_autoptr (GString) text = g_string_new ("graph TD\n");

  for (int i = 0; i <= PLATEAU_GRAPH_MAX_NODES; i++)
    g_string_append_printf (text, "n%d\n", i);
  expect_too_large (text->str, -1);
}

static void
test_limit_edges (void)
{
  g_autoptr (GString) text = g_string_new ("graph TD\n");

  /* 150 × 150 nodes joined by ‘&’ make 22,500 edges from one short line. */
  for (int side = 0; side < 2; side++)
    {
      for (int i = 0; i < 150; i++)
        g_string_append_printf (text, "%s%c%d", i > 0 ? " & " : "", side ? 'b' : 'a', i);
      if (side == 0)
        g_string_append (text, " --> ");
    }
  expect_too_large (text->str, -1);
}

static void
test_limit_depth (void)
{
  g_autoptr (GString) text = g_string_new ("graph TD\n");

  for (int i = 0; i <= PLATEAU_GRAPH_MAX_DEPTH; i++)
    g_string_append_printf (text, "subgraph s%d\n", i);
  expect_too_large (text->str, -1);
}

static void
test_node_lookup (void)
{
  g_autoptr (PlateauGraph) graph = plateau_graph_parse (
      "graph TD\nsubgraph outer\nsubgraph inner\nA\nend\nB\nend\nC", -1, NULL, NULL);

  g_assert_nonnull (graph);
  g_assert_cmpint (plateau_graph_find_node (graph, "C"), ==, 2);
  g_assert_cmpint (plateau_graph_find_node (graph, "missing"), ==, -1);
  g_assert_true (plateau_graph_node_in_subgraph (graph, 0, 0));
  g_assert_true (plateau_graph_node_in_subgraph (graph, 0, 1));
  g_assert_true (plateau_graph_node_in_subgraph (graph, 1, 0));
  g_assert_false (plateau_graph_node_in_subgraph (graph, 1, 1));
  g_assert_false (plateau_graph_node_in_subgraph (graph, 2, 0));
}

static void
test_colors (void)
{
  PlateauRgba c;

  g_assert_true (plateau_graph_parse_color ("#f00", &c));
  g_assert_cmpfloat (c.red, ==, 1.0);
  g_assert_true (plateau_graph_parse_color ("#00ff0080", &c));
  g_assert_cmpfloat_with_epsilon (c.alpha, 128 / 255.0, 1e-3);
  g_assert_true (plateau_graph_parse_color ("rgb(0, 0, 255)", &c));
  g_assert_cmpfloat (c.blue, ==, 1.0);
  g_assert_true (plateau_graph_parse_color ("rgba(0,0,0,50%)", &c));
  g_assert_cmpfloat_with_epsilon (c.alpha, 0.5, 1e-9);
  g_assert_true (plateau_graph_parse_color ("steelblue", &c));
  g_assert_true (plateau_graph_parse_color ("none", &c));
  g_assert_cmpfloat (c.alpha, ==, 0.0);
  g_assert_false (plateau_graph_parse_color ("#12", &c));
  g_assert_false (plateau_graph_parse_color ("rgb(1,2)", &c));
  g_assert_false (plateau_graph_parse_color ("rgb(a,b,c)", &c));
}

static void
test_samples_parse (void)
{
  static const char *const names[] = {
    "core-concepts", "growth-model-shifts", "model-lifecycle", "path-dependence",
    "roi-factors", "stage-evolution",
  };
  static const guint nodes[] = { 5, 4, 12, 4, 5, 4 };
  static const guint edges[] = { 6, 6, 15, 4, 6, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.mmd", names[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "graph", "samples", file, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PlateauGraph) graph = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      graph = plateau_graph_parse (text, -1, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (graph->nodes->len, ==, nodes[i]);
      g_assert_cmpuint (graph->edges->len, ==, edges[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/parser/valid/%03u", i);
      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/parser/invalid/%03u", i);
      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }

  g_test_add_func ("/graph/parser/limit/input-size", test_limit_input_size);
  g_test_add_func ("/graph/parser/limit/nodes", test_limit_nodes);
  g_test_add_func ("/graph/parser/limit/edges", test_limit_edges);
  g_test_add_func ("/graph/parser/limit/depth", test_limit_depth);
  g_test_add_func ("/graph/parser/node-lookup", test_node_lookup);
  g_test_add_func ("/graph/parser/colors", test_colors);
  g_test_add_func ("/graph/parser/samples", test_samples_parse);

  return g_test_run ();
}
