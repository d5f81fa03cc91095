import * as l10n from '@vscode/l10n';
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  Position,
  TextEdit,
} from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { Span } from '../json/locate';
import { JsonPath } from '../json/path';
import { OffsetContext, contextAtOffset } from '../json/offset';
import { itemsOf, propertiesOf, resolveRef, schemaAtPath } from '../schema/competitionSchema';
import { eventAtIndex } from './ids';
import { pathShape } from './paths';
import { SKELETONS, SkeletonTarget, documentIds, skeletonText } from './skeletons';
import { expandSnippet, propertyValueSnippet, snippetJson } from './snippetText';
import { spanRange } from './spans';
import { valueCandidates } from './completionValues';

/**
 * Completion: property names from the schema (with a value skeleton), values that fit the
 * position (ids of the document, event codes, heights, enums) and, between the items of
 * `events`, `competitors`, `teams` and `relay_teams`, the skeletons of the snippets.
 */
export function completion(document: CompetitionDocument, position: Position): CompletionList {
  const offset = document.textDocument.offsetAt(position);
  const context = contextAtOffset(document.text, offset);
  const items = context.inComment ? [] : itemsAt(document, context, offset);
  return { isIncomplete: false, items };
}

function itemsAt(document: CompetitionDocument, context: OffsetContext, offset: number): CompletionItem[] {
  const edit = new EditPlan(document, context, offset);
  if (context.key || (context.slot === 'key' && context.containerKind === 'object')) return propertyItems(document, context, edit);
  const typingWord = context.value !== undefined && !context.value.isString;
  if (context.containerKind === undefined && (context.slot === 'value' || typingWord)) return skeletonItems(document, 'document', edit);
  const items: CompletionItem[] = [];
  if (context.containerKind === 'array' && (context.slot === 'value' || typingWord)) {
    const list = pathShape(context.containerPath);
    if (isSkeletonList(list)) return skeletonItems(document, list, edit);
    items.push(...itemSnippets(context.containerPath, edit));
  }
  const path = valuePath(context);
  return path ? [...items, ...valueItems(document, path, edit)] : items;
}

/** The competition's own lists, whose items the snippet skeletons are. */
function isSkeletonList(shape: string): shape is Exclude<SkeletonTarget, 'document'> {
  return shape === 'events' || shape === 'competitors' || shape === 'teams' || shape === 'relay_teams';
}

function valuePath(context: OffsetContext): JsonPath | undefined {
  if (context.value) return context.value.path;
  if (context.slot !== 'value') return undefined;
  if (context.containerKind === 'array') return [...context.containerPath, context.index ?? 0];
  return context.propertyName !== undefined ? [...context.containerPath, context.propertyName] : undefined;
}

/**
 * How an item's text goes in: it replaces the token under the cursor (a whole string with its
 * quotes, or a bare word) or is inserted at the cursor, adding the commas that keep the
 * surrounding JSON valid.
 */
class EditPlan {
  private readonly replaced: Span;
  private readonly commaAfter: boolean;
  private readonly commaBefore: number | undefined;
  /** Right after a colon (completion triggered by typing it), the value gets a space before it. */
  private readonly space: string;

  constructor(
    private readonly document: CompetitionDocument,
    context: OffsetContext,
    offset: number,
  ) {
    const token = context.key ?? context.value;
    this.replaced = token ? token.span : { offset, length: 0 };
    this.commaAfter = context.commaAfter;
    this.commaBefore = token ? undefined : context.commaBefore;
    this.space = !token && context.slot === 'value' && document.text[offset - 1] === ':' ? ' ' : '';
  }

