import { describe, expect, it } from 'vitest';
import { draftToInput, emptyDraft } from './formModel';

describe('draftToInput', () => {
  it('composes decomposed (NFD) text in every field to NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const input = draftToInput({
      title: nfd('Lễ hội văn hóa'),
      sapo: nfd('Sa-pô tiếng Việt'),
      body: nfd('Nội dung **đậm**'),
      authors: nfd('Kim Huệ, Tùng Lâm'),
      unit: nfd('Trung tâm Văn hóa'),
      category: nfd('Văn hóa/Lễ hội'),
      tags: nfd('lễ hội, du lịch'),
      status: 'draft',
    });
    expect(nfd('Lễ hội văn hóa')).not.toBe('Lễ hội văn hóa');
    expect(input).toEqual({
      title: 'Lễ hội văn hóa',
      sapo: 'Sa-pô tiếng Việt',
      body: 'Nội dung **đậm**',
      authors: ['Kim Huệ', 'Tùng Lâm'],
      unit: 'Trung tâm Văn hóa',
      category: 'Văn hóa/Lễ hội',
      tags: ['lễ hội', 'du lịch'],
      status: 'draft',
    });
  });

  it('keeps Markdown line structure in the body but trims the title', () => {
    const input = draftToInput({ ...emptyDraft(), title: '  Tiêu  đề ', body: '# A\n\n- b\n\n' });
    expect(input.title).toBe('Tiêu đề');
    expect(input.body).toBe('# A\n\n- b');
    expect(input.category).toBeNull();
  });
});
