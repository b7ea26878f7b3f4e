/** What a transported payload is; one byte on the wire (docs/transport.md §Kinds). */
export type PayloadKind = 'offer' | 'connect' | 'request' | 'response' | 'status-list';

const CODES: Readonly<Record<PayloadKind, number>> = {
  offer: 1,
  connect: 2,
  request: 3,
  response: 4,
  'status-list': 5,
};

export const PAYLOAD_KINDS: readonly PayloadKind[] = Object.keys(CODES) as PayloadKind[];

export function payloadKindCode(kind: PayloadKind): number {
  const code = CODES[kind];
  if (code === undefined)
    throw new TypeError(`"kind" expected one of ${PAYLOAD_KINDS.join(', ')}, got ${String(kind)}`);
  return code;
}

export function payloadKindFromCode(code: number): PayloadKind | undefined {
  return PAYLOAD_KINDS.find((kind) => CODES[kind] === code);
}
