// A server action's arguments as React encodes them (encodeReply): a JSON array, sent as the whole
// text/plain body, or as the field "0" of a multipart body when a FormData is among them. React's
// decoder answers a malformed one — not JSON, a reference to nothing ("$Q1"), a BigInt of "1e309",
// nesting thousands deep — with an exception, i.e. a 500, before any of our code runs. The portal's
// own forms send only plain JSON values, escaped strings ("$$…"), `undefined` and FormData references
// ("$K1", multipart only), so the proxy refuses anything else with a 400 (pure, table-tested).

const MAX_DEPTH = 32;
const ALLOWED_MARKERS = /^(?:\$\$|\$undefined$)/;
const FORM_DATA_REFERENCE = /^\$K\d{1,4}$/;

/** Null when the payload is one the portal's own pages could have sent; otherwise what is wrong. */
export function actionPayloadProblem(
  payload: string,
  options: { isMultipart: boolean; isOutlinedPart?: boolean },
): string | null {
  let root: unknown;
  try {
    root = JSON.parse(payload);
  } catch {
    return 'the arguments are not JSON';
  }
  // The arguments are a list; another numbered part of a multipart body holds one outlined value.
  if (!options.isOutlinedPart && !Array.isArray(root)) return 'the arguments are not a list';
  const pending: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (pending.length) {
    const { value, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) return 'the arguments are nested too deeply';
    if (typeof value === 'string') {
      if (
        value.startsWith('$') &&
        !ALLOWED_MARKERS.test(value) &&
        !(options.isMultipart && FORM_DATA_REFERENCE.test(value))
      )
        return `unexpected value "${value.slice(0, 20)}"`;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push({ value: item, depth: depth + 1 });
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) pending.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}
