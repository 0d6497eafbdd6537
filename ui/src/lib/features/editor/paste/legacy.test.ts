import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, cleanPastedText } from './index';
import wordTcvn3 from './fixtures/word-tcvn3.html?raw';
import wordTcvn3Styles from './fixtures/word-tcvn3-styles.html?raw';
import writerVni from './fixtures/libreoffice-vni.html?raw';
import noFont from './fixtures/web-tcvn3-nofont.html?raw';

const SHY = '\u00ad'; // TCVN3 "ư" is byte 0xAD, which reads as a soft hyphen

describe('legacy fonts', () => {
  it('converts TCVN3 runs named by font-family, capitals for .VnTimeH, Unicode runs untouched', () => {
    expect(cleanPastedHtml(wordTcvn3)).toEqual({
      html: [
        '<p><strong>LỄ HỘI ĐỀN HÙNG</strong></p>',
        '<p>Người dân xã Hùng Lô đã tham gia <em>lễ hội</em> (theo Báo Phú Thọ).</p>',
      ].join(''),
      report: { legacy: 'tcvn3', removedImages: 0, source: 'word' },
    });
  });

  it('takes the font from the style sheet when the runs do not name one', () => {
    expect(cleanPastedHtml(wordTcvn3Styles)).toEqual({
      html: [
        '<h2>LỄ HỘI ĐỀN HÙNG</h2>',
        '<p>Người dân xã Hùng Lô đã tham gia lễ hội (theo Báo Phú Thọ).</p>',
      ].join(''),
      report: { legacy: 'tcvn3', removedImages: 0, source: 'word' },
    });
  });

  it('converts VNI runs named by <font face>', () => {
    expect(cleanPastedHtml(writerVni)).toEqual({
      html: [
        '<p>Đoàn thanh niên xã <strong>Việt Hồng</strong> tổ chức ngày hội.</p>',
        '<p>Nguồn: Đài truyền thanh</p>',
      ].join(''),
      report: { legacy: 'vni', removedImages: 0, source: 'libreoffice' },
    });
  });

  it('inherits the font from the nearest ancestor that declares one', () => {
    const html =
      '<div style="font-family:\'.VnTime\'"><p>V¨n <span style="font-family:Arial">hãa</span> <b>x·</b></p></div>';
    expect(cleanPastedHtml(html).html).toBe('<p>Văn hãa <strong>xã</strong></p>');
  });

  it('detects TCVN3 from the text when no font is named', () => {
    expect(cleanPastedHtml(noFont)).toEqual({
      html: [
        '<p>Người dân xã Hùng Lô đã tham gia <strong>lễ hội</strong> văn hóa truyền thống.</p>',
        '<p>Bảo Thắng, Bát Xát, Mường Khương.</p>',
      ].join(''),
      report: { legacy: 'tcvn3', removedImages: 0, source: 'web' },
    });
  });

  it('spares Unicode runs when the encoding was guessed from the text', () => {
    const html = [
      `<p>Ng${SHY}êi d©n x· Hïng L« ®· tham gia lÔ héi v¨n hãa truyÒn thèng.</p>`,
      `<p>B¶o Th¾ng, B¸t X¸t, M${SHY}êng Kh${SHY}¬ng.</p>`,
      // Decoded as TCVN3, this would read "Bỏo Phỳ Thọ".
      '<p>Báo Phú Thọ.</p>',
    ].join('');
    expect(cleanPastedHtml(html).html).toBe(
      [
        '<p>Người dân xã Hùng Lô đã tham gia lễ hội văn hóa truyền thống.</p>',
        '<p>Bảo Thắng, Bát Xát, Mường Khương.</p>',
        '<p>Báo Phú Thọ.</p>',
      ].join(''),
    );
  });

  it('leaves Unicode Vietnamese alone', () => {
    const html = '<p>Cá thu, cà phê, ô tô, đá, tôi đã ở đó.</p>';
    expect(cleanPastedHtml(html)).toEqual({
      html: '<p>Cá thu, cà phê, ô tô, đá, tôi đã ở đó.</p>',
      report: { legacy: null, removedImages: 0, source: 'web' },
    });
  });
});

describe('cleanPastedText', () => {
  it('converts detected TCVN3 and normalises line endings', () => {
    expect(cleanPastedText(`Ng${SHY}êi d©n x· Hïng L«\r\n®· tham gia lÔ héi.\r`)).toEqual({
      text: 'Người dân xã Hùng Lô\nđã tham gia lễ hội.\n',
      legacy: 'tcvn3',
    });
  });

  it('converts detected VNI', () => {
    expect(cleanPastedText('Ñoaøn thanh nieân xaõ Vieät Hoàng toå chöùc ngaøy hoäi.')).toEqual({
      text: 'Đoàn thanh niên xã Việt Hồng tổ chức ngày hội.',
      legacy: 'vni',
    });
  });

  it('composes decomposed Unicode and keeps the text otherwise', () => {
    const nfd = 'Nghị quyết\tHĐND tỉnh'.normalize('NFD');
    expect(cleanPastedText(nfd)).toEqual({ text: 'Nghị quyết\tHĐND tỉnh', legacy: null });
  });
});
