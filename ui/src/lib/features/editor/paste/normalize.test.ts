import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';

const clean = (html: string) => cleanPastedHtml(html).html;

describe('text normalisation', () => {
  it('composes NFD input to NFC', () => {
    const nfd = '<p>Tiếng Việt <b>Đường</b></p>'.normalize('NFD');
    const out = clean(nfd);
    expect(out).toBe('<p>Tiếng Việt <strong>Đường</strong></p>');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('turns non-breaking spaces into single spaces and trims line edges', () => {
    expect(
      clean('<p>&nbsp; Một&nbsp;&nbsp;&nbsp;hai <b> ba </b> bốn&nbsp;<br>&nbsp;năm&nbsp;</p>'),
    ).toBe('<p>Một hai <strong>ba </strong>bốn<br>năm</p>');
  });

  it('drops empty paragraphs, empty wrappers and edge line breaks', () => {
    expect(
      clean(
        '<p>&nbsp;</p><p><span><b></b></span></p><p><br></p><p><br>Nội dung<br></p><div> </div>',
      ),
    ).toBe('<p>Nội dung</p>');
  });

  it('merges adjacent runs with the same marks', () => {
    expect(clean('<p><b>Ủy</b><b> ban</b><strong><i> nhân</i></strong><i> dân</i></p>')).toBe(
      '<p><strong>Ủy ban<em> nhân</em></strong><em> dân</em></p>',
    );
  });

  it('maps h1 to h2 and h5/h6 to h4', () => {
    expect(clean('<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>')).toBe(
      '<h2>A</h2><h2>B</h2><h3>C</h3><h4>D</h4><h4>E</h4><h4>F</h4>',
    );
  });

  it('splits a paragraph around a block inside it, as a browser shows it', () => {
    expect(clean('<div>trước<div>giữa</div>sau</div>')).toBe('<p>trước</p><p>giữa</p><p>sau</p>');
  });

  it('keeps line breaks of <pre>', () => {
    expect(clean('<pre>dòng 1\ndòng 2</pre>')).toBe('<p>dòng 1<br>dòng 2</p>');
  });

  it('keeps a list item with several paragraphs as paragraphs', () => {
    expect(clean('<ol><li><p>Một</p><p>Hai</p></li></ol>')).toBe(
      '<ol><li><p>Một</p><p>Hai</p></li></ol>',
    );
  });

  it('keeps colspan and rowspan, and only them', () => {
    expect(
      clean(
        '<table><tr><td colspan="2" rowspan="3" width="50" class="x">a</td><td>b</td></tr></table>',
      ),
    ).toBe('<table><tbody><tr><td colspan="2" rowspan="3">a</td><td>b</td></tr></tbody></table>');
  });

  it('unwraps one-cell layout tables and drops tables without text', () => {
    expect(
      clean(
        '<table width="760"><tr><td><h1>Tin</h1><p>Nội dung</p></td></tr></table>' +
          '<table><tr><td><img src="s.gif"></td><td>&nbsp;</td></tr></table>',
      ),
    ).toBe('<h2>Tin</h2><p>Nội dung</p>');
  });

  it('turns a table caption into the paragraph before the table', () => {
    expect(clean('<table><caption>Bảng 1</caption><tr><td>a</td><td>b</td></tr></table>')).toBe(
      '<p>Bảng 1</p><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
    );
  });
});
