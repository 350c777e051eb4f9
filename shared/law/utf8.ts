// UTF-8 helpers without TextEncoder (not part of lib ES2023, and shared/ has no DOM or Node types).

/** The UTF-8 bytes of a string (lone surrogates are encoded as U+FFFD, like TextEncoder). */
export function utf8Bytes(value: string): number[] {
  const bytes: number[] = [];
  for (const ch of value) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

export function utf8Length(value: string): number {
  return utf8Bytes(value).length;
}
