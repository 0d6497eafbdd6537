import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';
import writer from './fixtures/libreoffice.html?raw';

describe('LibreOffice Writer', () => {
  it('drops western classes, <font> and styles and keeps the structure', () => {
    const { html, report } = cleanPastedHtml(writer);
    expect(html).toBe(
      [
        '<h2>Tin vắn</h2>',
        '<p>Hội nghị <strong>tổng kết</strong> năm được tổ chức tại <em>hội trường</em> ',
        '<u>UBND huyện</u>.</p>',
        '<ul><li>Khen thưởng 12 tập thể</li><li>Biểu dương 30 cá nhân</li></ul>',
        // Writer underlines link text itself; the link says it already.
        '<p><a href="http://huyen.gov.vn/tin-tuc?id=12&amp;loai=2">huyen.gov.vn/tin-tuc</a></p>',
        '<table><tbody>',
        '<tr><td>Đơn vị</td><td>Số người</td></tr>',
        '<tr><td colspan="2">Tổng: <strong>42</strong></td></tr>',
        '</tbody></table>',
        '<h3>Liên hệ</h3>',
        '<p>Văn phòng HĐND – UBND huyện</p>',
      ].join(''),
    );
    expect(report).toEqual({ legacy: null, removedImages: 0, source: 'libreoffice' });
  });
});
