/** Where a desk publishes its status lists: an https address, or http on this machine (a desk tried out locally). No URL parser in core. */
const STATUS_URI =
  /^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?)(\/[\x21-\x7e]*)?$/i;

/** At most this many characters. */
export const MAX_STATUS_LIST_URI_LENGTH = 2048;

export function isStatusListUri(value: string): boolean {
  return value.length <= MAX_STATUS_LIST_URI_LENGTH && STATUS_URI.test(value);
}
