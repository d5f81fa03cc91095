import type { Issue, IssueKind, Path } from './validation';

const FASTAPI_WORDING: Record<IssueKind, { msg: string; type: string }> = {
  missing: { msg: 'field required', type: 'value_error.missing' },
  blank: { msg: 'ensure this value has at least 1 characters', type: 'value_error.any_str.min_length' },
  string: { msg: 'str type expected', type: 'type_error.str' },
  integer: { msg: 'value is not a valid integer', type: 'type_error.integer' },
  list: { msg: 'value is not a valid list', type: 'type_error.list' },
  object: { msg: 'value is not a valid dict', type: 'type_error.dict' },
  format: { msg: 'invalid value', type: 'value_error' },
  unique: { msg: 'duplicate value', type: 'value_error' },
};

const DRF_WORDING: Record<IssueKind, string> = {
  missing: 'This field is required.',
  blank: 'This field may not be blank.',
  string: 'Not a valid string.',
  integer: 'A valid integer is required.',
  list: 'Expected a list of items but got another type.',
  object: 'Invalid data. Expected a dictionary.',
  format: 'Invalid value.',
  unique: 'This value must be unique.',
};

/** FastAPI's 422 body: `{"detail": [{"loc": ["body", …path], "msg", "type"}]}`. */
export function fastApiValidationBody(issues: Issue[]): unknown {
  return {
    detail: issues.map((issue) => ({
      loc: ['body', ...issue.path],
      msg: issue.detail ?? FASTAPI_WORDING[issue.kind].msg,
      type: FASTAPI_WORDING[issue.kind].type,
    })),
  };
}

/**
 * Django REST Framework's 400 body, nested like the posted data: `{"field": ["msg"]}`, lists of
 * per-item objects with `{}` for valid items, and `non_field_errors` for problems of a whole object.
 */
export function drfValidationBody(issues: Issue[], posted: unknown): unknown {
  const root = emptyLike(posted);
  for (const issue of issues) {
    const path: Path =
      issue.path.length === 0 || typeof issue.path[issue.path.length - 1] === 'number' ? [...issue.path, 'non_field_errors'] : issue.path;
    insert(root, path, issue.detail ?? DRF_WORDING[issue.kind], posted);
  }
  return root;
}

type Container = Record<string | number, unknown>;

function insert(container: Container, path: Path, message: string, posted: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    container[head] = [...((container[head] as string[] | undefined) ?? []), message];
    return;
  }
  const postedChild = (posted as Container | undefined)?.[head];
  container[head] ??= emptyLike(postedChild);
  insert(container[head] as Container, rest, message, postedChild);
}

/** `{}` for an object, and for a list one `{}` per item, as DRF reports valid items. */
function emptyLike(posted: unknown): Container {
  return (Array.isArray(posted) ? posted.map(() => ({})) : {}) as unknown as Container;
}
