/** IPv4 and IPv6 addresses and CIDR ranges, for the `cidr` modifier. */

export interface CidrRange {
  bytes: Uint8Array;
  prefixLength: number;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a /32 or /128); null when it is neither. */
export function parseCidr(text: string): CidrRange | null {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  const maximum = address.length * 8;
  if (slash < 0) return { bytes: address, prefixLength: maximum };
  const lengthText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText)) return null;
  const prefixLength = Number(lengthText);
  if (prefixLength > maximum) return null;
  return { bytes: address, prefixLength };
}

export function cidrContains(range: CidrRange, addressText: string): boolean {
  let address = parseIpAddress(addressText);
  if (address === null) return false;
  if (address.length === 16 && range.bytes.length === 4) address = unmapIpv4(address);
  if (address === null || address.length !== range.bytes.length) return false;
  const whole = Math.floor(range.prefixLength / 8);
  for (let i = 0; i < whole; i++) {
    if (address[i] !== range.bytes[i]) return false;
  }
  const rest = range.prefixLength % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((address[whole] ?? 0) & mask) === ((range.bytes[whole] ?? 0) & mask);
}

export function parseIpAddress(text: string): Uint8Array | null {
  if (text.includes(':')) return parseIpv6(text);
  return parseIpv4(text);
}

function parseIpv4(text: string): Uint8Array | null {
  const pieces = text.split('.');
  if (pieces.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const piece = pieces[i] ?? '';
    if (!/^\d{1,3}$/.test(piece)) return null;
    const value = Number(piece);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | null {
  const zone = text.indexOf('%');
  const address = zone < 0 ? text : text.slice(0, zone);
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...(new Array(missing).fill(0) as number[]), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** Hex groups of one side of `::`; a trailing dotted IPv4 counts as two groups. */
function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const pieces = text.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i === pieces.length - 1 && piece.includes('.')) {
      const ipv4 = parseIpv4(piece);
      if (ipv4 === null) return null;
      groups.push(((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0), ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0));
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
      groups.push(parseInt(piece, 16));
    }
  }
  return groups;
}

/** `::ffff:192.0.2.1` is the IPv4 address 192.0.2.1. */
function unmapIpv4(address: Uint8Array): Uint8Array | null {
  for (let i = 0; i < 10; i++) if (address[i] !== 0) return null;
  if (address[10] !== 0xff || address[11] !== 0xff) return null;
  return address.slice(12);
}
