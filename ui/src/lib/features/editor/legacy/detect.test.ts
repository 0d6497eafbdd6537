import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding } from './index';

const UNICODE =
  'Trung tâm Văn hóa, Thể thao - Truyền thông huyện Mường Khương tổ chức hội thi ' +
  'tuyên truyền về phòng chống dịch bệnh cho các xã trên địa bàn.';
const TCVN3 =
  'Trung t©m V¨n hãa, ThÓ thao - TruyÒn th«ng huyÖn M\u00adêng Kh\u00ad¬ng tæ chøc héi thi ' +
  'tuy\u00aan truyÒn vÒ phßng chèng dÞch bÖnh cho c¸c x· tr\u00aan ®Þa bµn.';
const VNI =
  'Trung taâm Vaên hoùa, Theå thao - Truyeàn thoâng huyeän Möôøng Khöông toå chöùc hoäi thi ' +
  'tuyeân truyeàn veà phoøng choáng dòch beänh cho caùc xaõ treân ñòa baøn.';

describe('detectLegacyEncoding', () => {
  it.each([
    ['a TCVN3 paragraph', TCVN3, 'tcvn3'],
    ['a .VnTimeH (capitals) headline', 'CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3'],
    ['a short TCVN3 heading', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3'],
    ['a VNI paragraph', VNI, 'vni'],
    ['a VNI capitals headline', 'COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'vni'],
    ['a short VNI heading', 'Ñoäc laäp - Töï do - Haïnh phuùc', 'vni'],
    ['TCVN3 with 0x80–0x9F punctuation', `“${TCVN3}” … ™`, 'tcvn3'],
  ])('finds %s', (_, text, expected) => {
    expect(detectLegacyEncoding(text)).toBe(expected);
  });

  it.each([
    ['Vietnamese Unicode', UNICODE],
    ['Vietnamese Unicode, decomposed', UNICODE.normalize('NFD')],
    ['Vietnamese Unicode using only Latin-1 letters', 'Tôi là ai, bà có đi chợ không? Cá tôm.'],
    ['English', 'The district culture centre held a contest on disease prevention.'],
    ['French', 'Un café crème, s’il vous plaît. « Où est la gare ? » Déjà vu, goût, août.'],
    ['German', 'Grüße aus München! Schöne Größe, übermäßig Äpfel und Öl.'],
    ['Spanish', 'Aún así, el niño comió piña en España. ¿Qué tal? Raúl, baúl.'],
    ['a product code', 'SKU-ÄÖÜ-2024/X½ Ref. Nº 77-µ3'],
    ['stray symbols', '© 2024 Company® — 5 µm ± 0.1 µm at 25°C, ½ cup, 10 µm again.'],
    ['a price list', 'Giá: 50.000đ — £12, ¥300, €4 · ¼ kg'],
    ['VIQR (never guessed)', "Trung ta^m Va(n ho'a, The^? thao - Truye^`n tho^ng"],
    ['a single TCVN3 word', 'ViÖt'],
    ['Unicode mixed with some TCVN3', `${UNICODE} ViÖt Nam héi chñ nghÜa`],
    ['plain ASCII', 'Trung tam Van hoa'],
    ['empty text', ''],
  ])('returns null for %s', (_, text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });
});
