import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';
// Fixtures start with `<!-- prettier-ignore -->` so that the formatter leaves the markup as
// the programs wrote it; the comment sits before <html> and is dropped like any other.
import word from './fixtures/word.html?raw';
import wordLists from './fixtures/word-lists.html?raw';

describe('Word', () => {
  it('keeps headings, marks, links and tables and drops the rest', () => {
    const { html, report } = cleanPastedHtml(word);
    expect(html).toBe(
      [
        '<h2>Lễ hội đền Hùng năm 2024</h2>',
        '<p>Sáng nay, <strong>UBND xã</strong> đã tổ chức <em>lễ dâng hương</em> tại ',
        '<u>đền Thượng</u>. Xem thêm tại ',
        '<a href="https://baotinhphu.vn/le-hoi">trang tin của tỉnh</a>.</p>',
        '<h3>Chương trình</h3>',
        '<table><tbody>',
        '<tr><td><strong>Giờ</strong></td><td><strong>Nội dung</strong></td></tr>',
        '<tr><td>7:00</td><td>Dâng hương tại đền Thượng</td></tr>',
        '</tbody></table>',
        '<h4>Ghi chú</h4>',
        '<p>Người dân được miễn phí vé.</p>',
      ].join(''),
    );
    expect(report).toEqual({ legacy: null, removedImages: 1, source: 'word' });
  });

  it('turns list paragraphs into nested <ol>/<ul> by their markers and levels', () => {
    const { html, report } = cleanPastedHtml(wordLists);
    expect(html).toBe(
      [
        '<ol><li>Khai mạc<ol><li>Chào cờ</li><li>Phát biểu của <strong>Chủ tịch</strong></li></ol>',
        '</li><li>Bế mạc</li></ol>',
        '<p>Thành phần:</p>',
        '<ul><li>Lãnh đạo xã<ul><li>Bí thư<ul><li>Văn phòng Đảng ủy</li></ul></li></ul></li>',
        '<li>Các đoàn thể</li></ul>',
        // A different list (lfo3) on plain MsoNormal paragraphs, with a "-" bullet.
        '<ul><li>Danh sách gạch đầu dòng trong đoạn thường</li></ul>',
      ].join(''),
    );
    expect(report.source).toBe('word');
  });

  it.each([
    ['1.', 'ol'],
    ['12)', 'ol'],
    ['(c)', 'ol'],
    ['iv.', 'ol'],
    ['2.3.', 'ol'],
    ['·', 'ul'],
    ['o', 'ul'],
    ['§', 'ul'],
    ['Ø', 'ul'],
    ['-', 'ul'],
  ])('marker %j makes an <%s>', (marker, tag) => {
    const html = `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Mục</p>`;
    expect(cleanPastedHtml(html).html).toBe(`<${tag}><li>Mục</li></${tag}>`);
  });

  it('starts a new list when the type changes at the same level', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level${level} lfo1'><span style='mso-list:Ignore'>${marker}&nbsp;</span>${text}</p>\n`;
    const html =
      item(1, '1.', 'Một') + item(2, '·', 'A') + item(2, 'a.', 'B') + item(1, '2.', 'Hai');
    expect(cleanPastedHtml(html).html).toBe(
      '<ol><li>Một<ul><li>A</li></ul><ol><li>B</li></ol></li><li>Hai</li></ol>',
    );
  });

  it('drops the number of a numbered heading but keeps it a heading', () => {
    const html = `<h2 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Tổng quan<o:p></o:p></h2>`;
    expect(cleanPastedHtml(html).html).toBe('<h2>Tổng quan</h2>');
  });
});
