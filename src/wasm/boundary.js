// The JS half of the boundary (see src/wasm/mod.rs). Rust calls `snapshot` through a catching import before it
// reads any argument, so that getters, Proxies, BigInts and Symbols are met here, in JS, and never while a wasm
// frame is on the stack: an exception unwinding through wasm would skip the Rust epilogue and leak the shadow stack.

/** The package's one error class: `code` is a stable identifier, `field` the JS path of the input at fault. */
export class GreenDeliveryError extends Error {
  constructor(message, code, field) {
    super(message);
    this.name = 'GreenDeliveryError';
    this.code = code;
    this.field = field;
  }
}

export function makeError(message, code, field) {
  return new GreenDeliveryError(message, code, field);
}

export function isGreenDeliveryError(value) {
  try {
    return value instanceof GreenDeliveryError;
  } catch {
    return false; // a hostile Proxy's getPrototypeOf trap
  }
}

/**
 * A result as plain objects, from the tape src/wasm/out.rs writes: tags and numbers, and `text`, which every string
 * is cut from (by its length in UTF-16 units, on the tape). Lists and objects give their count, then their items (an
 * object's as key, value, key, value…).
 */
export function unpack(numbers, text) {
  let i = 0, at = 0;
  const read = () => {
    switch (numbers[i++]) {
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case NUMBER: return numbers[i++];
      case TEXT: return text.slice(at, (at += numbers[i++]));
      case LIST: {
        const list = [];
        for (let n = numbers[i++]; n > 0; n--) list.push(read());
        return list;
      }
      default: {
        const object = {};
        for (let n = numbers[i++]; n > 0; n--) {
          const key = read();
          object[key] = read();
        }
        return object;
      }
    }
  };
  return read();
}

/**
 * `x` as Rust's `{}` writes an f64 (src/error.rs, `Plain`): JavaScript's shortest round-trip digits, but never in
 * exponent form (1e21 in full, 5e-324 as 0.000…5), with -0 as "-0" and infinities as "inf".
 */
export function numberText(x) {
  if (Object.is(x, -0)) return '-0';
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'inf' : '-inf';
  const [, sign, digits, fraction = '', exponent] = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(String(x)) ?? [];
  if (digits === undefined) return String(x);
  const all = digits + fraction;
  const e = Number(exponent);
  return e > 0 ? sign + all + '0'.repeat(e + 1 - all.length) : `${sign}0.${'0'.repeat(-e - 1)}${all}`;
}

// Captured once, so that a caller's own `length` property or a tampered prototype cannot lie about a typed array.
const TypedArray = Object.getPrototypeOf(Int8Array.prototype);
const typedLength = Object.getOwnPropertyDescriptor(TypedArray, 'length').get;
const typedTag = Object.getOwnPropertyDescriptor(TypedArray, Symbol.toStringTag).get;
const { isArray } = Array;
const { keys } = Object;
const { isView } = ArrayBuffer;

// Tape tags; src/wasm/mod.rs reads the same numbers.
const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, TEXT = 4, LIST = 5, OBJECT = 6, NUMBERS = 7, FUNCTION = 8;

function pathText(root, path) {
  let text = root;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

/**
 * Copies `value` into plain data: a tape of tags and numbers, its texts, its typed arrays (as fresh
 * Float64Arrays) and its functions. Returns [tape, texts, blocks, functions], or [code, field, message] when the
 * value breaks a limit or cannot be read. Never throws.
 */
export function snapshot(value, root, maxDepth, maxItems, maxChars) {
  const tape = [], texts = [], blocks = [], functions = [], path = [];
  let items = 0, chars = 0, refusal = null;
  const refuse = (code, message) => {
    refusal = [code, message];
    return refusal;
  };
  const count = (n) => {
    items += n;
    if (items > maxItems) throw refuse('too-large', `has more than ${maxItems} values; split the input`);
  };
  const text = (s) => {
    chars += s.length;
    if (chars > maxChars) throw refuse('too-large', `has more than ${maxChars} characters of text`);
    return texts.push(s) - 1;
  };
  const walk = (v, depth) => {
    count(1);
    switch (typeof v) {
      case 'undefined': tape.push(NULL); return;
      case 'boolean': tape.push(v ? TRUE : FALSE); return;
      case 'number': tape.push(NUMBER, v); return;
      case 'string': tape.push(TEXT, text(v)); return;
      case 'function': tape.push(FUNCTION, functions.push(v) - 1); return;
      case 'bigint': throw refuse('wrong-type', 'must be a number, got a BigInt');
      case 'symbol': throw refuse('wrong-type', 'must be data, got a Symbol');
    }
    if (v === null) { tape.push(NULL); return; }
    if (depth >= maxDepth) throw refuse('too-deep', `is nested more than ${maxDepth} levels deep`);
    if (isView(v)) {
      const tag = typedTag.call(v);
      if (tag === undefined || tag.startsWith('Big')) throw refuse('wrong-type', `must be numbers, got a ${tag ?? 'DataView'}`);
      const n = typedLength.call(v);
      count(n);
      const copy = new Float64Array(n);
      copy.set(v);
      tape.push(NUMBERS, blocks.push(copy) - 1);
      return;
    }
    if (isArray(v)) {
      const n = v.length;
      if (!Number.isSafeInteger(n) || n < 0) throw refuse('unreadable', 'has no valid length');
      if (n > maxItems - items) throw refuse('too-large', `has ${n} items, more than the limit of ${maxItems}`);
      tape.push(LIST, n);
      for (let i = 0; i < n; i++) {
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    const names = keys(v);
    if (names.length > maxItems - items) throw refuse('too-large', `has more than ${maxItems} keys`);
    tape.push(OBJECT, names.length);
    for (const name of names) {
      tape.push(text(name));
      path.push(name);
      walk(v[name], depth + 1);
      path.pop();
    }
  };
  try {
    walk(value, 0);
  } catch {
    // Never look at what was thrown: it may itself be a hostile object.
    const [code, message] = refusal ?? ['unreadable', 'could not be read: reading it threw (a getter or a Proxy)'];
    return [code, pathText(root, path), message];
  }
  return [new Float64Array(tape), texts, blocks, functions];
}

/**
 * The path of the first number in a result that is not finite, or null: the last check before a result leaves.
 * On the way it writes each -0 it passes as 0, so that no result holds -0 (a sum of nothing, a negated 0).
 */
export function firstNonFinite(value) {
  const path = [];
  const find = (v) => {
    if (v === null || typeof v !== 'object') return false;
    if (v instanceof Float64Array || v instanceof Float32Array) {
      const i = v.findIndex((x) => !Number.isFinite(x));
      if (i >= 0) path.push(i);
      else for (let j = 0; j < v.length; j++) if (v[j] === 0) v[j] = 0;
      return i >= 0;
    }
    if (isView(v)) return false; // integer arrays are always finite
    for (const name of keys(v)) {
      const x = v[name];
      if (typeof x === 'number') {
        if (!Number.isFinite(x)) {
          path.push(isArray(v) ? Number(name) : name);
          return true;
        }
        if (x === 0) v[name] = 0;
        continue;
      }
      path.push(isArray(v) ? Number(name) : name);
      if (find(x)) return true;
      path.pop();
    }
    return false;
  };
  if (typeof value === 'number') return Number.isFinite(value) ? null : '';
  return find(value) ? pathText('', path) : null;
}
