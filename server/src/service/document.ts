import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedJson, parseJson } from './json/parse';
import { CompetitionModel, buildModel } from './model';
import { TextSnapshot } from './textSnapshot';

/** One version of a document, parsed once; the model is built on first use. */
export class CompetitionDocument {
  private builtModel: CompetitionModel | undefined;
  /**
   * A snapshot of the version that was parsed: LSP's TextDocuments update documents in place,
   * and ranges must be computed on the text the offsets came from.
   */
  readonly textDocument: TextDocument;
  readonly text: string;

  constructor(
    source: TextDocument,
    readonly parsed: ParsedJson,
  ) {
    this.text = source.getText();
    this.textDocument = new TextSnapshot(source.uri, source.languageId, source.version, this.text);
  }

  get version(): number {
    return this.textDocument.version;
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
    if (cached && cached.version === textDocument.version && cached.text === textDocument.getText()) return cached;
    // Forget the previous version first, so that its parse can be collected while the new one is built.
    this.entries.delete(textDocument.uri);
    const document = new CompetitionDocument(textDocument, parseJson(textDocument.getText()));
    this.entries.set(textDocument.uri, document);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return document;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
