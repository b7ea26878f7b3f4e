/**
 * A form that takes either a file or pasted text (a trust list, a status list): the file wins when
 * one was chosen. The size is checked before the file is read.
 */
export type UploadText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'empty' };

export async function readFileOrText(
  data: FormData,
  fields: { file: string; text: string },
  maxBytes: number,
): Promise<UploadText> {
  const file = data.get(fields.file);
  let text = String(data.get(fields.text) ?? '').trim();
  if (file instanceof File && file.size > 0) {
    if (file.size > maxBytes) return { ok: false, reason: 'too-large' };
    text = (await file.text()).trim();
  }
  return text ? { ok: true, text } : { ok: false, reason: 'empty' };
}
