/** Format checks shared by rules: checksums, decodable headers, AWS account decoding, entropy. */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zlib one) of an ASCII string. */
export function crc32(value: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < value.length; i++) {
    crc = (CRC_TABLE[(crc ^ value.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` in base 62, left-padded with `0` to `width`. */
export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's token format (and npm's, which follows it): a prefix, 30 random base62 characters and the CRC32 of
 * those 30, in base62, padded to 6. https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function hasCrc32Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** Decoded base64url (or base64) text, or null when it is not valid. */
export function decodeBase64Url(value: string): string | null {
  if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(value)) return null;
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

function decodeJsonObject(value: string): Record<string, unknown> | null {
  const decoded = decodeBase64Url(value);
  if (decoded === null) return null;
  try {
    const parsed: unknown = JSON.parse(decoded);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A JWT: a base64url JSON header naming its algorithm, and a JSON payload. */
export function isJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) return false;
  const decoded = decodeJsonObject(header);
  return decoded !== null && typeof decoded['alg'] === 'string' && decodeJsonObject(payload) !== null;
}

/** jwt.io's sample token (subject 1234567890, John Doe), printed in countless tutorials. */
export function isJwtIoSample(token: string): boolean {
  const payload = decodeJsonObject(token.split('.')[1] ?? '');
  return payload?.['sub'] === '1234567890' && payload['name'] === 'John Doe';
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The 12-digit account that owns an AKIA/ASIA access key id, decoded offline: base32-decode the 16 characters
 * after the prefix, take the first 6 bytes big-endian, mask with 0x7fffffffff80 and shift right by 7. Old ids
 * whose fifth character is I or J do not encode it (null). Source: Tal Be'ery, "A short note on AWS KEY ID"
 * (https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489), trufflehog GetAccountNumFromID.
 */
export function awsAccountFromKeyId(keyId: string): string | null {
  if (!/^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(keyId)) return null;
  const body = keyId.slice(4);
  if (body.startsWith('I') || body.startsWith('J')) return null;
  let bits = '';
  for (const char of body) bits += BASE32.indexOf(char).toString(2).padStart(5, '0');
  const x = parseInt(bits.slice(0, 48), 2);
  return String(Math.floor((x % 2 ** 47) / 128)).padStart(12, '0');
}
