import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedJson, parseJson } from './json/parse';
import { CompetitionModel, buildModel } from './model';

/** One version of a document, parsed once; the model is built on first use. */
export class CompetitionDocument {
  private builtModel: CompetitionModel | undefined;

  constructor(
    readonly textDocument: TextDocument,
    readonly parsed: ParsedJson,
  ) {}

  get text(): string {
    return this.textDocument.getText();
  }

  get model(): CompetitionModel {
    return (this.builtModel ??= buildModel(this.parsed.value));
  }
}

/**
 * Caches the parse of each open document by URI and version, so that validation, hover,
 * completion and the outline of one version share a single parse.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CompetitionDocument>();

  constructor(private readonly capacity = 16) {}

  get(textDocument: TextDocument): CompetitionDocument {
    const cached = this.entries.get(textDocument.uri);
    if (cached && cached.textDocument.version === textDocument.version && cached.textDocument === textDocument) return cached;
    const document = new CompetitionDocument(textDocument, parseJson(textDocument.getText()));
    this.entries.delete(textDocument.uri);
    this.entries.set(textDocument.uri, document);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return document;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
