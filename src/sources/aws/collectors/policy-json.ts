/** A resource policy as an API returns it, as text; parsed, or the reason it could not be. */
export type ParsedPolicy =
  { ok: true; value: Record<string, unknown> | null } | { ok: false; detail: string };

/** No text (or empty text) means no policy: null. Text that is not a JSON object cannot be a policy. */
export function parsePolicyJson(text: string | undefined): ParsedPolicy {
  if (text === undefined || text.trim() === '') return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'the policy is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, detail: 'the policy is not a JSON object' };
  return { ok: true, value: parsed as Record<string, unknown> };
}
