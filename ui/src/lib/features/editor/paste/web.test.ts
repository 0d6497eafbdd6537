import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';
import web from './fixtures/web.html?raw';

describe('web pages', () => {
  it('unwraps layout, keeps captions and drops images, trackers, ads and widgets', () => {
    const { html, report } = cleanPastedHtml(web);
    expect(html).toBe(
      [
        '<h2>Khánh thành cầu treo bản Mường</h2>',
        '<p>Minh Anh - 12/05/2024 08:00</p>',
        '<p><strong>Sáng 12/5, huyện đã khánh thành cầu treo dài 120 m</strong> ',
        'nối hai bờ suối Nậm Mu.</p>',
        '<p>Cầu treo mới, ảnh: <em>Minh Anh</em></p>',
        '<p>Công trình có tổng vốn <strong>4,5 tỷ đồng</strong>, do UBND huyện làm chủ đầu tư. ',
        'Chi tiết xem <a href="https://www.baotinh.vn/cau-treo-ban-muong-post123.html">bài gốc</a>',
        ' và bình luận.</p>',
        '<blockquote><p>“Trước đây mùa lũ các cháu phải nghỉ học”, <em>ông Lò Văn Sướng</em> ',
        'nói.</p></blockquote>',
        '<h2>Thông số</h2>',
        '<table><thead><tr><th>Hạng mục</th><th>Giá trị</th></tr></thead><tbody>',
        '<tr><td>Chiều dài</td><td>120 m</td></tr>',
        '<tr><td>Tải trọng</td><td>0,5 tấn</td></tr>',
        '</tbody></table>',
        '<h4>Liên kết</h4>',
        '<ul><li><a href="https://www.baotinh.vn/duong-lien-xa-post99.html">Đường liên xã về đích</a>',
        '</li><li><a href="mailto:toasoan@baotinh.vn">Gửi tin cho tòa soạn</a></li></ul>',
        '<hr>',
      ].join(''),
    );
    // The article photo and the 1×1 tracking pixel.
    expect(report).toEqual({ legacy: null, removedImages: 2, source: 'web' });
  });

  it('keeps a few copied words inline, without a paragraph around them', () => {
    const html =
      '<meta charset="utf-8"><span style="color: rgb(34, 34, 34);">vài <b>chữ</b></span>';
    expect(cleanPastedHtml(html).html).toBe('vài <strong>chữ</strong>');
  });

  it('reports plain HTML that is only text', () => {
    expect(cleanPastedHtml('dòng một<br>dòng hai')).toEqual({
      html: 'dòng một<br>dòng hai',
      report: { legacy: null, removedImages: 0, source: 'plain' },
    });
  });
});
