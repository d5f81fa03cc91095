import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { DocumentCache, asObject, isLargeMeet, pathAttribute, renderCompetition, renderSection, type RenderedHtml } from '../service';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult, type PreviewRow } from '../shared/protocol';

/** Answers the preview's requests from the shared parse of the document; the rendering is the language service's. */
export function registerPreview(connection: Connection, documents: TextDocuments<TextDocument>, cache: DocumentCache): void {
  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams): PreviewResult => {
    const textDocument = documents.get(params.uri);
    if (!textDocument) return { kind: 'closed' };
    const document = cache.get(textDocument);
    const version = document.version;
    const syntax = document.parsed.problems.find((problem) => problem.code !== 'OT006');
    if (syntax || !asObject(document.parsed.value)) {
      const at = syntax ? document.textDocument.positionAt(syntax.offset) : undefined;
      const message = at
        ? l10n.t('The JSON has a syntax error at line {0}: {1} The preview shows the last version that could be read.', at.line + 1, syntax!.message)
        : l10n.t('The file is not a JSON object. The preview shows the last version that could be read.');
      return { kind: 'broken', message, version };
    }
    const rowsOf = (rendered: RenderedHtml): PreviewRow[] => {
      const spans = document.locatePaths(rendered.rows);
      const rows: PreviewRow[] = [];
      rendered.rows.forEach((path, i) => {
        const span = spans[i]?.value;
        if (span) rows.push([pathAttribute(path), span.offset, span.offset + span.length]);
      });
      return rows;
    };
    const model = document.model;
    if (params.section !== undefined) {
      const rendered = renderSection(model, params.section) ?? { html: '', rows: [] };
      return { kind: 'section', section: params.section, html: rendered.html, rows: rowsOf(rendered), version };
    }
    const lazy = isLargeMeet(model);
    const rendered = renderCompetition(model, { lazy });
    return { kind: 'page', html: rendered.html, rows: rowsOf(rendered), lazy, version };
  });
}
