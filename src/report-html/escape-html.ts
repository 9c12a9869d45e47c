// Escaping for text and attribute values placed into the HTML report, and for JSON and scripts
// embedded in <script> elements.

/**
 * @example
 * escapeHtml(`<b title="x">`); // &lt;b title=&quot;x&quot;&gt;
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` can close the element.
 *
 * @example
 * scriptJson({ a: "</script>" }); // {"a":"\u003c/script>"}
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Script text that cannot close its own element early. */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

/** Style text that cannot close its own element early. */
export function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1");
}
