// The previews' pages (ALB, IAM): one strict Content-Security-Policy and one escaping of
// every value that comes from a user's file or request.

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value from a user's file, a file name or a request goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** A whole page: nothing loads but the one style and the one script that carry `nonce`. */
export function webviewDocument(page: { readonly title: string; readonly nonce: string; readonly style: string; readonly body: string; readonly script: string }): string {
  const { title, nonce, style, body, script } = page;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${style}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}
