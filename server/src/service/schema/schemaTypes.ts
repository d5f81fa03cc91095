/** The parts of a JSON Schema (draft-07) this service reads. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  format?: string;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  defaultSnippets?: Array<{ label?: string; description?: string; body: unknown }>;
  additionalProperties?: boolean | SchemaNode;
}
