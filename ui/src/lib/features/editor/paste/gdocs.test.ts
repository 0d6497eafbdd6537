import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';
import gdocs from './fixtures/gdocs.html?raw';

describe('Google Docs', () => {
  it('reads marks from styles, ignores the guid <b> and fixes nested lists', () => {
    const { html, report } = cleanPastedHtml(gdocs);
    expect(html).toBe(
      [
        '<h2>Họp dân về giải phóng mặt bằng</h2>',
        '<p>Chiều qua, <strong>ông Trần Văn An</strong>, Chủ tịch xã, cho biết ',
        '<em>việc đền bù sẽ hoàn tất</em> trong tháng 6. ',
        '<strong><em><u>Hạn chót</u></em></strong> là 30/6.</p>',
        '<ul><li>Hộ gia đình: 54<ul><li>Đã ký: 50</li></ul></li><li>Tổ chức: 3</li></ul>',
        '<ol><li>Kiểm đếm</li></ol>',
        '<p><a href="https://docs.google.com/document/d/1AbCdEf/edit">Biên bản đầy đủ</a></p>',
        '<table><tbody>',
        '<tr><td><strong>Thôn</strong></td><td><strong>Số hộ</strong></td></tr>',
        '<tr><td>Đông</td><td>30</td></tr>',
        '</tbody></table>',
      ].join(''),
    );
    expect(report).toEqual({ legacy: null, removedImages: 1, source: 'gdocs' });
  });

  it('keeps a partial copy whose guid sits on the list itself', () => {
    const html =
      '<meta charset="utf-8"><ul style="margin-top:0;margin-bottom:0;" id="docs-internal-guid-8a672c83-7fff-1b35-788b-9afb3dcf7487"><li dir="ltr" style="list-style-type:disc;font-weight:400;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:700;">Một</span></p></li></ul>';
    expect(cleanPastedHtml(html)).toEqual({
      html: '<ul><li><strong>Một</strong></li></ul>',
      report: { legacy: null, removedImages: 0, source: 'gdocs' },
    });
  });
});
