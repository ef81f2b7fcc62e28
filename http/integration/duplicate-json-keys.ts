/** Where a key repeats: the path of the object that holds it twice (`items[3]`, `` for the top) and the key. */
export interface DuplicateKey {
  path: string;
  key: string;
}

type Frame = { keys: Set<string>; key: string | null; expectKey: boolean } | { keys: null; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The first object in a JSON text that holds a key twice, or null. `JSON.parse` keeps the last of them without a word
 * (and a reviver sees only that one), so two systems reading the same body could each take a different value.
 * Keys are compared as decoded (`"a"` and `"\u0061"` are the same key). The text must already have parsed: this
 * scanner only tells strings from structure, and walks with a stack of its own, so nesting depth costs no recursion.
 */
export function firstDuplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return { path: pathOf(stack.slice(0, -1)), key };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), key: null, expectKey: true });
    } else if (c === 0x5b /* [ */) {
      stack.push({ keys: null, index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index += 1;
    }
  }
  return null;
}

/** The index of the quote that closes the string opened at `open`: the next quote not escaped by a backslash. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  for (;;) {
    if (end < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

function pathOf(frames: Frame[]): string {
  return frames
    .map((frame, n) => {
      if (!frame.keys) return `[${frame.index}]`;
      const key = frame.key ?? '';
      return /^[A-Za-z_$][\w$]*$/.test(key) ? `${n === 0 ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
    })
    .join('');
}
