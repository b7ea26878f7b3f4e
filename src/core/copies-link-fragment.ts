/**
 * The fragment of a copies-request link (docs/protocol.md §Copies request): the issuer desk's page
 * reads it (and clears it) on opening. Its own module, free of imports, so that the desk's first
 * screen can look for it without loading the transport.
 */
export const COPIES_LINK_FRAGMENT = '#copies=';
