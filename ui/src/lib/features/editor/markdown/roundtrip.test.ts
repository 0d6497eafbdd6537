import { describe, expect, it } from 'vitest';
import { fromMarkdown, toMarkdown } from './index';

// Canonical Markdown: what the editor writes. Each must come back byte for byte, and the
// document it makes must survive a second trip unchanged.
const CORPUS: Record<string, string> = {
  sampleArticle: [
    'Hội nghị được kết nối trực tuyến từ Trung ương đến tỉnh, huyện và các xã. Đường truyền ổn định, hình ảnh và âm thanh rõ nét; cán bộ, đảng viên tham dự nghiêm túc, ghi chép đầy đủ.',
    '![Quang cảnh hội nghị](media/hoi-nghi.jpg "Ảnh: Kim Huệ")\n*Quang cảnh điểm cầu Trung tâm hội nghị huyện*',
    '## Nhận thức mới, cách làm mới',
    'Theo báo cáo viên, Nghị quyết đặt ra yêu cầu phát huy tiềm năng, lợi thế của từng địa phương.',
    '![Đại biểu](media/dai-bieu.jpg "Ảnh: Tùng Lâm")\n*Đại biểu tham dự tại điểm cầu thị trấn*',
    '### Đưa Nghị quyết vào cuộc sống',
    'Sau hội nghị, cấp ủy các cấp sẽ **xây dựng chương trình hành động**, *sớm* đưa Nghị quyết vào <u>cuộc sống</u>.',
    '![Múa khèn](media/a.jpg "Ảnh: Kim Huệ")\n![Kéo co](media/b.jpg "Ảnh: Kim Huệ")\n![Bắn nỏ](media/c.jpg "Ảnh: Kim Huệ")\n*Các môn thi đấu tại Ngày hội văn hóa các dân tộc xã Pha Long*',
  ].join('\n\n'),
  table: [
    'Kết quả:',
    '| Xã | Số hộ | Ghi chú |\n| --- | --- | --- |\n| **Bản Lầu** | 120 | Đạt \\| vượt |\n| Pha Long | 95 |   |',
  ].join('\n\n'),
  nestedLists: [
    '- Tổng chiều dài: 3,2 km\n- Kinh phí:\n  - xi măng\n  - cát, đá\n- Người dân đóng góp',
    '1. Lễ mít tinh kỷ niệm.\n2. Triển lãm ảnh:\n   1. ảnh tư liệu\n   2. ảnh mới\n3. Giải bóng đá.',
    'Danh sách bắt đầu từ bảy:',
    '7. bảy\n8. tám',
  ].join('\n\n'),
  links: [
    'Xem [Cổng thông tin tỉnh](https://laocai.gov.vn/tin-tuc "Lào Cai") và <https://example.vn>.',
    'Thư: [ban biên tập](mailto:bbt@example.vn).',
  ].join('\n\n'),
  quotesAndRules: [
    '> "Đường đẹp rồi, bà con phấn khởi lắm", ông Lù Văn Sáng chia sẻ.\n>\n> Đoạn thứ hai.',
    '---',
    'Dòng một\\\ndòng hai',
  ].join('\n\n'),
  figureVariants: [
    '![](media/no-alt.jpg)',
    '![Ảnh không chú thích](media/x.png "Ảnh: Thu Hà")',
    '![Ảnh có dấu \\*sao\\*](<C:\\\\Users\\\\Phong\\\\ảnh lễ hội (1).jpg> "Nguồn: \\"TTXVN\\"")\n*Chú thích có ký tự \\[đặc biệt\\] và \\_gạch\\_*',
  ].join('\n\n'),
  escapes: ['\\# không phải tiêu đề', '1\\. không phải danh sách', 'a \\* b \\_c\\_'].join('\n\n'),
};

describe('Markdown round trip', () => {
  for (const [name, markdown] of Object.entries(CORPUS)) {
    it(`${name}: markdown → editor → markdown is unchanged`, () => {
      expect(toMarkdown(fromMarkdown(markdown))).toBe(markdown);
    });

    it(`${name}: editor → markdown → editor gives the same document`, () => {
      const doc = fromMarkdown(markdown);
      const again = fromMarkdown(toMarkdown(doc));
      expect(again.toJSON()).toEqual(doc.toJSON());
    });
  }
});

describe('figures', () => {
  it('reads images, shared caption and credit', () => {
    const doc = fromMarkdown(CORPUS.sampleArticle);
    const figures = doc.content.content.filter((n) => n.type.name === 'figure');
    expect(figures).toHaveLength(3);
    expect(figures[2].attrs).toEqual({
      images: [
        { src: 'media/a.jpg', alt: 'Múa khèn' },
        { src: 'media/b.jpg', alt: 'Kéo co' },
        { src: 'media/c.jpg', alt: 'Bắn nỏ' },
      ],
      caption: 'Các môn thi đấu tại Ngày hội văn hóa các dân tộc xã Pha Long',
      credit: 'Ảnh: Kim Huệ',
    });
  });

  it('keeps a Windows path with spaces, brackets and Vietnamese letters intact', () => {
    const doc = fromMarkdown(CORPUS.figureVariants);
    const last = doc.lastChild!;
    expect(last.attrs.images[0].src).toBe('C:\\Users\\Phong\\ảnh lễ hội (1).jpg');
    expect(last.attrs.credit).toBe('Nguồn: "TTXVN"');
    expect(last.attrs.caption).toBe('Chú thích có ký tự [đặc biệt] và _gạch_');
  });

  it('lifts an image out of running text into its own figure', () => {
    const doc = fromMarkdown('Trước ![ảnh](media/a.jpg "Ảnh: A") sau');
    expect(doc.content.content.map((n) => n.type.name)).toEqual([
      'paragraph',
      'figure',
      'paragraph',
    ]);
    expect(toMarkdown(doc)).toBe('Trước\n\n![ảnh](media/a.jpg "Ảnh: A")\n\nsau');
  });
});

describe('what the editor cannot hold', () => {
  it('shows raw HTML as text instead of running it', () => {
    const doc = fromMarkdown('<script>alert(1)</script>\n\nchữ <b onclick="x()">đậm</b>');
    expect(doc.textContent).toContain('<script>alert(1)</script>');
    expect(toMarkdown(doc)).toBe(
      '\\<script>alert(1)\\</script>\n\nchữ \\<b onclick="x()">đậm\\</b>',
    );
  });

  it('turns h1 into h2 and h6 into h4', () => {
    expect(toMarkdown(fromMarkdown('# Một\n\n###### Sáu'))).toBe('## Một\n\n#### Sáu');
  });

  it('never makes a javascript: link', () => {
    const doc = fromMarkdown('[bấm](javascript:alert(1)) [ok](https://a.vn)');
    const hrefs: string[] = [];
    doc.descendants((n) => {
      n.marks.forEach((m) => m.type.name === 'link' && hrefs.push(m.attrs.href));
    });
    expect(hrefs).toEqual(['https://a.vn']);
  });

  it('stores NFC whatever the input', () => {
    const nfd = 'Thể thao'.normalize('NFD');
    expect(toMarkdown(fromMarkdown(nfd))).toBe('Thể thao'.normalize('NFC'));
  });

  it('an empty body is an empty document', () => {
    expect(toMarkdown(fromMarkdown(''))).toBe('');
  });
});
