// Notes from the registry mix prose and $...$ math: the math is typeset, the prose escaped.
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderRichText } from '../../web/src/views/math.js';

describe('renderRichText', () => {
  it('typesets $...$ segments and escapes the rest', () => {
    const html = renderRichText('With $\\eta = 1/\\beta$ it <b>converges</b> & stops');
    expect(html).toContain('class="katex"');
    expect(html).toContain('&lt;b&gt;converges&lt;/b&gt; &amp; stops');
    expect(html).not.toContain('<b>');
  });

  it('leaves text without math as escaped text', () => {
    expect(renderRichText('a < b')).toBe('a &lt; b');
    expect(renderRichText('costs $5')).toBe('costs $5');
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});
