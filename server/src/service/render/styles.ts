/**
 * The stylesheet of the preview and of the static pages. VS Code's theme variables when shown in
 * a webview (light, dark and high contrast alike), plain print-friendly colours elsewhere.
 */
export const PREVIEW_CSS = `
:root {
  --ot-fg: var(--vscode-editor-foreground, #1f1f1f);
  --ot-bg: var(--vscode-editor-background, #ffffff);
  --ot-muted: var(--vscode-descriptionForeground, #616161);
  --ot-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d0d0d0));
  --ot-stripe: var(--vscode-list-hoverBackground, #f3f3f3);
  --ot-head: var(--vscode-editorWidget-background, #f0f0f0);
  --ot-accent: var(--vscode-textLink-foreground, #005fb8);
  --ot-best-bg: var(--vscode-editor-findMatchHighlightBackground, #ffe58f);
  --ot-best-border: var(--vscode-contrastActiveBorder, transparent);
  --ot-error: var(--vscode-editorError-foreground, #c42b1c);
  --ot-warning: var(--vscode-editorWarning-foreground, #b8860b);
  --ot-info: var(--vscode-editorInfo-foreground, #1a85ff);
  --ot-selected: var(--vscode-editor-selectionBackground, #add6ff);
}
body { color: var(--ot-fg); background: var(--ot-bg); font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); margin: 0 1em 2em; }
h1 { font-size: 1.6em; margin: 0.6em 0 0.2em; }
h3 { font-size: 1em; margin: 1em 0 0.3em; }
.tag { color: var(--ot-muted); font-size: 0.9em; }
.tag + .tag::before { content: "· "; }
a { color: var(--ot-accent); text-decoration: none; }
a:hover { text-decoration: underline; }
nav.index { display: flex; flex-wrap: wrap; gap: 0 2em; align-items: baseline; }
nav.index h2 { flex-basis: 100%; font-size: 1.2em; margin-bottom: 0; }
nav.index ul { margin: 0.2em 0; padding-left: 1.2em; }
nav.index h4 { margin: 0.4em 0 0; color: var(--ot-muted); font-weight: normal; text-transform: capitalize; }
.time { color: var(--ot-muted); }
details { border-top: 1px solid var(--ot-border); padding: 0.3em 0; }
summary { cursor: pointer; padding: 0.3em 0; }
.event-name { font-weight: 600; font-size: 1.1em; }
table { border-collapse: collapse; margin: 0.3em 0 0.8em; }
caption { text-align: left; color: var(--ot-muted); font-size: 0.9em; padding: 0.2em 0; }
th, td { padding: 0.15em 0.6em; border-bottom: 1px solid var(--ot-border); text-align: left; vertical-align: top; }
th { background: var(--ot-head); font-weight: 600; }
td.place, td.lane, td.order, td.bib, td.mark, td.wind, td.points, td.attempt, td.height, td.discipline, th.attempt, th.height, th.mark, th.discipline { text-align: right; font-variant-numeric: tabular-nums; }
td.mark { font-weight: 600; }
td.status { color: var(--ot-muted); }
td.best { background: var(--ot-best-bg); outline: 1px solid var(--ot-best-border); font-weight: 600; }
td.foul { color: var(--ot-muted); }
.runners, .trial-wind, .running { display: block; color: var(--ot-muted); font-size: 0.85em; font-weight: normal; }
.discipline .points { display: block; }
.unknown, .empty { color: var(--ot-muted); font-style: italic; }
tr[data-path] { cursor: pointer; }
tbody tr:hover { background: var(--ot-stripe); }
tr.problem-error td:first-child { box-shadow: inset 3px 0 var(--ot-error); }
tr.problem-warning td:first-child { box-shadow: inset 3px 0 var(--ot-warning); }
tr.problem-info td:first-child { box-shadow: inset 3px 0 var(--ot-info); }
.problem-error > .event-name, h3.problem-error { text-decoration: underline wavy var(--ot-error); }
.problem-warning > .event-name, h3.problem-warning { text-decoration: underline wavy var(--ot-warning); }
.cursor { outline: 2px solid var(--vscode-focusBorder, var(--ot-accent)); background: var(--ot-selected); }
.notice { position: sticky; top: 0; padding: 0.4em 0.8em; margin: 0 -1em; background: var(--vscode-inputValidation-warningBackground, #fff4ce); color: var(--ot-fg); border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #b8860b); }
.notice[hidden] { display: none; }
@media print { details > summary { list-style: none; } tr[data-path] { cursor: auto; } }
`;
