// XML attribute and text escaping, including characters XML 1.0 forbids outright.

/**
 * @example
 * escapeXml(`a < "b"`); // a &lt; &quot;b&quot;
 */
export function escapeXml(text: string): string {
  return (
    text
      // Control characters are invalid in XML 1.0.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}
