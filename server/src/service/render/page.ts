import * as l10n from '@vscode/l10n';
import { CompetitionModel, asString } from '../model';
import { esc } from './html';
import { renderCompetition } from './preview';
import { PREVIEW_CSS } from './styles';

/**
 * A complete, self-contained HTML page of the competition (inline styles, no scripts, no external
 * resources): what `opentrack render` writes, for publishing or printing.
 */
export function renderPage(model: CompetitionModel): string {
  const name = asString(model.root?.full_name) || l10n.t('Untitled competition');
  const { html } = renderCompetition(model, { lazy: false });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(name)}</title>
<style>${PREVIEW_CSS}</style>
</head>
<body>
${html}
</body>
</html>
`;
}
