/**
 * The HTML export's only styles, inline (the file's CSP allows inline styles and nothing else).
 * Long lines wrap anywhere, so a 5,000-character line without a space stays on the page, and
 * answers keep their line breaks.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2333; --muted: #5b6478; --line: #d9deea; --accent: #2f5bea; --strong: #1f8a4c; --fair: #b7791f; --weak: #c53030; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; word-break: normal; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.05rem; margin: 1.75rem 0 0.25rem; color: var(--muted); font-weight: 600; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; color: var(--muted); font-weight: 600; }
p { margin: 0.4rem 0; }
.muted { color: var(--muted); font-size: 0.92rem; }
.score { font-weight: 600; }
.question { font-weight: 600; font-size: 1.05rem; white-space: pre-wrap; }
.answer, .transcript { white-space: pre-wrap; margin: 0.4rem 0; padding: 0.5rem 0.75rem; border-left: 3px solid var(--line); background: #f7f8fb; }
.transcript { font-style: italic; }
.follow-up { margin-left: 1.25rem; padding-left: 1rem; border-left: 2px dashed var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; }
ul { margin: 0.25rem 0 0.5rem; padding-left: 1.4rem; }
li { white-space: pre-wrap; }
.list-title { font-weight: 600; margin-top: 0.6rem; }
svg { display: block; width: 100%; height: auto; margin: 0.5rem 0; }
svg.waveform { max-width: 30rem; }
svg.score-chart { max-width: 36rem; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .axis { fill: var(--muted); font-size: 10px; }
svg .bar.strong { fill: var(--strong); }
svg .bar.fair { fill: var(--fair); }
svg .bar.weak { fill: var(--weak); }
svg .wave { fill: #9aa6c8; }
@media print { body { max-width: none; } h2, h3, h4 { break-after: avoid; } }
`;
