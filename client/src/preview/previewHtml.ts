import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { PREVIEW_CSS } from '../../../server/src/shared/previewStyles';

/**
 * The webview's page: a strict Content-Security-Policy (only our stylesheet and our script, both
 * with a fresh nonce; nothing remote), a notice bar and the content the script fills.
 */
export function previewShell(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.js'));
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body>
<div class="notice" role="status" hidden></div>
<main id="content"><p class="empty">${escapeHtml(vscode.l10n.t('Rendering…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
