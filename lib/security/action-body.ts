// The shape of a server action's body, checked in the proxy before Next decodes it. React decodes
// the arguments with JSON.parse and a reviver, which recurses once per level of nesting: a few
// thousand levels (a 20 KB body) overflow the stack, and Next answers 500. No form of the portal
// nests its arguments more than a handful of levels.

/** The deepest an action's arguments may nest (arrays and objects); far above any real form. */
export const MAX_ACTION_NESTING = 64;

/**
 * How deeply the arrays and objects of a JSON text nest (text inside strings does not count).
 * Counting stops once `limit` is passed, so a huge body costs no more than its first levels.
 */
export function jsonNestingDepth(json: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let isInString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (isInString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) isInString = false;
    } else if (c === 0x22) {
      isInString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/** The request is a server action call (React's client sets `Next-Action` on every call). */
export function isServerActionCall(method: string, headers: Headers): boolean {
  return method === 'POST' && headers.has('next-action');
}

/**
 * Why a server action's body must be refused before it is decoded, or null. The arguments are JSON:
 * the whole body (text/plain), or in a multipart body the parts React names by number (`0`, `1`, …);
 * a form's own fields (`_1_amount`) and files are plain values and are not looked at.
 */
export async function actionBodyProblem(request: Request): Promise<string | null> {
  const isMultipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const texts: string[] = [];
  if (isMultipart) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return null; // not readable as a form: Next refuses it itself
    }
    for (const [name, value] of form.entries()) if (/^\d+$/.test(name) && typeof value === 'string') texts.push(value);
  } else {
    texts.push(await request.text());
  }
  return texts.some((t) => jsonNestingDepth(t, MAX_ACTION_NESTING) > MAX_ACTION_NESTING)
    ? `The request's arguments nest more than ${MAX_ACTION_NESTING} levels deep.`
    : null;
}
