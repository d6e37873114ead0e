/** Form-body failures: from zod issues or the fake's own limit checks, to Discord's nested 50035 `errors` object. */
import type { SpecIssue, SpecSchema } from 'discord-api-spec/zod';

export type FormPath = (string | number)[];

export interface FormIssue {
  path: FormPath;
  /** Discord's error code, e.g. BASE_TYPE_MAX_LENGTH. */
  code: string;
  message: string;
  /** What was sent, when it helps (a length, a value). */
  got?: string;
}

export const issue = (path: FormPath, code: string, message: string, got?: unknown): FormIssue =>
  got === undefined ? { path, code, message } : { path, code, message, got: String(got) };

export const maxLength = (path: FormPath, max: number, actual: number): FormIssue =>
  issue(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`, actual);

export const lengthBetween = (path: FormPath, min: number, max: number, actual: number): FormIssue =>
  issue(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`, actual);

/** Validates with a discord-api-spec schema; the issues are prefixed with `at`. */
export function schemaIssues(schema: SpecSchema, body: unknown, at: FormPath = []): FormIssue[] {
  const result = schema.safeParse(body, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap((i) => fromZod(i, at));
}

function fromZod(i: SpecIssue, at: FormPath): FormIssue[] {
  const path = [...at, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const size = (v: unknown) => (typeof v === 'string' || Array.isArray(v) ? v.length : v);
  switch (i.code) {
    case 'invalid_union': {
      // Union members are told apart by `type`: report the member whose `type` matched, when there is one.
      // Otherwise, members of the right kind (object, array...) that all fail the same way.
      const all = i.errors ?? [];
      const typed = all.filter((b) => !b.some((e) => e.path.length === 1 && e.path[0] === 'type'));
      const plausible = all.filter((b) => !b.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
      const key = (b: SpecIssue[]) =>
        b
          .map((e) => `${e.code}:${e.path.join('.')}`)
          .sort()
          .join('|');
      const same = plausible.length > 0 && plausible.every((b) => key(b) === key(plausible[0]!));
      const branch = typed.length === 1 ? typed[0] : same ? plausible[0] : undefined;
      if (branch) return branch.flatMap((e) => fromZod(e, path));
      return [issue(path, 'UNION_TYPE_CHOICES', 'Value does not match any of the allowed types.')];
    }
    case 'too_big':
      return [
        i.origin === 'string' || i.origin === 'array'
          ? maxLength(path, Number(i.maximum), Number(size(i.input)))
          : issue(path, 'NUMBER_TYPE_MAX', `Value must be less than or equal to ${String(i.maximum)}.`, i.input),
      ];
    case 'too_small':
      return [
        i.origin === 'string' || i.origin === 'array'
          ? issue(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${String(i.minimum)} or more in length.`, size(i.input))
          : issue(path, 'NUMBER_TYPE_MIN', `Value must be greater than or equal to ${String(i.minimum)}.`, i.input),
      ];
    case 'invalid_type':
      return [
        i.input === undefined
          ? issue(path, 'BASE_TYPE_REQUIRED', 'This field is required')
          : issue(
              path,
              `${(i.expected ?? 'base').toUpperCase()}_TYPE_CONVERT`,
              `Could not interpret the value as ${i.expected ?? 'the expected type'}.`,
              JSON.stringify(i.input),
            ),
      ];
    case 'invalid_value':
      return [
        issue(
          path,
          'BASE_TYPE_CHOICES',
          `Value must be one of (${(i.values ?? []).map((v) => JSON.stringify(v)).join(', ')}).`,
          JSON.stringify(i.input),
        ),
      ];
    case 'invalid_format':
      return [
        i.format === 'url'
          ? issue(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.', i.input)
          : issue(
              path,
              `${(i.format ?? 'BASE').toUpperCase()}_TYPE_INVALID`,
              `Invalid ${i.format ?? 'format'}.`,
              i.input,
            ),
      ];
    default:
      return [issue(path, i.code.toUpperCase(), i.message)];
  }
}

/** One failure per path and code (the schema and the limit checks often agree). */
export function dedupe(issues: FormIssue[]): FormIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join('.')}|${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Discord's `errors`: { embeds: { 0: { title: { _errors: [{ code, message }] } } } }. */
export function toDiscordErrors(issues: FormIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const i of issues) {
    let node = root;
    for (const key of i.path) {
      const k = String(key);
      node = (node[k] ??= {}) as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push({ code: i.code, message: i.message });
  }
  return root;
}

export function describeIssue(i: FormIssue): string {
  const where = i.path.length ? i.path.join('.') : '(body)';
  return `${where}: ${i.message} (${i.code}${i.got === undefined ? '' : `, got ${i.got}`})`;
}
