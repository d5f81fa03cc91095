/**
 * The reference point: vscode-json-languageservice (what VS Code's built-in JSON support runs),
 * in process, parsing and schema-validating the same text with our schema.
 */
import { JSONSchema, LanguageService, TextDocument, getLanguageService } from 'vscode-json-languageservice';
import schema from '../../schemas/opentrack-competition.schema.json';

const SCHEMA_URI = (schema as { $id: string }).$id;

export class JsonServiceBaseline {
  private readonly service: LanguageService;

  constructor() {
    this.service = getLanguageService({ schemaRequestService: (uri) => Promise.reject(new Error(`The bench loads no schema from ${uri}`)) });
    this.service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: schema as JSONSchema }] });
  }

  /** Parses and validates one version of the text; returns the number of diagnostics. */
  async validate(uri: string, version: number, text: string): Promise<number> {
    const document = TextDocument.create(uri, 'json', version, text);
    const json = this.service.parseJSONDocument(document);
    const diagnostics = await this.service.doValidation(document, json);
    return diagnostics.length;
  }
}
