/**
 * What the link dialog accepts. A bare "exempel.se/sida" gets https://; anything with a scheme must be on the
 * allow-list (no javascript:, data:, file:).
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function normalizeLinkUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : text.includes('@') && !text.includes('/') ? `mailto:${text}` : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (!ALLOWED.has(url.protocol)) return null;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.href;
  } catch {
    return null;
  }
}
