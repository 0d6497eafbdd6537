import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../markdown';
import { runChecks, type CheckItem } from './checks';

const failing = (items: CheckItem[]) => items.filter((i) => !i.ok);

describe('runChecks', () => {
  it('a complete article passes every check', () => {
    const doc = fromMarkdown(
      '## Tiêu đề phụ\n\n![Lễ hội](media/a.jpg "Ảnh: Kim Huệ")\n*Người dân dự lễ hội*\n\nXem [cổng tỉnh](https://laocai.gov.vn).',
    );
    const items = runChecks({ title: 'Ngày hội văn hóa', sapo: '', doc });
    expect(failing(items)).toEqual([]);
    expect(new Set(items.map((i) => i.rule)).size).toBe(8);
  });

  it('flags a missing or overlong title', () => {
    const doc = fromMarkdown('Nội dung.');
    expect(failing(runChecks({ title: '  ', sapo: '', doc })).map((i) => i.rule)).toEqual([
      'titlePresent',
    ]);
    const long = failing(runChecks({ title: 'Ngày hội '.repeat(20), sapo: '', doc }));
    expect(long).toMatchObject([{ rule: 'titleLength', target: { field: 'title' } }]);
  });

  it('asks for a sapo only when the body is over 600 words', () => {
    const words = (n: number) => fromMarkdown(Array(n).fill('chữ').join(' '));
    expect(failing(runChecks({ title: 'T', sapo: '', doc: words(600) }))).toEqual([]);
    expect(failing(runChecks({ title: 'T', sapo: '', doc: words(601) }))).toMatchObject([
      { rule: 'sapoForLongBody', target: { field: 'sapo' } },
    ]);
    expect(failing(runChecks({ title: 'T', sapo: 'Sa-pô', doc: words(601) }))).toEqual([]);
  });

  it('names each photo without caption or credit and points at it', () => {
    const doc = fromMarkdown(
      'Mở đầu.\n\n![a](media/a.jpg "Ảnh: Kim Huệ")\n*Có chú thích*\n\n![b](media/b.jpg)\n\n![c](media/c.jpg "Nguồn: INTERNET")\n*Chú thích*',
    );
    const bad = failing(runChecks({ title: 'T', sapo: '', doc }));
    expect(bad.map((i) => [i.rule, i.values?.n])).toEqual([
      ['figureCaption', 2],
      ['figureCredit', 2],
      ['creditInternet', 3],
    ]);
    const target = bad[0].target as { pos: number };
    expect(doc.nodeAt(target.pos)?.attrs.images[0].src).toBe('media/b.jpg');
  });

  it('flags "Nguồn: Internet" however it is typed', () => {
    for (const credit of ['Nguồn: Internet', 'nguon internet', 'Ảnh: Internet']) {
      const doc = fromMarkdown(`![a](media/a.jpg "${credit}")\n*Chú thích*`);
      expect(failing(runChecks({ title: 'T', sapo: '', doc })).map((i) => i.rule)).toEqual([
        'creditInternet',
      ]);
    }
  });

  it('flags empty headings and links to files on this computer', () => {
    const doc = fromMarkdown(
      '## \n\nXem [tệp](file:///C:/tai-lieu.docx), [ổ đĩa](<C:\\\\Tai lieu\\\\a.doc>) và [web](https://a.vn).',
    );
    const bad = failing(runChecks({ title: 'T', sapo: '', doc }));
    expect(bad.map((i) => i.rule)).toEqual(['emptyHeading', 'localLink', 'localLink']);
    expect(bad[1].values?.href).toBe('file:///C:/tai-lieu.docx');
  });
});
