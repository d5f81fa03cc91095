import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedJson, parseJson } from './json/parse';
import type { ValueRegion } from './json/valueRegion';
import type { NodeSpans, ReportSpan } from './json/locate';
import type { JsonPath } from './json/path';
import { VersionSpans } from './versionSpans';
import { CompetitionModel, buildModel } from './model';
import { TextSnapshot } from './textSnapshot';
import { TextVersion } from './textVersion';
import { EditableDocument } from './editableDocument';
import { ValueEdit, reparseEdited } from './incrementalParse';
import { shareUnchanged } from './json/sharedValues';

/** One version of a document, parsed once; the model is built on first use. */
export class CompetitionDocument {
  private builtModel: CompetitionModel | undefined;
  /**
   * A snapshot of the version that was parsed: LSP's TextDocuments update documents in place,
   * and ranges must be computed on the text the offsets came from.
   */
  readonly textDocument: TextDocument;
  private readonly textVersion: TextVersion;
  private readonly spans: VersionSpans;
  /** Results that depend only on where the line breaks and brackets are (see `layoutResult`). */
  private readonly layout: Map<string, unknown>;

  constructor(
    /** The editor's document this version was read from. */
    readonly source: TextDocument,
    readonly parsed: ParsedJson,
    /** The value an incremental parse changed to make this version, if one did. */
    readonly edited?: ValueRegion,
    carried?: { spans: VersionSpans; edit: ValueEdit; layout: Map<string, unknown> },
  ) {
    // An edit inside a scalar moves no line break and no bracket: its layout results still hold.
    this.layout = carried && !carried.edit.isContainer ? carried.layout : new Map();
    // Strict JSON (a byte order mark aside) has no key twice: a patched version keeps that, or is parsed anew.
    this.spans = new VersionSpans(() => this.text, () => parsed.problems.every((p) => p.code === 'OT006'), carried, edited);
    const { version } = source;
    const editable = source instanceof EditableDocument ? source : undefined;
    this.textVersion = editable ? editable.snapshot() : new TextVersion(source.getText());
    this.textDocument = new TextSnapshot(source.uri, source.languageId, version, this.textVersion, editable && (() => editable.linesAt(version)));
  }

  get version(): number {
    return this.textDocument.version;
  }

  /** The whole text (joined on first read: a version reached by typing in a value may never need it). */
  get text(): string {
    return this.textVersion.text;
  }

  get textLength(): number {
    return this.textVersion.length;
  }

  get model(): CompetitionModel {
    return (this.builtModel ??= buildModel(this.parsed.value));
  }

  /** Where to report on each path (see `reportSpans`), remembered for this version. */
  reportSpans(targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>): ReportSpan[] {
    return this.spans.reportSpans(targets);
  }

  /** The spans of many paths (see `locatePaths`), remembered for this version. */
  locatePaths(paths: readonly JsonPath[]): (NodeSpans | undefined)[] {
    return this.spans.locatePaths(paths);
  }

  /**
   * A result that depends only on the text's layout (where line breaks and brackets are, such as
   * folding ranges), computed once and kept by the versions made by typing inside a value.
   */
  layoutResult<T>(name: string, compute: () => T): T {
    if (!this.layout.has(name)) this.layout.set(name, compute());
    return this.layout.get(name) as T;
  }

  /** For the version patched from this one. */
  carry(edit: ValueEdit): { spans: VersionSpans; edit: ValueEdit; layout: Map<string, unknown> } {
    return { ...this.spans.carry(edit), layout: this.layout };
  }
}

const NO_EDIT: ValueEdit = { start: 0, removed: 0, inserted: 0, isContainer: false };

/**
 * Texts up to this many characters parsed anew share their unchanged parts with the previous
 * version's value, which is kept alive meanwhile (at most about 15 MB more while the text is
 * parsed). Larger texts release it first: a 5 MB meet stays under 150 MiB.
 */
const SHARE_LIMIT = 2 * 1024 * 1024;

/**
 * Caches the parse of each open document by URI and version, so that validation, hover,
 * completion and the outline of one version share a single parse. A version made by typing
 * inside one value is patched from the previous version's parse instead of parsed again.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CompetitionDocument>();

  constructor(private readonly capacity = 16) {}

  get(textDocument: TextDocument): CompetitionDocument {
    const found = this.reuse(textDocument);
    const document = found instanceof CompetitionDocument ? found : this.parsedAnew(textDocument, found.sharable);
    this.entries.set(textDocument.uri, document);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return document;
  }

  /**
   * The version cached or patched from the previous one; else what may be shared with it. The
   * previous version is forgotten here, so that when the text must be parsed again, the old parse
   * can be collected while the new one is built (only its value is kept, for a text small enough
   * to share it).
   */
  private reuse(textDocument: TextDocument): CompetitionDocument | { sharable: unknown } {
    const previous = this.entries.get(textDocument.uri);
    if (previous && previous.version === textDocument.version && (previous.source === textDocument || previous.text === textDocument.getText())) return previous;
    this.entries.delete(textDocument.uri);
    const patched = previous && this.patched(previous, textDocument);
    return patched ?? { sharable: previous && previous.textLength <= SHARE_LIMIT ? previous.parsed.value : undefined };
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** The next version patched from the previous one, or undefined. */
  private patched(previous: CompetitionDocument, source: TextDocument): CompetitionDocument | undefined {
    if (previous.source !== source || !(source instanceof EditableDocument)) return undefined;
    const changes = source.changesSince(previous.version);
    // A version with the same text (a no-op change, the same text sent whole) keeps the parse.
    if (changes?.length === 0) return new CompetitionDocument(source, previous.parsed, previous.edited, previous.carry(NO_EDIT));
    const next = changes && reparseEdited(previous, changes);
    return next && new CompetitionDocument(source, next.parsed, next.edited, previous.carry(next.edit));
  }

  /**
   * A version parsed anew (changes in several places, a formatter, Fix All applied): the parts
   * equal to the previous version's value (`sharable`) become its objects again, so that the
   * checks kept per object hold for them.
   */
  private parsedAnew(source: TextDocument, sharable: unknown): CompetitionDocument {
    const parsed = parseJson(source.getText());
    if (sharable !== undefined && parsed.value !== undefined) parsed.value = shareUnchanged(sharable, parsed.value);
    return new CompetitionDocument(source, parsed);
  }
}
