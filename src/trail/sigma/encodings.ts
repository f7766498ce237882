/** The encoding modifiers: `base64`, `base64offset`, `utf16le`/`wide`, `utf16be`, `utf16`. */

export type EncodingModifier = 'base64' | 'base64offset' | 'utf16le' | 'utf16be' | 'utf16' | 'wide';

export function isEncodingModifier(name: string): name is EncodingModifier {
  return ['base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide'].includes(name);
}

/**
 * Applies encodings left to right to a literal value and returns the texts to look for (base64offset gives
 * three, one per alignment of the value inside a longer base64 string). Bytes not yet base64-encoded (after a
 * utf16 modifier alone) are read back one byte per character.
 */
export function encodeValue(value: string, encodings: readonly EncodingModifier[]): string[] {
  let variants: Buffer[] = [Buffer.from(value, 'utf8')];
  let isText = true;
  for (const encoding of encodings) {
    switch (encoding) {
      case 'utf16le':
      case 'wide':
        variants = variants.map((bytes) => utf16le(bytes, isText));
        break;
      case 'utf16be':
        variants = variants.map((bytes) => swapPairs(utf16le(bytes, isText)));
        break;
      case 'utf16':
        variants = variants.map((bytes) =>
          Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(bytes, isText)]),
        );
        break;
      case 'base64':
        variants = variants.map((bytes) => Buffer.from(bytes.toString('base64'), 'latin1'));
        break;
      case 'base64offset':
        variants = variants.flatMap((bytes) =>
          base64Offsets(bytes).map((text) => Buffer.from(text, 'latin1')),
        );
        break;
    }
    isText = false;
  }
  return variants.map((bytes) => (isText ? bytes.toString('utf8') : bytes.toString('latin1')));
}

function utf16le(bytes: Buffer, isText: boolean): Buffer {
  return Buffer.from(isText ? bytes.toString('utf8') : bytes.toString('latin1'), 'utf16le');
}

function swapPairs(bytes: Buffer): Buffer {
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return swapped;
}

/**
 * The value base64-encoded at each of the three byte offsets it can have inside a longer encoded string,
 * keeping only the characters that depend on the value alone (the ones at the edges mix in its neighbours).
 */
export function base64Offsets(bytes: Buffer): string[] {
  const leadingCut = [0, 2, 3];
  const trailingCut = [0, 3, 2];
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const cutEnd = trailingCut[(bytes.length + offset) % 3] ?? 0;
    return encoded.slice(leadingCut[offset] ?? 0, encoded.length - cutEnd);
  });
}
