/** Standard base64 with padding, as CloudFront encodes bodies and expects them back. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
