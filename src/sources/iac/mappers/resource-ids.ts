import { Reference, Unresolved, type IacResource, type IacValue } from '../types.js';
import { UnresolvedValue, get, str, type MapContext } from './mapper.js';

/**
 * Helpers shared by the network, edge and container mappers (ec2, elbv2, cloudfront, apigateway, eks, ecs).
 */

/**
 * The identifier a value gives to another resource: a literal (`vpc-0abc`, an ARN, a name) as written, or, for a
 * reference to a resource of the same document set, that resource's address (the id its own mapper gives it,
 * since the code cannot know the physical id before deployment). Undefined when not written; unknown values
 * throw UnresolvedValue.
 */
export function idOf(value: IacValue | undefined, ctx: MapContext): string | undefined {
  if (value instanceof Reference) return ctx.target(value)?.address ?? value.target;
  if (value instanceof Unresolved) throw new UnresolvedValue(value.detail);
  return str(value);
}

/** The physical name the code gives (the first of `properties` that is written), else the address. */
export function nameOf(resource: IacResource, ...properties: string[]): string {
  for (const property of properties) {
    const value = get(resource.properties, property);
    if (typeof value === 'string' && value !== '') return value;
    // A name that cannot be resolved (a Ref to a parameter without a default) still has to name the resource.
    if (value instanceof Unresolved || value instanceof Reference) return resource.address;
  }
  return resource.address;
}

/** Protocol numbers EC2 names in its answers; the kinds use the names, `-1` for all traffic. */
const PROTOCOL_NAMES: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6' };

/** `6` -> `tcp`, `all` -> `-1`, `TCP` -> `tcp`: the protocol as EC2 reports it. */
export function protocolOf(value: IacValue | undefined, fallback = '-1'): string {
  const given = str(value)?.trim().toLowerCase() ?? fallback;
  if (given === 'all' || given === '-1') return '-1';
  return PROTOCOL_NAMES[given] ?? given;
}

/**
 * User data as text. CloudFormation writes `Fn::Base64: <text>` (the text is what counts) or an already encoded
 * string; Terraform's launch templates take base64 (`base64encode(...)`, `filebase64(...)`), instances plain
 * text. Base64 that decodes to readable text is decoded; anything else is taken as the text itself.
 */
export function userDataOf(value: IacValue | undefined): string | null {
  const inner = get(value, 'Fn::Base64');
  const text = inner === undefined ? str(value) : str(inner);
  if (text === undefined || text === '') return null;
  const compact = text.replace(/\s+/g, '');
  if (inner === undefined && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    // eslint-disable-next-line no-control-regex -- readable text has no control characters but tab and newlines
    if (!decoded.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F]/.test(decoded)) return decoded;
  }
  return text;
}

/** A JSON document written as a string (Terraform `jsonencode(...)`, plan JSON) or as a value. */
export function jsonOf(value: IacValue | undefined, what: string): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new UnresolvedValue(`${what} is not valid JSON`);
    }
  }
  return value;
}
