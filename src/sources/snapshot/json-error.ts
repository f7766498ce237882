/**
 * Where JSON text first goes wrong, as a character offset. Node 20's JSON.parse does not always say
 * ("Unexpected token ','"), and users need a line and column, so this walks the text with a small validator.
 * Only called after JSON.parse has failed.
 */
class Stop extends Error {
  constructor(readonly offset: number) {
    super(`JSON error at ${offset}`);
  }
}

export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail();
      at++;
    }
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text.charAt(at)) || at >= text.length) fail();
      }
      at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match?.[0]) fail();
    at += match?.[0].length ?? 0;
  };
  /** Consumes `close` if it is next; whether it was. */
  const closes = (close: string): boolean => {
    space();
    if (text[at] !== close) return false;
    at++;
    return true;
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === '{') {
      at++;
      if (closes('}')) return;
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
        space();
        if (closes('}')) return;
        if (text[at] !== ',') fail();
        at++;
      }
    }
    if (char === '[') {
      at++;
      if (closes(']')) return;
      for (;;) {
        value();
        space();
        if (closes(']')) return;
        if (text[at] !== ',') fail();
        at++;
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    fail();
  };
  try {
    value();
    space();
    return at < text.length ? at : text.length;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