  /** Whether the replaced text starts with a quote: filtering then compares with the quoted text. */
  get quoted(): boolean {
    return this.replaced.length > 0 && /["']/.test(this.document.text[this.replaced.offset]!);
  }

  apply(item: CompletionItem, text: string, snippet: boolean, filterText: string): CompletionItem {
    const range = spanRange(this.document.textDocument, this.replaced);
    item.textEdit = TextEdit.replace(range, `${this.space}${text}${this.commaAfter ? ',' : ''}`);
    item.filterText = filterText;
    if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    if (this.commaBefore !== undefined) {
      const at = this.document.textDocument.positionAt(this.commaBefore);
      item.additionalTextEdits = [TextEdit.insert(at, ',')];
    }
    return item;
  }
}

function propertyItems(document: CompetitionDocument, context: OffsetContext, edit: EditPlan): CompletionItem[] {
  const schema = schemaAtPath(context.containerPath);
  if (!schema) return [];
  const present = new Set(context.siblingKeys);
  const excluded = trialPropertiesToSkip(document, context.containerPath);
  const onlyName = context.key?.hasColon === true;
  const items: CompletionItem[] = [];
  let order = 0;
  for (const [name, property] of propertiesOf(schema)) {
    order++;
    if (present.has(name) || excluded.has(name)) continue;
    const required = schema.required?.includes(name) ?? false;
    const text = onlyName ? JSON.stringify(name) : `${JSON.stringify(name)}: ${propertyValueSnippet(property)}`;
    const description = property.markdownDescription ?? property.description;
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      sortText: `${required ? 0 : 1}${String(order).padStart(3, '0')}`,
      ...(required && { labelDetails: { description: l10n.t('required') } }),
      ...(description && { documentation: { kind: MarkupKind.Markdown, value: description } }),
    };
    items.push(edit.apply(item, text, !onlyName, edit.quoted ? JSON.stringify(name) : name));
  }
  return items;
}

/** A vertical jump's trials have no attempt number, other field events' trials no height. */
function trialPropertiesToSkip(document: CompetitionDocument, containerPath: JsonPath): Set<string> {
  if (pathShape(containerPath) !== 'events/#/units/#/trials/#') return new Set();
  const kind = eventAtIndex(document.model, containerPath[1] as number)?.kind;
  return new Set(kind === 'vertical' ? ['round'] : kind === 'horizontal' || kind === 'throw' ? ['height'] : []);
}

function valueItems(document: CompetitionDocument, path: JsonPath, edit: EditPlan): CompletionItem[] {
  return valueCandidates(document, path).map((candidate, i) => {
    const text = typeof candidate.value === 'string' ? JSON.stringify(candidate.value) : String(candidate.value);
    const label = String(candidate.value);
    const item: CompletionItem = {
      label,
      kind: candidate.kind,
      sortText: `${candidate.rank ?? 0}${String(i).padStart(5, '0')}`,
      ...(candidate.detail && { detail: candidate.detail }),
      labelDetails: { ...(candidate.detail && { detail: ` ${candidate.detail}` }), ...(candidate.group && { description: candidate.group }) },
    };
    return edit.apply(item, text, false, edit.quoted ? text : label);
  });
}

/** Inside other lists (units, results, trials, entries): the item's `defaultSnippets` from the schema. */
function itemSnippets(containerPath: JsonPath, edit: EditPlan): CompletionItem[] {
  const items = resolveRef(itemsOf(schemaAtPath(containerPath)));
  return (items?.defaultSnippets ?? []).map((snippet, i) => {
    const text = snippetJson(snippet.body);
    const item: CompletionItem = {
      label: snippet.label ?? l10n.t('item'),
      kind: CompletionItemKind.Snippet,
      ...(snippet.description && { detail: snippet.description }),
      documentation: { kind: MarkupKind.Markdown, value: `\`\`\`json\n${expandSnippet(text)}\n\`\`\`` },
      sortText: `~${i}`,
      insertTextMode: InsertTextMode.adjustIndentation,
    };
    return edit.apply(item, text, true, item.label);
  });
}

function skeletonItems(document: CompetitionDocument, target: SkeletonTarget, edit: EditPlan): CompletionItem[] {
  const idsFor = documentIds(document.model);
  return SKELETONS.filter((s) => s.target === target).map((skeleton, i) => {
    const text = skeletonText(skeleton, idsFor());
    const prefix = `ot-${skeleton.id}`;
    const label = skeleton.label();
    // The one place skeletons are offered (there is no snippet file): labelled by their `ot-` prefix.
    const item: CompletionItem = {
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: skeleton.description(),
      labelDetails: { description: label },
      documentation: { kind: MarkupKind.Markdown, value: `${skeleton.description()}\n\n\`\`\`json\n${expandSnippet(text)}\n\`\`\`` },
      sortText: String(i).padStart(3, '0'),
      insertTextMode: InsertTextMode.adjustIndentation,
    };
    return edit.apply(item, text, true, `${prefix} ${label}`);
  });
}
